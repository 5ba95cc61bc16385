"""`kb translations check`: every translation against its Swedish source.

Pure: reads pages, the glossary and the UI strings, returns `Finding`s. Codes:

| code  | severity | rule |
| ----- | -------- | ---- |
| KB501 | error    | a number in the Swedish text is missing from the translation (changed or dropped) |
| KB502 | warning  | a number in the translation that the Swedish text does not have |
| KB503 | error    | phone numbers differ (each one in the Swedish text must be in the translation, and no other) |
| KB504 | error    | dates differ (ISO dates exactly; "1 juli 2020" needs its day and year side by side) |
| KB505 | error    | SFS numbers or cited provisions (`19 kap.`, `4 §`) differ |
| KB506 | error    | link targets differ (the same pages and addresses, fragments aside) |
| KB507 | error    | the heading structure differs (the same headings at the same levels, in order) |
| KB511 | error    | a rendering the glossary says to avoid |
| KB512 | warning  | the Swedish text uses a glossary term but the translation never uses its approved rendering |
| KB513 | warning  | the glossary says to keep the Swedish word beside the rendering, and it is not there |
| KB514 | error    | the Swedish text names the quick-exit control but the translation does not use its UI label |
| KB521 | warning  | a Latin-script run in right-to-left text that starts or ends with digits or symbols: the browser reorders it |
| KB522 | error    | the translation is still the Swedish text (an untranslated copy published as a translation) |
| KB523 | error    | a phone number written with Arabic-Indic or Persian digits (readers cannot dial it as written) |
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kb import contacts
from kb.content.markdown import mask_code
from kb.findings import ERROR, WARNING, Finding
from kb.pages import FrontMatterError, Page, iter_markdown, read_page
from kb.project import BY_LOCALE, SOURCE_LOCALE
from kb.translations import glossary as glossary_module
from kb.translations import state as translation_state
from kb.translations import ui_strings
from kb.translations.glossary import Term
from kb.translations.history import History

WARNING_CODES = {"KB502", "KB512", "KB513", "KB521"}
COPY_THRESHOLD = 0.6   # share of the translation's words that are the Swedish page's own words

LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|^[ \t]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)"
                  r"|<(https?://[^>\s]+)>|\bhref=[\"']([^\"']+)[\"']", re.M)
COMMENT = re.compile(r"<!--.*?-->", re.S)
ISO_DATE = re.compile(r"(?<![\d-])(\d{4}-\d{2}-\d{2})(?![\d-])")
MONTHS = "januari februari mars april maj juni juli augusti september oktober november december".split()
SWEDISH_DATE = re.compile(r"(?<!\d)(\d{1,2})(?:[ \u00a0]+)(" + "|".join(MONTHS) + r")(?:[ \u00a0]+)(\d{4})(?!\d)", re.I)
SFS = re.compile(r"(?<![\d:])((?:1[6-9]|20)\d\d:\d{1,4})(?![\d:])")
PROVISION = re.compile(r"(?<![\d\w])(\d{1,3}(?:[ \u00a0]?[a-z])?)[ \u00a0]*(kap\.|§§?)", re.I)
NUMBER = re.compile(r"\d+")
ATX = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$", re.M)
EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
EASTERN_PHONE = re.compile(r"[٠-٩۰-۹][٠-٩۰-۹0-9\- \u00a0]{4,}[٠-٩۰-۹0-9]")
RTL_CHAR = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# A stretch of text with no right-to-left letter in it, between right-to-left letters.
NON_RTL_RUN = re.compile(r"[^\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\n]+")
WORD = re.compile(r"[^\W\d_]{4,}")


@dataclass
class Text:
    """A page body prepared for comparison: code, comments and link targets blanked
    (same length, so offsets stay lines), Eastern digits read as ASCII digits."""
    page: Page
    raw: str
    masked: str
    label: str = ""    # how findings name this text: docs/<rel>, or docs/<rel>@<commit> for an earlier version

    @classmethod
    def of(cls, page: Page, version=None) -> Text:
        """The page's body, or `version`'s (a kb.translations.history.Version of the same page)."""
        body = version.body if version is not None else page.body
        masked = mask_code(body)
        masked = COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked)
        label = f"docs/{page.rel}" + (f"@{version.commit[:10]}" if version is not None else "")
        return cls(page, body, masked, label)

    def line(self, offset: int) -> int:
        return self.page.body_line + self.raw.count("\n", 0, offset)

    def headings(self) -> list[tuple[int, int, str]]:
        """(offset, level, text) of every ATX heading."""
        return [(m.start(), len(m.group(1)), m.group(2).strip()) for m in ATX.finditer(self.masked)]


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


@dataclass
class Facts:
    """What must be the same in a page and its translation, each with its offsets."""
    links: dict[str, list[int]]
    phones: dict[str, list[int]]
    iso_dates: dict[str, list[int]]
    dates: list[tuple[int, str, str]]      # (offset, day, year) of Swedish textual dates
    sfs: dict[str, list[int]]
    numbers: dict[str, list[int]]
    rest: str                               # the text with all of the above blanked
    plain: str                              # the text with only link targets and phone numbers blanked
    all_numbers: set[str]                   # every number written anywhere in the text


def _collect(pairs: Iterable[tuple[int, str]]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for offset, value in pairs:
        found.setdefault(value, []).append(offset)
    return found


def facts(text: Text, swedish: bool) -> Facts:
    body = text.masked.translate(EASTERN_DIGITS)
    links, spans = [], []
    for m in LINK.finditer(body):
        group = next(g for g in range(1, 5) if m.group(g))
        target = m.group(group).split("#", 1)[0]
        if target:
            links.append((m.start(group), target))
        spans.append(m.span(group))
    body = _blank(body, spans)
    phones = [(offset, " ".join(number.split())) for offset, number in contacts.find_numbers(body)]
    body = _blank(body, [(o, o + len(n)) for o, n in contacts.find_numbers(body)])
    plain = body
    all_numbers = {str(int(m.group(0))) for m in NUMBER.finditer(_join_thousands(body))}
    iso = [(m.start(), m.group(1)) for m in ISO_DATE.finditer(body)]
    body = _blank(body, [m.span() for m in ISO_DATE.finditer(body)])
    dates = []
    if swedish:   # compared as dates (KB504), not as loose numbers
        dates = [(m.start(), m.group(1), m.group(3)) for m in SWEDISH_DATE.finditer(body)]
        body = _blank(body, [m.span() for m in SWEDISH_DATE.finditer(body)])
    sfs = [(m.start(), m.group(1)) for m in SFS.finditer(body)]
    body = _blank(body, [m.span() for m in SFS.finditer(body)])
    sfs += [(m.start(), " ".join(m.group(1).split()).lower() + " " + ("kap." if m.group(2).lower() == "kap." else "§"))
            for m in PROVISION.finditer(body)]
    body = _blank(body, [m.span(1) for m in PROVISION.finditer(body)])
    numbers = [(m.start(), str(int(m.group(0)))) for m in NUMBER.finditer(_join_thousands(body))]
    return Facts(_collect(links), _collect(phones), _collect(iso), dates, _collect(sfs), _collect(numbers), body,
                 plain, all_numbers)


def _join_thousands(text: str) -> str:
    """'1 000' and '1,000' read as one number; keeps offsets by moving the separator to the end."""
    def join(m: re.Match) -> str:
        return m.group(0).replace(" ", "").replace("\u00a0", "").replace(",", "").replace(".", "") \
            .ljust(len(m.group(0)))
    return re.sub(r"\d{1,3}(?:[ \u00a0,.]\d{3})+(?!\d)", join, text)


class Report:
    """Findings for one translation, with the mapping from Swedish sections to translated lines."""

    def __init__(self, shown: str, source: Text, translation: Text):
        self.shown = shown
        self.source = source
        self.translation = translation
        self.findings: list[Finding] = []
        self.keys: list[tuple] = []   # what each finding is about, without line numbers (see check_translation)
        self.source_heads = [offset for offset, _, _ in source.headings()]
        self.translation_heads = [offset for offset, _, _ in translation.headings()]

    def add(self, line: int, code: str, message: str, hint: str = "", key: tuple = ()) -> None:
        severity = WARNING if code in WARNING_CODES else ERROR
        self.findings.append(Finding(self.shown, line, 0, code, message, hint, severity))
        self.keys.append((code, *key) if key else (code, message))

    def at_translation(self, offset: int) -> int:
        return self.translation.line(offset)

    def matching_line(self, source_offset: int) -> int:
        """The line in the translation where the Swedish text at `source_offset` should be:
        the start of the same section (counted by headings)."""
        section = sum(1 for head in self.source_heads if head <= source_offset)
        if section == 0 or not self.translation_heads:
            return self.translation.page.body_line
        return self.translation.line(self.translation_heads[min(section, len(self.translation_heads)) - 1])

    def where_swedish(self, offset: int) -> str:
        return f"{self.source.label}:{self.source.line(offset)}"


def _compare(report: Report, code: str, what: str, source: dict[str, list[int]], translated: dict[str, list[int]],
             hint: str, extra_code: str | None = None, known: frozenset[str] | set[str] = frozenset()) -> None:
    for value, offsets in source.items():
        if value not in translated:
            report.add(report.matching_line(offsets[0]), code,
                       f"{what} {value!r} ({report.where_swedish(offsets[0])}) is not in the translation", hint,
                       key=("missing", value))
    for value, offsets in translated.items():
        if value not in source and value not in known:
            report.add(report.at_translation(offsets[0]), extra_code or code,
                       f"{what} {value!r} is not in the Swedish text {report.source.label}", hint,
                       key=("extra", value))


def check_parity(report: Report) -> None:
    src, dst = facts(report.source, True), facts(report.translation, False)
    _compare(report, "KB506", "link", src.links, dst.links,
             "link the same pages and addresses as the Swedish text (the words of the link may differ)")
    _compare(report, "KB503", "phone number", src.phones, dst.phones,
             "copy every phone number exactly as the Swedish text writes it (data/contacts.yml has them all)")
    _compare(report, "KB504", "date", src.iso_dates, dst.iso_dates, "copy the date exactly as written")
    translated = facts(report.translation, False).rest.translate(EASTERN_DIGITS)
    for offset, day, year in src.dates:
        near = re.search(rf"(?<!\d){int(day)}(?!\d)\D{{1,30}}?(?<!\d){year}(?!\d)|(?<!\d){year}(?!\d)\D{{1,30}}?(?<!\d){int(day)}(?!\d)",
                         translated)
        if not near:
            report.add(report.matching_line(offset), "KB504",
                       f"the date {day} … {year} ({report.where_swedish(offset)}) is not in the translation",
                       "write the same day, month and year", key=("date", day, year))
    _compare(report, "KB505", "citation", src.sfs, dst.sfs,
             "keep SFS numbers and cited chapters and sections exactly as in the Swedish text")
    _compare(report, "KB501", "number", src.numbers, dst.numbers,
             "write the same numbers as the Swedish text (ages, amounts, hours, counts)", extra_code="KB502",
             known=src.all_numbers)   # "(chapter 19, section 4)" explains "19 kap. 4 §": not a new number


def check_headings(report: Report) -> None:
    src = report.source.headings()
    dst = report.translation.headings()
    for index, (offset, level, text) in enumerate(src):
        if index >= len(dst):
            report.add(report.matching_line(offset), "KB507",
                       f"the translation has no heading for {'#' * level} {text} ({report.where_swedish(offset)})",
                       "translate every heading, at the same level and in the same order", key=("headings",))
            return
        if dst[index][1] != level:
            report.add(report.at_translation(dst[index][0]), "KB507",
                       f"this heading is level {dst[index][1]} but the Swedish heading it matches is level {level} "
                       f"({'#' * level} {text}, {report.where_swedish(offset)})",
                       "use the same heading levels as the Swedish text", key=("headings",))
            return
    for offset, level, text in dst[len(src):]:
        report.add(report.at_translation(offset), "KB507",
                   f"the Swedish text has no heading that matches {'#' * level} {text}",
                   "keep the Swedish heading structure; add headings to the Swedish page first", key=("headings",))
        return


def _positions(text: str, needle: str) -> list[int]:
    pattern = re.compile(r"\s+".join(map(re.escape, needle.split())), re.I)
    return [m.start() for m in pattern.finditer(text)]


def check_glossary(report: Report, terms: list[Term], locale: str, quick_exit_label: str | None) -> None:
    source, text = report.source.masked, report.translation.masked
    for term in terms:
        rendering = term.languages.get(locale)
        if rendering is None:
            continue
        for avoided in rendering.avoid:
            for offset in _positions(text, avoided):
                approved = f"; use {rendering.approved!r}" if rendering.approved else ""
                report.add(report.at_translation(offset), "KB511",
                           f"{avoided!r} is a rendering of {term.term!r} that the glossary says to avoid{approved}",
                           "see data/glossary.yml (and the review view) for the approved rendering")
        uses = list(term.finditer(source))
        if not uses or term.ui_key:
            continue
        if rendering.accepted and not any(_positions(text, form) for form in rendering.accepted):
            report.add(report.matching_line(uses[0][0]), "KB512",
                       f"the Swedish text uses {term.term!r} ({report.where_swedish(uses[0][0])}) but the "
                       f"translation never uses its approved rendering {rendering.approved!r}",
                       "use the glossary's rendering, or propose a change to data/glossary.yml")
        if rendering.keep_swedish and not term.in_text(text):
            report.add(report.matching_line(uses[0][0]), "KB513",
                       f"the glossary keeps the Swedish word beside {rendering.approved!r}, e.g. "
                       f"\"{rendering.approved} ({term.term})\", but {term.term!r} is not in the translation",
                       "readers meet the Swedish word in letters and at offices; write it once beside the rendering")
    if quick_exit_label:
        swedish_label = "Lämna sidan snabbt"
        used = _positions(source, swedish_label)
        if used and not _positions(text, quick_exit_label):
            report.add(report.matching_line(used[0]), "KB514",
                       f"the Swedish text names the quick-exit control ({report.where_swedish(used[0])}) but the "
                       f"translation does not use its label {quick_exit_label!r}",
                       "write the label exactly as the control shows it (kb.quick_exit in "
                       f"overrides/partials/languages/{locale}.html)")


ISOLATED = re.compile(r'<bdi\b[^>]*>.*?</bdi>|<(?:span|bdo)\b[^>]*\bdir="ltr"[^>]*>.*?</(?:span|bdo)>', re.S)


def check_rtl_runs(report: Report) -> None:
    """Latin runs that start or end with a digit or symbol, inside right-to-left text.

    Phone numbers and citations of law are isolated by the build (kb.contacts,
    kb.legal.links), and link targets are blanked, so they are not reported."""
    # Text the author has isolated already (as the hint below says) is blanked, offsets kept.
    plain = ISOLATED.sub(lambda m: " " * len(m.group(0)), facts(report.translation, False).plain)
    for line_start, line in _lines(plain):
        if not RTL_CHAR.search(line) or line.lstrip().startswith(("|", "<")) and "|" not in line:
            continue
        for m in NON_RTL_RUN.finditer(line):
            run = m.group(0)
            core = run.strip(" \t*_()[]«»\"'،؛.,:;!?-–—/|")
            if not re.search(r"[A-Za-zÅÄÖåäöÉé]", core):
                continue
            before, after = line[:m.start()], line[m.end():]
            if not RTL_CHAR.search(before) or not RTL_CHAR.search(after):
                continue   # at the start or end of the line: the paragraph's direction decides
            if re.match(r"^[A-Za-zÅÄÖåäöÉé]", core) and re.search(r"[A-Za-zÅÄÖåäöÉé]$", core):
                continue   # a word or words: the browser keeps it in order
            if "§" in core or SFS.search(core) or "kap." in core or re.fullmatch(r"\d+ ?[a-z]", core):
                continue   # a citation: the build isolates it
            report.add(report.at_translation(line_start + m.start()), "KB521",
                       f"{core!r} starts or ends with a digit or symbol inside right-to-left text; the browser "
                       "shows its parts in a different order",
                       'wrap it as <bdi dir="ltr" lang="sv">…</bdi> (Markdown allows inline HTML), or reword so it '
                       "starts and ends with a letter")


def _lines(text: str):
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def check_copy(report: Report) -> None:
    """An untranslated copy: most of the translation's words are the Swedish page's own words."""
    source_words = {w.lower() for w in WORD.findall(facts(report.source, True).rest)}
    words = [w.lower() for w in WORD.findall(facts(report.translation, False).rest)]
    if len(words) < 20:
        return
    share = sum(w in source_words for w in words) / len(words)
    if share >= COPY_THRESHOLD:
        report.add(report.translation.page.body_line, "KB522",
                   f"{share:.0%} of the words are the Swedish page's own words: this is still the Swedish text",
                   "translate the page, or delete the file so readers get the Swedish page with a notice "
                   "that it is not translated yet")


def check_eastern_phone_digits(report: Report) -> None:
    for m in EASTERN_PHONE.finditer(report.translation.masked):
        digits = re.sub(r"\D", "", m.group(0).translate(EASTERN_DIGITS))
        if len(digits) >= 5:
            report.add(report.at_translation(m.start()), "KB523",
                       f"the phone number {m.group(0)!r} is written with Arabic-Indic or Persian digits",
                       "write phone numbers with the digits 0-9 exactly as the Swedish text does, so they can be "
                       "dialled and are found by the build")


def check_translation(shown: str, source: Page, translation: Page, terms: list[Term],
                      quick_exit_label: str | None, version=None) -> list[Finding]:
    """Findings for one translation. `version` is the Swedish version it was made from when
    that is not the current text (that the Swedish text changed since is the outdated state,
    reported by `kb content check` as KB142, not a parity break)."""
    text = Text.of(translation)
    report = Report(shown, Text.of(source), text)
    check_copy(report)
    if any(f.code == "KB522" for f in report.findings):
        return report.findings   # nothing else is worth saying about a copy
    check_parity(report)
    check_headings(report)
    if version is not None:
        # An outdated translation may follow the Swedish text it was made from, or (when someone
        # updated it without `kb translations mark-updated`) the current one: a difference is a
        # parity break only when the translation matches neither.
        earlier = Report(shown, Text.of(source, version), text)
        check_parity(earlier)
        check_headings(earlier)
        both = set(earlier.keys)
        kept = [(f, k) for f, k in zip(report.findings, report.keys, strict=True) if k in both]
        report.findings, report.keys = [f for f, _ in kept], [k for _, k in kept]
    check_glossary(report, terms, translation.locale, quick_exit_label)
    if BY_LOCALE[translation.locale].dir == "rtl":
        check_rtl_runs(report)
    check_eastern_phone_digits(report)
    return report.findings


def check_project(root: Path, glossary_path: Path | None = None,
                  languages_folder: Path | None = None, history: History | None = None) -> list[Finding]:
    """Findings for every translation under root/docs.

    Raises KbError (GlossaryError, UiStringsError) for data it cannot read. Pages whose front
    matter cannot be read are skipped: `kb content check` reports them.
    """
    docs = root / "docs"
    folder = languages_folder or root / "overrides" / "partials" / "languages"
    ui = {locale: ui_strings.load(locale, folder) for locale in BY_LOCALE if locale != SOURCE_LOCALE}
    terms = glossary_module.load(glossary_path or root / "data" / "glossary.yml", ui)
    sources: dict[str, Page] = {}
    translations: list[Page] = []
    for path in iter_markdown(docs):
        try:
            page = read_page(path, docs)
        except FrontMatterError:
            continue   # `kb content check` reports unreadable front matter (KB101/KB102) with its line
        if page.is_translation:
            translations.append(page)
        else:
            sources[page.rel] = page
    history = history or History(root)
    findings: list[Finding] = []
    for page in translations:
        source = sources.get(page.source_rel)
        if source is None:
            continue   # an orphan: `kb content check` reports it (KB141)
        found = translation_state.of(page.meta, source.body)
        version = history.find(f"docs/{source.rel}", found.recorded_hash) \
            if found.outdated and found.recorded_hash else None
        findings += check_translation(f"docs/{page.rel}", source, page, terms,
                                      ui.get(page.locale, {}).get("kb.quick_exit"), version)
    return findings
