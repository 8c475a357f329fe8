"""`wardsite new` and `new-provider`: a template a ward manager can fill in by following its comments."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pydantic import BaseModel
from ruamel.yaml import YAML

from tests.sitebuild import PINNED_TODAY, REPO, SAMPLE_WARDS
from wardsite.authoring.scaffold import _is_list, _model
from wardsite.cli import main
from wardsite.model import Provider, Ward

KEY_LINE = re.compile(r"^(\s*)(- )?([a-z_]+):\s*$")
COMMENTED_FIELD = re.compile(r"^(\s*)# ( *(?:- )?[a-z_]+:.*| *-\s*)$")


@pytest.fixture
def repo_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder laid out like the repository: the sample wards and the committed schemas."""
    shutil.copytree(SAMPLE_WARDS, tmp_path / "wards")
    shutil.copytree(REPO / "site_src" / "schema", tmp_path / "site_src" / "schema")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")  # names the docs folder, site_src
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _value_from(comment: str, list_item: bool) -> str:
    """What a person following the comment would write."""
    choice = re.search(r"Write (?:one|any) of: ([a-z_, ]+)", comment)
    if choice:  # the comment's example when it is one of the choices, as a person would copy it
        options = [option.strip() for option in choice.group(1).split(",")]
        example = re.search(r"Example: ([a-z_]+)\.", comment)
        return example.group(1) if example and example.group(1) in options else options[0]
    if "Write true or false" in comment:
        return "true"
    example = re.search(r"Example: (.*?)\.?(?: Your provider\.yaml.*| \(required\))?$", comment)
    if example:
        text = example.group(1)
        if list_item and text.startswith("["):
            text = text.strip("[]").split(",")[0].strip()
        return f'"{text}"' if ": " in text else text
    return "Words for the test."


def _has_children(lines: list[str], index: int, column: int) -> bool:
    for line in lines[index + 1 :]:
        if line.strip():
            return len(line) - len(line.lstrip()) > column
    return False


def fill_required(text: str) -> str:
    """Write a value after every required (uncommented) empty field, as its comment says."""
    lines = text.splitlines()
    out = []
    for i, line in enumerate(lines):
        key = KEY_LINE.match(line)
        if key and not _has_children(lines, i, len(key.group(1)) + len(key.group(2) or "")):
            out.append(f"{line} {_value_from(lines[i - 1].strip(), list_item=False)}")
        elif line.strip() == "-":
            out.append(f"{line} {_value_from(lines[i - 2].strip(), list_item=True)}")
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def uncomment_everything(text: str) -> object:
    """The template with every optional field switched on, read as YAML."""
    return YAML(typ="safe", pure=True).load("\n".join(COMMENTED_FIELD.sub(r"\1\2", line) for line in text.splitlines()))


def _missing_fields(model: type[BaseModel], data: object, path: str = "") -> list[str]:
    assert isinstance(data, dict), path
    missing = []
    for name, info in model.model_fields.items():
        where = f"{path}.{name}" if path else name
        if name not in data:
            missing.append(where)
            continue
        inner = _model(info)
        if inner is not None:
            value = data[name][0] if _is_list(info) else data[name]
            missing += _missing_fields(inner, value, where)
    return missing


def test_new_provider_then_new_ward_write_files_that_name_the_committed_schemas(repo_copy: Path) -> None:
    created = run("new-provider", "acme-care", "--today", PINNED_TODAY)
    assert created.exit_code == 0
    assert created.output.splitlines()[0] == "Created wards/acme-care/provider.yaml."
    ward = run("new", "acme-care", "kingfisher-ward", "--today", PINNED_TODAY)
    assert ward.exit_code == 0
    assert ward.output.splitlines() == [
        "Created wards/acme-care/kingfisher-ward.yaml.",
        "Next: open it, write a value after each colon on the lines that do not start with #, then run:",
        "  wardsite check wards/acme-care/kingfisher-ward.yaml",
    ]
    for path, schema in (
        ("wards/acme-care/provider.yaml", "provider.schema.json"),
        ("wards/acme-care/kingfisher-ward.yaml", "ward-file.schema.json"),
    ):
        first = (repo_copy / path).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../../site_src/schema/{schema}"
        assert ((repo_copy / path).parent / first.split("=", 1)[1]).resolve() == (
            repo_copy / "site_src" / "schema" / schema
        ).resolve()


