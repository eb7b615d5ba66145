// The browser's time zone in a cookie, so the server shows dates and times in it.
(function () {
  "use strict";
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!zone || document.cookie.indexOf("hireframe_tz=" + zone) !== -1) {
    return;
  }
  document.cookie = "hireframe_tz=" + zone + "; path=/; max-age=31536000; samesite=lax";
})();
