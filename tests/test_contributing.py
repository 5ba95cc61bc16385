"""CONTRIBUTING.md: the guide editors follow must match the project.

- every table-of-contents link resolves on GitHub (GitHub's own heading slugs: lowercase,
  punctuation and symbols removed except hyphens and underscores, spaces become hyphens,
  letters such as å, ä and ö kept);
- every `kb …` command it shows exists with the options it uses;
- every `make` target it names exists;
- every finding code of the content and link checks is explained.
"""
from __future__ import annotations

import re
import shlex
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

import kb.content
import kb.links
from kb.cli import main

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "CONTRIBUTING.md"


def github_slug(heading: str) -> str:
    """The id GitHub gives a Markdown heading (as github-slugger does)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)   # links and images: their text
    text = re.sub(r"<[^>]+>", "", text).replace("`", "")          # HTML tags, code marks
    text = re.sub(r"(\*\*|__|\*)", "", text)                       # emphasis (underscores in words stay)
    text = text.strip().lower()
    kept = "".join(ch for ch in text
                   if ch in "-_ " or not unicodedata.category(ch).startswith(("P", "S")))
    return kept.replace(" ", "-")


def headings(markdown: str) -> list[str]:
    found, fence = [], None
    for line in markdown.splitlines():
        mark = re.match(r"^\s*(`{3,}|~{3,})", line)
        if mark:
            fence = None if fence and mark.group(1)[0] == fence else (fence or mark.group(1)[0])
            continue
        if not fence:
            match = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
            if match:
                found.append(match.group(1))
    return found


def anchors(markdown: str) -> set[str]:
    seen: dict[str, int] = {}
    ids = set()
    for heading in headings(markdown):
        slug = github_slug(heading)
        ids.add(f"{slug}-{seen[slug]}" if slug in seen else slug)
        seen[slug] = seen.get(slug, 0) + 1
    return ids


@pytest.mark.parametrize("heading, slug", [
    ("1. Från en ändrad mening till en publicerad ändring", "1-från-en-ändrad-mening-till-en-publicerad-ändring"),
    ("6. Sidhuvudet (front matter), fält för fält", "6-sidhuvudet-front-matter-fält-för-fält"),
    ("3.4 Kontrollera allt på en gång: `make check`", "34-kontrollera-allt-på-en-gång-make-check"),
    ("13. CI på GitHub (för den som förvaltar projektet)", "13-ci-på-github-för-den-som-förvaltar-projektet"),
    ("Steg – två", "steg--två"),
    ("snake_case och [länk](x.md)", "snake_case-och-länk"),
    ("In English", "in-english"),
])
def test_github_slugs(heading, slug):
    assert github_slug(heading) == slug


def test_the_slug_rules_would_catch_the_old_ascii_anchors():
    ids = anchors("## 1. Förhandsgranska webbplatsen på din dator\n")
    assert "1-forhandsgranska-webbplatsen-pa-din-dator" not in ids
    assert "1-förhandsgranska-webbplatsen-på-din-dator" in ids


def test_every_anchor_in_contributing_resolves_on_github():
    text = GUIDE.read_text(encoding="utf-8")
    ids = anchors(text)
    links = re.findall(r"\]\(#([^)]+)\)", text)
    assert len(links) >= 14, "the table of contents is missing"
    assert [link for link in links if link not in ids] == []


def test_every_numbered_section_is_in_the_table_of_contents():
    text = GUIDE.read_text(encoding="utf-8")
    sections = [h for h in headings(text) if re.match(r"\d+\. ", h)]
    toc = re.findall(r"^\d+\. \[([^\]]+)\]\(#", text, re.M)
    assert [re.sub(r"^\d+\. ", "", h) for h in sections] == toc


def kb_commands(text: str) -> list[list[str]]:
    """Every `kb …` command in code blocks and inline code (with line continuations joined)."""
    blocks = re.findall(r"```(?:sh|bash)?\n(.*?)```", text, re.S)
    inline = re.findall(r"`((?:\.venv/bin/)?kb [^`]+)`", text)
    found = []
    for snippet in [*blocks, *inline]:
        for line in snippet.replace("\\\n", " ").splitlines():
            line = line.split("#")[0].strip()
            if re.match(r"^(\.venv/bin/)?kb\s", line):
                found.append(shlex.split(line.replace("…", "X"))[1:])
    return found


def test_every_kb_command_in_contributing_exists_with_its_options():
    commands = kb_commands(GUIDE.read_text(encoding="utf-8"))
    assert len(commands) >= 10
    for args in commands:
        words = []
        for arg in args:
            if arg.startswith("-") or arg.isupper() or "/" in arg or "." in arg:
                break
            words.append(arg)
        result = CliRunner().invoke(main, [*words, "--help"])
        assert result.exit_code == 0, (args, result.output)
        for option in (a.split("=")[0] for a in args if a.startswith("--")):
            assert option in result.output, (args, option)


def test_every_make_target_in_contributing_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"`make (\w[\w-]*)", GUIDE.read_text(encoding="utf-8")))
    assert {"serve", "preview", "check", "test"} <= targets
    for target in targets:
        assert re.search(rf"^{target}:", makefile, re.M), f"make {target} is in CONTRIBUTING but not in the Makefile"


@pytest.mark.parametrize("module", [kb.content, kb.links])
def test_every_finding_code_is_explained(module):
    text = GUIDE.read_text(encoding="utf-8")
    codes = re.findall(r"^\| (KB\d{3}) ", module.__doc__, re.M)
    assert codes
    assert [code for code in codes if f"| {code} |" not in text] == []


def test_the_kb_command_is_explained_as_it_is_installed():
    text = GUIDE.read_text(encoding="utf-8")
    assert ".venv/bin/kb" in text and "source .venv/bin/activate" in text
