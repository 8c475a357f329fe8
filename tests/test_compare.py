"""Compare wards: one table per ward type, complete without JavaScript; choosing wards to see side by side."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.inspector_sites import cell_labels, fixture_site, run_in_browser, sample_site
from tests.sitebuild import SAMPLE_WARDS, page
from wardsite.loading.catalogue import load_catalogue
from wardsite.model.classification import ward_group
from wardsite.model.words import hours_text
from wardsite.render.compare_page import MEASURES

NP = "Not published"


def _rows(soup: BeautifulSoup) -> dict[str, list[str]]:
    table = soup.select_one("table[data-compare-table]")
    result = {}
    for tr in table.select("tbody tr"):
        name = tr.th.a.get_text(strip=True)
        result[name] = [
            " / ".join(td.get_text("\n").split("\n")) if td.find("br") else td.get_text(strip=True)
            for td in tr.find_all("td")
        ]
    return result


@pytest.fixture(scope="module")
def acute() -> BeautifulSoup:
    return page(fixture_site(), "compare/acute/")


def test_every_ward_of_the_type_is_a_row_with_its_provider(acute: BeautifulSoup) -> None:
    table = acute.select_one("table[data-compare-table]")
    assert [tr["data-ward"] for tr in table.select("tbody tr")] == [
        "other-provider--bare-ward",
        "availability-trust--complete-ward",
        "availability-trust--gaps-ward",
        "availability-trust--overdue-ward",
        "other-provider--soon-ward",
    ]
    assert (
        table.select_one('tr[data-ward="availability-trust--gaps-ward"] .ward-compare__provider').get_text()
        == "Availability Test NHS Trust, Exampleton"  # the provider and town, so same-named wards are told apart
    )


def test_the_table_shows_beds_rooms_hours_staff_and_last_review(acute: BeautifulSoup) -> None:
    rows = _rows(acute)
    assert [" ".join(th.get_text().split()) for th in acute.select("table[data-compare-table] thead th")] == [
        "Ward",
        *MEASURES,
    ]
    assert rows["Complete Ward"] == [
        "10",
        "8",
        "6",
        "2",
        "35 hours",  # 14:00 to 20:00 less the 17:00 to 18:00 tea time, every day
        "5 hours / added up from its timetable",
        "Early shift: 3 nurses and 4 support workers / Night: 2 nurses and 3 support workers",
        "10 June 2026",
    ]


def test_facts_a_ward_has_not_published_say_not_published_never_zero(acute: BeautifulSoup) -> None:
    rows = _rows(acute)
    assert rows["Gaps Ward"][4] == NP  # no visiting section
    assert rows["Gaps Ward"][:4] == ["10", "8", "6", "2"]
    assert rows["Bare Ward"] == ["12", NP, NP, NP, NP, NP, NP, "1 April 2025"]


def test_cells_carry_numbers_to_sort_by(acute: BeautifulSoup) -> None:
    row = acute.select_one('tr[data-ward="availability-trust--complete-ward"]')
    assert [td["data-sort"] for td in row.find_all("td")] == ["10", "8", "6", "2", "2100", "300", "7", "2026-06-10"]
    bare = acute.select_one('tr[data-ward="other-provider--bare-ward"]')
    assert [td["data-sort"] for td in bare.find_all("td")][1:7] == [""] * 6


def test_the_table_is_accessible_without_javascript(acute: BeautifulSoup) -> None:
    table = acute.select_one("table[data-compare-table]")
    assert (
        table.caption.get_text(strip=True) == "Acute wards for adults: beds, bedrooms, visiting, activities and staff"
    )
    assert all(th["scope"] == "col" for th in table.select("thead th"))
    assert all(th["scope"] == "row" for th in table.select("tbody th"))
    assert acute.select_one("[data-compare-howto]").has_attr("hidden")
    assert not acute.select("table[data-compare-table] input")  # tick boxes only come with the script that uses them


def test_on_a_phone_each_cell_is_labelled_with_its_measure(acute: BeautifulSoup) -> None:
    headings, rows = cell_labels(acute, "ward-compare")
    assert headings == list(MEASURES)
    assert rows and all(labels == list(MEASURES) for labels in rows)


def test_the_compare_index_links_to_one_page_per_group_of_wards_with_only_that_group() -> None:
    site = sample_site()
    index = page(site, "compare/")
    links = {a.get_text(strip=True): a["href"] for a in index.select("table.ward-compare-types a")}
    wards = load_catalogue(SAMPLE_WARDS).catalogue.wards
    assert sorted(links) == sorted({ward_group(w.ward.classification).title for w in wards})
    for group in {ward_group(w.ward.classification) for w in wards}:
        href = links[group.title]
        listed = [tr["data-ward"] for tr in page(site, f"compare/{href}").select("table[data-compare-table] tbody tr")]
        assert listed == [
            w.key.replace("/", "--")
            for w in sorted(wards, key=lambda w: w.ward.name.lower())
            if ward_group(w.ward.classification) == group
        ]
    nav = [" ".join(a.get_text().split()) for a in index.select("nav.md-nav--primary a")]
    assert "Compare wards" in nav


def test_hours_are_written_exactly() -> None:
    assert hours_text(2835) == "47 hours 15 minutes"
    assert hours_text(60) == "1 hour"
    assert hours_text(45) == "45 minutes"
    assert hours_text(0) == "0 hours"


# --- with JavaScript, in a real browser -------------------------------------------------

READ = """
var chosen = function () {
  var table = document.querySelector('.ward-compare-chosen table');
  if (!table) { return null; }
  return Array.prototype.slice.call(table.rows).map(function (row) {
    return Array.prototype.slice.call(row.cells).map(function (c) { return c.textContent.trim(); });
  });
};
var labels = Array.prototype.slice.call(document.querySelectorAll('table[data-compare-table] input[type=checkbox]')).map(function (box) {
  var label = document.querySelector('label[for="' + box.id + '"]');
  return label ? label.textContent : null;
});
"""


def test_wards_named_in_the_address_are_shown_side_by_side() -> None:
    page_file = fixture_site() / "compare" / "acute" / "index.html"
    result: Any = run_in_browser(
        page_file,
        READ
        + "report({chosen: chosen(), labels: labels, howto: document.querySelector('[data-compare-howto]').hidden});",
        "#compare=availability-trust--complete-ward,other-provider--bare-ward",
    )
    assert result["howto"] is False
    assert result["labels"] == [
        "Compare Bare Ward",
        "Compare Complete Ward",
        "Compare Gaps Ward",
        "Compare Overdue Ward",
        "Compare Soon Ward",
    ]
    chosen = result["chosen"]
    assert chosen[0] == ["Ward", "Bare Ward", "Complete Ward"]
    assert [row[0] for row in chosen[1:]] == list(MEASURES)
    assert chosen[1] == ["Beds", "12", "10"]
    assert chosen[5] == ["Visiting hours a week", NP, "35 hours"]  # 14:00 to 20:00 less 17:00 to 18:00, every day


def test_ticking_and_clearing_wards_updates_the_side_by_side_table_and_the_address() -> None:
    page_file = fixture_site() / "compare" / "acute" / "index.html"
    result: Any = run_in_browser(
        page_file,
        READ
        + """
var out = {before: chosen()};
document.getElementById('compare-availability-trust--gaps-ward').click();
document.getElementById('compare-availability-trust--complete-ward').click();
out.after = chosen()[0];
out.hash = window.location.hash;
out.status = document.querySelector('[data-compare-chosen] [role=status]').textContent;
document.querySelector('.ward-compare-clear').click();
out.cleared = [chosen(), window.location.hash,
  document.querySelector('[data-compare-chosen] [role=status]').textContent];
report(out);
""",
    )
    assert result["before"] is None
    assert result["after"] == ["Ward", "Complete Ward", "Gaps Ward"]
    assert result["hash"] == "#compare=availability-trust--complete-ward,availability-trust--gaps-ward"
    assert result["status"] == "2 wards chosen."
    assert result["cleared"] == [None, "", "Choices cleared."]
