"""CI recipes (GitHub Actions and GitLab CI) that check ward files and send the weekly review reminder.

They are package data, so ``wardsite init`` (and anyone) can write them into a repository:
``ci_template("github-check.yml")``.
"""

from __future__ import annotations

from importlib import resources

TEMPLATES = {
    "github-check.yml": ".github/workflows/check.yml",
    "github-due-reminder.yml": ".github/workflows/due-reminder.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
}
"""Each template, and where it belongs in a repository."""


def ci_template(name: str) -> str:
    """The text of one template in ``TEMPLATES``."""
    if name not in TEMPLATES:
        raise KeyError(name)
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
