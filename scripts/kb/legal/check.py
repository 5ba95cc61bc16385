"""The pure core of `kb legal check`: citations + registry + snapshot -> findings.

Nothing here prints or exits. `today` is injected so that dated changes
("/Träder i kraft I:2026-01-15/") are judged against a known day in tests.

Statuses (the finding's `code`; stable, documented in `kb legal check --help`):
  ok                    the provision exists in the act in force
  repealed              the act or provision is no longer in force (since when, by what, successor)
  unknown-law           the law is not in data/laws.yml, or name and SFS number disagree
  unknown-provision     the chapter or section does not exist in the consolidated text
  amended-since-review  amended by an act in force after the page's `reviewed` date
  changes-soon          a dated change to the provision lies ahead of today
  unverifiable          the snapshot has no text that can confirm the provision
  old-numbering         cited without SFS number by a name the replaced act also had, with a provision
                        number of the replaced act (e.g. 14 kap. 1 § SoL meaning 2001:453): the hint
                        names the provision in the act in force
  ambiguous             an abbreviation of several acts in force (PL) that the page does not disambiguate
  historical            a repealed act or provision mentioned as history in its own sentence
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from pathlib import Path

from kb.findings import KbError
from kb.legal.parse import Citation, CitationFinder, blank_code, sentence_around
from kb.legal.registry import Act, Registry, sfs_slug
from kb.legal.snapshot import SnapshotError
from kb.legal.sources import chapter_key, chronological, key
from kb.pages import FRONT_MATTER

FAILING = ("unknown-law", "repealed", "old-numbering", "unknown-provision")
# Worst first: a range or list takes the worst status of its parts. "unreadable" is a page that
# could not be read at all (not UTF-8, no permission): reported, and the others are still checked.
SEVERITY = ("unreadable", "unknown-law", "repealed", "old-numbering", "unknown-provision", "ambiguous",
            "changes-soon", "amended-since-review", "unverifiable", "historical", "ok")
STALE_AFTER, EXPIRED_AFTER = 14, 60  # days since the snapshot was refreshed: warning, then error
STATUSES = tuple(sorted(SEVERITY))
REVIEWED = re.compile(r"(?m)^reviewed:[ \t]*[\"']?(\d{4}-\d{2}-\d{2})")
# Words that mark a mention of a repealed act as history ("ersattes", "den tidigare lagen").
HISTORY_WORDS = re.compile(r"upphäv|upphört|ersatt|ersätt|tidigare|gamla|äldre|dåvarande|föregå|fram till|"
                           r"\bgällde\b|\bhette\b|före den \d|före \d{4}|till och med \d|t\.o\.m\. \d|"
                           r"replaced|repealed|former|previous|\bold\b|until", re.I)
RIKSDAGEN_DOC = "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/"


class PageError(KbError, ValueError):
    """A page that cannot be read; the message names the file and the fix."""


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    column: int
    code: str            # = status
    message: str
    hint: str
    text: str
    sfs: str | None
    chapter: str | None
    section: str | None
    status: str
    url: str | None = None
    provision: str = ""   # "4 kap. 4 e §", "31 a–31 k §§", "23 kap.", "" for a whole act

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Verdict:
    status: str
    message: str
    hint: str = ""
    sfs: str | None = None  # the act the citation was resolved to (set by `judge`)


@lru_cache(maxsize=4096)
def _parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value if not isinstance(value, dt.datetime) else value.date()
    return _parse_date(str(value))


def _day(value: object) -> dt.date:
    """A date the snapshot must hold (a provision version's `from`/`until`): YYYY-MM-DD."""
    day = _date(value)
    if day is None:
        raise SnapshotError(f"snapshot date {value!r} is not a date (YYYY-MM-DD); run `kb legal refresh`")
    return day


def _chapter_order(chapter: str) -> tuple[int, str]:
    """'2 a' -> (2, '2 a'): chapters in number order. A chapter id always starts with its number."""
    number = re.match(r"\d+", chapter)
    assert number is not None, f"chapter {chapter!r} does not start with a number"
    return int(number.group(0)), chapter


def riksdagen_slug(title: str) -> str:
    """'Brottsbalk (1962:700)' -> 'brottsbalk-1962700' (the readable part of riksdagen.se's URL)."""
    text = title.lower().translate(str.maketrans("åäöéü", "aaoeu"))
    text = re.sub(r"[():.]", "", text)
    return re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9]+", "-", text)).strip("-")


