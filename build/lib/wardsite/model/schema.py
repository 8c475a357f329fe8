"""JSON Schema for ward and provider files, generated from the model (written out by ``wardsite schema``).

The same schema drives editor autocompletion (``# yaml-language-server: $schema=...``),
validates the published open data, and feeds the field reference in the providers' guide.

Three files, because a ward file on disk is not yet a whole ward: its provider's
``ward_defaults`` are merged under it before validation, and may supply any field.

- ``ward.schema.json``: a whole ward, after the defaults are merged (the open-data shape).
- ``ward-file.schema.json``: what one ward file may hold: the same fields, none required.
  Ward files name it, so editors autocomplete and underline misspelt fields and wrong values
  without flagging a field the provider's defaults supply. ``wardsite check`` still reports
  every missing field, because it knows the defaults.
- ``provider.schema.json``: the provider file, whose ``ward_defaults`` (a free mapping in the
  model) is described to editors as the same partial ward. Validation semantics are unchanged.

The published open data has its own schemas, generated from ``wardsite.open_data.records``
and ``wardsite.findings.availability``: ``wards-data``, ``ward-data`` and ``availability.schema.json``.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel

from wardsite.model.addresses import SCHEMA_DIR
from wardsite.model.provider import Provider
from wardsite.model.ward import Ward

__all__ = ["PROVIDER_SCHEMA", "SCHEMA_DIR", "WARD_FILE_SCHEMA", "WARD_SCHEMA", "json_schema", "partial"]

WARD_SCHEMA = "ward.schema.json"
WARD_FILE_SCHEMA = "ward-file.schema.json"
PROVIDER_SCHEMA = "provider.schema.json"

_PARTIAL_PREFIX = "WardDefaults"
_REF_ROOT = "#/$defs/"


def json_schema(model: type[BaseModel], filename: str) -> dict[str, Any]:
    """The model's JSON Schema (draft 2020-12), with an id and a title editors show."""
    schema = model.model_json_schema(mode="validation")
    if filename == WARD_FILE_SCHEMA:
        parts = partial(schema, "")
        schema = {**parts["body"], "$defs": parts["defs"], "title": "Ward file"}
        schema["description"] += " Fields the provider's ward_defaults supply may be left out here."
    if model is Provider:
        schema = _with_partial_ward_defaults(schema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": filename, **schema}


def partial(schema: dict[str, Any], prefix: str) -> dict[str, Any]:
    """A copy of ``schema`` with no field required anywhere, its ``$defs`` renamed ``<prefix><Name>``.

    Renaming keeps the partial definitions apart from the full ones when both live in one file.
    """

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            result = {}
            for key, value in node.items():
                if key == "required" and isinstance(value, list):
                    continue
                if key == "$ref" and isinstance(value, str) and value.startswith(_REF_ROOT):
                    value = _REF_ROOT + prefix + value[len(_REF_ROOT) :]
                result[key] = walk(value)
            return result
        if isinstance(node, list):
            return [walk(item) for item in node]
        return node

    body = walk({k: v for k, v in copy.deepcopy(schema).items() if k != "$defs"})
    defs = {prefix + name: walk(definition) for name, definition in schema.get("$defs", {}).items()}
    return {"body": body, "defs": defs}


def _with_partial_ward_defaults(provider_schema: dict[str, Any]) -> dict[str, Any]:
    ward = Ward.model_json_schema(mode="validation")
    parts = partial(ward, _PARTIAL_PREFIX)
    field = provider_schema["properties"]["ward_defaults"]
    body = parts["body"]
    body["title"] = "Ward defaults"
    body["description"] = field.get("description", "")
    provider_schema["properties"]["ward_defaults"] = body
    provider_schema["$defs"] = {**provider_schema.get("$defs", {}), **parts["defs"]}
    return provider_schema
