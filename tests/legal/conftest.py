"""Fixtures for kb.legal, hermetic: nothing outside the repository is read.

- `SOURCES` (tests/legal/fixtures/legal-sources/) holds byte-for-byte copies of a few
  real records from the project's shared offline sources (see its README.md for
  where each came from); the tests of the record formats and of `kb legal refresh`
  read them.
- The checker is built from the committed data/laws.yml and data/sfs-snapshot.json,
  the same data `kb legal check` uses, judged as of a fixed day.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kb.legal.check import Checker
from kb.legal.registry import load_registry
from kb.legal.snapshot import load_snapshot

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).with_name("fixtures")
SOURCES = FIXTURES / "legal-sources"
TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="session")
def registry():
    return load_registry()


@pytest.fixture(scope="session")
def snapshot():
    """The committed snapshot (data/sfs-snapshot.json)."""
    return load_snapshot()


@pytest.fixture(scope="session")
def checker(registry, snapshot):
    return Checker(registry, snapshot, today=TODAY)


@pytest.fixture
def checker_on(registry, snapshot):
    """A checker that believes today is another day."""
    return lambda day: Checker(registry, snapshot, today=day)
