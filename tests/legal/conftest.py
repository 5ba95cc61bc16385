"""Fixtures for kb.legal: the real legal sources in ../shared/legal-sources.

CI clones the repository with ../shared beside it, so the sources are found
through the repository's parent, never through an absolute path.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kb.legal.check import Checker
from kb.legal.refresh import DirSource, refresh
from kb.legal.registry import load_registry

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "legal-sources"
FIXTURES = Path(__file__).with_name("fixtures")
TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="session")
def registry():
    return load_registry()


@pytest.fixture(scope="session")
def snapshot(registry):
    """A snapshot rebuilt from the real saved responses (not the committed file)."""
    if not SHARED.is_dir():
        pytest.fail(f"{SHARED} is missing: clone the shared sources beside the repository", pytrace=False)
    result = refresh(registry, [DirSource(SHARED)])
    assert result.ok, result.failures
    return result.snapshot


@pytest.fixture(scope="session")
def checker(registry, snapshot):
    return Checker(registry, snapshot, today=TODAY)


@pytest.fixture
def checker_on(registry, snapshot):
    """A checker that believes today is another day."""
    return lambda day: Checker(registry, snapshot, today=day)
