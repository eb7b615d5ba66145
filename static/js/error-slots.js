// Fields and their error slots. Each slot names its input (id_x_error belongs to id_x);
// when htmx fills or empties a slot in place, the input is marked invalid or valid again,
// for the eye (Bootstrap's is-invalid) and for screen readers (aria-invalid). Loaded before
// wizard.js, whose focus moves to the first invalid field after the marks are set.
(function () {
  "use strict";

  function syncInvalid() {
    document.querySelectorAll("[data-error-slot]").forEach(function (slot) {
      var input = document.getElementById(slot.id.replace(/_error$/, ""));
      if (!input) return;
      var invalid = slot.textContent.trim() !== "";
      input.classList.toggle("is-invalid", invalid);
      if (invalid) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
      // A refused value must not hide in a closed section (the what-if panel's paths).
      var section = input.closest("details");
      if (invalid && section) section.open = true;
    });
  }

  document.addEventListener("htmx:oobAfterSwap", syncInvalid);
  document.addEventListener("htmx:afterSettle", syncInvalid);
})();
