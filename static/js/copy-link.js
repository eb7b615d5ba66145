// A "Copy link" button for a read-only field, hooked by data-copy-target (the field's id).
// Without JavaScript, or without clipboard access, the button stays hidden and the field
// can still be selected and copied by hand.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var field = document.getElementById(button.dataset.copyTarget);
    if (!field || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        button.textContent = button.dataset.copiedLabel;
      });
    });
  });
})();
