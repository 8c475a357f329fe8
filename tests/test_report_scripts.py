"""The report table's sorting and filters, run in Debian's chromium on the built page."""

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
    ]
    assert result["count"] == "Showing all 5 wards."


def test_the_filters_show_only_matching_wards_and_say_how_many(report_file: Path) -> None:
    result: Any = run_in_browser(
        report_file,
        HELPERS
        + """
var out = {};
set('ward-filter-text', 'gaps'); out.text = [shown(), count()]; set('ward-filter-text', '');
set('ward-filter-text', 'other test'); out.providerName = shown(); set('ward-filter-text', '');
set('ward-filter-provider', 'other-provider'); out.provider = shown(); set('ward-filter-provider', '');
set('ward-filter-review', 'overdue'); out.overdue = [shown(), count()];
set('ward-filter-missing', true); out.overdueAndMissing = shown(); set('ward-filter-review', '');
out.missing = shown(); set('ward-filter-missing', false);
out.all = [shown().length, count()];
report(out);
""",
    )
    assert result["text"] == [["Gaps Ward"], "Showing 1 of 5 wards."]
    assert result["providerName"] == ["Bare Ward", "Soon Ward"]
    assert result["provider"] == ["Bare Ward", "Soon Ward"]
    assert result["overdue"] == [["Overdue Ward", "Bare Ward"], "Showing 2 of 5 wards."]
    assert result["overdueAndMissing"] == ["Bare Ward"]
    assert result["missing"] == ["Gaps Ward", "Bare Ward", "Soon Ward"]
    assert result["all"] == [5, "Showing all 5 wards."]


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
    assert result["ascending"] == [
        ["Bare Ward", "Overdue Ward", "Soon Ward", "Complete Ward", "Gaps Ward"],
        "ascending",
    ]
    assert result["descending"] == [
        ["Complete Ward", "Gaps Ward", "Soon Ward", "Overdue Ward", "Bare Ward"],
        "descending",
    ]
    # 0, 0, 33, 44, 44 recommended items; equal values keep their previous (newest-first) order
    assert result["recommended"][0] == ["Soon Ward", "Bare Ward", "Gaps Ward", "Complete Ward", "Overdue Ward"]
    assert result["recommended"][1:] == [False, "ascending"]
    assert result["status"] == "Sorted by Recommended items, ascending."
