// Wide tables (Material wraps each table in .md-typeset__scrollwrap) scroll sideways on small
// screens. A region that scrolls must be reachable by keyboard (WCAG 2.1.1; axe rule
// scrollable-region-focusable), so a wrapper whose table is wider than the screen becomes
// focusable and is named after the heading above it.
(function () {
  "use strict";

  function headingBefore(element) {
    for (var node = element.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) return node;
    }
    return document.querySelector("h1");
  }

  function mark() {
    var wrappers = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wrappers.length; i++) {
      var wrapper = wrappers[i];
      if (wrapper.scrollWidth <= wrapper.clientWidth || wrapper.hasAttribute("tabindex")) continue;
      wrapper.setAttribute("tabindex", "0");
      wrapper.setAttribute("role", "region");
      var heading = headingBefore(wrapper);
      if (heading) {
        if (!heading.id) heading.id = "kb-table-" + i;
        wrapper.setAttribute("aria-labelledby", heading.id);
      }
    }
  }

  // Material wraps the tables when the document is ready; this listener is added after its own.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setTimeout(mark, 0); });
  } else {
    setTimeout(mark, 0);
  }
  window.addEventListener("resize", mark);
})();
