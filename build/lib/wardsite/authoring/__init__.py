"""Helping providers write ward files: new-file templates, the review edit and the JSON Schemas."""
