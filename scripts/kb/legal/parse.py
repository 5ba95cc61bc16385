"""Find citations of Swedish law in text.

Forms recognised (as written in Swedish texts, also inside translated pages,
Markdown links, emphasis, table cells, inline HTML and footnotes):

    4 kap. 4 e § brottsbalken (1962:700)      29 kap. 2 § 10 brottsbalken, 29 kap. 2 § 10 p
    4 kap. 4 c § BrB                          2 kap. 2 eller 3 § brottsbalken
    3 kap. 1 § och 5 kap. 1 § hälso- och sjukvårdslagen (2017:30)
    31 a–31 k §§ LVU    6 kap. 10 d–g §§ FB    9 c, 10 §§ LVU    6 kapitlet 2a § FB
    1 § lagen (1982:316) med förbud mot ...   31 a § Lag (1990:52) med särskilda ...
    BrB 29 kap. 2 §    Skollagen 2010:800 6 kap 10 §    HSL (5 kap, 8 §)    FB 6:2a
    4:2 BrB    föräldrabalkens 6.2a §    skollagens 29 kap. 13 §    ( 1990:52 )
    23 kap. brottsbalken    det fjärde kapitlet i brottsbalken    5 § i lagen om kontaktförbud
    Chapter 14, Section 1 of the Social Services Act (2001:453)    4 ch. 4 c §
    förordning (2022:1345) om nationellt centrum mot ...   SFS 2025:400   Lag (2016:512).

A law is named (a) by a word ending in lag/balk/förordning/kungörelse followed
by its SFS number in parentheses, (b) as `SFS YYYY:NNN`, (c) by a name or
abbreviation from the registry (also in the genitive: skollagens, LVU:s), or
(d) as "samma lag" (the law of the citation just before, never across a
heading). Forms (c) and (d) without an SFS number are only citations when a
provision goes with them: "enligt socialtjänstlagen" in prose is not a
reference to check. Soft hyphens are ignored; no-break spaces are spaces.

The parser never resolves anything: it reports what is written, where.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kb.legal.registry import Registry, normalise_sfs

DASH = r"\-\u2010\u2011\u2012\u2013\u2014"   # escaped: inside a character class these are literal
# Invisible characters that split a word without being seen: soft hyphen, zero-width space,
# zero-width non-joiner/joiner, word joiner. They are ignored (offsets still point into the original).
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060"
# A section or chapter number: "4", "4 e", "4e" (a letter that does not start a word).
NUM = r"\d{1,4}(?:[ \u00a0\u202f]?[a-z](?![a-zåäöéü]))?"
# "10 d–g": the end of a range may be a bare letter.
ITEM = rf"{NUM}(?:\s*[{DASH}]\s*(?:{NUM}|[a-z](?![a-zåäöéü])))?"
JOIN = r"(?:\s*,\s*|\s+(?:och|eller|samt|and|or)\s+|\s+\u0648\s*)"  # \u0648: "and" in Arabic and Persian
SECTION_SIGN = r"§§?"
SECTIONS = rf"{ITEM}(?:{JOIN}{ITEM})*\s*{SECTION_SIGN}"
ORDINALS = ("första andra tredje fjärde femte sjätte sjunde åttonde nionde tionde elfte tolfte trettonde "
            "fjortonde femtonde sextonde sjuttonde artonde nittonde tjugonde").split()
ORDINAL = "|".join(ORDINALS)
NUMBER_WORDS = {w: str(n) for n, w in enumerate("ett två tre fyra fem sex sju åtta nio tio elva tolv".split(), 1)}
NUMBER_WORDS["en"] = "1"
POINT_WORD = "|".join(NUMBER_WORDS)
QUALIFIER = (
    rf"(?:(?:{ORDINAL}|sista)\s+stycket|\d{{1,2}}\s*st\b\.?"
    rf"|\d{{1,3}}\s*p\b\.?|punkt(?:en|erna)?\s+(?:\d{{1,3}}|{POINT_WORD})\b|\d{{1,3}}(?=[\s,.;:)*_|<\]]))"
)
# A chapter: "4 kap.", "4 kap", "6 kapitlet", "4 ch.", "Chapter 14", "det fjärde kapitlet".
CHAPTER = (rf"(?:(?P<chapter>{NUM})\s*(?:kap\b\.?|kapitlet\b|kapitel\b|ch\.)"
           rf"|[Cc]hapter\s+(?P<chapter_en>{NUM})(?![\d])"
           rf"|(?:[Dd]et\s+)?(?P<chapter_word>{ORDINAL})\s+kapitlet\b)")
ENGLISH_SECTIONS = rf"[Ss]ections?\s+{ITEM}(?:{JOIN}{ITEM})*"
# "§ 2 LVU", "§§ 2-3 LVU": the sign before the number (older and informal texts)
PREFIXED = rf"§§?\s?{ITEM}(?:{JOIN}{ITEM})*(?![\d§])"
# "kap 14 § 1" (chapter word before its number, as some pages write it)
REVERSED = (rf"(?:kap\.?\s+(?P<r_chapter>\d{{1,2}}(?:\s?[a-z])?)|(?P<r_chapter2>\d{{1,2}}(?:\s?[a-z])?)\s+kap\.?)"
            rf"\s*,?\s*§§?\s*(?P<r_section>{ITEM})(?![\d])")
# "14:1", "6:2a", "6:2 a", "6.2a §"
COLON = r"(?P<c_chapter>\d{1,2}(?:\s?[a-z])?)(?::|\.(?=\d{1,3}\s?[a-z]?\s*§))(?P<c_section>\d{1,3}(?:\s?[a-z](?![a-zåäöéü]))?)(?![\d:])(?:\s*§)?"
def _plain(pattern: str) -> str:
    """The pattern without group names (it is repeated inside a chain)."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


