"""The page-not-found page works where the site really is: under a sub-path, at any depth of a wrong address.

A web host (GitHub Pages, GitLab Pages) answers every missing address with the site's 404.html,
whatever folder the address names, so the page cannot use addresses relative to itself. With
``site_url`` set (from ``SITE_URL``, as the CI recipes do) its styles, scripts and links start at the
site's own folder. Tested in Debian's chromium against a server that does what such hosts do.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.browser import Task, run_tasks
from tests.sitebuild import build_site

PREFIX = "/ward-info/"


class _PagesHost(SimpleHTTPRequestHandler):
    """Serves the site under PREFIX; any missing address gets 404.html with status 404, as a web host does."""

    def translate_path(self, path: str) -> str:
        inside = path.split("?", 1)[0]
        inside = inside[len(PREFIX) :] if inside.startswith(PREFIX) else "/no-such-folder/"
        return super().translate_path("/" + inside)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}{PREFIX}"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", base)
        site = build_site(tmp_path_factory.mktemp("hosted") / "site")
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(_PagesHost, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield base
    finally:
        server.shutdown()


SEEN = """
const sheets = [...document.styleSheets].filter(s => s.href).map(s => {
  let rules = 0;
  try { rules = s.cssRules.length; } catch (e) { rules = -1; }
  return [new URL(s.href).pathname, rules];
});
return {
  heading: document.querySelector("h1").textContent.trim(),
  sheets: sheets,
  home: document.querySelector("article a[href]").href,
  themeScript: typeof window.document$ !== "undefined",
  crisisLink: document.querySelector(".ward-banner--crisis a").getAttribute("href"),
};
"""


def test_a_wrong_address_deep_under_the_sites_folder_shows_the_styled_page_not_found(hosted: str) -> None:
    [seen] = run_tasks([Task(url=hosted + "wards/no-such-ward/easy-read/", script=SEEN, width=390, height=844)])
    assert seen["heading"] == "Page not found"
    loaded = dict(seen["sheets"])
    assert loaded[PREFIX + "stylesheets/wardsite.css"] > 0  # found and read, from the site's own folder
    assert loaded[PREFIX + "stylesheets/accessibility.css"] > 0
    assert all(count > 0 for count in loaded.values()), loaded
    assert all(path.startswith(PREFIX) for path in loaded), loaded
    assert seen["themeScript"] is True  # the theme's script ran, so the menu and search work
    assert seen["home"] == hosted  # "Find a ward on the home page" goes to the site, not the server's root
    assert seen["crisisLink"] == "tel:111"