def test_a_fresh_ward_template_lists_every_field_of_the_model(repo_copy: Path) -> None:
    run("new-provider", "acme-care")
    run("new", "acme-care", "kingfisher-ward")
    data = uncomment_everything((repo_copy / "wards/acme-care/kingfisher-ward.yaml").read_text(encoding="utf-8"))
    assert _missing_fields(Ward, data) == []


def test_a_fresh_provider_template_lists_every_provider_field(repo_copy: Path) -> None:
    run("new-provider", "acme-care")
    data = uncomment_everything((repo_copy / "wards/acme-care/provider.yaml").read_text(encoding="utf-8"))
    assert _missing_fields(Provider, data) == []
    assert set(data["ward_defaults"]) == {"rights", "feedback"}


def test_every_field_line_has_a_one_line_comment_above_it_saying_what_it_is(repo_copy: Path) -> None:
    run("new-provider", "acme-care")
    run("new", "acme-care", "kingfisher-ward")
    lines = (repo_copy / "wards/acme-care/kingfisher-ward.yaml").read_text(encoding="utf-8").splitlines()
    field = re.compile(r"^\s*(?:# +)?(?:- )?[a-z_]+:(?: .*)?$")
    fields = [i for i, line in enumerate(lines) if field.match(line)]
    assert len(fields) > 200
    for i in fields:
        above = lines[i - 1].strip()
        assert above.startswith("#") and not field.match(above) and len(above) > 10, (i + 1, lines[i], above)
    assert lines[lines.index("name:") - 1] == "# The ward's name. Example: Heron Ward. (required)"


def test_a_fresh_ward_template_fails_check_with_one_has_no_value_line_per_required_field(repo_copy: Path) -> None:
    run("new-provider", "acme-care")
    provider_file = repo_copy / "wards/acme-care/provider.yaml"
    provider_file.write_text(fill_required(provider_file.read_text(encoding="utf-8")), encoding="utf-8")
    run("new", "acme-care", "kingfisher-ward")
    text = (repo_copy / "wards/acme-care/kingfisher-ward.yaml").read_text(encoding="utf-8")
    name_line = text.splitlines().index("name:") + 1
    result = run("check", "wards/acme-care/kingfisher-ward.yaml", "--today", PINNED_TODAY)
    assert result.exit_code == 1
    assert (
        f"wards/acme-care/kingfisher-ward.yaml:{name_line}:1: name: `name` has no value. Fix: This field is "
        "required: write its value after the colon. The ward's name. Example: Heron Ward." in result.output
    )
    required_lines = [i + 1 for i, line in enumerate(text.splitlines()) if KEY_LINE.match(line) or line.strip() == "-"]
    reported = {int(m.group(1)) for m in re.finditer(r"kingfisher-ward\.yaml:(\d+):\d+: ", result.output)}
    assert reported and reported <= set(required_lines)


def test_the_example_mistake_in_the_guide_is_what_check_prints_for_a_ward_started_as_the_guide_says(
    repo_copy: Path,
) -> None:
    guide = (REPO / "generator" / "wardsite" / "site" / "theme" / "pages" / "guide" / "index.md").read_text(
        encoding="utf-8"
    )
    example = re.search(r"Each mistake is shown.*?```text\n(.*?)\n```", guide, re.S)
    assert example, "the guide shows an example mistake in a ```text block"
    assert run("new", "example-valley-nhs-ft", "kingfisher-ward", "--today", PINNED_TODAY).exit_code == 0
    result = run("check", "wards/example-valley-nhs-ft/kingfisher-ward.yaml", "--today", PINNED_TODAY)
    assert example.group(1) in result.output.splitlines()


