"""Wards whose annual review is due soon or overdue, with who maintains them: for a weekly reminder.

The best annual-review workflows remind people before the due date, not after it. ``wardsite due``
lists every ward due within some days (and every overdue ward) with its provider's
maintainers, as plain text, as Markdown for an issue or a chat message, or as JSON.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from wardsite.findings.review_dates import ReviewState, ReviewStatus, review_status
from wardsite.loading.catalogue import Catalogue
from wardsite.model.words import count, long_date

JSON_FORMAT_VERSION = 1


@dataclass(frozen=True)
class DueWard:
    """One ward due for review within the window, or overdue."""

    ward: str
    provider: str
    file: str
    status: ReviewStatus
    maintainers: tuple[str, ...]

    @property
    def when(self) -> str:
        """ "overdue by 3 days", "due today", "due in 12 days"."""
        days = self.status.days_until_due
        if days < 0:
            return f"overdue by {count(-days, 'day')}"
        return "due today" if days == 0 else f"due in {count(days, 'day')}"


def due_wards(catalogue: Catalogue, today: dt.date, within: int) -> list[DueWard]:
    """Every ward whose review is due in ``within`` days from ``today`` or earlier, soonest (most overdue) first."""
    found = []
    for provider in catalogue.providers:
        for entry in provider.wards:
            review = entry.ward.review
            status = review_status(review.last_reviewed, review.next_review_due, today, within)
            if status.state is not ReviewState.current:
                found.append(
                    DueWard(
                        entry.ward.name, provider.provider.name, entry.source_path, status,
                        tuple(provider.provider.maintainers),
                    )
                )  # fmt: skip
    return sorted(found, key=lambda d: (d.status.due, d.file))


def _heading(wards: list[DueWard], within: int) -> str:
    overdue = sum(w.status.state is ReviewState.overdue for w in wards)
    return (
        f"{count(len(wards), 'ward')} due for review in the next {count(within, 'day')} or overdue ({overdue} overdue)."
    )


UNREADABLE = "These files have errors, so their review dates cannot be read (run `wardsite check` to see them):"
"""Said under the list, so a reminder never leaves a broken ward out without a word."""


def due_text(wards: list[DueWard], today: dt.date, within: int, unreadable: Sequence[str] = ()) -> str:
    """Plain text, one ward a line: for a terminal or a CI log."""
    if not wards:
        lines = [
            f"No ward is due for review in the {count(within, 'day')} from {today.isoformat()}, and none is overdue."
        ]
    else:
        lines = [f"Reviews due on {today.isoformat()}: {_heading(wards, within)}", ""]
        for w in wards:
            who = " ".join(w.maintainers) or "no maintainers listed"
            lines.append(f"  {w.status.due.isoformat()}  {w.when:<22} {w.file}  ({who})")
    if unreadable:
        lines += ["", UNREADABLE, *(f"  {file}" for file in unreadable)]
    return "\n".join(lines) + "\n"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>@:])")


def markdown_text(value: str) -> str:
    """Provider text made inert in Markdown: every character Markdown reads is escaped, and < and & as HTML."""
    value = " ".join(value.split())  # no line break can start a new block
    value = value.replace("&", "&amp;").replace("<", "&lt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)


def due_markdown(wards: list[DueWard], today: dt.date, within: int, unreadable: Sequence[str] = ()) -> str:
    """Markdown for an issue or a chat message: a table of wards, their due dates and maintainers (mentioned,
    so they are told). Ward and provider names are escaped; only handles that passed validation are mentioned."""
    lines = [f"## Ward reviews due by {long_date(today + dt.timedelta(days=within))}", ""]
    if not wards:
        lines.append(
            f"No ward is due for review in the {count(within, 'day')} from {long_date(today)}, and none is overdue."
        )
        return "\n".join(lines + _unreadable_markdown(unreadable)) + "\n"
    lines += [
        f"On {long_date(today)}: {_heading(wards, within)}",
        "",
        "| Ward | Provider | Review due | When | File | Maintainers |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for w in wards:
        who = " ".join(w.maintainers) or "none listed"
        lines.append(
            f"| {markdown_text(w.ward)} | {markdown_text(w.provider)} | {w.status.due.isoformat()} | "
            f"{'**' + w.when + '**' if w.status.state is ReviewState.overdue else w.when} | `{w.file}` | {who} |"
        )
    lines += [
        "",
        "To record a review: check every part of the ward's file with the ward team, correct anything out of date, "
        "then run `wardsite review WARD --by ROLE` and commit.",
    ]
    return "\n".join(lines + _unreadable_markdown(unreadable)) + "\n"


def _unreadable_markdown(unreadable: Sequence[str]) -> list[str]:
    """The files with errors, as a list under the table (names escaped: a broken file can have any name)."""
    return ["", UNREADABLE, "", *(f"- {markdown_text(f)}" for f in unreadable)] if unreadable else []


def due_json(wards: list[DueWard], today: dt.date, within: int, unreadable: Sequence[str] = ()) -> dict[str, Any]:
    """The same list as JSON: ``format``, ``version``, ``today``, ``within_days``, ``summary``, ``wards`` and
    ``unreadable_files`` (files with errors, whose review dates could not be read)."""
    return {
        "format": "wardsite-due",
        "version": JSON_FORMAT_VERSION,
        "today": today.isoformat(),
        "within_days": within,
        "summary": {
            "wards": len(wards),
            "overdue": sum(w.status.state is ReviewState.overdue for w in wards),
        },
        "wards": [
            {
                "ward": w.ward,
                "provider": w.provider,
                "file": w.file,
                "state": w.status.state.value,
                "last_reviewed": w.status.last_reviewed.isoformat(),
                "next_review_due": w.status.due.isoformat(),
                "days_until_due": w.status.days_until_due,
                "maintainers": list(w.maintainers),
            }
            for w in wards
        ],
        "unreadable_files": list(unreadable),
    }
