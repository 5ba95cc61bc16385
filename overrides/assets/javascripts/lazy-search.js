// Fetch nothing the page does not need (GitHub issue 7). Loaded before
// Material 9.8.1's bundle, which on every page load would otherwise
//  1. download search/search_index.json and start the search worker (with
//     its lunr language files) although most readers never search, and
//  2. download sitemap.xml below every <link rel="alternate"> (one per
//     language) to map language-switcher clicks. mkdocs-static-i18n already
//     links each language to the same page, so those requests are not needed.
// Here (1) waits until the reader touches the search box, then runs
// unchanged, and (2) is never sent. Without JavaScript nothing changes.
// If navigation.instant or instant previews are ever enabled, they need
// sitemap.xml: remove (2) then.
//
// Search itself (GitHub issue 13): (3) Material's lunr worker is replaced by
// the site's own, search-worker.js beside this file, which speaks the same
// messages and knows the eight languages; (4) Material reads the query only
// on key-up, so a pasted, dictated or autocompleted query (an `input` event
// without a key) is passed on as a key-up; (5) a page opened from a search
// result (?h=...) counts as search being used, so Material can mark the words.
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(\?|$)/;
  var SITEMAP = /\/sitemap\.xml(\?|$)/;
  var MATERIAL_WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js$/;
  var here = document.currentScript && document.currentScript.src;
  var OUR_WORKER = here ? here.replace(/lazy-search\.js(\?.*)?$/, "search-worker.js") : null;

  var touched = false;
  var waiting = [];
  function touch() {
    if (touched) return;
    touched = true;
    waiting.splice(0).forEach(function (start) { start(); });
  }
  function whenTouched(start) {
    if (touched) start(); else waiting.push(start);
  }

  // The reader touches search: focus in the search box (Material focuses it
  // on a click on the search icon and on the keys / s f), or the search
  // toggle opens.
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("[data-md-component=search]")) touch();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) touch();
  });
  if (/[?&]h=/.test(window.location.search)) touch();

  // (4) Text that arrives without a key-up: paste, dictation, autocomplete, IME.
  document.addEventListener("input", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches("[data-md-component=search-query]")) {
      touch();
      target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }
  });

  // (1) and (2): Material fetches both with XMLHttpRequest.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.kbUrl = String(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (SITEMAP.test(request.kbUrl || "")) return undefined;
    if (INDEX.test(request.kbUrl || "")) {
      whenTouched(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(request, args);
  };

  // (1) The search worker: Material creates it at load but sends it the
  // first message only once the index has arrived. Start the real worker then.
  var RealWorker = window.Worker;
  if (!RealWorker) return;
  window.Worker = function (url, options) {
    if (OUR_WORKER && MATERIAL_WORKER.test(String(url))) url = OUR_WORKER;  // (3)
    var real = null;
    var listeners = [];
    var proxy = {
      postMessage: function (message, transfer) {
        if (!real) {
          real = new RealWorker(url, options);
          listeners.forEach(function (entry) { real.addEventListener(entry[0], entry[1], entry[2]); });
        }
        real.postMessage(message, transfer);
      },
      addEventListener: function (type, listener, opts) {
        listeners.push([type, listener, opts]);
        if (real) real.addEventListener(type, listener, opts);
      },
      removeEventListener: function (type, listener, opts) {
        listeners = listeners.filter(function (entry) { return entry[0] !== type || entry[1] !== listener; });
        if (real) real.removeEventListener(type, listener, opts);
      },
      terminate: function () { if (real) real.terminate(); }
    };
    return proxy;
  };
})();
