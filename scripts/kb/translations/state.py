"""One answer to "what state is this translation in?", for every part of the project.

The readers' banners (kb.site.translation_flags), the translators' status
(`kb translations status`, the status page) and the content gate (KB142) all
ask `of()`; none of them decides on its own.

  orphan    the Swedish source does not exist
  outdated  the Swedish body's hash differs from translation.source_hash, or
            the translation records no source_hash (then nobody can show which
            Swedish version it was made from, so it cannot be called current)
  machine   made from the current Swedish text, not reviewed by a qualified translator
  current   reviewed, and made from the current Swedish text
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kb.pages import content_hash


@dataclass(frozen=True)
class TranslationState:
    state: str                    # orphan, outdated, machine or current
    reviewed: bool                # translation.status is `reviewed` (a review happened, maybe of older text)
    recorded_hash: str | None     # translation.source_hash as written (None when absent)
    current_hash: str | None      # the Swedish body's hash now (None when the source is gone)

    @property
    def outdated(self) -> bool:
        return self.state == "outdated"

    @property
    def unknown_source(self) -> bool:
        """True when the translation does not say which Swedish version it was made from."""
        return self.current_hash is not None and not self.recorded_hash


def record_of(meta: Mapping) -> dict:
    """The `translation:` block of a translation's front matter ({} when absent or malformed)."""
    record = meta.get("translation") if isinstance(meta, Mapping) else None
    return record if isinstance(record, dict) else {}


def of(meta: Mapping, source_body: str | None) -> TranslationState:
    """The state of a translation with front matter `meta` whose Swedish body is
    `source_body` (None when the Swedish page does not exist)."""
    record = record_of(meta)
    recorded = record.get("source_hash") if isinstance(record.get("source_hash"), str) else None
    reviewed = record.get("status") == "reviewed"
    if source_body is None:
        return TranslationState("orphan", reviewed, recorded, None)
    now = content_hash(source_body)
    if recorded != now:
        return TranslationState("outdated", reviewed, recorded, now)
    return TranslationState("current" if reviewed else "machine", reviewed, recorded, now)
