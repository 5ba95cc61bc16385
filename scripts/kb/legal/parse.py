"""Find citations of Swedish law in text.

Forms recognised (all as written in Swedish, also inside translated pages):

    4 kap. 4 e § brottsbalken (1962:700)      29 kap. 2 § 10 brottsbalken
    4 kap. 4 c § BrB                          2 kap. 2 eller 3 § brottsbalken
    3 kap. 1 § och 5 kap. 1 § hälso- och sjukvårdslagen (2017:30)
    31 a–31 k §§ LVU                          9 c, 10 §§ LVU
    1 § lagen (1982:316) med förbud mot könsstympning av kvinnor
    1 och 2 §§ förordningen (2017:868) med länsstyrelseinstruktion
    förordning (2022:1345) om nationellt centrum mot ...   SFS 2025:400

A law is named (a) by a name ending in lag/balk/förordning/... followed by its
SFS number in parentheses, (b) as `SFS YYYY:NNN`, (c) by a name or
abbreviation from the registry, or (d) as "samma lag" (the law of the citation
just before). Forms (c) and (d) without an SFS number are only citations when a
provision precedes them: "enligt socialtjänstlagen" in prose is not a
reference to check.

The parser never resolves anything: it reports what is written, where.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.legal.registry import Registry, normalise_sfs

DASH = "-\u2010\u2011\u2012\u2013\u2014"
# A section or chapter number: "4", "4 e", "4e" (a letter that does not start a word).
NUM = r"\d{1,4}(?:[ \u00a0]?[a-z](?![a-zåäöéü]))?"
ITEM = rf"{NUM}(?:\s*[{DASH}]\s*{NUM})?"
JOIN = r"(?:\s*,\s*|\s+(?:och|eller|samt)\s+)"
SECTIONS = rf"{ITEM}(?:{JOIN}{ITEM})*\s*§§?"
QUALIFIER = (
    r"(?:(?:första|andra|tredje|fjärde|femte|sjätte|sjunde|åttonde|nionde|tionde|sista)\s+stycket"
    r"|\d{1,3}\s*p\.|punkt(?:en|erna)?\s+\d{1,3}|\d{1,3}(?=\s))"
)
GROUP = rf"(?:{NUM}\s+kap\.?\s+)?{SECTIONS}(?:\s+{QUALIFIER})*"
CHAIN = rf"{GROUP}(?:{JOIN}{GROUP})*"
SFS = r"\d{4}:\d{1,4}(?:\s*s\.\s*\d{1,3})?"
# A word that names an act, e.g. brottsbalken, socialtjänstlag, hälso- och sjukvårdslagen,
# förordningen, regeringsformen.
ACT_WORD = (
    r"(?:[A-ZÅÄÖa-zåäö]+-\s+(?:och|eller)\s+)?[A-ZÅÄÖa-zåäö]*"
    r"(?:lag|lagen|balk|balken|förordning|förordningen|formen|ordning|ordningen|kungörelse|kungörelsen)"
)

GROUP_RE = re.compile(rf"(?:(?P<chapter>{NUM})\s+kap\.?\s+)?(?P<sections>{SECTIONS})(?P<qualifiers>(?:\s+{QUALIFIER})*)")
ITEM_RE = re.compile(rf"(?P<first>{NUM})(?:\s*[{DASH}]\s*(?P<last>{NUM}))?")
POINT_RE = re.compile(r"(\d{1,3})\s*p\.|punkt(?:en|erna)?\s+(\d{1,3})|^\s*(\d{1,3})\s*$")


@dataclass(frozen=True)
class Citation:
    """One provision (or one act) cited in a text.

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
    section: str | None = None  # "4 e"; None for a citation of a whole act
    section_end: str | None = None  # last section of a range "31 a–31 k"
    point: str | None = None

    @property
    def provision(self) -> str:
        """'4 kap. 4 e §', '31 a–31 k §§', '' for a whole act."""
        if not self.section:
            return ""
        chapter = f"{self.chapter} kap. " if self.chapter else ""
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


def _atoms(name: str, fold_first: bool) -> list[str]:
    atoms = []
    for index, char in enumerate(name):
        if char.isspace():
            if atoms and atoms[-1] != r"\s+":
                atoms.append(r"\s+")
        elif index == 0 and fold_first and char.isalpha():
            atoms.append(f"[{re.escape(char.upper())}{re.escape(char)}]")
        else:
            atoms.append(re.escape(char))
    return atoms


def _name_pattern(names: list[str], abbreviations: list[str]) -> str:
    # A name may start a sentence (Brottsbalken); abbreviations are exact (RF, not rf).
    return _trie_pattern([_atoms(n, True) for n in names] + [_atoms(a, False) for a in abbreviations])


