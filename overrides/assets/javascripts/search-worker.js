// The site's search engine (GitHub issue 13), run as a Web Worker in place of
// Material's lunr worker. It speaks Material's worker protocol (SETUP → READY,
// QUERY → RESULT), so Material's search box and result list stay as they are.
//
// Index: <lang>/search/search_index.json, written by kb.search_index: the
// language's pages and sections (plus the Swedish pages it falls back to) as
// plain text. Everything language-specific happens here, once for the index
// and once for the query, with the same functions:
//   fold()     letters a reader may type differently: case, diacritics (å/ä/ö
//              typed as a/o), hamza forms, ة/ه, ي/ی, ك/ک, ۆ/و, ڕ/ر, ە/ه,
//              ZWNJ, tatweel, Arabic-Indic digits, Ethiopic ሠ/ሰ and ፀ/ጸ;
//   tokens()   words, split on anything that is not a letter or digit, with
//              apostrophes inside words dropped (hay'adaha = hayadaha);
//   stem()     Swedish (Snowball), English (Porter), Arabic (light stemming:
//              article and prefixes و ب ل ف ك, suffixes), Persian/Dari plural
//              suffixes, Sorani suffixes, Somali articles, Tigrinya
//              prepositions ን ብ ካብ ናብ ምስ ኣብ ከም and suffixes.
// A query word matches a word of the index when it is the same word, has the
// same stem, is its beginning (typing) or its inflection (the index word plus
// a short ending), occurs inside a long compound, or – only when the word as
// typed is nowhere in the index – differs by one typo (longer words only).
// Pages must match every query word; if none does, pages matching most words
// are shown, and Material marks the missing ones.
/* eslint-env worker */
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

  // --- folding ---------------------------------------------------------------

  var LETTERS = {
    "\u064A": "\u06CC", "\u0649": "\u06CC", "\u06CE": "\u06CC", "\u06D0": "\u06CC",  // ي ى ێ ې → ی
    "\u0643": "\u06A9",                                                              // ك → ک
    "\u0629": "\u0647", "\u06C0": "\u0647", "\u06BE": "\u0647", "\u06D5": "\u0647",  // ة ۀ ھ ە → ه
    "\u06C6": "\u0648", "\u06C7": "\u0648", "\u06CB": "\u0648",                      // ۆ ۇ ۋ → و
    "\u0695": "\u0631", "\u06B5": "\u0644", "\u0671": "\u0627",                      // ڕ → ر, ڵ → ل, ٱ → ا
    "\u00DF": "ss", "\u00E6": "ae", "\u00F8": "o", "\u0153": "oe", "\u0131": "i"
  };
  var DROP = /[\u0621\u0640\u200B-\u200F\u00AD\u2060\uFEFF]/g;  // ء, tatweel, ZWNJ/ZWJ/marks, soft hyphen

  function fold(text) {
    var s = text.normalize("NFKD").toLowerCase().replace(/\p{M}/gu, "").replace(DROP, "");
    var out = "";
    for (var i = 0; i < s.length; i++) {
      var c = s[i], code = s.charCodeAt(i);
      if (LETTERS[c] !== undefined) c = LETTERS[c];
      else if (code >= 0x0660 && code <= 0x0669) c = String(code - 0x0660);           // ٠-٩
      else if (code >= 0x06F0 && code <= 0x06F9) c = String(code - 0x06F0);           // ۰-۹
      else if (code >= 0x1220 && code <= 0x1227) c = String.fromCharCode(code + 0x10); // ሠ series → ሰ
      else if (code >= 0x1340 && code <= 0x1346) c = String.fromCharCode(code - 0x08); // ፀ series → ጸ
      else if (code >= 0x1280 && code <= 0x1286) c = String.fromCharCode(code - 0x70); // ኀ series → ሐ
      out += c;
    }
    return out;
  }

  // A word: letters and digits; an apostrophe between letters is dropped.
  var WORD = /[\p{L}\p{M}\p{N}\u200C\u200D\u0640]+(?:['’ʼ`][\p{L}\p{M}\p{N}\u200C\u200D\u0640]+)*/gu;

  function tokens(text) {
    var found = [];
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      var t = fold(m[0].replace(/['’ʼ`]/g, ""));
      if (t) found.push({ token: t, start: m.index, end: m.index + m[0].length });
    }
    return found;
  }

  function script(token) {
    var c = token.charCodeAt(0);
    if (c >= 0x1200 && c <= 0x139F) return "ethiopic";
    if (c >= 0x0600 && c <= 0x06FF) return "arabic";
    return "latin";
  }

  // --- stemmers (on folded words) -----------------------------------------------

  function longestFirst(list) {
    return list.slice().sort(function (a, b) { return b.length - a.length; });
  }

  // The first of `suffixes` (longest first) that `word` ends with, leaving at least minStem letters.
  function endsWith(word, suffixes, minStem) {
    for (var i = 0; i < suffixes.length; i++) {
      var s = suffixes[i];
      if (word.length - s.length >= minStem && word.slice(-s.length) === s) return s;
    }
    return null;
  }

  // Swedish: the Snowball algorithm, with å/ä/ö already folded to a/o.
  var SV_VOWEL = /[aeiouy]/;
  var SV_STEP1 = longestFirst(["heterna", "hetens", "anden", "heten", "heter", "arnas", "ernas", "ornas", "andes", "arens",
    "andet", "arna", "erna", "orna", "ande", "arne", "aste", "aren", "ades", "erns", "ade", "are", "ern", "ens",
    "het", "ast", "ad", "en", "ar", "er", "or", "as", "es", "at", "a", "e"]);
  var SV_STEP3 = ["lig", "els", "ig"];
  function svR1(w) {
    for (var i = 1; i < w.length; i++) {
      if (!SV_VOWEL.test(w[i]) && SV_VOWEL.test(w[i - 1])) return Math.max(i + 1, 3);
    }
    return w.length;
  }
  function stemSv(w) {
    if (w.length < 4 || !/^[a-z]+$/.test(w)) return w;
    var r1 = svR1(w);
    var region = w.slice(r1);
    var s = endsWith(region, SV_STEP1, 0);
    if (s) w = w.slice(0, -s.length);
    else if (region.slice(-1) === "s" && /[bcdfghjklmnoprtvy]s$/.test(w)) w = w.slice(0, -1);
    region = w.slice(r1);
    if (/(dd|gd|nn|dt|gt|kt|tt)$/.test(region)) w = w.slice(0, -1);
    region = w.slice(r1);
    if (/fullt$/.test(region)) w = w.slice(0, -1);
    else if (/lost$/.test(region)) w = w.slice(0, -1);
    else if ((s = endsWith(region, SV_STEP3, 0))) w = w.slice(0, -s.length);
    return w;
  }

  // English: Porter's algorithm (1980).
  function stemEn(w) {
    if (w.length < 3 || !/^[a-z]+$/.test(w)) return w;
    var cons = function (s, i) {
      var c = s[i];
      if ("aeiou".indexOf(c) >= 0) return false;
      if (c === "y") return i === 0 ? true : !cons(s, i - 1);
      return true;
    };
    var m = function (s) {  // number of VC sequences
      var n = 0, i = 0, len = s.length;
      while (i < len && cons(s, i)) i++;
      while (i < len) {
        while (i < len && !cons(s, i)) i++;
        if (i >= len) break;
        n++;
        while (i < len && cons(s, i)) i++;
      }
      return n;
    };
    var hasVowel = function (s) { for (var i = 0; i < s.length; i++) if (!cons(s, i)) return true; return false; };
    var doubleC = function (s) { var l = s.length; return l > 1 && s[l - 1] === s[l - 2] && cons(s, l - 1); };
    var cvc = function (s) {
      var l = s.length;
      return l >= 3 && cons(s, l - 1) && !cons(s, l - 2) && cons(s, l - 3) && "wxy".indexOf(s[l - 1]) < 0;
    };
    var replace = function (s, suffix, repl, minM) {
      if (s.slice(-suffix.length) !== suffix) return null;
      var base = s.slice(0, -suffix.length);
      return m(base) > minM ? base + repl : s;
    };
    // Step 1a
    if (/sses$/.test(w) || /ies$/.test(w)) w = w.slice(0, -2);
    else if (/ss$/.test(w)) { /* keep */ } else if (/s$/.test(w)) w = w.slice(0, -1);
    // Step 1b
    var again = false;
    if (/eed$/.test(w)) { if (m(w.slice(0, -3)) > 0) w = w.slice(0, -1); }
    else if (/ed$/.test(w) && hasVowel(w.slice(0, -2))) { w = w.slice(0, -2); again = true; }
    else if (/ing$/.test(w) && hasVowel(w.slice(0, -3))) { w = w.slice(0, -3); again = true; }
    if (again) {
      if (/(at|bl|iz)$/.test(w)) w += "e";
      else if (doubleC(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
      else if (m(w) === 1 && cvc(w)) w += "e";
    }
    // Step 1c
    if (/y$/.test(w) && hasVowel(w.slice(0, -1))) w = w.slice(0, -1) + "i";
    // Steps 2-4
    var rules2 = [["ational", "ate"], ["tional", "tion"], ["enci", "ence"], ["anci", "ance"], ["izer", "ize"],
      ["abli", "able"], ["alli", "al"], ["entli", "ent"], ["eli", "e"], ["ousli", "ous"], ["ization", "ize"],
      ["ation", "ate"], ["ator", "ate"], ["alism", "al"], ["iveness", "ive"], ["fulness", "ful"],
      ["ousness", "ous"], ["aliti", "al"], ["iviti", "ive"], ["biliti", "ble"]];
    var rules3 = [["icate", "ic"], ["ative", ""], ["alize", "al"], ["iciti", "ic"], ["ical", "ic"], ["ful", ""],
      ["ness", ""]];
    var rules4 = ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous",
      "ive", "ize", "ion", "al", "er", "ic", "ou"];
    var i, r;
    for (i = 0; i < rules2.length; i++) {
      if ((r = replace(w, rules2[i][0], rules2[i][1], 0)) !== null) { w = r; break; }
    }
    for (i = 0; i < rules3.length; i++) {
      if ((r = replace(w, rules3[i][0], rules3[i][1], 0)) !== null) { w = r; break; }
    }
    for (i = 0; i < rules4.length; i++) {
      var suffix = rules4[i];
      if (w.slice(-suffix.length) !== suffix) continue;
      var base = w.slice(0, -suffix.length);
      if (m(base) > 1 && (suffix !== "ion" || /[st]$/.test(base))) w = base;
      break;
    }
    // Step 5
    if (/e$/.test(w)) {
      var b = w.slice(0, -1), mb = m(b);
      if (mb > 1 || (mb === 1 && !cvc(b))) w = b;
    }
    if (m(w) > 1 && doubleC(w) && /l$/.test(w)) w = w.slice(0, -1);
    return w;
  }

  // Arabic: light stemming after Larkey et al. ("light10"), on folded letters.
  var AR_ARTICLES = ["وال", "بال", "کال", "فال", "لل", "ال"].map(fold);
  var AR_SUFFIXES = ["ها", "ان", "ات", "ون", "ین", "یه", "ه", "ی"].map(fold);
  function stemAr(w) {
    if (w.length > 3 && w[0] === "و") w = w.slice(1);
    for (var i = 0; i < AR_ARTICLES.length; i++) {
      var a = AR_ARTICLES[i];
      if (w.length - a.length >= 2 && w.slice(0, a.length) === a) { w = w.slice(a.length); break; }
    }
    for (i = 0; i < AR_SUFFIXES.length; i++) {
      var s = AR_SUFFIXES[i];
      if (w.length - s.length >= 2 && w.slice(-s.length) === s) w = w.slice(0, -s.length);
    }
    return w;
  }

  var FA_SUFFIXES = longestFirst(["هایی", "های", "ها", "ات", "ی"].map(fold));
  function stemFa(w) {
    var s = endsWith(w, FA_SUFFIXES, 3);
    return s ? w.slice(0, -s.length) : w;
  }

  var CKB_SUFFIXES = longestFirst(["هکانی", "هکان", "هکهی", "یهکه", "هکه", "هوه", "کانی", "کان", "یهک", "یک", "ان",
    "ی"].map(fold));
  function stemCkb(w) {
    var s = endsWith(w, CKB_SUFFIXES, 3);
    return s ? w.slice(0, -s.length) : w;
  }

  // Somali: definite and possessive endings (booliska, hay'adaha, gudniinkii).
  var SO_SUFFIXES = longestFirst(["kiisa", "tiisa", "kooda", "tooda", "kaaga", "taada", "yada", "kii", "tii", "gii", "dii",
    "aha", "ada", "sha", "ka", "ta", "ga", "da", "ha"]);
  function stemSo(w) {
    var s = endsWith(w, SO_SUFFIXES, 4);
    return s ? w.slice(0, -s.length) : w;
  }

  var TI_PREFIXES = ["ካብ", "ናብ", "ምስ", "ኣብ", "ከም", "ብ", "ን"];
  var TI_SUFFIXES = longestFirst(["ኩም", "ኹም", "ታት", "ን"]);
  function stemTi(w) {
    for (var i = 0; i < TI_PREFIXES.length; i++) {
      var p = TI_PREFIXES[i];
      if (w.length - p.length >= 2 && w.slice(0, p.length) === p) { w = w.slice(p.length); break; }
    }
    var s = endsWith(w, TI_SUFFIXES, 2);
    return s ? w.slice(0, -s.length) : w;
  }

  // Each language stems its own script. Words in another script get that script's
  // usual rules: a Swedish law name on a Persian page is stemmed as Swedish, an
  // Arabic word on a Swedish page as Arabic, Ge'ez script as Tigrinya.
  var STEMMERS = { sv: stemSv, en: stemEn, ar: stemAr, fa: stemFa, "fa-AF": stemFa, "ku-IQ": stemCkb,
    so: stemSo, ti: stemTi };
  var SCRIPT_OF = { sv: "latin", en: "latin", so: "latin", ar: "arabic", fa: "arabic", "fa-AF": "arabic",
    "ku-IQ": "arabic", ti: "ethiopic" };
  var BY_SCRIPT = { latin: stemSv, arabic: stemAr, ethiopic: stemTi };
  function stemmerFor(lang) {
    var own = STEMMERS[lang];
    return function (w) {
      var kind = script(w);
      return (own && SCRIPT_OF[lang] === kind ? own : BY_SCRIPT[kind])(w);
    };
  }

  // --- typos -------------------------------------------------------------------

  // True when a and b differ by one insertion, deletion, substitution or swap of neighbours.
  function oneEdit(a, b) {
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1 || a === b) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;                              // substitution
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);  // swap
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);    // deletion / insertion
  }

  // --- the index ---------------------------------------------------------------

  var index = null;

  function Index(data) {
    var lang = (data.config && data.config.lang && data.config.lang[0]) || "sv";
    this.stem = stemmerFor(lang);
    this.docs = data.docs;
    this.postings = new Map();   // token → Map(doc number → [in title, count in text])
    this.stems = new Map();      // stem → [tokens]
    var self = this;
    this.docs.forEach(function (doc, n) {
      doc.n = n;
      doc.page = doc.location.split("#")[0];
      doc.length = 0;
      [["title", 0], ["text", 1]].forEach(function (field) {
        tokens(doc[field[0]] || "").forEach(function (t) {
          var byDoc = self.postings.get(t.token);
          if (!byDoc) { byDoc = new Map(); self.postings.set(t.token, byDoc); }
          var entry = byDoc.get(n);
          if (!entry) { entry = [0, 0]; byDoc.set(n, entry); }
          entry[field[1]] += 1;
          if (field[1]) doc.length += 1;
        });
      });
    });
    this.vocabulary = Array.from(this.postings.keys());
    this.stemOf = new Map();
    this.vocabulary.forEach(function (token) {
      var s = self.stem(token);
      self.stemOf.set(token, s);
      var list = self.stems.get(s);
      if (!list) self.stems.set(s, [token]); else list.push(token);
    });
    this.pageDoc = new Map();
    this.docs.forEach(function (doc) { if (doc.location === doc.page) self.pageDoc.set(doc.page, doc); });
  }

  // Index words matching one query word, each with a weight in (0, 1].
  Index.prototype.expand = function (q) {
    var self = this;
    var found = new Map();
    var add = function (token, weight) {
      if ((found.get(token) || 0) < weight) found.set(token, weight);
    };
    // A word, and the index words with the same stem.
    var family = function (word, weight) {
      var stem = self.stem(word);
      if (self.postings.has(word)) add(word, weight);
      (self.stems.get(stem) || []).forEach(function (t) { add(t, weight * 0.9); });
      return stem;
    };
    var ethiopic = script(q) === "ethiopic";
    var short = ethiopic ? 2 : 3;         // letters (syllables) before a beginning counts
    var compound = ethiopic ? 3 : 6;      // length of a word found inside compounds
    var typo = ethiopic ? 4 : 5;          // length from which one typo is forgiven
    var stem = family(q, 1);
    var endings = [];
    this.vocabulary.forEach(function (t) {
      if (q.length >= short && t.length > q.length && t.slice(0, q.length) === q) add(t, 0.7);       // typing
      else if (stem.length > short && t.length > stem.length && t.slice(0, stem.length) === stem &&
               (stem.length >= compound || t.length - stem.length <= 4)) add(t, 0.6);                 // inflection
      else if (t.length > short && q.length > t.length && q.length - t.length <= (ethiopic ? 2 : 3) &&
               q.slice(0, t.length) === t) { add(t, 0.6); endings.push(t); }                         // ending typed
      else if ((q.length >= compound && t.indexOf(q) > 0) ||
               (stem.length >= compound && t.indexOf(stem) > 0)) add(t, 0.5);                        // compound
    });
    // The word without the typed ending begins other forms and compounds too (tvångsäktenskap-et → -sbrott).
    if (endings.length) {
      this.vocabulary.forEach(function (t) {
        endings.forEach(function (e) { if (t.length > e.length && t.slice(0, e.length) === e) add(t, 0.5); });
      });
    }
    if (found.size) return found;
    // Nothing like it in the index: one typo, in the word or else in its stem, then that word's family.
    var corrections = q.length >= typo ? this.vocabulary.filter(function (t) { return oneEdit(q, t); }) : [];
    if (!corrections.length && stem.length >= typo) {
      corrections = this.vocabulary.filter(function (t) { return oneEdit(stem, self.stemOf.get(t)); });
    }
    corrections.forEach(function (c) {
      family(c, 0.4);
      self.vocabulary.forEach(function (t) {
        if (t.length > c.length && t.slice(0, c.length) === c) add(t, 0.35);
      });
    });
    return found;
  };

  Index.prototype.search = function (query) {
    var words = [];
    tokens(query).forEach(function (t) { if (words.indexOf(t.token) < 0) words.push(t.token); });
    if (!words.length) return { items: [] };
    var self = this;
    var docsN = this.docs.length;
    // Per query word: the index words it matches, and per doc its best score.
    var perWord = words.map(function (q) {
      var matches = self.expand(q);
      var scores = new Map();
      matches.forEach(function (weight, token) {
        var byDoc = self.postings.get(token);
        var idf = Math.log(1 + docsN / byDoc.size);
        byDoc.forEach(function (entry, n) {
          var tf = entry[1] ? 1 + Math.log(entry[1]) : 0;
          var score = weight * idf * (tf + 3 * entry[0]);
          if ((scores.get(n) || 0) < score) scores.set(n, score);
        });
      });
      return { word: q, matches: matches, scores: scores };
    });
    // Pages (not sections) must contain every word; otherwise as many as any page has.
    var pageHits = new Map();
    perWord.forEach(function (w, i) {
      w.scores.forEach(function (score, n) {
        var page = self.docs[n].page;
        var hits = pageHits.get(page);
        if (!hits) { hits = new Set(); pageHits.set(page, hits); }
        hits.add(i);
      });
    });
    var best = 0;
    pageHits.forEach(function (hits) { best = Math.max(best, hits.size); });
    if (!best) return { items: [] };
    var groups = new Map();
    perWord.forEach(function (w) {
      w.scores.forEach(function (score, n) {
        var doc = self.docs[n];
        if (pageHits.get(doc.page).size < best) return;
        var group = groups.get(doc.page);
        if (!group) { group = new Map(); groups.set(doc.page, group); }
        group.set(n, (group.get(n) || 0) + score);
      });
    });
    var items = [];
    groups.forEach(function (scored, page) {
      var list = [];
      scored.forEach(function (score, n) { list.push(self.result(self.docs[n], score, perWord)); });
      var parent = self.pageDoc.get(page);
      if (parent && !scored.has(parent.n)) list.push(self.result(parent, 0, perWord));
      list.sort(function (a, b) { return b.score - a.score; });
      items.push(list);
    });
    items.sort(function (a, b) { return b[0].score - a[0].score; });
    return { items: items };
  };

  // One result as Material renders it: title and a snippet with the matches marked.
  Index.prototype.result = function (doc, score, perWord) {
    var terms = {};
    var marked = new Set();
    perWord.forEach(function (w) {
      var here = w.scores.has(doc.n);
      terms[w.word] = here;
      if (here) w.matches.forEach(function (weight, token) { marked.add(token); });
    });
    var title = highlight(doc.title || "", marked, 0);
    var text = snippet(doc.text || "", marked);
    return { location: doc.location, title: title.html, text: text.html, score: score,
      terms: termsFor(perWord, doc, title.words.concat(text.words)) };
  };

  // Material links each result with ?h=<words> to mark them on the page: give it the
  // words as the page writes them, and the query words the page does not have.
  function termsFor(perWord, doc, seen) {
    var terms = {};
    seen.slice(0, 5).forEach(function (word) { terms[word] = true; });
    perWord.forEach(function (w) { if (!w.scores.has(doc.n)) terms[w.word] = false; });
    return terms;
  }

  function escapeHtml(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function highlight(text, marked, from, to) {
    var html = "", at = from, words = [];
    var end = to === undefined ? text.length : to;
    tokens(text.slice(from, end)).forEach(function (t) {
      if (!marked.has(t.token)) return;
      var start = from + t.start, stop = from + t.end;
      html += escapeHtml(text.slice(at, start)) + "<mark>" + escapeHtml(text.slice(start, stop)) + "</mark>";
      var surface = text.slice(start, stop).toLowerCase();
      if (words.indexOf(surface) < 0) words.push(surface);
      at = stop;
    });
    return { html: html + escapeHtml(text.slice(at, end)), words: words };
  }

  var SNIPPET = 220;
  function snippet(text, marked) {
    if (text.length <= SNIPPET) return highlight(text, marked, 0);
    var first = -1;
    var all = tokens(text);
    for (var i = 0; i < all.length; i++) if (marked.has(all[i].token)) { first = all[i].start; break; }
    var start = first < 0 ? 0 : Math.max(0, first - 60);
    if (start > 0) {
      var space = text.indexOf(" ", start);
      start = space >= 0 && space < first ? space + 1 : start;
    }
    var end = Math.min(text.length, start + SNIPPET);
    var cut = text.lastIndexOf(" ", end);
    if (end < text.length && cut > first) end = cut;
    var part = highlight(text, marked, start, end);
    return { html: (start > 0 ? "… " : "") + part.html + (end < text.length ? " …" : ""), words: part.words };
  }

  // --- the worker ----------------------------------------------------------------

  var api = { fold: fold, tokens: tokens, stemmerFor: stemmerFor, oneEdit: oneEdit, Index: Index };
  if (typeof WorkerGlobalScope === "undefined" || !(self instanceof WorkerGlobalScope)) {
    self.kbSearch = api;  // loaded in a page (the browser tests check the language rules directly)
    return;
  }
  addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === SETUP) {
      index = new Index(message.data);
      postMessage({ type: READY });
    } else if (message.type === QUERY) {
      var data;
      try {
        data = index ? index.search(String(message.data || "")) : { items: [] };
      } catch (error) {
        console.warn("search failed for " + JSON.stringify(message.data), error);
        data = { items: [] };
      }
      postMessage({ type: RESULT, data: data });
    }
  });
})();
