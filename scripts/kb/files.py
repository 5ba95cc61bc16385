"""Writing files so that nothing is lost: a reader sees the old file or the new
one, never half of either (a temporary file in the same folder, then a rename)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def replace(path: Path, text: str) -> None:
    """Replace (or create) `path` with `text` atomically."""
    tmp = _temp_copy(path, text)
    try:
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_new(path: Path, text: str) -> None:
    """Create `path` with `text` atomically; never overwrite an existing file."""
    tmp = _temp_copy(path, text)
    try:
        os.link(tmp, path)   # fails if `path` exists, even if created a moment ago
    finally:
        os.unlink(tmp)


def _temp_copy(path: Path, text: str) -> str:
    """`text` in a temporary file beside `path`, synced, with `path`'s mode (or 0644)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp
