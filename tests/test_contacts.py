"""Phone numbers and email addresses are checked by phonenumbers and email-validator, not patterns."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from wardsite.model.contacts import looks_personal
from wardsite.model.types import Email, Phone

PHONE = TypeAdapter(Phone)
EMAIL = TypeAdapter(Email)


def _error_type(adapter: TypeAdapter, value: str) -> str | None:
    try:
        adapter.validate_python(value)
    except ValidationError as exc:
        return exc.errors()[0]["type"]
    return None


@pytest.mark.parametrize(
    "number",
    [
        "01632 960123",  # Ofcom's drama numbers, used by the samples
        "01632 960999",
        "0113 496 0123",
        "020 7946 0123",
        "07700 900123",
        "+44 113 496 0123",
        "+44 (0)113 496 0123",
        "0044 113 496 0123",
        "(0113) 496 0123",
        "0113-496-0123",
        "0300 123 1234",
        "0808 157 0123",
    ],
)
def test_whole_uk_numbers_and_ofcoms_drama_numbers_are_accepted(number: str) -> None:
    assert _error_type(PHONE, number) is None


@pytest.mark.parametrize(
    "number",
    [
        "0000 000 0000",  # the old pattern took any eleven digits starting with 0
        "0999 999 9999",
        "01632 961000",  # just outside the drama range, and not a real number either
        "0113 496 012",
        "+1 212 555 0100",
        "0113 496 0123 ext 4",
        "0113 496 0123 or ask at reception",
        "tel:01134960123",
        "111",
    ],
)
def test_numbers_that_are_not_whole_uk_numbers_are_refused(number: str) -> None:
    assert _error_type(PHONE, number) == "phone_format"


@pytest.mark.parametrize("address", ["pals@example.nhs.uk", "heron.ward@example.nhs.uk", "o'brien@example.com"])
def test_ordinary_email_addresses_are_accepted(address: str) -> None:
    assert _error_type(EMAIL, address) is None


@pytest.mark.parametrize(
    "address",
    [
        "ward?bcc=someone%40elsewhere.example&body=hi@example.nhs.uk",
        "ward&cc=someone@example.nhs.uk",
        "ward%3Fbcc@example.nhs.uk",
        "ward#top@example.nhs.uk",
    ],
)
def test_an_address_that_would_add_headers_to_a_mailto_link_is_refused(address: str) -> None:
    assert _error_type(EMAIL, address) == "email_link"


@pytest.mark.parametrize(
    "address",
    ["example-ward.example.nhs.uk", "a@b", "x@example.nhs.uk?subject=hi", "a b@example.com", "x@ex_ample.com"],
)
def test_malformed_email_addresses_are_refused(address: str) -> None:
    assert _error_type(EMAIL, address) == "email_format"


@pytest.mark.parametrize(
    "address",
    ["jo.smith@example.nhs.uk", "J.Smith2@nhs.net", "mary-jane.o'neill@example.nhs.uk", "jo.a.smith@example.nhs.uk"],
)
def test_a_first_and_last_name_before_the_at_looks_personal(address: str) -> None:
    assert looks_personal(address)


@pytest.mark.parametrize(
    "address",
    [
        "heron.ward@example.nhs.uk",
        "pals.team@example.nhs.uk",
        "evft.enquiries@nhs.net",
        "reception.office@example.nhs.uk",
        "jsmith@example.nhs.uk",  # one word: could as well be a mailbox's name
        "a.b@example.nhs.uk",
        "ward36@example.nhs.uk",
        "not an address",
    ],
)
def test_a_shared_mailbox_or_an_address_that_cannot_be_told_is_not_called_personal(address: str) -> None:
    assert not looks_personal(address)


def test_the_wards_own_name_in_the_address_makes_it_a_shared_mailbox() -> None:
    assert looks_personal("maple.house@example.nhs.uk")
    assert not looks_personal("maple.house@example.nhs.uk", ["Maple", "House"])
