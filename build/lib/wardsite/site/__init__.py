"""Writing and publishing the site: generated pages, the staging swap, the live preview and the MkDocs plugin."""
