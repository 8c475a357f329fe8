"""Annual-review dates and states. ``today`` is always a parameter: nothing here reads the clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from wardsite.model.dates import add_months

REVIEW_INTERVAL_MONTHS = 12
DEFAULT_DUE_SOON_DAYS = 28


class ReviewState(str, Enum):
    """Where a ward is in its annual review cycle."""

    current = "current"
    due_soon = "due_soon"
    overdue = "overdue"


STATE_LABELS = {
    ReviewState.current: "Up to date",
    ReviewState.due_soon: "Review due soon",
    ReviewState.overdue: "Overdue for review",
}


@dataclass(frozen=True)
class ReviewStatus:
    """The review state of one ward on one day."""

    last_reviewed: dt.date
    due: dt.date
    state: ReviewState
    days_until_due: int

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]


def due_date(last_reviewed: dt.date, next_review_due: dt.date | None = None) -> dt.date:
    """Twelve months after the last review, or an earlier date the provider chose."""
    return next_review_due or add_months(last_reviewed, REVIEW_INTERVAL_MONTHS)


def review_status(
    last_reviewed: dt.date, next_review_due: dt.date | None, today: dt.date, due_soon_days: int = DEFAULT_DUE_SOON_DAYS
) -> ReviewStatus:
    """Current until ``due_soon_days`` before the due date; due soon up to and including the due day; overdue after
    it."""
    due = due_date(last_reviewed, next_review_due)
    days = (due - today).days
    if days < 0:
        state = ReviewState.overdue
    elif days <= due_soon_days:
        state = ReviewState.due_soon
    else:
        state = ReviewState.current
    return ReviewStatus(last_reviewed, due, state, days)