GROUP = _plain(rf"(?:{REVERSED}|(?:{CHAPTER})\s*,?\s*(?:(?:{SECTIONS})|{ENGLISH_SECTIONS})?|{SECTIONS}|{ENGLISH_SECTIONS}|{PREFIXED}|{COLON})"
         rf"(?:\s*,?\s+{QUALIFIER})*")
CHAIN = rf"{GROUP}(?:{JOIN}{GROUP})*"
SFS = r"\d{4}:\d{1,4}(?:\s*s\.\s*\d{1,3})?"
# A word that names an act, e.g. brottsbalken, socialtjänstlag, Lagen, hälso- och sjukvårdslagen,
# förordningen, regeringsformen. Not "...ordning": delegationsordningen (2023:2) is no act.
ACT_WORD = (
    r"(?:[A-ZÅÄÖa-zåäö]+-\s+(?:och|eller)\s+)?[A-ZÅÄÖa-zåäö]*"
    r"(?:[Ll]ag|[Ll]agen|[Bb]alk|[Bb]alken|[Ff]örordning|[Ff]örordningen|formen|[Kk]ungörelse|[Kk]ungörelsen|Act)"
)
PAREN_SFS_PART = rf"\(\s*(?:SFS\s*)?(?P<sfs>{SFS})\s*\)"

GROUP_RE = re.compile(
    rf"(?:{REVERSED}|(?:{CHAPTER})\s*,?\s*(?P<sections>{SECTIONS}|{ENGLISH_SECTIONS})?|(?P<sections_only>{SECTIONS}|{ENGLISH_SECTIONS}|{PREFIXED})|{COLON})"
    rf"(?P<qualifiers>(?:\s*,?\s+{QUALIFIER})*)")
ITEM_RE = re.compile(rf"(?P<first>{NUM})(?:\s*[{DASH}]\s*(?P<last>{NUM}|[a-z]))?")
POINT_RE = re.compile(rf"(\d{{1,3}})\s*p\b|punkt(?:en|erna)?\s+(\d{{1,3}}|{POINT_WORD})\b|^\s*,?\s*(\d{{1,3}})\s*$")


@dataclass(frozen=True)
class Citation:
    """One provision (or one act, or one chapter) cited in a text.

    `text` is the whole citation as written (several provisions that share a
    law name share the text); `offset` is where it starts in the scanned text,
    `line`/`column` are 1-based.
    """
    text: str
    offset: int
    line: int
    column: int
    law: str                    # the law as written: "brottsbalken", "SoL", "lagen", "SFS"
    sfs: str | None             # SFS number as written, normalised; None when only named
    chapter: str | None = None  # "4", "2 a"
    section: str | None = None  # "4 e"; None for a citation of a whole act or chapter
    section_end: str | None = None  # last section of a range "31 a–31 k"
    point: str | None = None

    @property
    def provision(self) -> str:
        """'4 kap. 4 e §', '31 a–31 k §§', '23 kap.', '' for a whole act."""
        chapter = f"{self.chapter} kap." if self.chapter else ""
        if not self.section:
            return chapter
        chapter = chapter + " " if chapter else ""
        if self.section_end:
            return f"{chapter}{self.section}–{self.section_end} §§"
        return f"{chapter}{self.section} §"


