"""The "Every field" page of the guide for providers, generated from the JSON Schema.

It is built from the same schema editors use, so the reference can never drift from the
model: a new field, a changed description or a new allowed word shows up on the next build.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wardsite.model import Provider, Ward, enums
from wardsite.model.enums import label
from wardsite.model.inventory import CATEGORIES, CATEGORY_KEYS, CONDITIONAL, EVERY_WARD, RECOMMENDED
from wardsite.model.schema import PROVIDER_SCHEMA, WARD_SCHEMA, json_schema
from wardsite.render.search import GUIDE_BOOST

PAGE = "guide/fields.md"


@dataclass(frozen=True)
class FieldRow:
    """One line of the reference: where the field goes, whether it is needed, what to write."""

    path: str
    required: str
    about: str


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow ``$ref`` and drop the ``null`` choice of an optional field."""
    while True:
        if "$ref" in node:
            merged = {
                **schema["$defs"][node["$ref"].rsplit("/", 1)[1]],
                **{k: v for k, v in node.items() if k != "$ref"},
            }
            merged["_def"] = node["$ref"].rsplit("/", 1)[1]
            node = merged
            continue
        choices = [c for c in node.get("anyOf", []) if c.get("type") != "null"]
        if len(choices) == 1:
            node = {**choices[0], **{k: v for k, v in node.items() if k != "anyOf"}}
            continue
        return node


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def _allowed(schema: dict[str, Any], node: dict[str, Any]) -> str:
    values = node.get("enum")
    if not values:
        return ""
    enum = getattr(enums, node.get("_def", ""), None)
    shown = [f"`{v}` ({label(enum(v))})" if enum else f"`{v}`" for v in values]
    return " Write one of: " + ", ".join(shown) + "."


def _limits(node: dict[str, Any]) -> str:
    parts = []
    if "minimum" in node and "maximum" in node:
        parts.append(f"A whole number from {node['minimum']} to {node['maximum']}.")
    if node.get("format") == "date":
        parts.append("A date, YYYY-MM-DD.")
    if node.get("type") == "boolean":
        parts.append("true or false.")
    if node.get("maxLength") == 200:
        parts.append("Up to 200 characters.")
    return (" " + " ".join(parts)) if parts else ""


def _rows(schema: dict[str, Any], node: dict[str, Any], prefix: str, section: str) -> list[FieldRow]:
    rows: list[FieldRow] = []
    required = set(node.get("required", []))
    for name, raw in node.get("properties", {}).items():
        field = _resolve(schema, raw)
        path = f"{prefix}{name}"
        is_list = field.get("type") == "array"
        item = _resolve(schema, field.get("items", {})) if is_list else field
        needed = (
            "Required"
            if name in required and not section
            else f"Required in `{section}`"
            if name in required
            else "Optional"
        )
        about = _escape(field.get("description", ""))
        if is_list:
            about += " A list: one `- ` line per entry." + (
                f" At least {field['minItems']}." if field.get("minItems") else ""
            )
        about += _allowed(schema, item) + _limits(item)
        rows.append(FieldRow(f"{path}{'[]' if is_list else ''}", needed, about))
        if "properties" in item:
            rows += _rows(schema, item, f"{path}{'[].' if is_list else '.'}", f"{path}{'[]' if is_list else ''}")
    return rows


def _table(rows: list[FieldRow]) -> list[str]:
    lines = ["| Field | Needed? | What to write |", "| --- | --- | --- |"]
    lines += [f"| `{row.path}` | {row.required} | {row.about} |" for row in rows]
    return lines


def field_rows(model_name: str) -> list[FieldRow]:
    """Every field of a ward (``"ward"``) or provider (``"provider"``) file, in file order."""
    schema = json_schema(Ward, WARD_SCHEMA) if model_name == "ward" else json_schema(Provider, PROVIDER_SCHEMA)
    if model_name == "provider":
        schema["properties"]["ward_defaults"] = {
            "type": "object",
            "description": schema["properties"]["ward_defaults"]["description"],
        }
        return _rows(schema, schema, "", "")
    # The sections inspectors expect on every ward: optional to the model, but `wardsite check`
    # warns and the page says "Not published yet" without them, so "Optional" would mislead.
    return [
        FieldRow(r.path, EXPECTED, r.about) if r.path in CATEGORY_KEYS and r.required == "Optional" else r
        for r in _rows(schema, schema, "", "")
    ]


