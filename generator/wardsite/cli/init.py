"""``wardsite init``: make a ready repository for one provider's site, or a shared regional or national one."""

from __future__ import annotations

from pathlib import Path

import click

from wardsite.authoring.init_site import SiteChoices, site_files


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=Path("."))
@click.option(
    "--name",
    "site_name",
    default=SiteChoices.site_name,
    show_default=True,
    help="The site's name, shown at the top of every page.",
)
@click.option(
    "--site-url", default=None, help="Where the site will be published, such as https://wards.example.nhs.uk/."
)
@click.option(
    "--shared",
    is_flag=True,
    help="A regional or national site for several providers: a provider with errors is left out, not the whole site.",
)
def init(folder: Path, site_name: str, site_url: str | None, shared: bool) -> None:
    """Make a new site repository in FOLDER (default: here) that builds straight away.

    Writes mkdocs.yml, an example provider and ward to replace with your own, the editor
    schemas, CI workflows (GitHub Actions, GitLab CI, Azure DevOps), a pre-commit hook,
    .gitignore and a README for ward staff. It never overwrites a file: if any already
    exists, nothing is written.
    """
    files = site_files(SiteChoices(site_name=site_name, site_url=site_url, shared=shared))
    existing = sorted(path for path in files if (folder / path).exists())
    if existing:
        raise click.UsageError(
            f"{folder} already has {', '.join(existing[:5])}{' and more' if len(existing) > 5 else ''}; "
            "nothing was written. Choose a new or empty folder, or move those files first."
        )
    for path, text in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    where = "" if folder == Path(".") else f"cd {folder} && "
    click.echo(f"Made a new ward site in {folder} ({len(files)} files).")
    click.echo("Next:")
    if where:
        click.echo(f"  {where.removesuffix(' && ')}")
    click.echo("  git init            # keeps each ward file's history; the report links to recent changes")
    click.echo("  wardsite build      # the site, with an example ward, in site/")
    click.echo("  wardsite serve      # preview it at http://127.0.0.1:8000/ (Ctrl+C stops it)")
    click.echo("Then replace the example ward with your own: see README.md.")
