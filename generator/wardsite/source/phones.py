"""UK phone numbers, recognised by phonenumbers: for the model's phone fields and for the NHS-number guard.

Ofcom keeps some numbers for drama, never given to anyone; the samples use them, so they count
as UK numbers too (phonenumbers knows most of them already, but not 01632 960xxx or 07700 900xxx).
"""

from __future__ import annotations

import phonenumbers

# Ofcom's drama numbers, as national significant numbers (no leading 0): 01632 960xxx, 020 7946 0xxx...
# phonenumbers knows most of them as valid numbers already, but not 01632 960xxx or 07700 900xxx.
_DRAMA_PREFIXES = (
    "1134960", "1144960", "1154960", "1164960", "1174960", "1184960", "1214960", "1314960", "1414960",
    "1514960", "1614960", "1914980", "2079460", "2896496", "2920180", "1632960", "7700900", "8081570",
    "9098790", "3069990",
)  # fmt: skip
_WRITTEN_WITH = frozenset("0123456789 +()-")
_UK = 44


def is_drama_number(number: phonenumbers.PhoneNumber) -> bool:
    """True for a number in one of Ofcom's ranges for drama (never given to anyone)."""
    national = str(number.national_number)
    return len(national) == 10 and national.startswith(_DRAMA_PREFIXES)


def uk_phone_number(value: str) -> phonenumbers.PhoneNumber | None:
    """The number ``value`` writes, if it is a whole UK number written with digits, spaces, brackets, + or -."""
    if not set(value) <= _WRITTEN_WITH or not any(c.isdigit() for c in value):
        return None
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != _UK or number.extension:
        return None
    return number if phonenumbers.is_valid_number(number) or is_drama_number(number) else None
