"""A small project built with the real mkdocs.yml, theme, data and kb plugin (never the real docs/).

Each test gets its own copy, breaks one thing on purpose and builds it the way
`make build` does (`mkdocs build --strict --clean`, never `--quiet`).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.scaffold.conftest import PAGE  # one test page template for the small projects

from kb.project import ROOT

MKDOCS = [sys.executable, "-m", "mkdocs"]

NAV = """nav:
  - index.md
  - Om oss:
      - om-oss/index.md
"""


def write_page(root: Path, rel: str, text: str, title: str = "Sida") -> Path:
    path = root / "docs" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(title=title, text=text), encoding="utf-8")
    return path


def config_text(nav: str = NAV, data_dir: Path = ROOT / "data") -> str:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text[: text.index("\nnav:\n") + 1] + nav
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    return text.replace("data_dir: data", f"data_dir: {data_dir}")


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "project"
    write_page(root, "index.md", "Startsidan. Läs [om oss](om-oss/index.md).", "Start")
    write_page(root, "om-oss/index.md", "Vi samlar kunskap. Ring 112 vid fara.", "Om oss")
    (root / "mkdocs.yml").write_text(config_text(), encoding="utf-8")
    return root


def mkdocs_env(**extra: str) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **extra}
    if "KB_SERVE_LANG" not in extra:
        env.pop("KB_SERVE_LANG", None)
    return env


def build(project: Path) -> subprocess.CompletedProcess:
    """The project's build command, exactly as the Makefile runs it."""
    return subprocess.run([*MKDOCS, "build", "--strict", "--clean", "-d", str(project / "site")],
                          cwd=project, env=mkdocs_env(), capture_output=True, text=True, timeout=300)


def copy_data(project: Path) -> Path:
    data = project / "data"
    shutil.copytree(ROOT / "data", data)
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(text.replace(f"data_dir: {ROOT / 'data'}", f"data_dir: {data}"),
                                        encoding="utf-8")
    return data
