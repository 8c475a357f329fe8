"""Plain language: `wardsite check` warns about free text above a target reading age."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from tests.conftest import problem_lines
from tests.sitebuild import SAMPLE_WARDS
from wardsite.findings.readability import (
    _NOT_WORDS,
    MIN_WORDS,
    flesch_kincaid_grade,
    free_text,
    readability_warnings,
    reading_age,
)
from wardsite.loading.catalogue import load_catalogue

HARD = (
    "Patients detained pursuant to the relevant sections of the Mental Health Act 1983 are entitled "
    "to request a review of their detention by the First-tier Tribunal, and may additionally apply "
    "to the hospital managers for discharge."
)
PLAIN = "You can ask a tribunal to end your section. A solicitor can help you. It is free."


def _add(ward_file: Path, yaml: str) -> None:
    ward_file.write_text(ward_file.read_text(encoding="utf-8") + yaml, encoding="utf-8")


def test_hard_text_has_a_high_reading_age_and_plain_text_a_low_one() -> None:
    assert (reading_age(HARD) or 0) > 18
    assert (reading_age(PLAIN) or 99) < 9


def test_web_addresses_and_phone_numbers_do_not_count_as_hard_words() -> None:
    sentence = "Phone us {} or read {} to find out more about visits to the ward."
    with_links = sentence.format("on 01632 960123", "https://www.example.nhs.uk/wards/visiting-and-leave-arrangements")
    assert reading_age(with_links) == reading_age(sentence.format("on", ""))


def test_a_few_words_are_not_scored() -> None:
    assert reading_age("Ask staff.") is None


def test_check_warns_about_hard_text_naming_file_line_field_and_score(
    wards_tree: Path, run_check: Callable[..., Result]
) -> None:
    _add(wards_tree / "example-provider" / "example-ward.yaml", f"description: >-\n  {HARD}\n")
    result = run_check("--today", "2026-11-26")
    age = reading_age(HARD)
    assert problem_lines(result.output) == [
        f"wards/example-provider/example-ward.yaml:22:1: description: warning: estimated reading age {age:g} "
        "is above the target of 11 (Flesch-Kincaid). "
        "Fix: Use shorter sentences (15 words or fewer) and everyday words; explain any word a patient may not "
        "know. The NHS aims for a reading age of 9 to 11."
    ]
    assert "0 errors, 9 warnings," in result.output  # this one and the fixture's 8 missing sections
    assert result.exit_code == 0  # a warning never fails the check


def test_plain_text_gives_no_warning(wards_tree: Path, run_check: Callable[..., Result]) -> None:
    _add(wards_tree / "example-provider" / "example-ward.yaml", f"description: >-\n  {PLAIN}\n")
    result = run_check("--today", "2026-11-26")
    assert "0 errors, 8 warnings" in result.output  # only the fixture's 8 missing sections


def test_the_target_reading_age_can_be_changed(wards_tree: Path, run_check: Callable[..., Result]) -> None:
    medium = (
        "We plan activities around what each person enjoys. This can be music, baking or gardening. Families are "
        "welcome to join in with us."
    )
    _add(wards_tree / "example-provider" / "example-ward.yaml", f"description: >-\n  {medium}\n")
    age = reading_age(medium)
    assert age is not None and 8 < age <= 11
    assert "0 errors, 8 warnings" in run_check("--today", "2026-11-26").output  # the 8 missing sections
    strict = run_check("--today", "2026-11-26", "--reading-age", "8")
    assert f"description: warning: estimated reading age {age:g} is above the target of 8" in strict.output
    assert run_check("--today", "2026-11-26", "--reading-age", "3").exit_code == 2  # below the allowed range


def test_hard_text_in_a_provider_default_is_reported_once_in_provider_yaml(
    wards_tree: Path, run_check: Callable[..., Result]
) -> None:
    provider = wards_tree / "example-provider" / "provider.yaml"
    _add(provider, f"ward_defaults:\n  description: >-\n    {HARD}\n")
    (wards_tree / "example-provider" / "second-ward.yaml").write_text(
        (wards_tree / "example-provider" / "example-ward.yaml")
        .read_text(encoding="utf-8")
        .replace("name: Example Ward", "name: Second Ward"),
        encoding="utf-8",
    )
    lines = [line for line in problem_lines(run_check("--today", "2026-11-26").output) if "reading age" in line]
    assert len(lines) == 1
    assert lines[0].startswith("wards/example-provider/provider.yaml:")
    assert ": ward_defaults.description: warning: estimated reading age" in lines[0]


def test_the_sample_wards_are_written_plainly_enough_for_the_default_target() -> None:
    assert readability_warnings(load_catalogue(SAMPLE_WARDS).catalogue.wards) == []


def test_every_free_text_field_is_read_and_short_fields_are_not() -> None:
    ward = next(
        w for w in load_catalogue(SAMPLE_WARDS).catalogue.wards if w.key == "example-valley-nhs-ft/heron-ward"
    ).ward
    paths = {path for path, _ in free_text(ward)}
    assert ("description",) in paths
    assert ("visiting", "children", "arrangements") in paths
    assert ("daily_life", "blanket_restrictions", 0, "reason") in paths
    assert ("name",) not in paths  # a short name, not prose
    assert ("daily_life", "what_to_bring", 0) not in paths  # list items are short phrases


TRICKY = (
    HARD,
    PLAIN,
    "Can't we? Don't. It's the ward's and the wards' rule, isn't it? O'Neill said 'yes'.",
    "Mr. Smith e.g. says... wait!? Dr. Jones (the consultant) will see you at 3.5 p.m. — or later.",
    "İSTANBUL naïve ﬁne Ærø x-ray rock'n'roll: words with accents, ligatures and hyphens in them.",
    "One two.\n\nThree four five six seven.  Eight!",
    "",
    "?!",
)


def test_reading_age_is_textstats_flesch_kincaid_grade_on_every_free_text_of_the_samples() -> None:
    """The scorer counts as textstat does (textstat is not loaded by check: it imports nltk and scipy)."""
    from textstat.textstat import textstatistics

    stats = textstatistics()
    stats.set_lang("en-GB")
    texts = {text for w in load_catalogue(SAMPLE_WARDS).catalogue.wards for _, text in free_text(w.ward)}
    for text in sorted(texts) + list(TRICKY):
        assert flesch_kincaid_grade(text) == stats.flesch_kincaid_grade(text), text
        words = _NOT_WORDS.sub(" ", text)
        expected = None
        if stats.lexicon_count(words) >= MIN_WORDS:
            expected = round(stats.flesch_kincaid_grade(words) + 5, 1)
        assert reading_age(text) == expected, text
