"""The newcomer's walk-through in CONTRIBUTING.md, end to end on a small copy of the project:
add a page and a translation with `kb new …`, build the site with the real theme and hooks,
change the Swedish text, and see `kb translations status` and the site mark the translation
outdated, with a diff of what changed."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from kb.cli import main
from kb.project import ROOT
from kb.translations import ui_strings
from scaffold.conftest import commit

NAV = """nav:
  - index.md
  - Om oss:
      - om-oss/index.md
      - om-oss/ordlista.md
  - Till dig som är orolig för någon:
      - till-dig-som-ar-orolig/index.md
  - dolj-ditt-besok/index.md
"""


def kb(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def buildable(project: Path) -> None:
    """The real mkdocs.yml with the small project's nav and absolute paths to the theme and data."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text[: text.index("\nnav:\n") + 1] + NAV
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    text = text.replace("data_dir: data", f"data_dir: {ROOT / 'data'}")
    config.write_text(text, encoding="utf-8")


def build(project: Path) -> Path:
    site = project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                             "-d", str(site)], cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def notices(html: str) -> list[str]:
    return re.findall(r'class="admonition \w+ kb-notice kb-notice--(\w+)"', html)


def test_add_a_page_and_a_translation_then_change_the_swedish_text(git_project):
    project = git_project
    buildable(project)
    commit(project, "small nav", "2026-10-02")

    # 1. A new Swedish page in the section "Om oss", and its English translation.
    kb("new", "page", "om-oss", "var-historia", "--title", "Vår historia", "--description",
       "Hur centret kom till.", "--audience", "alla", "--owner", "Enheten för stöd och samverkan",
       "--source-title", "Plan för Länsstyrelsens uppdrag", "--source-url", "https://www.lansstyrelsen.se/",
       "--root", project)
    page = project / "docs/om-oss/var-historia.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "<!-- Skriv sidans text här. Se CONTRIBUTING.md. -->", "Centret startade med ett uppdrag."),
        encoding="utf-8")
    kb("new", "translation", "om-oss/var-historia.md", "en", "--root", project)
    translation = project / "docs/om-oss/var-historia.en.md"
    translation.write_text(translation.read_text(encoding="utf-8")
                           .replace("title: Vår historia", "title: Our history")
                           .replace("# Vår historia", "# Our history")
                           .replace("Centret startade med ett uppdrag.", "The centre began with a commission."),
                           encoding="utf-8")
    commit(project, "new page and translation", "2026-10-10")

    # 2. The built site has the page in the nav and the translation with the "not reviewed" notice.
    site = build(project)
    assert 'href="om-oss/var-historia/"' in (site / "index.html").read_text(encoding="utf-8")   # in the nav
    english = (site / "en/om-oss/var-historia/index.html").read_text(encoding="utf-8")
    assert "The centre began with a commission." in english
    assert notices(english) == ["machine"]
    status_page = (site / "oversattningsstatus/index.html").read_text(encoding="utf-8")
    assert '<a href="../en/om-oss/var-historia/" hreflang="en">ej granskad</a>' in status_page

    # 3. A qualified translator reviews it (tests/translations/test_review.py has the details).
    kb("translations", "mark-reviewed", "om-oss/var-historia.md", "en", "--reviewer-role",
       "Auktoriserad translator", "--root", project)
    row = next(line for line in kb("translations", "status", "--root", project).splitlines()
               if line.startswith("om-oss/var-historia.md"))
    assert row.split()[1] == "current"

    # 4. The Swedish text changes: the status and the site mark the translation outdated.
    page.write_text(page.read_text(encoding="utf-8").replace(
        "Centret startade med ett uppdrag.", "Centret startade 2005 med ett uppdrag från regeringen."),
        encoding="utf-8")
    output = kb("translations", "status", "--root", project)
    row = next(line for line in output.splitlines() if line.startswith("om-oss/var-historia.md"))
    assert row.split()[1] == "outdated"
    assert "-Centret startade med ett uppdrag.\n+Centret startade 2005 med ett uppdrag från regeringen.\n" \
        in output
    site = build(project)
    english = (site / "en/om-oss/var-historia/index.html").read_text(encoding="utf-8")
    # A reviewed translation: no machine notice; readers are told when the language's own menus
    # and buttons are unreviewed (kb.ui_review), and that the Swedish page changed.
    ui = [] if ui_strings.reviewed(ui_strings.load("en")) else ["ui"]
    assert notices(english) == [*ui, "outdated"]
    assert 'href="../../../om-oss/var-historia/" hreflang="sv"' in english   # the Swedish page
    status_page = (site / "oversattningsstatus/index.html").read_text(encoding="utf-8")
    assert ('<a href="../en/om-oss/var-historia/" hreflang="en">inaktuell – svenska sidan har ändrats</a>'
            in status_page)