def official_url(sfs: str, title: str, chapter: str | None = None, section: str | None = None) -> str:
    """The act at riksdagen.se; the fragment is the section anchor of the Riksdag's SFS HTML
    (`<a class="paragraf" name="K4P4e">`, chapter-less acts `P4e`)."""
    url = f"{RIKSDAGEN_DOC}{riksdagen_slug(title)}_{sfs_slug(sfs)}/"
    if section:
        anchor = ("K" + chapter.replace(" ", "") if chapter else "") + "P" + section.replace(" ", "")
        url += f"#{anchor}"
    return url


class Checker:
    def __init__(self, registry: Registry, snapshot: dict, today: dt.date | None = None):
        self.registry = registry
        self.snapshot = snapshot
        self.records = snapshot.get("records", {})
        self.today = today or dt.date.today()
        self.finder = CitationFinder(registry)
        # Amending acts named in the records ("införd genom SFS 2022:310"): sfs -> (amended act, amendment).
        self.amending = {a["sfs"]: (record, a) for record in self.records.values() for a in record.get("amendments", [])}
        self.in_force = {sfs: {a["sfs"]: _date(a.get("in_force")) for a in record.get("amendments", [])}
                         for sfs, record in self.records.items()}

    # ------------------------------------------------------------ resolving

    def _owners(self, law: str) -> list[Act]:
        return self.registry.named(law)

    def resolve(self, citation: Citation, document: str = "") -> tuple[Act | None, Verdict | None]:
        """The act cited. `document` (lower case) is the page, to resolve an ambiguous abbreviation."""
        law = citation.law
        if citation.sfs and int(citation.sfs[:4]) > self.today.year:
            return None, Verdict(
                "unknown-law", f"SFS {citation.sfs} kan inte finnas: året {citation.sfs[:4]} har inte kommit",
                "Rätta SFS-numret (år:löpnummer), t.ex. 2025:400.")
        if citation.sfs:
            act = self.registry.act(citation.sfs)
            if act is None:
                # A real act the registry does not list cannot be confirmed, but nothing says it is wrong.
                return None, Verdict(
                    "unverifiable", f"SFS {citation.sfs} ({citation.law}) finns inte i lagregistret (data/laws.yml)",
                    "Kontrollera SFS-numret mot riksdagen.se, lägg till författningen i data/laws.yml och kör "
                    "`kb legal refresh`.")
            owners = self._owners(law)
            if owners and act.sfs not in {owner.sfs for owner in owners}:
                return None, Verdict(
                    "unknown-law", f"\"{law}\" är {owners[0].title}, men hänvisningen anger SFS {citation.sfs} ({act.title})",
                    "Rätta namnet eller SFS-numret så att de avser samma författning.")
            return act, None
        candidates = self.registry.candidates(law, self.today)
        if not candidates:
            return None, Verdict("unknown-law", f"\"{law}\" finns inte i lagregistret (data/laws.yml)",
                                 "Skriv lagens namn med SFS-nummer, t.ex. brottsbalken (1962:700).")
        in_force = [a for a in candidates if self.registry._in_force(a, self.today)]
        if len(in_force) > 1:
            named = [a for a in in_force if any(name in document for name in a.names)]
            if len(named) == 1:
                return named[0], None
            titles = " eller ".join(a.title for a in in_force)
            return None, Verdict("ambiguous", f"\"{law}\" kan betyda {titles}; sidan säger inte vilken",
                                 "Skriv lagens namn, eller namnet med SFS-nummer första gången förkortningen används.")
        return candidates[0], None

    # ------------------------------------------------------------ judging

    def evaluate(self, citation: Citation, reviewed: dt.date | None, context: str = "",
                 document: str = "") -> tuple[Verdict, Act | None]:
        """The status of one citation. `context` is the sentence that contains it (for historical
        mentions), `document` the whole page in lower case (for ambiguous abbreviations)."""
        verdict, act = self._evaluate(citation, reviewed, context, document)
        if verdict.status == "repealed" and self._historical(act, self.records.get(act.sfs) if act else None, context):
            return Verdict("historical", f"nämns som historia: {verdict.message}", verdict.hint), act
        if verdict.status == "old-numbering" and HISTORY_WORDS.search(context):
            # "Tidigare fanns anmälningsplikten i 14 kap. 1 § SoL": the old act, knowingly.
            return Verdict("historical", f"nämns som historia: {verdict.message}", verdict.hint), act
        return verdict, act

    def _evaluate(self, citation: Citation, reviewed: dt.date | None, context: str,
                  document: str) -> tuple[Verdict, Act | None]:
        if citation.sfs and int(citation.sfs[:4]) > self.today.year:
            problem = self.resolve(citation)[1]
            assert problem is not None, "resolve() rejects an SFS number from a year that has not come"
            return problem, None
        if citation.sfs and not self.registry.act(citation.sfs):
            if citation.sfs in self.amending:
                return self._amendment(citation)
            if citation.law == "SFS":
                # A bare "SFS 2020:352" most often names an amending act of a law the snapshot has no
                # record of: it cannot be confirmed, but nothing says it is wrong.
                return Verdict("unverifiable", f"SFS {citation.sfs} finns varken i lagregistret eller bland de "
                               "ändringsförfattningar snapshoten känner till",
                               "Kontrollera numret mot riksdagen.se; lägg till lagen i data/laws.yml om sidan "
                               "hänvisar till den."), None
        act, problem = self.resolve(citation, document)
        if problem:
            return problem, None
        assert act is not None, "resolve() gives either the act or the problem"
        record = self.records.get(act.sfs)
        title = (record or {}).get("title") or act.title
        repealed = self._act_repealed(act, record, citation)
        if repealed:
            return repealed, act
        starts = _date((record or {}).get("in_force_from"))
        if starts and starts > self.today:
            return Verdict("changes-soon", f"{title} träder i kraft {starts.isoformat()}",
                           "Sidan beskriver en författning som ännu inte gäller; ange datumet."), act
        if citation.section is None and citation.chapter:
            return self._chapter(act, record, citation.chapter), act
        old = self._old_numbering(act, citation)
        if old:
            return old, act
        if not citation.section:
            if record is None:
                return Verdict("unverifiable", f"snapshoten har ingen post för {title}; författningen kan inte bekräftas",
                               "Kör `kb legal refresh` med en källa som har författningen."), act
            return Verdict("ok", f"{title} gäller"), act
        if record is None:
            return Verdict("unverifiable", f"snapshoten har ingen post för {title}; {citation.provision} kan inte bekräftas",
                           "Kontrollera bestämmelsen mot riksdagen.se och kör `kb legal refresh` när källan finns."), act
        ends = [citation.section] + ([citation.section_end] if citation.section_end else [])
        verdicts = [self._provision(act, record, citation.chapter, section, reviewed) for section in ends]
        verdict = min(verdicts, key=lambda v: SEVERITY.index(v.status))
        if citation.sfs is None and verdict.status in ("unknown-provision",):
            verdict = Verdict(verdict.status, verdict.message, (verdict.hint + " " + self._older_act_hint(act, citation)).strip())
        return verdict, act

    def _amendment(self, citation: Citation) -> tuple[Verdict, Act]:
        sfs = citation.sfs
        assert sfs is not None, "only a citation with an SFS number can name an amending act"
        record, amendment = self.amending[sfs]
        when = _date(amendment.get("in_force"))
        title = amendment.get("title") or f"SFS {sfs}"
        act = Act(sfs=sfs, title=title)
        if citation.section:
            return Verdict("unverifiable", f"{citation.provision} i ändringsförfattningen {title} kan inte bekräftas",
                           f"Hänvisa hellre till bestämmelsen i {record['title']}."), act
        if when and when > self.today:
            return Verdict("changes-soon", f"{title} ändrar {record['title']} från {when.isoformat()}",
                           "Se över sidan inför ändringen."), act
        return Verdict("ok", f"ändringsförfattning till {record['title']}"
                       + (f", i kraft sedan {when.isoformat()}" if when else "")), act

    def _historical(self, act: Act | None, record: dict | None, context: str) -> bool:
        """A mention of a repealed act as history: its own sentence says so, or names the successor."""
        if act is None:
            return False
        successor = act.replaced_by or (record or {}).get("repealed_by")
        if successor and re.search(rf"\(\s*{re.escape(successor)}\s*\)|SFS\s+{re.escape(successor)}\b", context):
            return True
        return bool(HISTORY_WORDS.search(context))

    def _chapter(self, act: Act, record: dict | None, chapter: str) -> Verdict:
        """A citation of a whole chapter ("23 kap. brottsbalken")."""
        title = (record or {}).get("title") or act.title
        chapters = _chapters(record or {})
        if not chapters:
            return Verdict("unverifiable", f"snapshoten vet inte vilka kapitel {title} har; {chapter} kap. kan inte bekräftas",
                           "Kontrollera kapitlet mot riksdagen.se.")
        if chapter in chapters:
            return Verdict("ok", f"{chapter} kap. finns i {title}")
        if (record or {}).get("text") == "official" or _chapter_number(chapter) > max(_chapter_number(c) for c in chapters):
            return Verdict("unknown-provision", f"{chapter} kap. finns inte i {title}", self._nearby(record or {}, None))
        return Verdict("unverifiable", f"{chapter} kap. nämns inte i snapshoten av {title}",
                       "Kontrollera kapitlet mot riksdagen.se.")

    def _old_numbering(self, act: Act, citation: Citation) -> Verdict | None:
        """'14 kap. 1 § SoL' without SFS number: the name is also the replaced act's, and the provision
        exists there. Unless the old→new table says the number did not change, the author may mean the
        old act, where the number meant something else: report it with the provision in force."""
        if citation.sfs or not citation.section:
            return None
        law = citation.law.lower()
        for older in self.registry.acts.values():
            if older.replaced_by != act.sfs or law not in {n.lower() for n in self.registry.names_of(older.sfs)}:
                continue
            if not older.replaced_on or older.replaced_on > self.today:
                continue
            provision = citation.provision if not citation.section_end else key(citation.chapter, citation.section)
            mapped = older.provision_map.get(provision)
            if mapped == provision:
                return None
            exists = _derived(self.records.get(older.sfs) or {}, citation.chapter, citation.section)
            if exists not in ("known", "within") and not mapped:
                return None
            name = act.names[0] if act.names else act.title
            in_new = provision in ((self.records.get(act.sfs) or {}).get("provisions") or {})
            if mapped:
                message = (f"{provision} {citation.law} utan SFS-nummer: i {older.title}, som upphävdes "
                           f"{older.replaced_on.isoformat()}, motsvaras {provision} av {mapped} i {act.title}")
                hint = f"Menar du den gamla lagens {provision}: skriv {mapped} {name} ({act.sfs})."
                if in_new:
                    hint += f" Menar du den nya lagens {provision}: skriv {provision} {name} ({act.sfs})."
                else:
                    message += f"; {provision} finns inte i {act.title}"
            else:
                message = (f"{provision} {citation.law} utan SFS-nummer kan avse {older.title}, som upphävdes "
                           f"{older.replaced_on.isoformat()} och där numret betydde något annat")
                hint = (f"Skriv {provision} {name} ({act.sfs}) om den nya lagen avses; avses den gamla, "
                        f"leta upp motsvarande bestämmelse (övergångstabellen i data/laws.yml saknar {provision}).")
            return Verdict("old-numbering", message, hint)
        return None

    def _act_repealed(self, act: Act, record: dict | None, citation: Citation) -> Verdict | None:
        record = record or {}
        on = _date(record.get("repealed_on")) or act.replaced_on
        by = record.get("repealed_by") or act.replaced_by
        if not on and not by:
            return None
        title = record.get("title") or act.title
        successor = self.registry.act(act.replaced_by or by or "") if (act.replaced_by or by) else None
        successor_title = successor.title if successor else (f"SFS {by}" if by else "")
        if on and on > self.today:
            return Verdict("changes-soon", f"{title} upphävs {on.isoformat()}" + (f" genom {successor_title}" if by else ""),
                           "Planera en ändring av sidan till den dagen.")
        message = f"{title} är upphävd" + (f" sedan {on.isoformat()}" if on else "") + (f" genom {successor_title}" if by else "")
        hint = f"Hänvisa till {successor_title}." if successor_title else "Hänvisa till den författning som gäller."
        mapped = act.provision_map.get(citation.provision) if citation.section else None
        if mapped and successor:
            message += f"; motsvarande bestämmelse är {mapped} i {successor.title}"
            name = successor.names[0] if successor.names else successor.title
            hint = f"Skriv {mapped} {name} ({successor.sfs})."
        return Verdict("repealed", message, hint)

    def _provision(self, act: Act, record: dict, chapter: str | None, section: str, reviewed: dt.date | None) -> Verdict:
        title = record.get("title") or act.title
        provision = key(chapter, section)
        versions = (record.get("provisions") or {}).get(provision, {}).get("versions")
        history = (record.get("amendment_index") or {}).get(provision, [])
        in_force_dates = self.in_force.get(record.get("sfs"), {})
        if versions:
            return self._from_text(title, provision, versions, history, in_force_dates, reviewed)
        whole = (record.get("amendment_index") or {}).get(chapter_key(chapter), []) if chapter else []
        if whole and (not history or chronological(whole[-1]) >= chronological(history[-1])):
            # The whole chapter was repealed or replaced after anything recorded for the section.
            last, when = whole[-1], _date(whole[-1].get("in_force"))
            since = f" ({when.isoformat()})" if when else ""
            if last["action"] == "repealed":
                return Verdict("repealed", f"{chapter} kap. i {title} är upphävt genom SFS {last['sfs']}{since}",
                               "Hänvisa till den bestämmelse som gäller nu.")
            return Verdict("unverifiable", f"{chapter} kap. i {title} ersattes i sin helhet genom SFS {last['sfs']}"
                           f"{since}; vilka paragrafer det nya kapitlet har finns inte i snapshoten",
                           "Kontrollera paragrafen i den konsoliderade texten (länken).")
        if history:
            last = history[-1]
            when = _date(last.get("in_force"))
            if last["action"] in ("repealed", "renumbered"):
                if when and when > self.today:
                    return Verdict("changes-soon", f"{provision} i {title} upphävs {when.isoformat()} genom SFS {last['sfs']}",
                                   "Planera en ändring av sidan till den dagen.")
                return Verdict("repealed", f"{provision} i {title} är upphävd genom SFS {last['sfs']}"
                               + (f" ({when.isoformat()})" if when else ""), "Hänvisa till den bestämmelse som gäller nu.")
            if record.get("text") == "official":
                return Verdict("unknown-provision", f"{provision} finns inte i den konsoliderade texten av {title}",
                               self._nearby(record, chapter))
            amended = [(h["sfs"], _date(h.get("in_force"))) for h in history]
            verdict = self._dated(title, provision, amended, reviewed)
            if verdict:
                return verdict
            source = "lagtexten i SE-Lex-exporten saknar paragrafen" if record.get("text") else "lagtexten finns inte i snapshoten"
            return Verdict("ok", f"{provision} i {title} finns enligt ändringsförfattning SFS {history[0]['sfs']} ({source})")
        if record.get("text") == "official":
            chapters = {p.split(" kap.")[0] for p in record.get("provisions", {}) if " kap." in p}
            if chapter and chapter not in chapters:
                return Verdict("unknown-provision", f"{chapter} kap. finns inte i {title}", self._nearby(record, None))
            if not chapter and chapters:
                return Verdict("unknown-provision", f"{title} är indelad i kapitel; ange kapitel för {section} §",
                               "Skriv t.ex. \"4 kap. 4 § ...\".")
            if chapter and not chapters:
                return Verdict("unknown-provision", f"{title} har inga kapitel; {provision} finns inte",
                               self._nearby(record, None))
            return Verdict("unknown-provision", f"{provision} finns inte i {title}", self._nearby(record, chapter))
        derived = _derived(record, chapter, section) if record.get("text") != "partial" else None
        if derived in ("beyond", "no-chapter", "letter"):
            why = {"beyond": "numret ligger efter den sista paragraf som kapitlet har haft",
                   "no-chapter": "kapitlet har aldrig funnits",
                   "letter": "en paragraf med bokstav kan bara ha tillkommit genom en ändring, och ingen har infört den"}
            return Verdict("unknown-provision",
                           f"{provision} finns inte i {title} (härlett ur ändringsregistret: {why[derived]})",
                           self._nearby(record, chapter))
        if derived == "within":
            return Verdict("ok", f"{provision} i {title} finns (härlett ur ändringsregistret: paragraferna 1–n i "
                           "ett kapitel finns från början, och ingen ändring har upphävt den)")
        if record.get("text") == "converted":
            return Verdict("unverifiable", f"{provision} saknas i SE-Lex-konverteringen av {title}, som tappar vissa paragrafer",
                           "Kontrollera bestämmelsen mot riksdagen.se; `kb legal refresh` mot rkrattsbaser ger hela texten.")
        return Verdict("unverifiable", f"snapshoten har bara metadata för {title}; {provision} kan inte bekräftas",
                       "Kontrollera bestämmelsen mot riksdagen.se; `kb legal refresh` mot rkrattsbaser ger hela texten.")

    def _from_text(self, title, provision, versions, history, in_force_dates, reviewed) -> Verdict:
        today = self.today
        current = [v for v in versions
                   if (not v.get("from") or _day(v["from"]) <= today) and (not v.get("until") or _day(v["until"]) > today)]
        upcoming = sorted({_day(d) for v in versions for d in (v.get("from"), v.get("until")) if d and _day(d) > today})
        if not current:
            if upcoming:
                return Verdict("changes-soon", f"{provision} i {title} träder i kraft {upcoming[0].isoformat()}",
                               "Sidan beskriver en bestämmelse som ännu inte gäller; ange datumet.")
            ended = max((_day(v["until"]) for v in versions if v.get("until")), default=None)
            return Verdict("repealed", f"{provision} i {title} upphörde att gälla" + (f" {ended.isoformat()}" if ended else ""),
                           "Hänvisa till den bestämmelse som gäller nu.")
        version = current[-1]
        if version.get("repealed_by"):
            return Verdict("repealed", f"{provision} i {title} har upphävts genom SFS {version['repealed_by']}",
                           "Hänvisa till den bestämmelse som gäller nu.")
        if upcoming:
            return Verdict("changes-soon", f"{provision} i {title} ändras {upcoming[0].isoformat()}",
                           "Se över sidan inför ändringen.")
        amended = [(h["sfs"], _date(h.get("in_force"))) for h in history]
        if version.get("amended_by"):
            amended.append((version["amended_by"], in_force_dates.get(version["amended_by"])))
        verdict = self._dated(title, provision, amended, reviewed)
        return verdict or Verdict("ok", f"{provision} i {title} gäller")

    def _dated(self, title, provision, amended, reviewed) -> Verdict | None:
        future = sorted(when for _, when in amended if when and when > self.today)
        if future:
            return Verdict("changes-soon", f"{provision} i {title} ändras {future[0].isoformat()}",
                           "Se över sidan inför ändringen.")
        if reviewed:
            after = [(when, sfs) for sfs, when in amended if when and reviewed < when <= self.today]
            if after:
                when, sfs = max(after)
                return Verdict("amended-since-review",
                               f"{provision} i {title} ändrades genom SFS {sfs} som trädde i kraft {when.isoformat()}, "
                               f"efter att sidan granskades {reviewed.isoformat()}",
                               "Läs den nya lydelsen, uppdatera sidan och sätt ett nytt `reviewed`-datum.")
        return None

    def _nearby(self, record: dict, chapter: str | None) -> str:
        provisions = list(record.get("provisions") or {})
        if chapter:
            same = [p for p in provisions if p.startswith(f"{chapter} kap. ")]
            if same:
                shown = ", ".join(p.split("kap. ")[1].removesuffix(" §") for p in same[:12])
                return f"{chapter} kap. har {shown}{' …' if len(same) > 12 else ''} §§"
        chapters = sorted({p.split(" kap.")[0] for p in provisions if " kap." in p},
                          key=_chapter_order)
        if chapters:
            return f"Kapitel: {', '.join(chapters[:40])}"
        return "Paragrafer: " + ", ".join(p for p in provisions[:15])

    def _older_act_hint(self, act: Act, citation: Citation) -> str:
        for older in self.registry.acts.values():
            if older.replaced_by == act.sfs and citation.law.lower() in {n.lower() for n in self.registry.names_of(older.sfs)}:
                mapped = older.provision_map.get(citation.provision)
                note = f" ({citation.provision} i {older.title} motsvaras av {mapped})" if mapped else ""
                return f"\"{citation.law}\" utan SFS-nummer avser {act.title}{note}."
        return ""

    # ------------------------------------------------------------ texts and pages

    def judge(self, text: str, reviewed: dt.date | None = None):
        """(citation, verdict, url) for every citation in `text`."""
        document = text.lower()
        for citation in self.finder.find(text):
            context = sentence_around(text, citation.offset, citation.offset + len(citation.text))
            verdict, act = self.evaluate(citation, reviewed, context, document)
            if act is not None:
                verdict = replace(verdict, sfs=act.sfs)
            url = None
            if act is not None:
                record = self.records.get(act.sfs) or {}
                url = official_url(act.sfs, record.get("title") or act.title, citation.chapter, citation.section)
            yield citation, verdict, url

    def check_text(self, text: str, file: str, reviewed: dt.date | None = None, first_line: int = 1) -> list[Finding]:
        findings = []
        for citation, verdict, url in self.judge(text, reviewed):
            findings.append(Finding(
                file=file, line=first_line + citation.line - 1, column=citation.column, code=verdict.status,
                message=verdict.message, hint=verdict.hint, text=citation.text,
                sfs=citation.sfs or verdict.sfs, chapter=citation.chapter,
                section=(f"{citation.section}–{citation.section_end}" if citation.section_end else citation.section),
                status=verdict.status, url=url, provision=citation.provision,
            ))
        return findings

    def _resolved_sfs(self, citation: Citation) -> str | None:
        candidates = self.registry.candidates(citation.law, self.today)
        return candidates[0].sfs if len(candidates) == 1 else None

    def check_markdown(self, source: str, file: str) -> list[Finding]:
        """A Markdown page: the body is checked (code blanked out), `reviewed` comes from its front matter.

        Only `reviewed` is needed, so it is read with a pattern instead of a YAML parse
        (which would take most of the time of checking the whole site).
        """
        if source.startswith("\ufeff"):  # a UTF-8 byte order mark must not hide the front matter
            source = source[1:]
        match = FRONT_MATTER.match(source)
        if not match:
            return self.check_text(blank_code(source), file, None, 1)
        reviewed = REVIEWED.search(match.group(1) or "")
        body_line = source[: match.end()].count("\n") + 1
        return self.check_text(blank_code(source[match.end():]), file,
                               _date(reviewed.group(1)) if reviewed else None, body_line)

    def check_paths(self, paths: list[Path], root: Path | None = None) -> list[Finding]:
        """Every Markdown file in `paths`; a file that cannot be read becomes an `unreadable` finding
        and the others are still checked."""
        return self.check_files(list(iter_markdown_files(paths)), root)

    def check_files(self, files: list[Path], root: Path | None = None) -> list[Finding]:
        findings = []
        for path in files:
            shown = _display(path, root)
            try:
                source = path.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                findings.append(_unreadable(shown, f"not UTF-8 text (byte {exc.start})", "Save the file as UTF-8."))
                continue
            except OSError as exc:
                findings.append(_unreadable(shown, f"cannot be read ({exc.strerror})", "Check the file's permissions."))
                continue
            findings.extend(self.check_markdown(source, shown))
        return findings


