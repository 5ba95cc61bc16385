"""The registry of acts the site cites (data/laws.yml)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from kb.findings import KbError
from kb.project import DATA_DIR

REGISTRY_PATH = DATA_DIR / "laws.yml"
SFS_NUMBER = re.compile(r"^(\d{4}):(\d+)(?:\s*s\.\s*(\d+))?$")


class RegistryError(KbError, ValueError):
    """data/laws.yml cannot be used; names the entry and what to fix."""


def normalise_sfs(value: str) -> str:
    """'1904:26 s.1' -> '1904:26 s. 1'; '2025:400' unchanged. Raises ValueError."""
    match = SFS_NUMBER.match(" ".join(str(value).split()))
    if not match:
        raise ValueError(f"not an SFS number: {value!r} (expected YYYY:NNN)")
    year, number, page = match.groups()
    return f"{year}:{int(number)}" + (f" s. {page}" if page else "")


def sfs_slug(sfs: str) -> str:
    """'2025:400' -> 'sfs-2025-400'; '1904:26 s. 1' -> 'sfs-1904-26-s-1' (file and URL ids)."""
    return "sfs-" + re.sub(r"[^0-9a-z]+", "-", sfs.lower()).strip("-")


@dataclass(frozen=True)
class Act:
    sfs: str
    title: str
    names: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    replaced_by: str | None = None
    replaced_on: dt.date | None = None
    provision_map: dict = field(default_factory=dict, hash=False, compare=False)
    confirmed: bool = True


@dataclass
class Registry:
    acts: dict[str, Act]                     # sfs -> act
    by_name: dict[str, list[Act]]            # lower-case name -> acts
    by_abbreviation: dict[str, list[Act]]    # exact abbreviation -> acts

    def act(self, sfs: str) -> Act | None:
        return self.acts.get(sfs)

    def resolve_name(self, name: str, today: dt.date | None = None) -> Act | None:
        """The act a name or abbreviation means without an SFS number: the one in force."""
        found = self.candidates(name, today)
        return found[0] if found else None

    def candidates(self, name: str, today: dt.date | None = None) -> list[Act]:
        """Every act a name or abbreviation may mean without an SFS number, those in force first.
        Several acts in force (PL: polislagen, patientlagen) make the name ambiguous."""
        found = self.named(name)
        today = today or dt.date.today()
        current = [a for a in found if self._in_force(a, today)]
        return current or found

    def named(self, name: str) -> list[Act]:
        """Every act with this name or abbreviation (also in the genitive: skollagens, LVU:s)."""
        key = " ".join(name.split()).replace("\u2010", "-").replace("\u2011", "-")
        key = key[:-2] if key.endswith(":s") else key
        found = self.by_abbreviation.get(key) or self.by_name.get(key.lower())
        if not found and key.lower().endswith("s"):
            found = self.by_abbreviation.get(key[:-1]) or self.by_name.get(key[:-1].lower())
        return list(found or [])

    def _in_force(self, act: Act, today: dt.date) -> bool:
        if act.replaced_by and act.replaced_on and act.replaced_on <= today:
            return False
        # A successor starts the day its predecessor is replaced.
        return not any(old.replaced_by == act.sfs and old.replaced_on and old.replaced_on > today
                       for old in self.acts.values())

    def names_of(self, sfs: str) -> set[str]:
        act = self.acts.get(sfs)
        return set(act.names) | set(act.abbreviations) if act else set()

    def all_names(self) -> list[str]:
        return list(self.by_name)

    def all_abbreviations(self) -> list[str]:
        return list(self.by_abbreviation)


def _date(value, where: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise RegistryError(f"{where}: {value!r} is not a date (use YYYY-MM-DD)") from None


def parse_registry(entries, path: Path = REGISTRY_PATH) -> Registry:
    if not isinstance(entries, list):
        raise RegistryError(f"{path}: expected a list of acts (`- sfs: ...`)")
    acts: dict[str, Act] = {}
    by_name: dict[str, list[Act]] = {}
    by_abbreviation: dict[str, list[Act]] = {}
    for index, entry in enumerate(entries, start=1):
        where = f"{path}: entry {index}"
        if not isinstance(entry, dict) or "sfs" not in entry or "title" not in entry:
            raise RegistryError(f"{where}: every act needs `sfs` and `title`")
        try:
            sfs = normalise_sfs(entry["sfs"])
            replaced_by = normalise_sfs(entry["replaced_by"]) if entry.get("replaced_by") else None
        except ValueError as exc:
            hint = " (quote SFS numbers: YAML reads 1990:52 as a number)" if isinstance(entry["sfs"], int) else ""
            raise RegistryError(f"{where} ({entry.get('sfs')}): {exc}{hint}") from None
        if sfs in acts:
            raise RegistryError(f"{where}: {sfs} is listed twice; merge the entries")
        act = Act(
            sfs=sfs,
            title=" ".join(str(entry["title"]).split()),
            names=tuple(" ".join(str(n).split()).lower() for n in entry.get("names") or ()),
            abbreviations=tuple(str(a) for a in entry.get("abbreviations") or ()),
            replaced_by=replaced_by,
            replaced_on=_date(entry.get("replaced_on"), f"{where} ({sfs}) replaced_on"),
            provision_map={str(k): str(v) for k, v in (entry.get("provision_map") or {}).items()},
            confirmed=entry.get("confirmed", True) is not False,
        )
        acts[sfs] = act
        for name in act.names:
            by_name.setdefault(name, []).append(act)
        for abbreviation in act.abbreviations:
            by_abbreviation.setdefault(abbreviation, []).append(act)
    for act in acts.values():
        if act.replaced_by and act.replaced_by not in acts:
            raise RegistryError(f"{path}: {act.sfs} is replaced by {act.replaced_by}, which is not listed; add it")
    return Registry(acts, by_name, by_abbreviation)


def load_registry(path: Path = REGISTRY_PATH) -> Registry:
    try:
        entries = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as exc:
        raise RegistryError(f"{path}: cannot read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise RegistryError(f"{path}{line}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    return parse_registry(entries, path)


@lru_cache(maxsize=4)
def cached_registry(path: Path = REGISTRY_PATH) -> Registry:
    """Loaded once per process (the i18n plugin builds the site once per language)."""
    return load_registry(path)
