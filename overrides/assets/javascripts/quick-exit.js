// Quick exit: one click on the control, or Shift pressed and released on its
// own three times, replaces this page with a neutral site. location.replace
// keeps our page out of the history, so Back does not lead here. The link
// itself works without JavaScript (an ordinary link to the same neutral site).
//
// Typing must never trigger it (GitHub issue 13): a Shift press counts only
// when Shift is released without any other key (or a mouse button) pressed
// while it was held, and any other key resets the count, as does a pause of
// TIMEOUT ms. Like GOV.UK Frontend's "Exit this page", each counted press is
// announced through a visually hidden status region ("press Shift 2 more
// times"), and so is the exit itself. The strings come from the control's
// data-kb-* attributes (overrides/partials/languages/<locale>.html).
(function () {
  "use strict";
  var control = document.getElementById("kb-quick-exit");
  if (!control) return;
  var neutral = control.getAttribute("data-kb-neutral-url") || control.href;
  var PRESSES = 3;
  var TIMEOUT = 5000;

  function text(name) {
    return control.getAttribute("data-kb-" + name) || "";
  }

  // A polite live region, visually hidden but read by screen readers. It is
  // created at once: a region must exist before its text changes to be read.
  var status = document.createElement("div");
  status.id = "kb-quick-exit-status";
  status.setAttribute("role", "status");
  var hidden = {
    position: "absolute", width: "1px", height: "1px", margin: "-1px", padding: "0",
    overflow: "hidden", clip: "rect(0 0 0 0)", clipPath: "inset(50%)", whiteSpace: "nowrap", border: "0"
  };
  Object.keys(hidden).forEach(function (key) { status.style[key] = hidden[key]; });
  document.body.appendChild(status);

  function announce(message) {
    status.textContent = message;
  }

  function leave(event) {
    if (event) event.preventDefault();
    announce(text("leaving"));
    // Hide the page at once; the status region stays available to screen readers.
    document.body.style.visibility = "hidden";
    status.style.visibility = "visible";
    window.location.replace(neutral);
  }

  control.addEventListener("click", leave);

  var count = 0;          // bare Shift presses so far
  var shiftHeld = false;  // a Shift keydown was seen and its keyup not yet
  var spoilt = false;     // something else happened while Shift was held
  var timer = null;

  function reset(expired) {
    if (timer) window.clearTimeout(timer);
    timer = null;
    if (count > 0) announce(expired ? text("expired") : "");
    count = 0;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (event.repeat) return;
      shiftHeld = true;
      // Ctrl/Alt/Meta+Shift is a shortcut, not a bare Shift.
      spoilt = event.ctrlKey || event.altKey || event.metaKey || event.isComposing;
      return;
    }
    // Any other key: a capital letter, a shortcut, typing after a Shift.
    spoilt = true;
    reset(false);
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    var bare = shiftHeld && !spoilt;
    shiftHeld = false;
    spoilt = false;
    if (!bare) return;
    count += 1;
    if (timer) window.clearTimeout(timer);
    if (count >= PRESSES) {
      timer = null;
      count = 0;
      leave();
      return;
    }
    announce(text(PRESSES - count === 1 ? "one-more" : "two-more"));
    timer = window.setTimeout(function () { reset(true); }, TIMEOUT);
  }, true);

  // Shift+click selects text or opens links: not a bare Shift either.
  document.addEventListener("mousedown", function () {
    if (shiftHeld) spoilt = true;
    reset(false);
  }, true);

  // Leaving the window with Shift held (Alt+Tab, a click elsewhere): start over.
  window.addEventListener("blur", function () {
    shiftHeld = false;
    spoilt = false;
  });
})();
