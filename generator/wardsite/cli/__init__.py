"""The ``wardsite`` command. The only place that reads the clock, prints, or exits.

Each sub-command lives in its own module and is registered here by name, and imported only
when it runs (or when help lists them all): ``wardsite check`` then never loads the site
builder, the accessibility checker or ``requests``, which took about half its start-up.
"""

from __future__ import annotations

from importlib import import_module

import click

# Each command's name, and the module and function that define it.
COMMANDS = {
    "a11y": ("a11y", "a11y"),
    "aggregate": ("aggregate", "aggregate"),
    "build": ("build", "build"),
    "check": ("check", "check"),
    "codeowners": ("codeowners", "codeowners"),
    "due": ("due", "due"),
    "generate": ("build", "generate"),
    "init": ("init", "init"),
    "new": ("new", "new"),
    "new-provider": ("new", "new_provider"),
    "report": ("report", "report"),
    "review": ("review", "review"),
    "schema": ("schema", "schema"),
    "serve": ("build", "serve"),
    "synthetic": ("synthetic", "synthetic"),
    "upgrade": ("upgrade", "upgrade"),
}


class _Commands(click.Group):
    """A group whose sub-commands are imported when first asked for (click's "lazy loading" recipe)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        if cmd_name not in self.commands:
            module, name = COMMANDS[cmd_name]
            command = getattr(import_module(f"wardsite.cli.{module}"), name)
            assert isinstance(command, click.Command) and command.name == cmd_name, cmd_name
            self.add_command(command)
        return self.commands[cmd_name]

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as error:  # suggest from every command, not only those imported
            raise click.exceptions.NoSuchCommand(error.command_name, possibilities=list(COMMANDS), ctx=ctx) from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="wardsite")
def main() -> None:
    """Publish accessible, up-to-date information about mental health wards from YAML files."""