def test_filling_in_each_required_field_as_its_comment_shows_makes_a_valid_provider_and_ward(repo_copy: Path) -> None:
    run("new-provider", "acme-care", "--today", PINNED_TODAY)
    provider_file = repo_copy / "wards/acme-care/provider.yaml"
    provider_file.write_text(fill_required(provider_file.read_text(encoding="utf-8")), encoding="utf-8")
    checked = run("check", "wards/acme-care", "--today", PINNED_TODAY).output
    assert checked.startswith("wards/acme-care/provider.yaml:1:1: maintainers: warning: no maintainers are listed")
    assert checked.endswith("0 wards valid; 0 errors, 1 warning, 0 overdue for review.\n")  # only the maintainers
    run("new", "acme-care", "kingfisher-ward", "--today", PINNED_TODAY)
    ward_file = repo_copy / "wards/acme-care/kingfisher-ward.yaml"
    original = ward_file.read_text(encoding="utf-8")
    ward_file.write_text(fill_required(original), encoding="utf-8")
    result = run("check", "wards/acme-care/kingfisher-ward.yaml", "--today", PINNED_TODAY)
    assert result.exit_code == 0, result.output
    assert "1 ward valid; 0 errors" in result.output
    assert "last reviewed 2026-11-26, next review due 2027-11-26" in result.output
    # Only the required lines were touched: the optional ones are still commented out.
    changed = [
        a
        for a, b in zip(original.splitlines(), ward_file.read_text(encoding="utf-8").splitlines(), strict=False)
        if a != b
    ]
    assert all(not line.lstrip().startswith("#") for line in changed)


@pytest.mark.parametrize("provider", ["example-valley-nhs-ft", "brightwater-care"])
def test_a_new_ward_for_a_provider_with_ward_defaults_is_valid_once_its_required_fields_are_filled_in(
    repo_copy: Path, provider: str
) -> None:
    run("new", provider, "kingfisher-ward", "--today", PINNED_TODAY)
    ward_file = repo_copy / "wards" / provider / "kingfisher-ward.yaml"
    text = ward_file.read_text(encoding="utf-8")
    filled = fill_required(text).replace("name: Heron Ward", "name: Kingfisher Ward")  # the example's name is taken
    ward_file.write_text(filled, encoding="utf-8")
    result = run("check", str(ward_file.relative_to(repo_copy)), "--today", PINNED_TODAY)
    assert result.exit_code == 0, result.output


def test_a_field_the_provider_already_gives_is_commented_out_with_a_note(repo_copy: Path) -> None:
    run("new", "example-valley-nhs-ft", "kingfisher-ward")
    lines = (repo_copy / "wards/example-valley-nhs-ft/kingfisher-ward.yaml").read_text(encoding="utf-8").splitlines()
    switchboard = lines.index("  # switchboard_phone:")
    assert lines[switchboard - 1].endswith(
        "Your provider.yaml gives this for every ward: write it here only if this ward is different."
    )
    assert "  # smoking:" in lines
    # The defaults start daily_life, so its other required fields must be written in the ward.
    assert "daily_life:" in lines and "  meal_times:" in lines


def test_inside_an_optional_section_the_fields_it_needs_say_so_and_expected_sections_say_what_readers_see(
    repo_copy: Path,
) -> None:
    run("new", "example-valley-nhs-ft", "kingfisher-ward", "--today", PINNED_TODAY)
    lines = (repo_copy / "wards/example-valley-nhs-ft/kingfisher-ward.yaml").read_text(encoding="utf-8").splitlines()

    def comment_above(field_line: str) -> str:
        return lines[lines.index(field_line) - 1]

    assert comment_above("#   booking:").endswith(
        "(required if you use this section)"
    )  # Visiting.booking has no default
    assert not comment_above("#   booking_how:").endswith("(required if you use this section)")
    assert comment_above("# visiting:").endswith(
        'Every ward should publish this: until you do, the page says "Not published yet".'
    )
    assert "Not published yet" not in comment_above("# rights:")  # the provider's ward_defaults give it
    assert "Not published yet" not in comment_above("# quick_read:")  # recommended, not one of the expected sections


