"""Find NHS numbers in text however they are written, so none is ever published.

An NHS number is ten digits whose last is a check digit (modulus 11). People and attackers
write them with any separators: spaces (ordinary, no-break, thin), dots, dashes of every
length, slashes, brackets, a line break in a block of text, or a ``+44`` or ``(0)`` in front
to look like a phone number. So every run of digits joined by such separators is read as
its digits alone. A run of eleven digits starting with 0 (or twelve starting 44 after a
``+``) holds ten that are checked too, unless the whole run is a real UK phone number
(phonenumbers, with Ofcom's drama ranges). CQC IDs (``1-...``) and longer numbers are left.
"""

from __future__ import annotations

import re

from wardsite.source.phones import uk_phone_number

# Digits, each joined to the next by any whitespace (line breaks too) and these marks only.
_JOINERS = r"[\s.\-\u2010-\u2015\u2212/()\[\]]"
_RUN = re.compile(rf"\d(?:{_JOINERS}*\d)*")
# Ten digits joined only by those marks: every NHS number, however written, holds this (nearly no value does).
_TEN_DIGITS = re.compile(rf"\d(?:{_JOINERS}*\d){{9}}")
has_ten_digits = _TEN_DIGITS.search
"""Ten digits joined by separators somewhere in a text, or None: without them, ``nhs_number_offsets`` finds none."""
_JOINER_CHARS = " \t\n.-\u2010\u2011\u2012\u2013\u2014\u2015\u2212/()[]\u00a0\u2009\u202f"
NOT_AN_NHS_NUMBER = re.compile(r"#\s*not an nhs number\b", re.IGNORECASE)
"""A trailing comment that marks the value on its line as not an NHS number (a reviewer can see it)."""


def is_nhs_number(text: str) -> bool:
    """True if the digits of ``text`` (anything else ignored) are ten that pass the NHS number check digit."""
    digits = [int(c) for c in text if c.isdecimal()]
    if len(digits) != 10:
        return False
    total = sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == digits[9]


def _candidate(digits: str, plus: bool) -> str | None:
    """The ten digits of a run that could be an NHS number, looked at as a phone number would be written."""
    if len(digits) == 10:
        return digits
    if len(digits) == 11 and digits.startswith("0"):  # 0943 476 5919, or (0)943 476 5919
        return digits[1:]
    for country in ("44", "0044"):  # +44 943 476 5919, 0044 943 476 5919, +44 (0)943 476 5919
        rest = digits[len(country) :]
        if digits.startswith(country) and (plus or country == "0044") and len(rest) in (10, 11):
            return rest[-10:] if len(rest) == 10 or rest.startswith("0") else None
    return None


_CQC_ID = re.compile(r"1-\d+")


def _runs(text: str) -> list[tuple[int, str]]:
    """Each run of digits and separators, as (where it starts, as written); a CQC ID's ``1-`` is left off."""
    runs = []
    for run in _RUN.finditer(text):
        start, written = run.start(), run.group()
        if _CQC_ID.fullmatch(written):
            continue  # a CQC ID such as 1-9434765919 (never itself an NHS number)
        if written.startswith("1-"):  # an NHS number written after one
            start, written = start + 2, written[2:].lstrip("".join(_JOINER_CHARS))
        runs.append((start, written))
    return runs


def nhs_number_offsets(text: str) -> list[int]:
    """Where each NHS number in ``text`` starts, however it is written. Real UK phone numbers do not count."""
    if not _TEN_DIGITS.search(text):  # no run of ten digits: the common case, answered by one regex search
        return []
    found = []
    for start, written in _runs(text):
        digits = "".join(c for c in written if c.isdecimal())
        candidate = _candidate(digits, text[max(0, start - 1) : start] == "+")
        if candidate is None or not is_nhs_number(candidate):
            continue
        if len(digits) > 10 and uk_phone_number("0" + candidate) is not None:
            continue  # written as a phone number, and a real (or drama) UK one: its digits just pass the check
        found.append(start + written.index(digits[0]))
    return found


def marked_not_an_nhs_number(line: str) -> bool:
    """True if ``line`` ends with the comment ``# not an NHS number``."""
    return bool(NOT_AN_NHS_NUMBER.search(line))
