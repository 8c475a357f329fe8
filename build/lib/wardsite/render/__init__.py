"""Turn the validated catalogue into Markdown pages any ``mkdocs.yml`` builder can build."""
