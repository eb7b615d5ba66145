// The wizard's small behaviours on top of htmx: the autosave status, retrying a failed
// save, keeping unsent answers, and moving focus after a swap (error-slots.js marks the
// fields whose error slot autosave filled).
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
    delete el.dataset.savedAt; // no longer the latest word: keep it as it is now
    el.dataset.state = state || "";
    var retry = retryButton();
    if (retry) retry.classList.toggle("d-none", state !== "error");
  }

  function isAutosave(event) {
    return event.detail && event.detail.elt && event.detail.elt.matches("[data-autosave], [hx-vals*='take_version']");
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

  // error-slots.js (loaded first) has marked the invalid fields by now.
  document.addEventListener("htmx:afterSettle", function (event) {
    // Only a swap of the step moves focus; an autosave must leave the cursor where it is.
    if (event.detail.elt && event.detail.elt.matches("[data-autosave]")) return;
    if (event.detail.target && event.detail.target.id === "wizard") focusAfterSwap(event.detail.target);
  });

  // Signing in elsewhere rotates the CSRF token; always send the current one from the
  // cookie, so an open tab keeps saving.
  document.addEventListener("htmx:configRequest", function (event) {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    if (!match) return;
    var token = decodeURIComponent(match[1]);
    event.detail.headers["X-CSRFToken"] = token;
    // Django reads the form's token before the header, so that one must be current too.
    if (event.detail.parameters && event.detail.parameters.csrfmiddlewaretoken !== undefined) {
      event.detail.parameters.csrfmiddlewaretoken = token;
    }
  });

  // "Saved at" in the viewer's own time: the server sends the moment (ISO 8601) and a
  // fallback in its own time zone, labelled; here it is shown in the browser's zone, in
  // the page's language.
  function localiseSavedAt() {
    var el = statusEl();
    if (!el || !el.dataset.savedAt || !el.dataset.savedText || !window.Intl) return;
    var moment = new Date(el.dataset.savedAt);
    if (isNaN(moment.getTime())) return;
    var time = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      hour: "2-digit", minute: "2-digit", hourCycle: "h23"
    }).format(moment);
    el.textContent = el.dataset.savedText.replace("%(time)s", time);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", localiseSavedAt);
  else localiseSavedAt();
  document.addEventListener("htmx:oobAfterSwap", localiseSavedAt);
  document.addEventListener("htmx:afterSettle", localiseSavedAt);

  // A field with a length limit (data-max-length) counts its characters as they are
  // typed, and says by how much a name is too long; the server refuses it with the same
  // count. Characters are counted as the server counts them: code points, trimmed.
  function updateCounter(input) {
    var counter = document.getElementById(input.id + "_count");
    if (!counter || !counter.dataset.charCount) return;
    var limit = parseInt(counter.dataset.charCount, 10);
    var count = Array.from(input.value.trim()).length;
    var over = count - limit;
    var text = over > 0 ? counter.dataset.over.replace("%(over)s", over) : counter.dataset.counting.replace("%(count)s", count);
    counter.textContent = text.replace("%(limit)s", limit);
    counter.classList.toggle("is-over", over > 0);
  }
  function updateCounters() {
    // An empty field keeps the plain "Up to 120 characters." until something is typed.
    document.querySelectorAll("[data-max-length]").forEach(function (input) {
      if (input.value) updateCounter(input);
    });
  }
  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("[data-max-length]")) updateCounter(event.target);
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", updateCounters);
  else updateCounters();
  document.addEventListener("htmx:afterSettle", updateCounters);

  // Only with JavaScript is anything saved as you type, so only then is it promised.
  function promiseAutosave() {
    var el = statusEl();
    if (el && !el.textContent.trim() && autosaveEl()) el.textContent = el.dataset.idle;
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", promiseAutosave);
  else promiseAutosave();
  document.addEventListener("htmx:afterSettle", promiseAutosave);

  // Unsaved answers are kept in this tab (sessionStorage) until the server has them, so leaving the
  // page before the debounced save fires (Back, a closed tab, a lost connection) loses
  // nothing: the next time the step opens, they are put back and saved, or, if the step
  // was saved elsewhere meanwhile, shown as a conflict.
  var editSeq = 0;
  var sentSeq = 0;

  function stepForm() { return document.getElementById("step-form"); }
  function stashKey(form) { return "hireframe:unsaved:" + form.getAttribute("action"); }

  function stash() {
    var form = stepForm();
    if (!form || !window.sessionStorage) return;
    var fields = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === "submit" || el.type === "button") return;
      if (/^(csrfmiddlewaretoken|version|action)$/.test(el.name)) return;
      fields[el.name] = el.type === "checkbox" ? el.checked : el.value;
    });
    try {
      sessionStorage.setItem(stashKey(form), JSON.stringify({ version: form.elements.version.value, fields: fields }));
    } catch (e) { /* storage full or disabled: the server-side save still runs */ }
  }

  function readStash(form) {
    try { return JSON.parse(sessionStorage.getItem(stashKey(form)) || "null"); } catch (e) { return null; }
  }

  function clearStash(form) {
    try { if (form) sessionStorage.removeItem(stashKey(form)); } catch (e) { /* ignore */ }
  }

  function restoreStash() {
    var form = stepForm();
    var saved = form && window.sessionStorage && readStash(form);
    if (!saved) return;
    var changed = false;
    Object.keys(saved.fields).forEach(function (name) {
      var el = form.elements[name];
      if (!el || el.length !== undefined && !el.tagName) return;
      var value = saved.fields[name];
      if (el.type === "checkbox") { if (el.checked !== value) { el.checked = value; changed = true; } }
      else if (el.value !== value) { el.value = value; changed = true; }
    });
    if (!changed) { clearStash(form); return; }
    // Saved against the version these answers were typed on: if the server has moved
    // on, the save comes back as a visible conflict instead of overwriting anything.
    form.elements.version.value = saved.version;
    var el = autosaveEl();
    if (el) htmx.trigger(el, "retry");
  }

  document.addEventListener("input", function (event) {
    if (!event.target.closest("#step-form")) return;
    editSeq += 1;
    stash();
  });
  document.addEventListener("change", function (event) {
    if (!event.target.closest("#step-form")) return;
    editSeq += 1;
    stash();
  });
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (isAutosave(event)) sentSeq = editSeq;
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.status === 409) {
      // Refused as a conflict: the panel now holds both values and the user chooses;
      // keeping them here too would bring the refused answer back on every reload.
      clearStash(stepForm());
      return;
    }
    if (!xhr || xhr.status !== 200) return;
    var elt = event.detail.elt;
    if (elt.matches("[data-autosave], [hx-vals*='take_version']")) {
      // Saved. Keystrokes typed while the save was on its way are still unsaved: keep
      // them, now against the version the server has just given the page.
      if (sentSeq === editSeq) clearStash(stepForm());
      else setTimeout(stash, 0);
    } else if (xhr.getResponseHeader("X-Hireframe-Saved")) {
      clearStash(stepForm()); // a step posted, saved and shown again or the next one opened
    }
  });
  // Once htmx has processed the page (or a swapped-in step), so the autosave it triggers
  // is wired up.
  htmx.onLoad(function (elt) {
    if (elt.querySelector && (elt.id === "step-form" || elt.querySelector("#step-form"))) restoreStash();
  });
  document.addEventListener("htmx:historyRestore", restoreStash);

  // Closing the tab before the debounced save fires: send what is unsent as a beacon,
  // which the browser delivers after the page is gone (cookies and CSRF token included).
  window.addEventListener("pagehide", function () {
    var form = stepForm();
    var el = autosaveEl();
    if (!form || !el || sentSeq === editSeq || !navigator.sendBeacon) return;
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    if (match && form.elements.csrfmiddlewaretoken) {
      form.elements.csrfmiddlewaretoken.value = decodeURIComponent(match[1]);
    }
    navigator.sendBeacon(el.getAttribute("hx-post"), new FormData(form));
    sentSeq = editSeq;
  });

  // Leaving while a save is in flight or has failed would lose the last answers.
  window.addEventListener("beforeunload", function (event) {
    var el = statusEl();
    if (pending || (el && el.dataset.state === "error")) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
