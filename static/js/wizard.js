// The wizard's small behaviours on top of htmx: the autosave status, retrying a failed
// save, marking fields whose error slot autosave filled, and moving focus after a swap.
// Everything here is progressive: without JavaScript the forms post and redirect.
(function () {
  "use strict";

  var RETRY_MS = 5000;
  var retryTimer = null;
  var pending = false;

  function statusEl() { return document.getElementById("save-status"); }
  function retryButton() { return document.querySelector("[data-retry]"); }
  function autosaveEl() { return document.querySelector("[data-autosave]"); }

  function setStatus(key, state) {
    var el = statusEl();
    if (!el) return;
    el.textContent = el.dataset[key] || el.textContent;
    el.dataset.state = state || "";
    var retry = retryButton();
    if (retry) retry.classList.toggle("d-none", state !== "error");
  }

  function isAutosave(event) {
    return event.detail && event.detail.elt && event.detail.elt.matches("[data-autosave], [hx-vals*='take_version']");
  }

  // Each error slot names its input: id_x_error belongs to id_x.
  function syncInvalid() {
    document.querySelectorAll("[data-error-slot]").forEach(function (slot) {
      var input = document.getElementById(slot.id.replace(/_error$/, ""));
      if (!input) return;
      var invalid = slot.textContent.trim() !== "";
      input.classList.toggle("is-invalid", invalid);
      if (invalid) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
  }

  function focusAfterSwap(root) {
    if (root.querySelector("[autofocus]")) return; // htmx focuses it
    var target = root.querySelector(".is-invalid") || root.querySelector("#conflict .alert") ||
      root.querySelector("#step-heading");
    if (target) {
      if (!target.hasAttribute("tabindex") && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(target.tagName)) {
        target.setAttribute("tabindex", "-1");
      }
      target.focus();
    }
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    if (!isAutosave(event)) return;
    pending = true;
    clearTimeout(retryTimer);
    setStatus("saving", "saving");
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    if (!isAutosave(event)) return;
    pending = false;
    var xhr = event.detail.xhr;
    if (event.detail.failed && xhr && xhr.status === 0) return; // sendError handles it
    if (xhr && (xhr.status === 403 || xhr.status === 404 || xhr.status === 401)) {
      setStatus("refused", "error");
    } else if (xhr && xhr.status >= 500) {
      setStatus("failed", "error");
    } else if (xhr && xhr.status === 422 || xhr && xhr.status === 409) {
      var retry = retryButton();
      if (retry) retry.classList.add("d-none");
    }
  });

  document.addEventListener("htmx:sendError", function (event) {
    if (!isAutosave(event)) return;
    pending = false;
    setStatus("offline", "error");
    var el = autosaveEl();
    clearTimeout(retryTimer);
    if (el) retryTimer = setTimeout(function () { htmx.trigger(el, "retry"); }, RETRY_MS);
  });

  document.addEventListener("click", function (event) {
    if (!event.target.closest("[data-retry]")) return;
    var el = autosaveEl();
    if (el) htmx.trigger(el, "retry");
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    syncInvalid();
    if (event.detail.target && event.detail.target.id === "wizard") focusAfterSwap(event.detail.target);
  });
  document.addEventListener("htmx:oobAfterSwap", syncInvalid);

  // Leaving while a save is in flight or has failed would lose the last answers.
  window.addEventListener("beforeunload", function (event) {
    var el = statusEl();
    if (pending || (el && el.dataset.state === "error")) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
