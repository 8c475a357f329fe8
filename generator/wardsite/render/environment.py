"""The Jinja environment: autoescape on, undefined variables are errors, plain-words filters."""

from __future__ import annotations

import re
from enum import Enum
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from wardsite.model import words
from wardsite.model.enums import label


def paras(text: str | None) -> Markup:
    """Provider text as escaped ``<p>`` paragraphs. Never Markdown, never raw HTML."""
    if not text:
        return Markup("")
    return Markup("").join(Markup("<p>{}</p>").format(p) for p in words.paragraphs(text))


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
    )
    env.filters.update(
        paras=paras,
        tel=tel,
        label=_label,
        clock=words.clock,
        long_date=words.long_date,
        day_name=words.day_name,
        days=words.days,
    )
    return env


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
    """YAML front matter. Values are JSON strings (valid YAML) with HTML escaped, so no value can break out."""
    import json

    lines = ["---"]
    for key, value in fields.items():
        if value is None:
            continue
        if isinstance(value, str):
            value = str(escape(value))
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n"