def _unreadable(file: str, message: str, hint: str) -> Finding:
    return Finding(file=file, line=0, column=0, code="unreadable", message=message, hint=hint, text="",
                   sfs=None, chapter=None, section=None, status="unreadable")


def snapshot_age(snapshot: dict, today: dt.date, path: str = "data/sfs-snapshot.json") -> tuple[str, Finding | None]:
    """A line describing the snapshot's age, and a finding when it is stale (warning after 14 days)
    or expired (error after 60). The age counts from the last refresh (`generated`); `data_as_of`
    is the newest date the sources give for their own data."""
    generated = _date(snapshot.get("generated"))
    data_as_of = snapshot.get("data_as_of")
    if generated is None:
        return "snapshot: no refresh date recorded", Finding(
            file=path, line=0, column=0, code="snapshot-expired", message="the snapshot records no refresh date",
            hint="Run `kb legal refresh`.", text="", sfs=None, chapter=None, section=None, status="snapshot-expired")
    days = max(0, (today - generated).days)
    line = f"snapshot refreshed {generated.isoformat()} ({days} days ago)" + (
        f"; source data as of {data_as_of}" if data_as_of else "")
    if days <= STALE_AFTER:
        return line, None
    status = "snapshot-expired" if days > EXPIRED_AFTER else "snapshot-stale"
    limit = EXPIRED_AFTER if status == "snapshot-expired" else STALE_AFTER
    return line, Finding(
        file=path, line=0, column=0, code=status, status=status, text="", sfs=None, chapter=None, section=None,
        message=f"the SFS snapshot was last refreshed {generated.isoformat()}, {days} days ago (more than {limit})",
        hint="Run `kb legal refresh` (the weekly workflow does it; see its issue if it failed).")


