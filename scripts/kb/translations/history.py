"""The Swedish source's earlier versions, read from git history (read-only git)."""
from __future__ import annotations

import subprocess
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kb.pages import FrontMatterError, body_of, content_hash


@dataclass(frozen=True)
class Version:
    commit: str
    date: str      # committer date, YYYY-MM-DD
    body: str      # the page body (front matter removed)

    @property
    def hash(self) -> str:
        return content_hash(self.body)


class History:
    """Committed versions of the Markdown files under root/docs, newest first. Without git, none.

    All of them are read on first use with two git commands (one `git log`, one
    `git cat-file --batch`), so a status of every page costs the same as one page.
    """

    def __init__(self, root: Path, folder: str = "docs"):
        self.root = root
        self.folder = folder

    @cached_property
    def available(self) -> bool:
        try:
            return self._git("rev-parse", "--is-inside-work-tree").strip() == "true"
        except (OSError, subprocess.CalledProcessError):
            return False

    def versions(self, rel: str) -> list[Version]:
        """Every committed version of `rel` (a path relative to root), newest first."""
        return self._all.get(rel, [])

    def find(self, rel: str, recorded_hash: str) -> Version | None:
        """The newest committed version of `rel` whose body hashes to `recorded_hash`."""
        return next((v for v in self.versions(rel) if v.hash == recorded_hash), None)

    def changed_on(self, rel: str, current_body: str) -> str | None:
        """Date of the commit where the body became what it is now (None if uncommitted)."""
        current = content_hash(current_body)
        changed = None
        for version in self.versions(rel):
            if version.hash != current:
                break
            changed = version.date
        return changed

    @cached_property
    def _all(self) -> dict[str, list[Version]]:
        if not self.available:
            return {}
        log = self._git("log", "--relative", "--name-only", "--format=commit %H %cs", "--", f"{self.folder}/")
        wanted: list[tuple[str, str, str]] = []   # (commit, date, path), newest commit first
        commit = date = ""
        for line in log.splitlines():
            if line.startswith("commit "):
                _, commit, date = line.split()
            elif line.endswith(".md"):
                wanted.append((commit, date, line))
        if not wanted:
            return {}
        # One `git cat-file --batch` for all versions instead of one `git show` each.
        request = "".join(f"{commit}:./{path}\n" for commit, _, path in wanted)
        out = subprocess.run(["git", "cat-file", "--batch"], cwd=self.root, input=request.encode(),
                             capture_output=True, check=True).stdout
        versions: dict[str, list[Version]] = {}
        for commit, date, path in wanted:
            header, _, out = out.partition(b"\n")
            if header.endswith(b" missing"):
                continue   # the file was deleted (or renamed away) in this commit
            size = int(header.split()[2])
            text, out = out[:size].decode("utf-8", "replace"), out[size + 1:]
            try:
                body = body_of(text)
            except FrontMatterError:
                continue   # a version whose front matter never closes is never a translation's source
            versions.setdefault(path, []).append(Version(commit, date, body))
        return versions

    def _git(self, *args: str) -> str:
        return subprocess.run(["git", *args], cwd=self.root, capture_output=True, text=True,
                              check=True).stdout
