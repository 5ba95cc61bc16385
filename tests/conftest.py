"""Fixtures shared by every test folder.

`built_site`: the real site, built once per test session with the strict
build into a temporary folder (never into site/, which a developer or another
test run may be using). Tests must treat it as read-only; copy it first to
break things on purpose. `make test` builds the site once as its first step
and passes it in KB_BUILT_SITE, so the suite does not build it again.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = Path(sys.executable).with_name("mkdocs")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """Path to a fresh strict build of the whole site (all languages)."""
    if os.environ.get("KB_BUILT_SITE"):
        return Path(os.environ["KB_BUILT_SITE"])
    site = tmp_path_factory.mktemp("built-site") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("KB_SERVE_LANG", None)  # a one-language preview setting must not shrink the site under test
    result = subprocess.run([str(MKDOCS), "build", "--strict", "-d", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return site


@pytest.fixture(autouse=True)
def _default_output_format(monkeypatch):
    """CI sets KB_FORMAT=github for the real checks; tests read the default text output."""
    monkeypatch.delenv("KB_FORMAT", raising=False)


def pytest_collection_modifyitems(items):
    """Every test under tests/browser/ drives Chromium: mark it `browser` (markers are registered
    in pyproject.toml), so `pytest -m "not browser"` runs everything else."""
    browser = ROOT / "tests" / "browser"
    for item in items:
        if browser in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