def iter_markdown_files(paths: list[Path]):
    """Markdown files in `paths` (files or folders, in a stable order); a missing path raises FileNotFoundError."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.md") if p.is_file())
        elif path.is_file():
            yield path
        else:
            raise FileNotFoundError(str(path))


def _display(path: Path, root: Path | None) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix() if root else path.as_posix()
    except ValueError:
        return path.as_posix()


def summary(findings: list[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITY[::-1], 0)
    for finding in findings:
        if finding.status in counts:
            counts[finding.status] += 1
    return counts


def failed(findings: list[Finding]) -> bool:
    return any(f.status in FAILING or f.status == "snapshot-expired" for f in findings)


def _chapter_number(chapter: str) -> int:
    match = re.match(r"\d+", chapter)
    return int(match.group(0)) if match else 0


def _section_parts(section: str) -> tuple[int, str]:
    match = re.fullmatch(r"(\d+)\s*([a-z]?)", section)
    return (int(match.group(1)), match.group(2)) if match else (0, "")


def _known(record: dict) -> set[str]:
    """Provisions the record knows of: from its text and from every amendment note."""
    return set(record.get("provisions") or {}) | set(record.get("amendment_index") or {})


def _chapters(record: dict) -> set[str]:
    return {p.split(" kap.")[0] for p in _known(record) if " kap." in p}


def _derived(record: dict, chapter: str | None, section: str) -> str | None:
    """What the amendment register (and a partial text) says about a provision that no consolidated
    text shows: 'known' (named in a note or the text), 'within' (a plain number not above the highest
    number the chapter is known to have: sections are numbered 1..n from the start), 'letter' (a
    lettered section no note has added), 'beyond' (more than one above every known number: the one
    just above may be an original section never amended), 'no-chapter', or None when the record has
    nothing to go on."""
    known = _known(record)
    if not known:
        return None
    provision = key(chapter, section)
    if provision in known:
        return "known"
    if chapter:
        chapters = _chapters(record)
        if chapter not in chapters:
            top = max((_chapter_number(c) for c in chapters), default=0)
            if re.search(r"[a-z]", chapter) or _chapter_number(chapter) > top:
                return "no-chapter"
            return None
        prefix = f"{chapter} kap. "
        numbers = [_section_parts(p[len(prefix):].removesuffix(" §")) for p in known if p.startswith(prefix)]
    else:
        if _chapters(record):
            return None
        numbers = [_section_parts(p.removesuffix(" §")) for p in known if " kap." not in p]
    number, letter = _section_parts(section)
    top = max((n for n, _ in numbers), default=0)
    if number == top + 1 and not letter:
        return None  # the chapter's last original section may never have been amended: cannot tell
    if number > top:
        return "beyond"
    if letter:
        return "letter"
    return "within"
