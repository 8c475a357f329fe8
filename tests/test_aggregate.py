"""`wardsite aggregate`: one national inspectors' site from several sites served on 127.0.0.1.

Three sample sites are served as a real web server would serve them: the sample site built
with MkDocs (good), a site whose ward is overdue, and broken ones (a server error, a file
that is not JSON, an unknown schema version, a file too large, a slow server, a site that
is not there). The national page must list every one, with the reason for each left out.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import metadata
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner, Result

from tests.a11y_sites import run_a11y
from tests.conftest import FIXTURE_PROVIDER
from tests.sitebuild import build_site
from wardsite.cli import main
from wardsite.findings.national import national_report
from wardsite.loading.catalogue import load_catalogue
from wardsite.model.schema import json_schema
from wardsite.open_data.schemas import SCHEMAS
from wardsite.site.generate import render_site
from wardsite.site.national import fetch_source
from wardsite.source.fetch import Limits

TODAY = "2026-12-01"
OVERDUE_REVIEW = "2025-10-01"  # due 2026-10-01, so overdue on TODAY


@dataclass
class Route:
    body: bytes
    status: int = 200
    delay: float = 0.0
    etag: str | None = None


@dataclass
class Served:
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[tuple[str, str | None]] = field(default_factory=list)
    base: str = ""

    def site(self, prefix: str, folder: Path) -> str:
        """Serve ``folder``'s two data files under ``/prefix/``; the site's address."""
        for name in ("data/availability.json", "data/wards.json"):
            self.routes[f"/{prefix}/{name}"] = Route((folder / name).read_bytes())
        return f"{self.base}/{prefix}/"


@pytest.fixture
def server() -> Iterator[Served]:
    served = Served()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            served.hits.append((self.path, self.headers.get("If-None-Match")))
            route = served.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            time.sleep(route.delay)
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.send_header("ETag", route.etag)
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(route.body)))
            if route.etag:
                self.send_header("ETag", route.etag)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(route.body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    served.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield served
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample wards, built with MkDocs as a provider would publish them."""
    return build_site(tmp_path_factory.mktemp("good") / "site", today=TODAY)


