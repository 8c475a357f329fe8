"""Fetch a published site's data files, from its web address or a local folder, within set bounds.

A national build reads about 100 sites. Any of them may be down, slow, huge or wrong, so each
fetch has a time limit and a size limit, retries what may pass on a second try (a dropped
connection, a timeout, a 5xx answer), and never raises: it returns what happened, in words.
A cache keeps each answer with its ETag and Last-Modified, so a daily run downloads only the
files that changed (the server answers 304 Not Modified for the rest).
"""

from __future__ import annotations

import hashlib
import json
import socket
import ssl
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from wardsite.source.kept import keep

DEFAULT_TIMEOUT = 20.0
"""Seconds a whole fetch of one file may take, retries included."""
DEFAULT_MAX_BYTES = 50_000_000
"""The largest data file accepted: about 10 times a national site's wards.json."""
DEFAULT_RETRIES = 2
"""Extra tries after a failure that may pass next time."""
_CHUNK = 64 * 1024
_RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Fetched:
    """One file: its bytes, or why there are none. ``from_cache`` when the server said it had not changed."""

    location: str
    body: bytes | None
    reason: str | None = None
    from_cache: bool = False
    attempts: int = 1


@dataclass(frozen=True)
class Limits:
    """The bounds on fetching one file."""

    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    retries: int = DEFAULT_RETRIES
    backoff: float = 0.5
    """Seconds to wait before the first retry; doubled each time."""


