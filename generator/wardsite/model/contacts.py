"""UK phone numbers and email addresses, checked by the libraries made for them (phonenumbers, email-validator).

Both values become links (``tel:`` and ``mailto:``), so beyond being well formed they must
hold nothing that changes the link: a ``?`` in an address starts mail headers (``?bcc=``).
Phone numbers are recognised in ``wardsite.source.phones`` (the NHS-number guard needs them too).
"""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from wardsite.source.phones import uk_phone_number

__all__ = ["LINK_CHARACTERS", "email_problem", "uk_phone_number"]

# Characters a mail address may hold but a mailto: link would read as more than the address.
LINK_CHARACTERS = "?&%#"


def email_problem(value: str) -> str | None:
    """Why ``value`` is not an email address that can be published as a link (``syntax`` or ``link``), or None."""
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return "syntax"
    if any(c in value.rpartition("@")[0] for c in LINK_CHARACTERS):
        return "link"
    return None
