"""Phone numbers in a page's text against data/contacts.yml (codes KB151, KB152).

Every number a reader may call must come from the registry, where it has a
source and a date checked, and must be written exactly as the registry writes
it: only that form becomes a dialable `tel:` link, kept left-to-right in
right-to-left pages (kb.contacts). So the gate finds every way a Swedish
number can be written – `020-50 50 50`, `08-123 45 67`, `08 123 45 67`,
`08/123 45 67`, `070-123 45 67`, `0701234567`, `+46 8 123 45 67`,
`+46 (0)8 …`, `0046 8 …`, service numbers such as `114 14` – and compares
its digits with the registry's.
"""
from __future__ import annotations

import re

from kb.contacts import EDGE_AFTER, EDGE_BEFORE

SPACE = r"[ \u00a0]"
SEP = r"(?:[ \u00a0]?[-/–\u2010\u2011][ \u00a0]?|[ \u00a0])"   # hyphen, slash, dashes or a space
GROUPS = rf"\d{{2,8}}(?:{SEP}\d{{2,4}}){{0,3}}"
# Not the second half of a figure such as "13 000–23 000".
NOT_AFTER_A_NUMBER = r"(?<!\d[ \u00a0])"
CANDIDATE = re.compile(EDGE_BEFORE + NOT_AFTER_A_NUMBER + "(" + "|".join((
    rf"(?:\+|00)46{SPACE}?(?:\(0\){SPACE}?)?\d{{1,3}}{SEP}?{GROUPS}",   # +46 8 123 45 67, +46 (0)8-…, 0046 70…
    rf"0[1-9]\d{{0,2}}{SEP}{GROUPS}",                                            # 08-123 45 67, 08/123 45 67, 070 123 45 67
    r"0[1-9]\d{6,8}",                                                           # 0701234567
    rf"1[01]\d(?:{SPACE}\d{{2,3}})+",                                         # 114 14, 116 111
)) + ")" + EDGE_AFTER)

FORMAT_HINT = ("write Swedish numbers the way the site does: area code, a hyphen and groups of digits "
               "(08-123 45 67, 020-50 50 50, 070-123 45 67), without +46")


def national_digits(number: str) -> str | None:
    """The digits of a Swedish number in national form ('+46 (0)8 12' -> '0812'),
    or None when the text cannot be a Swedish phone number (too short or too long)."""
    digits = re.sub(r"\D", "", number.replace("(0)", ""))
    if number.startswith(("+46", "0046")):
        digits = "0" + digits[4 if number.startswith("0046") else 2:]
    if digits.startswith("0"):
        return digits if 8 <= len(digits) <= 10 else None
    return digits if 5 <= len(digits) <= 6 else None   # service numbers: 114 14, 116 111


def check_numbers(text: str, registered: list[str]) -> list[tuple[int, str, str, str, str]]:
    """Phone numbers in `text` (code already masked) that are not written as registered.

    Returns (offset, code, number, message, hint): KB152 when the digits are a
    registered number written another way, KB151 when no registered number has them.
    """
    exact = {number.replace("\u00a0", " ") for number in registered}
    by_digits = {national_digits(number): number for number in registered}
    problems = []
    for match in CANDIDATE.finditer(text):
        written = match.group(1)
        if written.replace("\u00a0", " ") in exact:
            continue
        digits = national_digits(written)
        if digits is None:
            continue
        if digits in by_digits:
            problems.append((match.start(1), "KB152", written,
                             f"phone number {written} is registered, but written as {by_digits[digits]}",
                             f"write it exactly as data/contacts.yml does ({by_digits[digits]}): only that form "
                             "becomes a dialable link that stays readable in right-to-left languages"))
        else:
            problems.append((match.start(1), "KB151", written,
                             f"phone number {written} is not in data/contacts.yml",
                             "add it to data/contacts.yml with the organisation, opening hours, the page where the "
                             "organisation publishes it (source) and the date you checked it, or correct the "
                             f"number; {FORMAT_HINT}"))
    return problems
