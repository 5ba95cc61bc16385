"""A reader using a screen reader, keyboard or low vision meets no WCAG 2.1 A/AA barriers.

axe-core runs on every Swedish page, every translated page, each language's start
page and one fallback page per language (see the `visits` fixture).
"""
import pytest

from kb.project import LOCALES


def _report(failures) -> str:
    lines = []
    for visit in failures:
        lines.append(f"{visit.page}:")
        for violation in visit.axe_violations:
            lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']}")
            lines.extend(f"      {node}" for node in violation["nodes"])
    return "\n".join(lines)


@pytest.mark.parametrize("locale", LOCALES)
def test_axe_finds_no_wcag_21_a_or_aa_violation_on_any_page(locale, site, visits):
    checked = [visit for page, visit in visits.items() if page.locale == locale]
    assert site.start(locale) in visits, f"the {locale} start page was not checked"
    failures = [visit for visit in checked if visit.axe_violations]
    if failures:
        pytest.fail(f"axe-core found WCAG 2.1 A/AA violations on {len(failures)} of {len(checked)} "
                    f"{locale} pages:\n" + _report(failures), pytrace=False)
