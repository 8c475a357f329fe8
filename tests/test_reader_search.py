"""Search sends readers to wards: a ward's name, town, provider, type or "visiting" finds ward
pages before the providers' guide, and the guide is still found by its own words.

Every query runs through the built site's own search: the theme's search worker (lunr, with
the theme's query handling) under node, on the built search_index.json, exactly as a reader's
browser runs it.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.inspector_sites import published_json, sample_site
from wardsite.render.search import GUIDE_BOOST, WARD_BOOST
from wardsite.site import theme

SEARCH = r"""
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const [site, ...queries] = process.argv.slice(1);
const folder = path.join(site, "assets", "javascripts", "workers");
const worker = fs.readdirSync(folder).find(name => /^search\..*\.min\.js$/.test(name));
const index = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"));
let listener = null;
const replies = [];
const sandbox = {
  console,
  addEventListener: (type, handler) => { if (type === "message") listener = handler; },
  postMessage: message => replies.push(message),
  importScripts: () => { throw new Error("English search loads no other scripts"); },
};
sandbox.self = sandbox;
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(path.join(folder, worker), "utf8"), sandbox);
async function send(message) {
  const before = replies.length;
  listener({data: message});
  for (let i = 0; i < 2000 && replies.length === before; i++) await new Promise(r => setTimeout(r, 5));
  if (replies.length === before) throw new Error("the search worker did not answer");
  return replies[replies.length - 1];
}
(async () => {
  // The theme's page sends the index and its options (mkdocs.yml has search.suggest), then each query.
  const ready = await send({type: 0, data: {...index, options: {suggest: true}}});
  if (ready.type !== 1) throw new Error("the search index did not load");
  const results = {};
  for (const query of queries) {
    const reply = await send({type: 2, data: query});
    results[query] = reply.data.items.map(group => group[0].location);
  }
  process.stdout.write(JSON.stringify(results));
})().catch(error => { console.error(error); process.exit(1); });
"""

READER_QUERIES = [
    "Heron Ward",
    "Exampleton",
    "Example Valley",
    "acute",
    "mother and baby",
    "visiting",
    "visiting times",
]


def search(site: Path, *queries: str) -> dict[str, list[str]]:
    """The pages each query lists, best first (one per page, as the search results show them)."""
    ran = subprocess.run(
        ["node", "-e", SEARCH, str(site), *queries], capture_output=True, text=True, timeout=120, check=False
    )
    if ran.returncode != 0:
        raise AssertionError(f"the search worker failed:\n{ran.stderr[-3000:]}")
    return json.loads(ran.stdout)


@pytest.fixture(scope="module")
def reader_results() -> dict[str, list[str]]:
    return search(sample_site(), *READER_QUERIES)


def _is_ward(location: str) -> bool:
    return location.startswith("wards/") and not location.endswith("/easy-read/")


def _is_guide(location: str) -> bool:
    return location.startswith("guide/")


@pytest.mark.parametrize("query", READER_QUERIES)
def test_for_a_reader_query_every_matching_ward_page_ranks_above_every_guide_page(
    query: str, reader_results: dict[str, list[str]]
) -> None:
    results = reader_results[query]
    wards = [i for i, location in enumerate(results) if _is_ward(location)]
    guides = [i for i, location in enumerate(results) if _is_guide(location)]
    assert wards, results
    assert not guides or max(wards) < min(guides), results
    # At most the lists of that kind of ward (adults' and young people's) and their compare pages come first.
    assert min(wards) <= 4, results


def test_searching_a_wards_name_finds_its_page_first_and_its_easy_read_page_next(
    reader_results: dict[str, list[str]],
) -> None:
    # Two providers each have a Heron Ward: both ward pages come first, then both Easy Read pages.
    assert sorted(reader_results["Heron Ward"][:2]) == [
        "wards/brightwater-care/heron-ward/",
        "wards/example-valley-nhs-ft/heron-ward/",
    ]
    assert sorted(reader_results["Heron Ward"][2:4]) == [
        "wards/brightwater-care/heron-ward/easy-read/",
        "wards/example-valley-nhs-ft/heron-ward/easy-read/",
    ]


def test_a_wards_name_with_its_town_finds_that_providers_ward_first() -> None:
    results = search(sample_site(), "Heron Ward Exampleton", "Heron Ward Brightwater")
    assert results["Heron Ward Exampleton"][0] == "wards/example-valley-nhs-ft/heron-ward/"
    assert results["Heron Ward Brightwater"][0] == "wards/brightwater-care/heron-ward/"


def test_searching_visiting_lists_every_ward_before_anything_else(reader_results: dict[str, list[str]]) -> None:
    wards = sorted(f"{p.parent.parent.name}/{p.parent.name}/" for p in (sample_site() / "wards").glob("*/*/index.html"))
    for query in ("visiting", "visiting times"):
        first = reader_results[query][: len(wards)]
        assert sorted(location.removeprefix("wards/") for location in first) == wards, first


def test_a_type_of_ward_finds_its_wards_and_its_list_before_the_guide(reader_results: dict[str, list[str]]) -> None:
    assert reader_results["mother and baby"][:2] == [
        "wards/example-valley-nhs-ft/robin-unit/",
        "ward-types/mother-and-baby/",
    ]
    assert reader_results["acute"][0] in ("ward-types/acute/", "ward-types/acute-young-people/")


def test_the_providers_guide_is_still_found_by_its_own_words() -> None:
    results = search(sample_site(), "pre-commit", "publishing the site", "schema")
    assert results["pre-commit"][0] == "guide/#pre-commit"
    assert results["publishing the site"][0] == "guide/deploy/"
    assert results["schema"][0].startswith("guide/")


def test_ward_entries_carry_their_boost_and_visiting_times_and_guide_pages_a_low_boost() -> None:
    docs = {doc["location"]: doc for doc in published_json(sample_site(), "search/search_index.json")["docs"]}
    heron = docs["wards/example-valley-nhs-ft/heron-ward/"]
    assert heron["boost"] == WARD_BOOST
    assert heron["text"].endswith(
        "Visiting times: Every day, 1pm to 5pm and 6pm to 7:45pm. Please phone the ward before you come."
    )
    guide = [doc for location, doc in docs.items() if location.startswith("guide/")]
    assert guide and all(doc["boost"] == GUIDE_BOOST for doc in guide)
    written = sorted((theme.PAGES_DIR / "guide").glob("*.md"))
    assert len(written) >= 4
    for file in written:
        front = file.read_text(encoding="utf-8").split("---\n")[1]
        assert yaml.safe_load(front)["search"]["boost"] == GUIDE_BOOST, file.name