BEFORE = rf"(?<![\w§:.,/{DASH}])"
CHAIN_BEFORE = re.compile(rf"{BEFORE}(?P<chain>{CHAIN})\s+\Z")
ACT_WORD_BEFORE = re.compile(rf"(?<![\wåäöÅÄÖ-])(?P<word>{ACT_WORD})\s*\Z")
PAREN_SFS = re.compile(rf"\((?P<sfs>{SFS})\)")
# "45 § samma lag": the law of the citation just before it.
SAME_LAW = re.compile(r"(?<![\wåäöÅÄÖ-])(?P<word>samma\s+(?:lag|balk|förordning))(?![\wåäöÅÄÖ-])")
BARE_SFS = re.compile(rf"(?<![\w])(?P<word>SFS)\s+(?P<sfs>{SFS})(?![\d:])")
LOOKBEHIND = 300  # characters searched for a provision chain before a law name


class CitationFinder:
    """Compiled once per registry; `find(text)` is pure and fast.

    Law names are found first (three cheap patterns); only then is the text just
    before each name searched for the provisions that belong to it.
    """

    def __init__(self, registry: Registry):
        self.registry = registry
        names = _name_pattern(registry.all_names(), registry.all_abbreviations())
        self.named = re.compile(
            rf"(?<![\wåäöÅÄÖ-])(?P<named>{names})(?![\wåäöÅÄÖ-])(?:\s*\((?P<sfs>{SFS})\))?"
        )
        self.tails = {}
        for act in registry.acts.values():
            # "Lag (1982:316) med förbud mot ..." -> the words after the parentheses.
            tail = act.title.split(")", 1)[1].strip() if ")" in act.title else ""
            if tail:
                self.tails[act.sfs] = re.compile(r"\s+" + r"\s+".join(re.escape(w) for w in tail.split()))

    def _laws(self, text: str):
        """(start, end, law as written, SFS as written or None), in order, not overlapping."""
        found = []
        for m in self.named.finditer(text):
            found.append((m.start(), m.end(), m.group("named"), m.group("sfs")))
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
        found: list[Citation] = []
        line_starts = _line_starts(text)
        previous_end = 0
        previous_law = None  # (law, sfs) of the last citation, for "samma lag"
        for law_start, end, law, raw_sfs in self._laws(text):
            chain_match = CHAIN_BEFORE.search(text, max(previous_end, law_start - LOOKBEHIND), law_start)
            chain = chain_match.group("chain") if chain_match else None
            if law is None:  # "samma lag": only with a provision, and only after another citation
                if chain is None or previous_law is None:
                    continue
                law, sfs = previous_law
            elif raw_sfs is None and chain is None:
                continue  # a name in prose, not a reference to a provision
            else:
                sfs = normalise_sfs(raw_sfs) if raw_sfs else None
            if law != "SFS":  # "SFS 2024:272" names an amending act, never "samma lag"
                previous_law = (" ".join(law.split()), sfs)
            if sfs and sfs in self.tails:
                tail = self.tails[sfs].match(text, end)
                if tail:
                    end = tail.end()
            start = chain_match.start() if chain_match else law_start
            previous_end = end
            cited = text[start:end]
            line = _line_of(line_starts, start)
            column = start - line_starts[line - 1] + 1
            base = dict(text=cited, offset=start, line=line, column=column, law=" ".join(law.split()), sfs=sfs)
            provisions = list(_provisions(chain)) if chain else []
            if not provisions:
                found.append(Citation(**base))
            for chapter, first, last, point in provisions:
                found.append(Citation(**base, chapter=chapter, section=first, section_end=last, point=point))
        return found


def _provisions(chain: str):
    """'3 kap. 1 § och 5 kap. 1 §' -> (chapter, first, last, point) per section item."""
    for group in GROUP_RE.finditer(chain + " "):  # a trailing point number needs a space after it
        chapter = norm_id(group.group("chapter")) if group.group("chapter") else None
        point = None
        qualifiers = (group.group("qualifiers") or "") + " "
        for q in re.finditer(QUALIFIER, qualifiers):
            p = POINT_RE.search(q.group(0))
            if p:
                point = next(g for g in p.groups() if g)
        sections = group.group("sections").rstrip("§ \u00a0")
        for item in re.split(JOIN, sections):
            parsed = ITEM_RE.fullmatch(item.strip())
            if not parsed:
                continue
            first = norm_id(parsed.group("first"))
            last = norm_id(parsed.group("last")) if parsed.group("last") else None
            yield chapter, first, last, point


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
