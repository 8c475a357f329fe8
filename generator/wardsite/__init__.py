"""wardsite: turn ward YAML files into an accessible static website.

The package is builder-agnostic: nothing under ``generator`` imports MkDocs except
``wardsite.site.mkdocs_hook``, the thin adapter that MkDocs loads.
"""
