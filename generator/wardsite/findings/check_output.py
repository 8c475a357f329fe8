"""What ``wardsite check`` found, in one value, and the shapes CI reads it in.

People read the text summary; CI reads GitHub workflow commands (so each problem shows on its
line of a pull request), a GitLab code quality report, or plain JSON. All four are made from
the same :class:`CheckFindings`, so they always count the same things.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from wardsite.findings.review_dates import ReviewState, ReviewStatus, review_status
from wardsite.model.words import count
from wardsite.problems import Mark, Problem, Severity

JSON_FORMAT_VERSION = 1
"""Raised when a field of the JSON output is renamed or removed; adding a field keeps it."""


class Kind(StrEnum):
    """Why a finding was reported: it decides the check name CI shows."""

    problem = "problem"
    """A mistake in a file, or (as a warning) text above the reading age."""
    missing_section = "missing_section"
    """A required section not published yet: a warning, shown as missing in the inspectors' report."""
    overdue = "overdue"
    """A ward whose annual review is overdue."""
    due_soon = "due_soon"
    """A ward whose annual review is due soon: a notice, never a failure."""


class Level(StrEnum):
    """How much a finding matters to CI."""

    error = "error"
    warning = "warning"
    notice = "notice"


@dataclass(frozen=True)
class Finding:
    """One line of the check's output: where, what, the fix, how much it matters and why it was reported."""

    file: str
    line: int
    column: int
    field: str
    message: str
    fix: str
    level: Level
    kind: Kind


@dataclass(frozen=True)
class WardState:
    """One valid ward's review state on the day checked."""

    file: str
    status: ReviewStatus


@dataclass(frozen=True)
class CheckFindings:
    """Everything one run of ``wardsite check`` found, in the order it prints it."""

    today: dt.date
    findings: tuple[Finding, ...]
    wards: tuple[WardState, ...]
    overdue_is_warning: bool

    @property
    def errors(self) -> int:
        """Errors in the files (an overdue ward is counted apart, in ``overdue``)."""
        return sum(f.level is Level.error for f in self.findings if f.kind is not Kind.overdue)

    @property
    def warnings(self) -> int:
        """Every warning printed: problems, reading age and missing sections (and overdue wards allowed to pass)."""
        return sum(f.level is Level.warning for f in self.findings if f.kind is not Kind.overdue)

    @property
    def overdue(self) -> int:
        return sum(w.status.state is ReviewState.overdue for w in self.wards)

    @property
    def due_soon(self) -> int:
        return sum(w.status.state is ReviewState.due_soon for w in self.wards)

    @property
    def missing_sections(self) -> int:
        return sum(f.kind is Kind.missing_section for f in self.findings)

    @property
    def passed(self) -> bool:
        """What the exit status says: no errors, and no overdue ward unless overdue wards are only warnings."""
        return self.errors == 0 and (self.overdue == 0 or self.overdue_is_warning)


def _finding(problem: Problem, kind: Kind) -> Finding:
    level = Level.error if problem.severity is Severity.error else Level.warning
    return Finding(problem.file, problem.line, problem.column, problem.path, problem.message, problem.fix, level, kind)


def _review_finding(file: str, mark: Mark | None, status: ReviewStatus, overdue_is_warning: bool) -> Finding | None:
    at = mark or Mark(file, 1, 1)
    if status.state is ReviewState.overdue:
        return Finding(
            file,
            at.line,
            at.column,
            "review.last_reviewed",
            f"Overdue for review: the next review was due on {status.due.isoformat()}.",
            "Check every part of this file with the ward team, correct anything out of date, then run "
            "`wardsite review` to record the new review date.",
            Level.warning if overdue_is_warning else Level.error,
            Kind.overdue,
        )
    if status.state is ReviewState.due_soon:
        return Finding(
            file,
            at.line,
            at.column,
            "review.last_reviewed",
            f"Review due soon: the next review is due on {status.due.isoformat()}.",
            "Plan the annual review with the ward team before the due date.",
            Level.notice,
            Kind.due_soon,
        )
    return None


def check_findings(
    problems: Iterable[Problem],
    missing: Iterable[Problem],
    wards: Iterable[tuple[str, dt.date, dt.date | None, Mark | None]],
    today: dt.date,
    due_soon_days: int,
    overdue_is_warning: bool,
) -> CheckFindings:
    """The findings of one run: ``wards`` are ``(file, last_reviewed, next_review_due, where last_reviewed is)``."""
    found = [_finding(p, Kind.problem) for p in problems]
    found += [_finding(p, Kind.missing_section) for p in missing]
    states = []
    for file, last, next_due, mark in wards:
        status = review_status(last, next_due, today, due_soon_days)
        states.append(WardState(file, status))
        review = _review_finding(file, mark, status, overdue_is_warning)
        if review:
            found.append(review)
    return CheckFindings(today, tuple(found), tuple(states), overdue_is_warning)


