"""Reading ward files: YAML with line marks, the NHS-number guard, and git history."""
