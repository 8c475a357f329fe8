"""The report tables' sorting and filters, run in Debian's chromium on the built pages: a provider's report page
(one row per ward) and the summary (one row per provider)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.inspector_sites import fixture_site, run_in_browser

HELPERS = """
var rows = function () { return Array.prototype.slice.call(document.querySelectorAll('table[data-ward-report] tbody tr')); };
var shown = function () { return rows().filter(function (r) { return !r.hidden; }).map(function (r) { return r.cells[0].textContent.trim(); }); };
var count = function () { return document.querySelector('[data-ward-report-count]').textContent; };
var set = function (id, value) { var el = document.getElementById(id); if (el.type === 'checkbox') { el.checked = value; } else { el.value = value; } el.dispatchEvent(new Event(el.type === 'search' ? 'input' : 'change', {bubbles: true})); };
var header = function (text) { return Array.prototype.slice.call(document.querySelectorAll('table[data-ward-report] thead th')).filter(function (th) { return th.textContent.trim() === text; })[0]; };
"""


@pytest.fixture(scope="module")
def report_file() -> Path:
    """availability-trust's report page: Complete Ward, Gaps Ward and Overdue Ward."""
    return fixture_site() / "report" / "availability-trust" / "index.html"


@pytest.fixture(scope="module")
def summary_file() -> Path:
    return fixture_site() / "report" / "index.html"


def test_with_javascript_the_filters_appear_and_every_heading_becomes_a_sort_button(report_file: Path) -> None:
    result: Any = run_in_browser(
        report_file,
        HELPERS
        + """
report({hidden: document.querySelector('[data-ward-report-filters]').hidden,
        buttons: Array.prototype.slice.call(document.querySelectorAll('table[data-ward-report] thead th > button.ward-sort')).map(function (b) { return b.textContent.trim(); }),
        count: count()});
""",
    )
    assert result["hidden"] is False
    assert result["buttons"] == [
        "Ward",
        "Provider",
        "Type",
        "Categories published",
        "Missing categories",
        "Recommended items",
        "Last reviewed",
        "Next review due",
        "Review",
        "Formats",
        "Accessibility check",
        "Information last changed",
        "Missing items",
        "Days to review",
        "Sex",
        "Mixed-sex arrangements",
        "Dormitory beds",
        "Last change (ward's log)",
        "Approved by",
        "Written with",
    ]
    assert result["count"] == "Showing all 3 wards."


def test_the_filters_show_only_matching_wards_and_say_how_many(report_file: Path) -> None:
    result: Any = run_in_browser(
        report_file,
        HELPERS
        + """
var out = {};
set('ward-filter-text', 'gaps'); out.text = [shown(), count()]; set('ward-filter-text', '');
set('ward-filter-text', 'availability test'); out.providerName = shown(); set('ward-filter-text', '');
set('ward-filter-review', 'overdue'); out.overdue = [shown(), count()];
set('ward-filter-missing', true); out.overdueAndMissing = shown(); set('ward-filter-review', '');
out.missing = shown(); set('ward-filter-missing', false);
out.all = [shown().length, count()];
report(out);
""",
    )
    assert result["text"] == [["Gaps Ward"], "Showing 1 of 3 wards."]
    assert result["providerName"] == ["Complete Ward", "Gaps Ward", "Overdue Ward"]
    assert result["overdue"] == [["Overdue Ward"], "Showing 1 of 3 wards."]
    assert result["overdueAndMissing"] == []
    assert result["missing"] == ["Gaps Ward"]
    assert result["all"] == [3, "Showing all 3 wards."]


def test_on_the_summary_the_filters_show_each_provider_with_a_matching_ward(summary_file: Path) -> None:
    result: Any = run_in_browser(
        summary_file,
        HELPERS
        + """
var out = {hidden: document.querySelector('[data-ward-report-filters]').hidden, first: count()};
set('ward-filter-text', 'other'); out.text = [shown(), count()]; set('ward-filter-text', '');
set('ward-filter-text', '3'); out.number = shown(); set('ward-filter-text', '');
set('ward-filter-review', 'due_soon'); out.dueSoon = shown();
set('ward-filter-review', 'current'); out.current = shown();
set('ward-filter-review', 'overdue'); out.overdue = shown(); set('ward-filter-review', '');
set('ward-filter-dormitories', true); out.dormitories = shown(); set('ward-filter-dormitories', false);
set('ward-filter-mixed', true); out.mixed = [shown(), count()]; set('ward-filter-mixed', false);
set('ward-filter-missing', true); out.missing = shown(); set('ward-filter-missing', false);
out.footer = document.querySelector('table[data-ward-report] tfoot tr').hidden;
report(out);
""",
    )
    trust, other = "Availability Test NHS Trust", "Other Test Provider"
    assert (result["hidden"], result["first"]) == (False, "Showing all 2 providers.")
    assert result["text"] == [[other], "Showing 1 of 2 providers."]
    assert result["number"] == []  # a provider is found by its name, not by the figures in its row
    assert (result["dueSoon"], result["current"], result["overdue"]) == ([other], [trust], [trust, other])
    assert result["dormitories"] == [trust]
    assert result["mixed"] == [[], "Showing 0 of 2 providers."]
    assert result["missing"] == [trust, other]
    assert result["footer"] is False  # the All providers row is not a provider


def test_sorting_by_a_column_orders_the_rows_and_says_so_with_aria_sort(report_file: Path) -> None:
    result: Any = run_in_browser(
        report_file,
        HELPERS
        + """
var out = {};
var reviewed = header('Last reviewed');
reviewed.querySelector('button').click();
out.ascending = [rows().map(function (r) { return r.cells[0].textContent.trim(); }), reviewed.getAttribute('aria-sort')];
reviewed.querySelector('button').click();
out.descending = [rows().map(function (r) { return r.cells[0].textContent.trim(); }), reviewed.getAttribute('aria-sort')];
var recommended = header('Recommended items');
recommended.querySelector('button').click();
out.recommended = [rows().map(function (r) { return r.cells[0].textContent.trim(); }), reviewed.hasAttribute('aria-sort'), recommended.getAttribute('aria-sort')];
out.status = document.querySelector('[data-sort-status]').textContent;
report(out);
""",
    )
    # last reviewed 1 October 2025, 10 June 2026 and 10 June 2026: equal values keep their previous order
    assert result["ascending"] == [["Overdue Ward", "Complete Ward", "Gaps Ward"], "ascending"]
    assert result["descending"] == [["Complete Ward", "Gaps Ward", "Overdue Ward"], "descending"]
    # 33, 44, 44 recommended items; equal values keep their previous (newest-first) order
    assert result["recommended"][0] == ["Gaps Ward", "Complete Ward", "Overdue Ward"]
    assert result["recommended"][1:] == [False, "ascending"]
    assert result["status"] == "Sorted by Recommended items, ascending."


def test_on_the_summary_sorting_orders_the_providers_by_their_figures(summary_file: Path) -> None:
    result: Any = run_in_browser(
        summary_file,
        HELPERS
        + """
var names = function () { return rows().map(function (r) { return r.cells[0].textContent.trim(); }); };
var wards = header('Wards');
wards.querySelector('button').click();
var out = {ascending: names()};
header('Recommended items published').querySelector('button').click();
header('Recommended items published').querySelector('button').click();
out.recommended = names();
report(out);
""",
    )
    trust, other = "Availability Test NHS Trust", "Other Test Provider"
    assert result["ascending"] == [other, trust]  # 2 wards, then 3
    assert result["recommended"] == [trust, other]  # 87% then 0%, descending