def is_address(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def read_local(folder: Path, relative: str, limits: Limits) -> Fetched:
    """``folder/relative`` from disk, refused when it is larger than ``limits.max_bytes`` or outside ``folder``."""
    base = folder.resolve()
    path = (base / relative).resolve()
    location = str(folder / relative)
    if not path.is_relative_to(base):
        return Fetched(location, None, f"{relative} is outside the folder.")
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            return Fetched(location, None, f"{relative} is {size:,} bytes, over the limit of {limits.max_bytes:,}.")
        return Fetched(location, path.read_bytes())
    except FileNotFoundError:
        return Fetched(location, None, f"{relative} was not found in the folder.")
    except OSError as exc:
        return Fetched(location, None, f"{relative} could not be read ({exc.strerror}).")


class _Cache:
    """Each address's last good answer and its validators, in a folder (one JSON file and one body per address)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _paths(self, url: str) -> tuple[Path, Path] | None:
        if self.folder is None:
            return None
        key = hashlib.sha256(url.encode()).hexdigest()[:32]
        return self.folder / f"{key}.json", self.folder / f"{key}.body"

    def get(self, url: str) -> tuple[dict[str, str], bytes] | None:
        paths = self._paths(url)
        if paths is None:
            return None
        try:
            meta = json.loads(paths[0].read_text(encoding="utf-8"))
            body = paths[1].read_bytes()
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("url") != url:
            return None
        return {k: v for k, v in meta.items() if k in ("etag", "last_modified") and isinstance(v, str)}, body

    def put(self, url: str, response: requests.Response, body: bytes) -> None:
        paths = self._paths(url)
        if paths is None:
            return
        meta = {"url": url}
        if response.headers.get("ETag"):
            meta["etag"] = response.headers["ETag"]
        if response.headers.get("Last-Modified"):
            meta["last_modified"] = response.headers["Last-Modified"]
        if len(meta) == 1:
            return  # nothing to ask the server with next time
        # The body first, then what to ask the server with: a cache that cannot be written only means
        # the next run downloads again.
        if keep(paths[1], body):
            keep(paths[0], json.dumps(meta).encode())


def fetch_url(
    session: requests.Session, url: str, limits: Limits, cache_folder: Path | None = None, user_agent: str = "wardsite"
) -> Fetched:
    """GET ``url`` within ``limits``: the body, the cached body on 304 Not Modified, or the reason it failed."""
    cache = _Cache(cache_folder)
    cached = cache.get(url)
    headers = {"User-Agent": user_agent, "Accept": "application/json"}
    if cached:
        if "etag" in cached[0]:
            headers["If-None-Match"] = cached[0]["etag"]
        if "last_modified" in cached[0]:
            headers["If-Modified-Since"] = cached[0]["last_modified"]
    deadline = time.monotonic() + limits.timeout
    reason = "it was not tried."
    for attempt in range(1, limits.retries + 2):
        left = deadline - time.monotonic()
        if left <= 0:
            return Fetched(
                url, None, f"no answer within {limits.timeout:g} seconds ({reason.rstrip('.')}).", attempts=attempt - 1
            )
        retry, outcome = _try(session, url, headers, limits, left, deadline)
        if isinstance(outcome, Fetched):
            if outcome.body is not None and outcome.reason is None:
                return Fetched(url, outcome.body, attempts=attempt)
            if outcome.from_cache and cached:
                return Fetched(url, cached[1], from_cache=True, attempts=attempt)
            if not retry:
                return Fetched(url, None, outcome.reason, attempts=attempt)
            reason = outcome.reason or reason
        else:
            response, body = outcome
            cache.put(url, response, body)
            return Fetched(url, body, attempts=attempt)
        if attempt <= limits.retries:
            time.sleep(min(limits.backoff * 2 ** (attempt - 1), max(0.0, deadline - time.monotonic())))
    tries = limits.retries + 1
    return Fetched(
        url, None, f"{reason.rstrip('.')} (after {tries} {'try' if tries == 1 else 'tries'}).", attempts=tries
    )


def _try(
    session: requests.Session, url: str, headers: dict[str, str], limits: Limits, left: float, deadline: float
) -> tuple[bool, Fetched | tuple[requests.Response, bytes]]:
    """One GET: (worth retrying, a result or the response and its body)."""
    try:
        with session.get(url, headers=headers, timeout=(min(left, 10.0), left), stream=True, allow_redirects=True) as r:
            if r.status_code == 304:
                return False, Fetched(url, None, "not modified", from_cache=True)
            if r.status_code != 200:
                return r.status_code in _RETRY_STATUS, Fetched(url, None, f"the server answered HTTP {r.status_code}.")
            declared = r.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limits.max_bytes:
                return False, Fetched(
                    url, None, f"the file is {int(declared):,} bytes, over the limit of {limits.max_bytes:,}."
                )
            chunks, size = [], 0
            for chunk in r.iter_content(_CHUNK):
                size += len(chunk)
                if size > limits.max_bytes:
                    return False, Fetched(url, None, f"the file is over the limit of {limits.max_bytes:,} bytes.")
                if time.monotonic() > deadline:
                    return False, Fetched(url, None, f"the download took longer than {limits.timeout:g} seconds.")
                chunks.append(chunk)
            return False, (r, b"".join(chunks))
    except requests.exceptions.Timeout:
        return True, Fetched(url, None, "the server did not answer in time.")
    except requests.exceptions.ConnectionError as exc:
        return True, Fetched(url, None, f"could not connect ({_short(exc)}).")
    except requests.exceptions.RequestException as exc:
        return False, Fetched(url, None, f"the request failed ({_short(exc)}).")


def _short(exc: BaseException) -> str:
    """A few words for a failed connection, chosen by the errors behind it (never by their English text)."""
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, ConnectionRefusedError):
            return "connection refused"
        if isinstance(current, socket.gaierror):
            return "no such host"
        if isinstance(current, ssl.SSLError):
            return "its certificate could not be checked"
        if isinstance(current, ConnectionResetError):
            return "the connection was dropped"
        stack += [current.__cause__, current.__context__, *[a for a in current.args if isinstance(a, BaseException)]]
        reason = getattr(current, "reason", None)
        if isinstance(reason, BaseException):
            stack.append(reason)
    return type(exc).__name__
