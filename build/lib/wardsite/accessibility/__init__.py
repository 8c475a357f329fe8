"""The accessibility check: every page of a built site, in a real browser, at WCAG 2.2 AA.

A sibling of the renderer: it reads the finished site folder, never the ward files. pa11y-ci
(shipped locked in ``runner/``, installed once per user by ``tools``) does the checking with two rule sets,
HTML_CodeSniffer and axe-core; this package serves the site, lists its pages, runs pa11y-ci
and turns its JSON into a report that people and the CQC report can read.
"""

from wardsite.accessibility.check import check_site
from wardsite.accessibility.report import AccessibilityReport, Issue, PageResult

__all__ = ["AccessibilityReport", "Issue", "PageResult", "check_site"]
