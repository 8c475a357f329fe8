"""wardsite: turn ward YAML files into an accessible static website.

The core is builder-agnostic: only ``wardsite.site.plugin`` (the MkDocs plugin) and
``wardsite.site.mkdocs_run`` (how ``wardsite build`` and ``serve`` run MkDocs) import MkDocs.
"""

__version__ = "0.3.0"
"""The one place the version is written: pyproject.toml reads it from here."""