def test_new_refuses_to_overwrite_a_ward_file(repo_copy: Path) -> None:
    before = (repo_copy / "wards/example-valley-nhs-ft/heron-ward.yaml").read_bytes()
    result = run("new", "example-valley-nhs-ft", "heron-ward")
    assert result.exit_code == 2
    assert "Error: wards/example-valley-nhs-ft/heron-ward.yaml already exists; nothing was changed." in result.output
    assert (repo_copy / "wards/example-valley-nhs-ft/heron-ward.yaml").read_bytes() == before


def test_new_accepts_a_ward_name_another_provider_already_uses(repo_copy: Path) -> None:
    """Ward addresses are /wards/<provider>/<ward>/, so Brightwater Care's Cedar Ward leaves the name free elsewhere."""
    other = (repo_copy / "wards/brightwater-care/cedar-ward.yaml").read_bytes()
    result = run("new", "example-valley-nhs-ft", "cedar-ward")
    assert result.exit_code == 0, result.output
    assert (repo_copy / "wards/example-valley-nhs-ft/cedar-ward.yaml").is_file()
    assert (repo_copy / "wards/brightwater-care/cedar-ward.yaml").read_bytes() == other


def test_new_provider_refuses_to_overwrite_a_provider_file(repo_copy: Path) -> None:
    before = (repo_copy / "wards/brightwater-care/provider.yaml").read_bytes()
    result = run("new-provider", "brightwater-care")
    assert result.exit_code == 2
    assert "Error: wards/brightwater-care/provider.yaml already exists; nothing was changed." in result.output
    assert (repo_copy / "wards/brightwater-care/provider.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["new", "example-valley-nhs-ft", "Kingfisher Ward"],
            "Error: Invalid value for WARD: `Kingfisher Ward` cannot be used in a web address: use lowercase "
            "letters, digits and hyphens only. Try `kingfisher-ward`.",
        ),
        (
            ["new", "Example_Valley", "kingfisher-ward"],
            "Error: Invalid value for PROVIDER: `Example_Valley` cannot be used in a web address: use "
            "lowercase letters, digits and hyphens only. Try `example-valley`.",
        ),
        (
            ["new", "example-valley-nhs-ft", "!!!"],
            "Error: Invalid value for WARD: `!!!` cannot be used in a web address: use lowercase letters, "
            "digits and hyphens only. For example `kingfisher-ward`.",
        ),
        (
            ["new", "example-valley-nhs-ft", "provider"],
            "Error: Invalid value for WARD: `provider` is kept for provider.yaml. Choose the ward's own name, "
            "like kingfisher-ward.",
        ),
        (
            ["new-provider", "ACME"],
            "Error: Invalid value for PROVIDER: `ACME` cannot be used in a web address: use lowercase letters, "
            "digits and hyphens only. Try `acme`.",
        ),
        (
            ["new", "acme-care", "kingfisher-ward"],
            "Error: there is no wards/acme-care/provider.yaml. Run `wardsite new-provider acme-care` first, or "
            "check the spelling. Providers here: brightwater-care, example-valley-nhs-ft.",
        ),
    ],
)
def test_bad_names_are_usage_errors_that_write_nothing(repo_copy: Path, args: list[str], message: str) -> None:
    before = sorted(p.relative_to(repo_copy) for p in repo_copy.rglob("*"))
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output
    assert sorted(p.relative_to(repo_copy) for p in repo_copy.rglob("*")) == before


def test_schema_ref_option_writes_a_published_address(repo_copy: Path) -> None:
    run("new-provider", "acme-care", "--schema-ref", "https://wards.example.nhs.uk/schema/provider.schema.json")
    assert (
        (repo_copy / "wards/acme-care/provider.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=https://wards.example.nhs.uk/schema/provider.schema.json\n")
    )