def norm_id(value: str) -> str:
    """'4e' / '4 e' / '4\u00a0e' -> '4 e'."""
    match = re.fullmatch(r"(\d+)\s*([a-z]?)", value.replace("\u00a0", " ").strip())
    if not match:
        return " ".join(value.split())
    number, letter = match.groups()
    return f"{int(number)} {letter}" if letter else str(int(number))


def _trie_pattern(alternatives: list[list[str]]) -> str:
    """One regex for many names, with common prefixes factored out (a trie):
    much faster than a flat alternation tried at every position of a page."""
    root: dict = {}
    for atoms in alternatives:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [atom + build(child) for atom, child in sorted(node.items()) if atom]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root) or r"(?!x)x"


def _atoms(name: str, fold_words: bool) -> list[str]:
    """Regex atoms of a name; with `fold_words` every word may start with a capital
    (Brottsbalken at a sentence start, Social Services Act in English)."""
    atoms: list[str] = []
    for index, char in enumerate(name):
        if char.isspace():
            if atoms and atoms[-1] != r"\s+":
                atoms.append(r"\s+")
        elif char == "-":  # also the no-break and typographic hyphens (hälso‑ och sjukvårdslagen)
            atoms.append("[-\u2010\u2011]")
        elif fold_words and char.isalpha() and (index == 0 or name[index - 1] in " -(") and char.lower() != char.upper():
            atoms.append(f"[{re.escape(char.upper())}{re.escape(char.lower())}]")
        else:
            atoms.append(re.escape(char))
    return atoms


def _name_pattern(names: list[str], abbreviations: list[str]) -> str:
    # A name may start a sentence (Brottsbalken); abbreviations are exact (RF, not rf).
    return _trie_pattern([_atoms(n, True) for n in names] + [_atoms(a, False) for a in abbreviations])


# Not inside a Latin word or number; a letter of another script may touch the number ("و7 kap.").
BEFORE = rf"(?<![0-9A-Za-zÅÄÖåäöÉéÜü§:.,/{DASH}])"
# Between the provisions and the law: spaces, Markdown emphasis, "i", "of the".
LINK = r"(?:\s*[*_]{1,3})?\s*(?:(?:i|of(?:\s+the)?|in(?:\s+the)?|under)\s+)?"
CHAIN_BEFORE = re.compile(rf"{BEFORE}(?P<chain>{CHAIN})(?:\s*[*_]{{1,3}})?\s*(?:(?:i|of(?:\s+the)?(?:\s+Swedish)?|in(?:\s+the)?)\s+)?\Z")
# After the law: "BrB 29 kap. 2 §", "Skollagen 2010:800 6 kap 10 §", "HSL (5 kap, 8 §)", "FB 6:2a".
CHAIN_AFTER = re.compile(rf"[\])]?(?:\s*,)?\s*(?:(?:SFS\s*)?{SFS}\s+)?(?P<paren>\(\s*)?(?P<chain>{CHAIN})(?(paren)\s*\))")
ACT_WORD_BEFORE = re.compile(rf"(?<![^\W_]|-)(?P<word>{ACT_WORD})\s*\Z")
PAREN_SFS = re.compile(PAREN_SFS_PART)
# "45 § samma lag": the law of the citation just before it.
SAME_LAW = re.compile(r"(?<![^\W_]|-)(?P<word>samma\s+(?:lag|balk|förordning))(?![^\W_]|-)")
BARE_SFS = re.compile(rf"(?<![\w])(?P<word>SFS)\s+(?P<sfs>{SFS})(?![\d:])")
HEADING = re.compile(r"(?m)^[ \t]{0,3}#{1,6}[ \t]|<h[1-6][\s>]", re.I)
LOOKBEHIND = 300  # characters searched for a provision chain before a law name


