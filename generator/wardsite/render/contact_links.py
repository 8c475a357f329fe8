"""Phone numbers, email addresses and web addresses inside provider text, as pieces to link.

A reader on a phone should be able to tap every number and address a ward writes, including
the ones inside sentences ("Phone the CQC on 03000 616161"). The text stays provider text:
it is cut into plain pieces and link pieces, the template escapes every piece, and a link's
address is built only from what was recognised (``tel:`` digits, a checked email address, an
``http(s)`` web address), never from arbitrary text. Candidates are found with cheap patterns
first; only those are checked, by the same rules as the ward files' own phone and email fields
(``wardsite.model.contacts``: phonenumbers and email-validator), so text without a number costs
almost nothing at national scale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from wardsite.model.contacts import email_problem, uk_phone_number

_PHONE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|0)\d(?:[ \u00a0]?\d){8,11}(?![\w])")
"""A UK number as people write it: 0 or +44 (with an optional (0)), then digits in groups."""
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_WEB = re.compile(r"(?<![\w@/])(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\""
"""Punctuation that ends a sentence, not a web address."""


@dataclass(frozen=True)
class Piece:
    """Part of a sentence: plain text, or the text of a link and where it goes."""

    text: str
    href: str | None = None


def _phone_href(candidate: str) -> tuple[str, str] | None:
    """The number as written and its ``tel:`` address, or None when it is not a UK number.

    A candidate that ran into a following number ("0300 123 4567 2") loses its last groups
    until it fits.
    """
    text = candidate
    while True:
        if uk_phone_number(text.replace("\u00a0", " ")) is not None:
            digits = re.sub(r"\D", "", text.replace("(0)", ""))
            return text, "tel:" + ("+" + digits if text.startswith("+") else digits)
        if " " not in text.strip():
            return None
        text = text.rsplit(None, 1)[0]


def _email_href(candidate: str) -> tuple[str, str] | None:
    text = candidate.rstrip(".")
    return None if email_problem(text) else (text, f"mailto:{text}")


def _web_href(candidate: str) -> tuple[str, str] | None:
    text = candidate
    while text and text[-1] in _TRAILING:
        if text[-1] == ")" and text.count("(") >= text.count(")"):
            break  # a bracket that belongs to the address, as in some wiki addresses
        text = text[:-1]
    if "." not in text.split("//", 1)[-1]:
        return None
    return text, text if text.lower().startswith("http") else f"https://{text}"


@lru_cache(maxsize=8192)
def contact_pieces(text: str) -> tuple[Piece, ...]:
    """``text`` cut into plain pieces and links to each phone number, email and web address in it.

    Remembered: most paragraphs come from a provider's ward defaults and repeat on every ward."""
    found: list[tuple[int, int, str]] = []
    if "@" in text:
        for match in _EMAIL.finditer(text):
            if (linked := _email_href(match.group())) is not None:
                found.append((match.start(), match.start() + len(linked[0]), linked[1]))
    if "http" in text.lower() or "www." in text.lower():
        for match in _WEB.finditer(text):
            if (linked := _web_href(match.group())) is not None:
                found.append((match.start(), match.start() + len(linked[0]), linked[1]))
    if any(c.isdigit() for c in text):
        for match in _PHONE.finditer(text):
            if (linked := _phone_href(match.group())) is not None:
                found.append((match.start(), match.start() + len(linked[0]), linked[1]))
    pieces: list[Piece] = []
    at = 0
    for start, end, href in sorted(found):
        if start < at:
            continue  # inside a link already found (a number in a web address)
        if start > at:
            pieces.append(Piece(text[at:start]))
        pieces.append(Piece(text[start:end], href))
        at = end
    if at < len(text):
        pieces.append(Piece(text[at:]))
    return tuple(pieces)
