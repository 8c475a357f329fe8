"""The JSON Schema files a site publishes (at ``/schema/``) and keeps in its docs folder for editors: ward and provider
files (from
``wardsite.model.schema``) and the open data (``wardsite.open_data.records``, ``wardsite.findings.availability``).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from pydantic import BaseModel

from wardsite.findings.availability import AvailabilityReport
from wardsite.model import Provider, Ward
from wardsite.model.schema import PROVIDER_SCHEMA, SCHEMA_DIR, WARD_FILE_SCHEMA, WARD_SCHEMA, json_schema
from wardsite.open_data.records import WardData, WardsData

__all__ = ["PROVIDER_SCHEMA", "SCHEMAS", "SCHEMA_DIR", "WARD_FILE_SCHEMA", "WARD_SCHEMA", "schema_files"]

SCHEMAS: dict[str, type[BaseModel]] = {WARD_SCHEMA: Ward, WARD_FILE_SCHEMA: Ward, PROVIDER_SCHEMA: Provider}
OPEN_DATA_SCHEMAS: dict[str, type[BaseModel]] = {
    "wards-data.schema.json": WardsData,
    "ward-data.schema.json": WardData,
    "availability.schema.json": AvailabilityReport,
}
SCHEMAS.update(OPEN_DATA_SCHEMAS)


CHECK_OUTPUT_SCHEMA = "check-output.schema.json"
"""The shape of ``wardsite check --format json``, written by hand beside the code that makes it."""


def schema_files() -> dict[str, str]:
    """``{path inside the docs folder: JSON text}`` for every schema, formatted stably for git."""
    files = {
        f"{SCHEMA_DIR}/{name}": json.dumps(json_schema(model, name), indent=2, ensure_ascii=False) + "\n"
        for name, model in SCHEMAS.items()
    }
    files[f"{SCHEMA_DIR}/{CHECK_OUTPUT_SCHEMA}"] = (
        resources.files("wardsite.findings").joinpath(CHECK_OUTPUT_SCHEMA).read_text(encoding="utf-8")
    )
    return files


def stale_schema_files(docs_dir: Path) -> list[str]:
    """The schema files under ``docs_dir`` that are missing or differ from the model."""
    stale = []
    for relative, text in schema_files().items():
        try:
            if (docs_dir / relative).read_text(encoding="utf-8") == text:
                continue
        except OSError:
            pass
        stale.append(relative)
    return stale
