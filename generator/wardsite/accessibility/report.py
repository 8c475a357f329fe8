"""The accessibility report: what was checked, what failed, as data and as JSON.

The JSON file is read later by ``wardsite report`` (generator/a11y_results.py), which counts
each page's ``errors``; a page that did not load carries one error saying so, so it can never
be counted as a pass.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

STANDARD = "WCAG 2.2 level AA"
RUNNER_NAMES = {"htmlcs": "htmlcs", "axe-wcag22": "axe"}
"""pa11y runner name -> name in the report. "axe-wcag22" is axe-core run at WCAG 2.2 AA."""

LOAD_FAILED = "page-did-not-load"


@dataclass(frozen=True)
class Issue:
    """One failure of one rule on one element."""

    runner: str
    code: str
    message: str
    selector: str
    context: str = ""
    viewport: str = ""


@dataclass
class PageResult:
    """One page of the site, checked at one or more screen sizes."""

    path: str
    """The page's address under the site root, such as ``wards/example-trust/heron-ward/`` (``""`` is the home page)."""
    file: str
    """The file in the site folder, such as ``wards/example-trust/heron-ward/index.html``."""
    errors: list[Issue] = field(default_factory=list)
    load_errors: list[str] = field(default_factory=list)
    to_review: list[Issue] = field(default_factory=list)
    """Text whose background axe could not see (partly covered or scrolled out of sight): a person
    should look at it. These do not fail the page; everything else axe is unsure of does."""
    checked_at: list[str] = field(default_factory=list)
    """When each screen size was checked: now, or an earlier run whose result was kept."""

    @property
    def last_checked(self) -> str | None:
        """The oldest of ``checked_at``: the page is known to be as reported since then."""
        return min(self.checked_at) if self.checked_at else None

    @property
    def url(self) -> str:
        """The address from the site root, such as ``/wards/example-trust/heron-ward/``: the same wherever served."""
        return "/" + self.path

    @property
    def loaded(self) -> bool:
        return not self.load_errors

    @property
    def passed(self) -> bool:
        return self.loaded and not self.errors

    def rules(self) -> list[str]:
        """The distinct rules that failed, such as ``axe color-contrast``."""
        return sorted({f"{e.runner} {e.code}" for e in self.errors})


@dataclass(frozen=True)
class IgnoredRule:
    """A rule the check does not apply, and why (from accessibility/ignored-rules.json)."""

    code: str
    reason: str


@dataclass
class AccessibilityReport:
    """Every page's result and the totals. ``passed`` only if pages were checked and all passed."""

    pages: list[PageResult]
    viewports: list[str]
    ignored_rules: list[IgnoredRule] = field(default_factory=list)
    checked_at: str | None = None
    reused: int = 0
    """Page checks (one page at one screen size) whose result was kept from an earlier run."""

    @property
    def errors(self) -> int:
        return sum(len(p.errors) for p in self.pages)

    @property
    def pages_with_errors(self) -> list[PageResult]:
        return [p for p in self.pages if p.errors]

    @property
    def to_review(self) -> int:
        return sum(len(p.to_review) for p in self.pages)

    @property
    def pages_not_loaded(self) -> list[PageResult]:
        return [p for p in self.pages if not p.loaded]

    @property
    def failures(self) -> list[str]:
        """Why the check failed, in plain words; empty when it passed."""
        reasons = []
        if not self.pages:
            reasons.append("no pages were checked: the site folder has no index.html pages. Build the site first.")
        if self.pages_with_errors:
            n = len(self.pages_with_errors)
            reasons.append(f"{n} {'page has' if n == 1 else 'pages have'} accessibility errors ({self.errors} in all).")
        if self.pages_not_loaded:
            n = len(self.pages_not_loaded)
            reasons.append(
                f"{n} {'page' if n == 1 else 'pages'} did not load, so {'it was' if n == 1 else 'they were'} "
                "not checked."
            )
        return reasons

    @property
    def passed(self) -> bool:
        return not self.failures

    def to_json(self) -> dict[str, Any]:
        """The report file's content. ``pages[].errors`` includes one error for a page that did not load."""
        return {
            "tool": "wardsite a11y (pa11y-ci with HTML_CodeSniffer and axe-core, in Chromium)",
            "standard": STANDARD,
            "checked_at": self.checked_at,
            "viewports": self.viewports,
            "passed": self.passed,
            "failures": self.failures,
            "totals": {
                "pages": len(self.pages),
                "pages_passed": sum(p.passed for p in self.pages),
                "pages_with_errors": len(self.pages_with_errors),
                "pages_not_loaded": len(self.pages_not_loaded),
                "errors": self.errors,
                "to_review": self.to_review,
                "checks_reused": self.reused,
            },
            "ignored_rules": [asdict(r) for r in self.ignored_rules],
            "pages": [
                {
                    "url": p.url,
                    "path": p.file,
                    "checked_at": p.last_checked,
                    "loaded": p.loaded,
                    "load_errors": p.load_errors,
                    "errors": [asdict(e) for e in p.errors]
                    + [
                        {
                            "runner": "pa11y",
                            "code": LOAD_FAILED,
                            "message": m,
                            "selector": "",
                            "context": "",
                            "viewport": "",
                        }
                        for m in p.load_errors
                    ],
                    "to_review": [asdict(e) for e in p.to_review],
                }
                for p in self.pages
            ],
        }


def issue_from_pa11y(raw: dict[str, Any], viewport: str) -> Issue:
    """An issue as pa11y reports it (``code``, ``message``, ``selector``, ``context``, ``runner``)."""
    runner = str(raw.get("runner") or "")
    return Issue(
        runner=RUNNER_NAMES.get(runner, runner),
        code=str(raw.get("code") or ""),
        message=str(raw.get("message") or ""),
        selector=str(raw.get("selector") or ""),
        context=str(raw.get("context") or ""),
        viewport=viewport,
    )


def background_unseen(raw: dict[str, Any]) -> bool:
    """axe could not see the background behind this text, and asks a person to look (see the runner)."""
    extras = raw.get("runnerExtras")
    return isinstance(extras, dict) and extras.get("backgroundUnseen") is True


def is_load_error(raw: Any) -> bool:
    """pa11y-ci lists a page that failed to load as ``[{"message": ...}]``, with no rule code."""
    return isinstance(raw, dict) and "code" not in raw and "message" in raw
