"""The Jinja environment: autoescape on, undefined variables are errors, plain-words filters."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from enum import Enum
from functools import cache
from typing import Any, cast

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined
from jinja2.environment import TemplateModule
from markupsafe import Markup, escape

from wardsite.findings.review_dates import ReviewState
from wardsite.model import words
from wardsite.model.classification import describe, sex_words
from wardsite.model.enums import WardStatus, label
from wardsite.problems import Severity
from wardsite.render.contact_links import contact_pieces


def paras(text: str | None) -> Markup:
    """Provider text as escaped ``<p>`` paragraphs, each phone number, email and web address in it
    a link (``contact_links``). Never Markdown, never raw HTML."""
    if not text:
        return Markup("")
    return Markup("").join(Markup("<p>{}</p>").format(linked(p)) for p in words.paragraphs(text))


def linked(text: str) -> Markup:
    """One sentence or paragraph of provider text, escaped, with its contact details as links."""
    pieces = contact_pieces(text)
    if len(pieces) == 1 and pieces[0].href is None:
        return escape(text)
    return Markup(macros("macros.html.j2").linked(pieces))


def tel(number: str) -> str:
    """A phone number as a ``tel:`` address: digits and a leading plus only."""
    return re.sub(r"[^\d+]", "", number.replace("(0)", ""))


def _label(value: Enum | str) -> str:
    return label(value) if isinstance(value, Enum) else str(value)


@cache
def environment() -> Environment:
    """One shared environment: templates compile once per process."""
    env = Environment(
        loader=PackageLoader("wardsite.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # the package's templates never change while it runs: no file check on every lookup
    )
    env.filters.update(
        paras=paras,
        linked=linked,
        tel=tel,
        label=_label,
        ward_kind=describe,
        clock=words.clock,
        long_date=words.long_date,
        day_name=words.day_name,
        days=words.days,
        spans=words.spans,
        count=words.count,
    )
    # Templates compare enum members (``review.state == ReviewState.overdue``), never their strings.
    env.globals.update(ReviewState=ReviewState, WardStatus=WardStatus, Severity=Severity, sex_words=sex_words)
    return env


class Macros:
    """A template's macros, called by name (``macros("ward.html.j2").banner(...)``): each returns Markup.

    Jinja makes a template's macros attributes of its module at run time; this says so to the type checker.
    """

    def __init__(self, module: TemplateModule) -> None:
        self._module = module

    def __getattr__(self, name: str) -> Callable[..., Markup]:
        macro = getattr(self._module, name)
        if not callable(macro):
            raise AttributeError(f"{self._module} has no macro {name!r}")
        return cast(Callable[..., Markup], macro)


def macros(template: str, variables: dict[str, Any] | None = None) -> Macros:
    """The macros of ``template``; with ``variables``, of a module made with those globals set."""
    found = environment().get_template(template)
    return Macros(found.make_module(vars=variables) if variables is not None else found.module)


def html_block(markup: str) -> str:
    """Collapse an HTML fragment onto lines with no blank line, so Markdown keeps it as one raw block."""
    return "\n".join(line for line in str(markup).splitlines() if line.strip())


HTML_TOC = "html_toc"
"""Front matter key of a page whose body is HTML blocks only (nothing for Markdown to change).

Its value lists the page's section headings as ``[id, heading]`` pairs, the page's contents.
The MkDocs hook then uses the body as the page's HTML directly, skipping Markdown, which
was the slowest step of a national build. Only for pages that really are HTML blocks only.
"""


SCRIPTS = "scripts"
"""Front matter key: the scripts (paths from the site root) this page loads besides the site's own."""

REPORT_SCRIPTS = ["javascripts/report-table.js"]
"""Sorting and filters for the report's table (and sorting for the compare tables)."""

COMPARE_SCRIPTS = [*REPORT_SCRIPTS, "javascripts/compare.js"]
"""Sorting, and choosing wards to see side by side, on a compare page."""


def front_matter(**fields: object) -> str:
    """YAML front matter, one field per line, each value written by a serialiser: text is never spliced in by hand.

    Values are written as JSON, which YAML reads as it is (flow style, double-quoted strings) and which
    Python writes many times faster than PyYAML's emitter (a national build writes thousands of pages).
    Everything outside ASCII is escaped (U+0085 or U+2028 written raw would read back as line breaks), so
    each value stays on its line and no value can end the block or start another field. HTML in values
    is escaped too, as themes put the title into the page as it is.
    """
    lines = ["---"]
    for key, value in fields.items():
        if value is not None:
            lines.append(f"{key}: {_yaml_value(str(escape(value)) if isinstance(value, str) else value)}")
    return "\n".join([*lines, "---", ""])


_EXPONENT = re.compile(r"\d[eE][-+]?\d")
_OUTSIDE_ASCII = re.compile(r"[^\x00-\x7e]")
"""DEL and everything past it. JSON leaves these as they are; YAML reads some as line breaks or refuses them."""


def _yaml_escape(found: re.Match[str]) -> str:
    """One character as a YAML escape: ``\\uXXXX``, or ``\\UXXXXXXXX`` past U+FFFF (YAML does not join the
    surrogate pairs JSON would write)."""
    code = ord(found.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _yaml_value(value: object) -> str:
    """``value`` as one line of YAML. JSON, except a number JSON writes with an exponent (1e-05), which YAML 1.1
    would read as text: that one is written by PyYAML."""
    text = _OUTSIDE_ASCII.sub(_yaml_escape, json.dumps(value, ensure_ascii=False, separators=(", ", ": ")))
    if isinstance(value, str) or not _EXPONENT.search(text):
        return text
    return yaml.safe_dump(value, default_flow_style=True, width=math.inf).strip().removesuffix("...").strip()
