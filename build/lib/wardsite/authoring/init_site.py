"""The files of a new site repository, for ``wardsite init``: ready to build, and clearly marked to fill in.

A provider's staff install wardsite as a package and never fork its repository, so everything their
repository needs is made here: ``mkdocs.yml`` (the plugin does the rest), one example provider and
ward that build straight away, the editor schemas, CI workflows for GitHub, GitLab and Azure DevOps,
a pre-commit hook, ``.gitignore`` and a short README for ward staff.

The texts are returned, not written: the command line refuses to overwrite anything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from wardsite import __version__
from wardsite.open_data.schemas import schema_files

STARTER_DIR = Path(__file__).resolve().parent / "starter"
REPOSITORY = "https://github.com/wardsite/wardsite"
"""Where the pre-commit hook is fetched from."""

DOCS_DIR = "docs"

_FILES = {
    "mkdocs.yml": "mkdocs.yml.j2",
    "mkdocs-offline.yml": "mkdocs-offline.yml.j2",
    ".gitignore": "gitignore.j2",
    ".pre-commit-config.yaml": "pre-commit-config.yaml.j2",
    ".github/workflows/publish.yml": "github-publish.yml.j2",
    ".gitlab-ci.yml": "gitlab-ci.yml.j2",
    "azure-pipelines.yml": "azure-pipelines.yml.j2",
    "accessibility/ignored-rules.json": "ignored-rules.json.j2",
    "README.md": "README.md.j2",
}


@dataclass(frozen=True)
class SiteChoices:
    """What ``wardsite init`` was asked for."""

    site_name: str = "Mental health ward information"
    site_url: str | None = None
    shared: bool = False
    """A regional or national site holding several providers (a broken provider never stops the others)."""


def _yaml_string(value: str) -> str:
    """A value as a YAML double-quoted string (JSON's string syntax is valid YAML): never spliced in raw."""
    return json.dumps(value, ensure_ascii=False)


@cache
def _environment() -> Environment:
    # Not HTML: these are YAML and Markdown files, so values go through `yaml_string` where YAML needs it.
    env = Environment(
        loader=FileSystemLoader(STARTER_DIR / "files"),
        autoescape=False,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["yaml_string"] = _yaml_string
    return env


def site_files(choices: SiteChoices) -> dict[str, str]:
    """``{path in the new repository: text}`` for every file ``wardsite init`` writes."""
    values = {
        "site_name": choices.site_name,
        "site_url": choices.site_url,
        "shared": choices.shared,
        "version": __version__,
        "repository": REPOSITORY,
        "requirement": f"wardsite>={__version__},<{_next_major(__version__)}",
    }
    files = {path: _environment().get_template(template).render(values) for path, template in _FILES.items()}
    for path, text in schema_files().items():
        files[f"{DOCS_DIR}/{path}"] = text
    for source in sorted((STARTER_DIR / "wards").rglob("*.yaml")):
        files[f"wards/example-valley-nhs-ft/{source.name}"] = source.read_text(encoding="utf-8")
    return files


def _next_major(version: str) -> str:
    major, _, rest = version.partition(".")
    return f"{int(major) + 1}" if major != "0" else f"0.{int(rest.partition('.')[0]) + 1}"
