// Quick exit: one click on the control, or Shift pressed three times within
// two seconds, replaces this page with a neutral site. location.replace keeps
// our page out of the history, so Back does not lead here. The link itself
// works without JavaScript (it is an ordinary link to the same neutral site).
(function () {
  "use strict";
  var control = document.getElementById("kb-quick-exit");
  if (!control) return;
  var neutral = control.getAttribute("data-kb-neutral-url") || control.href;

  function leave(event) {
    if (event) event.preventDefault();
    document.body.style.visibility = "hidden";
    window.location.replace(neutral);
  }

  control.addEventListener("click", leave);

  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 2000; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
