// Report page niceties: a Print button and copying a new share link. Both are optional:
// browsers print with Ctrl+P and the link field can be selected by hand.
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
})();
