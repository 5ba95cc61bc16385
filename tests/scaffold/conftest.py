"""A small copy of the project to run the writing commands on (never the real docs/)."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kb.project import ROOT

PAGE = """---
title: {title}
description: En mening om sidan.
audience: [alla]
owner: Enheten för stöd och samverkan
reviewed: 2026-11-22
sources:
  - title: Myndighetsgemensam vägledning vid hedersrelaterad brottslighet (Rapport 2022:23)
    seed: 000_eba871a2bf6b7415.txt L209-240
    checked: 2026-11-22
---

# {title}

{text}
"""

PAGES = {
    "index.md": ("Start", "Startsidan."),
    "om-oss/index.md": ("Om oss", "Vi samlar kunskap."),
    "om-oss/ordlista.md": ("Ordlista", "Ord och vad de betyder."),
    "till-dig-som-ar-orolig/index.md": ("Till dig som är orolig för någon", "Du kan få stöd.\n\nRing 112 vid fara."),
    "dolj-ditt-besok/index.md": ("Dölj ditt besök", "Så döljer du ditt besök."),
}


def write_page(root: Path, rel: str, title: str, text: str) -> Path:
    path = root / "docs" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(title=title, text=text), encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path) -> Path:
    """tmp_path/project with the real mkdocs.yml and a few Swedish pages."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for rel, (title, text) in PAGES.items():
        write_page(root, rel, title, text)
    return root


def git(root: Path, *args: str, date: str = "2026-10-01") -> str:
    """Run git in a test repository (never the project's), as a test author on `date`."""
    stamp = f"{date}T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
           "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


def commit(root: Path, message: str, date: str) -> str:
    """Commit everything in `root` on `date` (YYYY-MM-DD); return the commit id."""
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, date=date)
    return git(root, "rev-parse", "HEAD").strip()


@pytest.fixture
def git_project(project) -> Path:
    """`project` as a git repository with one commit (dated 2026-10-01)."""
    git(project, "init", "-q", "-b", "main")
    commit(project, "first", "2026-10-01")
    return project