def data_site(wards: Path, folder: Path, today: str = TODAY) -> Path:
    """A site's files as the build writes them (pages and data), without running MkDocs."""
    pages = render_site(load_catalogue(wards).catalogue, dt.date.fromisoformat(today))
    for relative, text in pages.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def overdue_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One provider, one ward, last reviewed on 2025-10-01 (overdue on TODAY)."""
    root = tmp_path_factory.mktemp("overdue")
    folder = root / "wards" / "example-provider"
    shutil.copytree(FIXTURE_PROVIDER, folder)
    ward = folder / "example-ward.yaml"
    ward.write_text(ward.read_text(encoding="utf-8").replace("2026-06-10", OVERDUE_REVIEW), encoding="utf-8")
    return data_site(root / "wards", root / "site")


def aggregate(*args: str) -> Result:
    return CliRunner().invoke(main, ["aggregate", "--today", TODAY, *args], catch_exceptions=False)


def _sources_rows(out: Path) -> dict[str, list[str]]:
    soup = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = soup.select("table.national-sources tbody tr")
    return {r.th.get_text(): [td.get_text(" ", strip=True) for td in r.find_all("td")] for r in rows}


def _ward_rows(out: Path) -> list:  # type: ignore[type-arg]
    """Every ward row of the national site: on its provider's page, the one page with that provider's wards."""
    rows = []
    for provider_page in sorted((out / "providers").glob("*/index.html")):
        rows += BeautifulSoup(provider_page.read_text(encoding="utf-8"), "html.parser").select(
            "table.ward-report tbody tr"
        )
    return rows


def test_three_sites_one_good_one_overdue_one_broken_make_one_national_report(
    server: Served, good_site: Path, overdue_site: Path, tmp_path: Path
) -> None:
    good = server.site("good", good_site)
    overdue = server.site("overdue", overdue_site)
    server.routes["/broken/data/availability.json"] = Route(b"oops", status=500)
    broken = f"{server.base}/broken/"
    out = tmp_path / "national"

    result = aggregate(good, overdue, broken, "--out", str(out), "--retries", "1", "--timeout", "5")

    assert result.exit_code == 1  # a site was left out; the national site is still written
    assert f"Left out  {broken}: data/availability.json: the server answered HTTP 500 (after 2 tries)." in result.output
    rows = _sources_rows(out)
    assert list(rows) == [good, overdue, broken]
    assert rows[good][0] == "Included" and rows[good][3] == "9"
    assert rows[overdue][0] == "Included" and rows[overdue][3] == "1"
    assert rows[broken][0] == "Left out"
    assert rows[broken][4] == "data/availability.json: the server answered HTTP 500 (after 2 tries)."
    assert server.hits.count(("/broken/data/availability.json", None)) == 2  # retried once

    soup = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select("table.ward-report") == []  # the national page lists providers; their pages list wards
    providers = {
        tr.th.get_text(): (tr.th.a["href"], tr.td.get_text())
        for tr in soup.select("table.ward-report-providers tbody tr")
    }
    assert providers == {
        "Brightwater Care (fictional independent provider)": ("providers/brightwater-care/", "4"),
        "Example Provider NHS Trust": ("providers/example-provider/", "1"),
        "Example Valley NHS Foundation Trust": ("providers/example-valley-nhs-ft/", "5"),
    }
    wards = _ward_rows(out)
    assert len(wards) == 10  # 9 sample wards and 1 overdue ward, counted by hand
    overdue_rows = [r for r in wards if r["data-review"] == "overdue"]
    assert [r.th.get_text() for r in overdue_rows] == ["Example Ward"]
    assert overdue_rows[0].th.a["href"] == f"{overdue}wards/example-provider/example-ward/"
    assert "10 wards." in soup.select_one(".ward-report-summary").get_text()
    assert "1 overdue" in soup.select_one(".ward-report-summary").get_text()

    data = json.loads((out / "data" / "availability.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, json_schema(SCHEMAS["availability.schema.json"], "availability.schema.json"))
    assert data["site"]["wards"] == 10 and data["site"]["review"]["overdue"] == 1
    assert [p["provider_name"] for p in data["providers"]] == sorted(p["provider_name"] for p in data["providers"])
    csv_lines = (out / "data" / "availability.csv").read_text(encoding="utf-8").splitlines()
    assert len(csv_lines) == 11  # the header and one row per ward
    sources = json.loads((out / "data" / "sources.json").read_text(encoding="utf-8"))
    assert [s["state"] for s in sources] == ["included", "included", "failed"]


def test_each_kind_of_broken_source_is_listed_with_its_reason_and_never_stops_the_others(
    server: Served, overdue_site: Path, tmp_path: Path
) -> None:
    good = server.site("fine", overdue_site)
    availability = json.loads((overdue_site / "data" / "availability.json").read_text(encoding="utf-8"))
    future = dict(availability, publication={**availability["publication"], "schema_version": 7})
    old = {k: v for k, v in availability.items() if k != "publication"}
    wrong = dict(availability, wards=[{**availability["wards"][0], "review_state": "sometime"}])
    escaping = dict(availability, providers=[{**availability["providers"][0], "provider_id": "../../etc"}])
    wards_file = (overdue_site / "data" / "wards.json").read_bytes()
    cases = {
        "notjson": b"<html>Not here</html>",
        "future": json.dumps(future).encode(),
        "old": json.dumps(old).encode(),
        "wrong": json.dumps(wrong).encode(),
        "escaping": json.dumps(escaping).encode(),
        "huge": b" " * 20_000 + json.dumps(availability).encode(),
    }
    for name, body in cases.items():
        server.routes[f"/{name}/data/availability.json"] = Route(body)
        server.routes[f"/{name}/data/wards.json"] = Route(wards_file)
    # Well past the time limit, which is generous for the other sources: a loaded CI machine can take
    # over a second to answer even on 127.0.0.1.
    server.routes["/slow/data/availability.json"] = Route(b"{}", delay=10)
    missing = f"{server.base}/missing/"
    sources = [good, *(f"{server.base}/{n}/" for n in [*cases, "slow"]), missing, str(tmp_path / "no-such-folder")]
    out = tmp_path / "national"

    started = time.monotonic()
    result = aggregate(*sources, "--out", str(out), "--timeout", "4", "--retries", "0", "--max-bytes", "15000")
    took = time.monotonic() - started

    assert result.exit_code == 1
    rows = _sources_rows(out)
    reasons = {source: row[4] for source, row in rows.items()}
    base = server.base
    assert reasons == {
        good: "",
        f"{base}/notjson/": "data/availability.json is not JSON (line 1, column 1).",
        f"{base}/future/": "data/availability.json declares schema version 7, which this wardsite does not read "
        "(it reads 3).",
        f"{base}/old/": "data/availability.json declares no schema version (publication.schema_version): "
        "it was built by an older wardsite.",
        f"{base}/wrong/": "data/availability.json does not match schema version 3: `wards[0].review_state` has a "
        "value the schema does not allow.",
        f"{base}/escaping/": 'data/availability.json has an id that is not a web-address name: "../../etc".',
        f"{base}/huge/": f"data/availability.json: the file is {len(cases['huge']):,} bytes, over the limit of 15,000.",
        f"{base}/slow/": "data/availability.json: the server did not answer in time (after 1 try).",
        missing: "data/availability.json: the server answered HTTP 404.",
        str(tmp_path / "no-such-folder"): "data/availability.json: this folder does not exist.",
    }
    assert rows[good][0] == "Included"
    assert not (tmp_path / "etc").exists() and not (out.parent / "etc").exists()
    assert took < 40  # the slow site cost its own time limit, not everyone's
    assert len(_ward_rows(out)) == 1


def test_a_daily_run_downloads_only_what_changed(server: Served, overdue_site: Path, tmp_path: Path) -> None:
    site = server.site("cached", overdue_site)
    for route in server.routes.values():
        route.etag = '"v1"'
    out = tmp_path / "national"
    assert aggregate(site, "--out", str(out)).exit_code == 0
    second = aggregate(site, "--out", str(out))
    assert second.exit_code == 0
    assert "data/availability.json, data/wards.json not modified, cached copy used" in second.output
    assert server.hits[-2:] == [
        ("/cached/data/availability.json", '"v1"'),
        ("/cached/data/wards.json", '"v1"'),
    ]
    assert len(_ward_rows(out)) == 1


def test_a_local_folder_is_a_source_too(good_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "national"
    result = aggregate(str(good_site), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"Included  {good_site}: 9 wards, built " in result.output
    first = _ward_rows(out)[0].th.a["href"]
    assert first.startswith(good_site.resolve().as_uri() + "/wards/")
    assert (good_site / first.removeprefix(good_site.resolve().as_uri() + "/") / "index.html").is_file()


def test_each_provider_has_a_page_with_only_its_wards(good_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "national"
    aggregate(str(good_site), "--out", str(out))
    page = BeautifulSoup((out / "providers" / "brightwater-care" / "index.html").read_text(), "html.parser")
    assert page.h1.get_text() == "Brightwater Care (fictional independent provider)"
    assert len(page.select("table.ward-report tbody tr")) == 4  # cedar-ward, harbour-view, heron-ward, maple-house
    assert page.html["lang"] == "en-GB" and page.title.get_text() and page.select_one("main#main")


def test_every_site_publishes_its_schema_version_build_time_and_generator_version(good_site: Path) -> None:
    for name in ("availability.json", "wards.json"):
        meta = json.loads((good_site / "data" / name).read_text(encoding="utf-8"))["publication"]
        assert meta["schema_version"] == 3
        assert meta["generator"] == "wardsite" and meta["generator_version"] == metadata.version("wardsite")
        assert meta["built_at"].endswith("Z") or meta["built_at"].endswith("+00:00")


def test_a_failed_national_build_leaves_the_last_good_one(
    good_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "national"
    assert aggregate(str(good_site), "--out", str(out)).exit_code == 0
    before = (out / "index.html").read_text(encoding="utf-8")
    import wardsite.site.national as national

    def broken(report: object) -> dict[str, str]:
        return {"index.html": "half", "../outside.html": "no"}

    monkeypatch.setattr(national, "national_site", broken)
    with pytest.raises(ValueError, match="outside the output folder"):
        CliRunner().invoke(main, ["aggregate", str(good_site), "--out", str(out)], catch_exceptions=False)
    assert (out / "index.html").read_text(encoding="utf-8") == before
    assert not (tmp_path / "outside.html").exists()


def test_review_states_are_worked_out_for_the_national_date(overdue_site: Path) -> None:
    checked = [fetch_source(str(overdue_site), Limits(), None, None)]  # type: ignore[arg-type]

    def state(day: dt.date) -> str:
        return national_report(checked, day).availability.wards[0].review_state.value

    # The ward was last reviewed on 2025-10-01, so it is due on 2026-10-01; due soon from 28 days before.
    assert state(dt.date(2026, 9, 2)) == "current"
    assert state(dt.date(2026, 9, 3)) == "due_soon"
    assert state(dt.date(2026, 10, 1)) == "due_soon"
    assert state(dt.date(2026, 10, 2)) == "overdue"


def test_the_national_pages_have_no_accessibility_errors_at_phone_and_desktop_sizes(
    server: Served, good_site: Path, tmp_path: Path
) -> None:
    good = server.site("good", good_site)
    server.routes["/broken/data/availability.json"] = Route(b"oops", status=500)
    out = tmp_path / "national"
    aggregate(good, f"{server.base}/broken/", "--out", str(out), "--retries", "0")
    report_file = tmp_path / "a11y.json"
    result = run_a11y("--site", str(out), "--report", str(report_file))
    assert result.exit_code == 0, result.output
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert report["totals"]["errors"] == 0
    urls = {p["url"] for p in report["pages"]}  # the national page, both providers' pages, and the home page's search
    assert urls == {"/", "/providers/brightwater-care/", "/providers/example-valley-nhs-ft/", "/?q=ward"}
