"""UK phone numbers and email addresses, checked by the libraries made for them (phonenumbers, email-validator).

Both values become links (``tel:`` and ``mailto:``), so beyond being well formed they must
hold nothing that changes the link: a ``?`` in an address starts mail headers (``?bcc=``).
Phone numbers are recognised in ``wardsite.source.phones`` (the NHS-number guard needs them too).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from email_validator import EmailNotValidError, validate_email

from wardsite.source.phones import uk_phone_number

__all__ = [
    "LINK_CHARACTERS",
    "SHARED_MAILBOX_WORDS",
    "email_parts",
    "email_problem",
    "looks_personal",
    "uk_phone_number",
]

# Characters a mail address may hold but a mailto: link would read as more than the address.
LINK_CHARACTERS = "?&%#"


@lru_cache(maxsize=1 << 14)
def email_problem(value: str) -> str | None:
    """Why ``value`` is not an email address that can be published as a link (``syntax`` or ``link``), or None.

    Cached: a provider's addresses (its ward defaults) are checked again on every one of its wards.
    """
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return "syntax"
    if any(c in value.rpartition("@")[0] for c in LINK_CHARACTERS):
        return "link"
    return None


SHARED_MAILBOX_WORDS = (
    "ward",
    "team",
    "unit",
    "enquiries",
    "enquiry",
    "admin",
    "office",
    "reception",
    "info",
    "contact",
    "pals",
    "carers",
    "patient",
    "service",
    "mailbox",
    "desk",
    "hub",
    "help",
    "support",
    "advice",
    "feedback",
    "nursing",
    "hospital",
    "clinic",
    "centre",
    "center",
    "general",
    "bookings",
    "referrals",
    "nhs",
    "trust",
)
"""Words that make an address a shared mailbox (heron.ward@, pals.team@), whatever else it holds."""


@lru_cache(maxsize=1 << 14)
def email_parts(address: str) -> tuple[str, str] | None:
    """The part before the @ and the domain, as email-validator reads them; None if ``address`` is not one.

    Cached, as ``email_problem`` is.
    """
    try:
        read = validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return None
    return read.local_part, read.domain


# A first name (or an initial), perhaps a middle one, and a last name, joined by dots: NHSmail's own
# shape for a person (firstname.lastname@nhs.net, with a number added when the name is taken).
_PERSON = re.compile(r"^[^\W\d_]+(?:[-'][^\W\d_]+)*(?:\.[^\W\d_]+(?:[-'][^\W\d_]+)*){1,2}\d*$")


def looks_personal(address: str, shared_words: Iterable[str] = ()) -> bool:
    """Whether a valid ``address`` looks like one person's (jo.smith@, j.smith2@) rather than a shared mailbox.

    Read with email-validator, so only the part before the @ is judged. Any of
    ``SHARED_MAILBOX_WORDS`` or ``shared_words`` (such as the ward's own name) in it means shared.
    """
    read = email_parts(address)
    if read is None:
        return False
    local = read[0].casefold()
    parts = local.rstrip("0123456789").split(".")
    if not _PERSON.match(local) or len(parts[-1]) < 2:
        return False
    words = [w.casefold() for w in (*SHARED_MAILBOX_WORDS, *shared_words) if len(w) >= 3]
    return not any(word in local for word in words)