# GitHub Actions workflow commands -------------------------------------------------------------


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def github_commands(result: CheckFindings) -> str:
    """One ``::error file=…,line=…,col=…,title=…::message`` line per finding, then a summary ``::notice``.

    GitHub shows each on its line of the pull request's changed files. Values are escaped as the
    runner expects (``%``, line breaks, and in properties ``:`` and ``,``), so provider text quoted
    in a message can never end the command early or start another.
    """
    lines = []
    for f in result.findings:
        message = f"{f.message} Fix: {f.fix}" if f.fix else f.message
        props = ",".join(
            [
                f"file={_github_property(f.file)}",
                f"line={f.line}",
                f"col={f.column}",
                f"title={_github_property(f.field or '(file)')}",
            ]
        )
        lines.append(f"::{f.level.value} {props}::{_github_data(message)}")
    lines.append(f"::notice title=wardsite check::{_github_data(summary_line(result))}")
    return "\n".join(lines) + "\n"


# GitLab code quality report ---------------------------------------------------------------------

_GITLAB_SEVERITY = {Level.error: "major", Level.warning: "minor", Level.notice: "info"}


def _fingerprint(f: Finding) -> str:
    """The same finding keeps its fingerprint when lines above it move, so GitLab can tell new from fixed."""
    return hashlib.sha256(f"{f.file}\0{f.field}\0{f.kind.value}\0{f.message}".encode()).hexdigest()


def gitlab_code_quality(result: CheckFindings) -> str:
    """A GitLab code quality report: a JSON list of issues (description, check_name, fingerprint, severity,
    location.path, location.lines.begin), which merge requests show beside the lines changed."""
    issues = []
    seen: set[str] = set()
    for f in result.findings:
        fingerprint = _fingerprint(f)
        if fingerprint in seen:  # GitLab drops repeated fingerprints; keep them apart by place
            fingerprint = hashlib.sha256(f"{fingerprint}\0{f.line}\0{f.column}".encode()).hexdigest()
        seen.add(fingerprint)
        message = f"{f.field or '(file)'}: {f.message}"
        issues.append(
            {
                "type": "issue",
                "description": f"{message} Fix: {f.fix}" if f.fix else message,
                "check_name": f"wardsite/{f.kind.value}",
                "categories": ["Style"] if f.kind is Kind.problem and f.level is not Level.error else ["Bug Risk"],
                "fingerprint": fingerprint,
                "severity": _GITLAB_SEVERITY[f.level],
                "location": {"path": f.file, "lines": {"begin": f.line}},
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


# Plain JSON ---------------------------------------------------------------------------------------


def check_json(result: CheckFindings) -> dict[str, Any]:
    """The findings, each ward's review state and the counts, as one JSON object (see ``check-output.schema.json``)."""
    return {
        "format": "wardsite-check",
        "version": JSON_FORMAT_VERSION,
        "today": result.today.isoformat(),
        "passed": result.passed,
        "summary": {
            "wards": len(result.wards),
            "errors": result.errors,
            "warnings": result.warnings,
            "missing_sections": result.missing_sections,
            "overdue": result.overdue,
            "due_soon": result.due_soon,
        },
        "findings": [
            {
                "file": f.file,
                "line": f.line,
                "column": f.column,
                "field": f.field,
                "message": f.message,
                "fix": f.fix,
                "level": f.level.value,
                "kind": f.kind.value,
            }
            for f in result.findings
        ],
        "wards": [
            {
                "file": w.file,
                "state": w.status.state.value,
                "last_reviewed": w.status.last_reviewed.isoformat(),
                "next_review_due": w.status.due.isoformat(),
                "days_until_due": w.status.days_until_due,
            }
            for w in result.wards
        ],
    }


def summary_line(result: CheckFindings) -> str:
    """ "8 wards valid; 0 errors, 3 warnings, 1 overdue for review." (every warning printed is counted)."""
    return (
        f"{count(len(result.wards), 'ward')} valid; {count(result.errors, 'error')}, "
        f"{count(result.warnings, 'warning')}, {result.overdue} overdue for review."
    )
