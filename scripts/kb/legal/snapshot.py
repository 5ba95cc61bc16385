"""data/sfs-snapshot.json: the SFS records the site cites, with provenance.

{
  "format": 1,
  "generated": "2026-11-22T23:59:00Z",
  "sources": ["http", "dir:data/sfs-provisions"],
  "records": {"2025:400": {...record, see sources.py...}},
  "not_found": {"1982:316": "no source had a record"}
}
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from kb import files
from kb.findings import KbError
from kb.project import DATA_DIR

SNAPSHOT_PATH = DATA_DIR / "sfs-snapshot.json"
FORMAT = 1


class SnapshotError(KbError, ValueError):
    """The snapshot cannot be read; says which file and how to fix it."""


def empty() -> dict:
    return {"format": FORMAT, "generated": None, "sources": [], "records": {}, "not_found": {}}


def load_snapshot(path: Path = SNAPSHOT_PATH) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SnapshotError(f"{path}: missing; run `kb legal refresh` to create it") from None
    except json.JSONDecodeError as exc:
        raise SnapshotError(
            f"{path}:{exc.lineno}: not valid JSON ({exc.msg}); restore it with `git checkout` or run `kb legal refresh`"
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("records"), dict):
        raise SnapshotError(f"{path}: not an SFS snapshot of format {FORMAT}; run `kb legal refresh`")
    return data


@lru_cache(maxsize=4)
def cached_snapshot(path: Path = SNAPSHOT_PATH) -> dict:
    """Loaded once per process (the i18n plugin builds the site once per language)."""
    return load_snapshot(path)


def write_snapshot(data: dict, path: Path = SNAPSHOT_PATH) -> None:
    """Write atomically (kb.files): a failed write leaves the last good snapshot."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    files.replace(path, text)
