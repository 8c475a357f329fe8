"""UK phone numbers and email addresses, checked by the libraries made for them (phonenumbers, email-validator).

Both values become links (``tel:`` and ``mailto:``), so beyond being well formed they must
hold nothing that changes the link: a ``?`` in an address starts mail headers (``?bcc=``).
The samples use Ofcom's numbers for drama, which are kept unallocated; they are allowed.
"""

from __future__ import annotations

import phonenumbers
from email_validator import EmailNotValidError, validate_email

# Ofcom's drama numbers, as national significant numbers (no leading 0): 01632 960xxx, 020 7946 0xxx...
# phonenumbers knows most of them as valid numbers already, but not 01632 960xxx or 07700 900xxx.
_DRAMA_PREFIXES = (
    "1134960", "1144960", "1154960", "1164960", "1174960", "1184960", "1214960", "1314960", "1414960",
    "1514960", "1614960", "1914980", "2079460", "2896496", "2920180", "1632960", "7700900", "8081570",
    "9098790", "3069990",
)  # fmt: skip
_WRITTEN_WITH = frozenset("0123456789 +()-")
_UK = 44
# Characters a mail address may hold but a mailto: link would read as more than the address.
LINK_CHARACTERS = "?&%#"


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


def email_problem(value: str) -> str | None:
    """Why ``value`` is not an email address that can be published as a link (``syntax`` or ``link``), or None."""
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return "syntax"
    if any(c in value.rpartition("@")[0] for c in LINK_CHARACTERS):
        return "link"
    return None
