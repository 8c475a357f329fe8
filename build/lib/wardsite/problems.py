"""Problems: small values that say what is wrong, where, and how to fix it.

Library code collects problems and returns them; only the CLI prints them or exits.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    """Errors stop a build; warnings are shown but do not."""

    error = "error"
    warning = "warning"


@dataclass(frozen=True, slots=True)
class Mark:
    """A place in a source file. Line and column count from 1, as editors show them.

    Slotted: every key of every file has one, and each ward keeps its table of them.
    """

    file: str
    line: int
    column: int


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a source file, with the fix in plain words."""

    file: str
    line: int
    column: int
    path: str
    message: str
    fix: str = ""
    severity: Severity = Severity.error

    @classmethod
    def at(cls, mark: Mark, path: str, message: str, fix: str = "", severity: Severity = Severity.error) -> Problem:
        """A problem at a known place in a file."""
        return cls(mark.file, mark.line, mark.column, path, message, fix, severity)

    def format(self) -> str:
        """``file:line:col: field.path: message Fix: ...`` on one line, as editors and CI logs expect.

        Line breaks, tabs and other invisible characters (which can reach a message from the
        value it quotes) are shown escaped, like ``\\n``, so a problem is always one line.
        """
        label = "warning: " if self.severity is Severity.warning else ""
        text = f"{self.file}:{self.line}:{self.column}: {self.path or '(file)'}: {label}{self.message}"
        return _one_line(f"{text} Fix: {self.fix}" if self.fix else text)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.message)


def _one_line(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the problems that stop a build."""
    return [p for p in problems if p.severity is Severity.error]


def format_path(path: tuple[str | int, ...]) -> str:
    """``("visiting", "hours", 0, "start")`` becomes ``visiting.hours[0].start``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
