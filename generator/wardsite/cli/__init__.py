"""The ``wardsite`` command. The only place that reads the clock, prints, or exits.

Each sub-command lives in its own module and is registered here.
"""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="wardsite")
def main() -> None:
    """Publish accessible, up-to-date information about mental health wards from YAML files."""


from wardsite.cli import a11y as _a11y  # noqa: E402
from wardsite.cli import aggregate as _aggregate  # noqa: E402
from wardsite.cli import build as _build  # noqa: E402
from wardsite.cli import check as _check  # noqa: E402
from wardsite.cli import codeowners as _codeowners  # noqa: E402
from wardsite.cli import due as _due  # noqa: E402
from wardsite.cli import init as _init  # noqa: E402
from wardsite.cli import new as _new  # noqa: E402
from wardsite.cli import report as _report  # noqa: E402
from wardsite.cli import review as _review  # noqa: E402
from wardsite.cli import schema as _schema  # noqa: E402
from wardsite.cli import synthetic as _synthetic  # noqa: E402
from wardsite.cli import upgrade as _upgrade  # noqa: E402

main.add_command(_init.init)
main.add_command(_check.check)
main.add_command(_build.generate)
main.add_command(_build.build)
main.add_command(_build.serve)
main.add_command(_report.report)
main.add_command(_synthetic.synthetic)
main.add_command(_schema.schema)
main.add_command(_new.new)
main.add_command(_new.new_provider)
main.add_command(_review.review)
main.add_command(_upgrade.upgrade)
main.add_command(_a11y.a11y)
main.add_command(_codeowners.codeowners)
main.add_command(_due.due)
main.add_command(_aggregate.aggregate)
