// Report page niceties: a Print button, copying a new share link, and focus on a link just
// made. All are optional: browsers print with Ctrl+P, the link field can be selected by
// hand, and without JavaScript the page that shows a new link focuses it (autofocus).
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) {
      window.print();
      return;
    }
    var copy = event.target.closest("[data-copy]");
    if (!copy) return;
    var field = document.querySelector(copy.dataset.copy);
    if (!field) return;
    field.select();
    var done = function () { copy.textContent = copy.dataset.copied; };
    if (navigator.clipboard) navigator.clipboard.writeText(field.value).then(done, function () {});
    else if (document.execCommand("copy")) done();
  });
  // After htmx swaps the share panel in, focus would fall to <body>: move it to the new
  // link when one was made, else to the panel's heading.
  document.addEventListener("htmx:afterSwap", function (event) {
    var panel = event.detail.target;
    if (!panel || panel.id !== "share") return;
    var target = panel.querySelector("#new-link") || panel.querySelector("[aria-invalid='true'], .is-invalid");
    if (!target) {
      target = panel.querySelector("#share-heading");
      if (target) target.setAttribute("tabindex", "-1");
    }
    if (target) target.focus();
  });
})();