class CitationFinder:
    """Compiled once per registry; `find(text)` is pure and fast.

    Law names are found first (three cheap patterns); only then is the text just
    before (or, failing that, just after) each name searched for the provisions
    that belong to it.
    """

    def __init__(self, registry: Registry):
        self.registry = registry
        names = _name_pattern(registry.all_names(), registry.all_abbreviations())
        self.named = re.compile(
            rf"(?<![^\W_]|-)(?P<named>{names})(?P<genitive>:s|s)?(?![^\W_]|-)"
            rf"(?:(?:\s*\([A-ZÅÄÖ][A-Za-zÅÄÖåäö]{{1,7}}\))?\s*{PAREN_SFS_PART}|\s+(?:SFS\s+)?(?P<loose_sfs>\d{{4}}:\d{{1,4}})(?![\d:]))?"
        )
        self.tails = {}
        for act in registry.acts.values():
            # "Lag (1982:316) med förbud mot ..." -> the words after the parentheses; an act that was
            # retitled is still cited by its old title, which the registry keeps as a name ("lagen med …").
            tails = {act.title.split(")", 1)[1].strip()} if ")" in act.title else set()
            tails |= {name.split(None, 1)[1] for name in act.names
                      if name.lower().startswith(("lag ", "lagen ")) and len(name.split()) > 1}
            tails.discard("")
            if tails:
                alternatives = sorted((r"\s+".join(re.escape(w) for w in tail.split()) for tail in tails),
                                      key=len, reverse=True)
                self.tails[act.sfs] = re.compile(r"\s+(?:" + "|".join(alternatives) + ")", re.I)

    def _laws(self, text: str):
        """(start, end, law as written, SFS as written or None), in order, not overlapping."""
        found = []
        for m in self.named.finditer(text):
            found.append((m.start(), m.end(), m.group("named"), m.group("sfs") or m.group("loose_sfs")))
        for m in PAREN_SFS.finditer(text):
            word = ACT_WORD_BEFORE.search(text, max(0, m.start() - 80), m.start())
            if word:
                found.append((word.start(), m.end(), word.group("word"), m.group("sfs")))
        for m in BARE_SFS.finditer(text):
            found.append((m.start(), m.end(), "SFS", m.group("sfs")))
        for m in SAME_LAW.finditer(text):
            found.append((m.start(), m.end(), None, None))
        found.sort(key=lambda f: (f[0], -f[1]))
        kept, end = [], -1
        for law in found:
            if law[0] >= end:
                kept.append(law)
                end = law[1]
        return kept

    def find(self, text: str) -> list[Citation]:
        if any(char in text for char in INVISIBLE):
            return self._find_without_invisible(text)
        return self._find(text)

    def _find_without_invisible(self, text: str) -> list[Citation]:
        """Soft hyphens and zero-width characters split words invisibly: scan without them, report in the original."""
        kept = [i for i, char in enumerate(text) if char not in INVISIBLE]
        clean = "".join(text[i] for i in kept)
        kept.append(len(text))
        line_starts = _line_starts(text)
        out = []
        for c in self._find(clean):
            start, end = kept[c.offset], kept[c.offset + len(c.text) - 1] + 1 if c.text else kept[c.offset]
            line = _line_of(line_starts, start)
            out.append(Citation(text=text[start:end], offset=start, line=line, column=start - line_starts[line - 1] + 1,
                                law=c.law, sfs=c.sfs, chapter=c.chapter, section=c.section,
                                section_end=c.section_end, point=c.point))
        return out

    def _find(self, text: str) -> list[Citation]:
        found: list[Citation] = []
        line_starts = _line_starts(text)
        headings = [m.start() for m in HEADING.finditer(text)]
        laws = self._laws(text)
        previous_end = 0
        previous_law = None  # (law, sfs, end) of the last citation, for "samma lag"
        for index, (law_start, end, law, raw_sfs) in enumerate(laws):
            next_start = laws[index + 1][0] if index + 1 < len(laws) else len(text)
            chain_match = CHAIN_BEFORE.search(text, max(previous_end, law_start - LOOKBEHIND), law_start)
            chain = chain_match.group("chain") if chain_match else None
            start = chain_match.start() if chain_match else law_start
            if chain is None and law is not None and law != "SFS":
                after = CHAIN_AFTER.match(text, end, next_start)
                if after and _is_provision(after.group("chain")) and not _belongs_to_next(text, after.end(), next_start):
                    chain, end = after.group("chain"), after.end()
            if law is None:  # "samma lag": only with a provision, after another citation, under the same heading
                if chain is None or previous_law is None or any(previous_law[2] <= h < law_start for h in headings):
                    continue
                law, sfs = previous_law[0], previous_law[1]
            elif raw_sfs is None and chain is None:
                continue  # a name in prose, not a reference to a provision
            else:
                sfs = normalise_sfs(raw_sfs) if raw_sfs else None
            if sfs and sfs in self.tails:
                tail = self.tails[sfs].match(text, end)
                if tail:
                    end = tail.end()
            if law != "SFS":  # "SFS 2024:272" names an amending act, never "samma lag"
                previous_law = (" ".join(law.split()), sfs, end)
            previous_end = end
            cited = text[start:end]
            line = _line_of(line_starts, start)
            column = start - line_starts[line - 1] + 1
            whole = Citation(text=cited, offset=start, line=line, column=column, law=" ".join(law.split()), sfs=sfs)
            provisions = list(_provisions(chain)) if chain else []
            if not provisions:
                found.append(whole)
            for chapter, first, last, point in provisions:
                found.append(replace(whole, chapter=chapter, section=first, section_end=last, point=point))
        return found


