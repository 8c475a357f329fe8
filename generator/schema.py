"""JSON Schema for ward and provider files, generated from the model.

The same schema drives editor autocompletion (``# yaml-language-server: $schema=...``),
validates the published open data, and feeds the field reference in the providers' guide.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from generator.model import Provider, Ward

SCHEMA_DIR = "schema"
SCHEMAS: dict[str, type[BaseModel]] = {"ward.schema.json": Ward, "provider.schema.json": Provider}


def json_schema(model: type[BaseModel], filename: str) -> dict[str, Any]:
    """The model's JSON Schema (draft 2020-12), with an id and a title editors show."""
    schema = model.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": filename, **schema}


def schema_files() -> dict[str, str]:
    """``{path inside the docs folder: JSON text}`` for every schema, formatted stably for git."""
    return {f"{SCHEMA_DIR}/{name}": json.dumps(json_schema(model, name), indent=2, ensure_ascii=False) + "\n" for name, model in SCHEMAS.items()}