EXPECTED = "Expected"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def expectations_table() -> list[str]:
    """What each ward is expected to publish, by ward type and legal status: the one table
    (``wardsite.model.inventory``) that the inspectors' report scores against and the loader checks."""
    lines = [
        "| What | Field | Asked of | Can be answered on purpose |",
        "| --- | --- | --- | --- |",
    ]
    for category in CATEGORIES:
        lines.append(f"| {category.label} (section) | `{category.key}` | {EVERY_WARD} | yes |")
    for rule in CONDITIONAL:
        lines.append(f"| {_cell(rule.label)} (required) | `{rule.path}` | {_cell(rule.asked_of)} | no |")
    for item in RECOMMENDED:
        lines.append(f"| {_cell(item.label)} | `{item.id}` | {_cell(item.asked_of)} | yes |")
    return lines


def render_field_guide() -> str:
    """The Markdown of the "Every field" page."""
    ward = field_rows("ward")

    def children(row: FieldRow) -> list[FieldRow]:
        return [r for r in ward if r.path.startswith(row.path + ".") or r.path.startswith(row.path + "[].")]

    top = [r for r in ward if "." not in r.path]
    sections: list[tuple[str, list[FieldRow]]] = [("The ward", [r for r in top if not children(r)])]
    sections += [(r.path.removesuffix("[]"), [r, *children(r)]) for r in top if children(r)]
    lines = [
        "---",
        'title: "Every field"',
        'description: "Every field of a ward file and a provider file: what it is, whether it is needed, and '
        'what to write."',
        "search:",
        f"  boost: {GUIDE_BOOST}  # for ward staff: below every page for readers (render/search.py)",
        "---",
        "",
        "# Every field",
        "",
        "This page lists every field you can write in a ward file and in `provider.yaml`. It is made",
        "from the same rules `wardsite check` uses, so it is always up to date.",
        "",
        "- **Required**: every ward must have it (a value in your `provider.yaml` `ward_defaults` counts).",
        "- **Required in `section`**: needed only if you write that section.",
        f'- **{EXPECTED}**: a section every ward should publish. Without it the ward page says "Not published yet",',
        "  `wardsite check` warns, and the inspectors' report lists it as missing, but the site is still published.",
        "- **Optional**: leave it out if it does not apply, or until you have the words.",
        "- `[]` after a name means a list: write each entry on its own line starting with `- `.",
        "",
        "Your editor can check these as you type: see [Editor help](index.md#editor-help).",
        "",
        "## What each ward is expected to publish {#expected}",
        "",
        "The inspectors' report scores each ward only against what a ward like it is expected to publish.",
        "If your ward has none of something, or it does not apply, say so on purpose in `on_purpose`,",
        "with a short reason: the page says it in plain words and the report counts it as published.",
        "",
        "```yaml",
        "on_purpose:",
        "  - field: daily_life.blanket_restrictions",
        "    answer: none               # or not_applicable",
        "    reason: We agree any limits with each person on their own.",
        "```",
        "",
        *expectations_table(),
        "",
        "## Ward files {#ward}",
        "",
        "One file per ward: `wards/<provider>/<ward>.yaml`.",
        "",
    ]
    for title, rows in sections:
        anchor = "ward-" + title.lower().replace(" ", "-").replace("_", "-")
        lines += [f"### {title if title == 'The ward' else f'`{title}`'} {{#{anchor}}}", "", *_table(rows), ""]
    lines += [
        "## The provider file {#provider}",
        "",
        "One per provider: `wards/<provider>/provider.yaml`.",
        "",
        *_table(field_rows("provider")),
        "",
    ]
    return "\n".join(lines)