def _is_provision(chain: str) -> bool:
    """A chain after a law name must say it is a provision (§, kap., a colon form): "FB 24" is not one."""
    return bool(re.search(r"§|kap|ch\.|[Cc]hapter|[Ss]ection|\d:\d", chain))


def _belongs_to_next(text: str, chain_end: int, next_start: int) -> bool:
    """'... enligt socialtjänstlagen 5 kap. 1 § LVU': the chain is the next law's."""
    return bool(re.fullmatch(r"\s*(?:[*_]{1,3})?\s*(?:(?:i|of(?:\s+the)?)\s+)?", text[chain_end:next_start])) \
        and next_start < len(text)


def _chapter(group) -> str | None:
    if group.group("chapter"):
        return norm_id(group.group("chapter"))
    if group.group("chapter_en"):
        return norm_id(group.group("chapter_en"))
    if group.group("chapter_word"):
        return str(ORDINALS.index(group.group("chapter_word").lower()) + 1)
    if group.group("c_chapter"):
        return norm_id(group.group("c_chapter"))
    if group.group("r_chapter") or group.group("r_chapter2"):
        return norm_id(group.group("r_chapter") or group.group("r_chapter2"))
    return None


def _provisions(chain: str):
    """'3 kap. 1 § och 5 kap. 1 §' -> (chapter, first, last, point) per section item; a chapter alone
    gives (chapter, None, None, None)."""
    previous_chapter = None
    for group in GROUP_RE.finditer(chain + " "):  # a trailing point number needs a space after it
        chapter = _chapter(group)
        if chapter is None and previous_chapter and group.group("sections_only"):
            chapter = previous_chapter  # "3 kap. 6 § och 7 §": 7 § of the same chapter
        previous_chapter = chapter
        point = None
        qualifiers = (group.group("qualifiers") or "") + " "
        for q in re.finditer(QUALIFIER, qualifiers):
            p = POINT_RE.search(q.group(0))
            if p:
                value = next(g for g in p.groups() if g)
                point = NUMBER_WORDS.get(value, value)
        if group.group("c_section"):
            yield chapter, norm_id(group.group("c_section")), None, point
            continue
        if group.group("r_section"):  # "kap 24 § 1-6"
            parsed = ITEM_RE.fullmatch(group.group("r_section").strip())
            assert parsed is not None, "r_section matched ITEM, which ITEM_RE always reads in full"
            last = parsed.group("last")
            yield chapter, norm_id(parsed.group("first")), norm_id(last) if last else None, point
            continue
        sections = group.group("sections") or group.group("sections_only")
        if not sections:
            if chapter:
                yield chapter, None, None, None
            continue
        sections = re.sub(r"^(?:[Ss]ections?\s+|§§?\s*)", "", sections.rstrip("§ \u00a0"))
        for item in re.split(JOIN, sections):
            parsed = ITEM_RE.fullmatch(item.strip())
            if not parsed:
                continue
            first = norm_id(parsed.group("first"))
            last = parsed.group("last")
            if last and re.fullmatch(r"[a-z]", last):  # "10 d–g" -> 10 d .. 10 g
                last = f"{first.split()[0]} {last}"
            yield chapter, first, norm_id(last) if last else None, point


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def _line_of(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo + 1


CODE = re.compile(r"(?ms)^[ \t]*(```|~~~).*?^[ \t]*\1[ \t]*$|`[^`\n]+`|<!--.*?-->")


def blank_code(markdown: str) -> str:
    """Markdown with code blocks, code spans and comments replaced by spaces (offsets kept)."""
    return CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), markdown)


SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÅÄÖ\"”»(\[*_])|\n[ \t]*\n|\n(?=[ \t]*(?:[#|>*+-]|\d+\.)\s)")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or list item, table row, paragraph) that contains text[start:end]."""
    left = 0
    for m in SENTENCE_END.finditer(text, max(0, start - 600), start):
        left = m.end()
    right = SENTENCE_END.search(text, end, end + 600)
    return text[left: right.end() if right else min(len(text), end + 600)]
