"""Patients read what changed in the ward's own words; inspectors read the git history of each ward file."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.inspector_sites import published_json
from tests.sitebuild import SAMPLE_WARDS, build_site, page
from wardsite.source import history as history_module
from wardsite.source.history import MAX_SUBJECT, FileChange, clean_subject, file_history, parse_log

HERON = "example-valley-nhs-ft/heron-ward.yaml"
CEDAR = "brightwater-care/cedar-ward.yaml"


def git(repo: Path, *args: str, date: str = "2026-01-05T10:00:00") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A provider repository: the sample wards, committed three times on known days."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = tmp_path / "provider-repo"
    shutil.copytree(SAMPLE_WARDS, root / "wards")
    (root / "README.md").write_text("Not a ward file.\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Add our wards", date="2026-01-05T10:00:00")
    edit(
        root / "wards" / HERON,
        "Visiting now starts at 1pm, not 2pm.",
        "Visiting now starts at 1pm, not 2pm (confirmed).",
    )
    git(root, "commit", "-q", "-am", "Heron Ward: visiting <b>hours</b> & notes", date="2026-03-09T10:00:00")
    edit(root / "wards" / HERON, "reference: EV-WARD-HER-07", "reference: EV-WARD-HER-08")
    edit(root / "wards" / CEDAR, "Added the Wednesday quiz night.", "Added the Wednesday quiz night!")
    git(root, "commit", "-q", "-am", "New document references", date="2026-10-20T10:00:00")
    return root


def test_parse_log_lists_each_files_commits_newest_first_up_to_the_limit() -> None:
    output = "".join(f"\x1e2026-0{m}-01\x1fChange {m}\n\na.yaml\nb.yaml\n" for m in (5, 4, 3))
    changes = parse_log(output, per_file=2)
    assert changes == {
        "a.yaml": [FileChange(dt.date(2026, 5, 1), "Change 5"), FileChange(dt.date(2026, 4, 1), "Change 4")],
        "b.yaml": [FileChange(dt.date(2026, 5, 1), "Change 5"), FileChange(dt.date(2026, 4, 1), "Change 4")],
    }


def test_a_commit_subject_that_looks_like_an_nhs_number_is_never_published() -> None:
    changes = parse_log("\x1e2026-05-01\x1fFixed note for 943 476 5919\n\na.yaml\n")
    assert changes == {"a.yaml": [FileChange(dt.date(2026, 5, 1), "Changed the ward information.")]}


def test_control_bidi_and_other_invisible_characters_are_removed_from_subjects() -> None:
    subject = "Visiting\u202e sruoh\u2066 changed\u200b\x07 today\u2028again\x85\ufffe\ue000 \t end"
    changes = parse_log(f"\x1e2026-05-01\x1f{subject}\n\na.yaml\n")
    assert changes == {"a.yaml": [FileChange(dt.date(2026, 5, 1), "Visiting sruoh changed today again end")]}


def test_a_long_subject_is_cut_at_a_word_to_the_cap_and_ends_with_an_ellipsis() -> None:
    subject = "Updated the visiting times " + "and more words " * 400
    published = parse_log(f"\x1e2026-05-01\x1f{subject}\n\na.yaml\n")["a.yaml"][0].subject
    assert len(published) <= MAX_SUBJECT == 120
    assert published.startswith("Updated the visiting times and more words")
    assert published.endswith("words\u2026")
    unbroken = parse_log(f"\x1e2026-05-01\x1f{'x' * 5000}\n\na.yaml\n")["a.yaml"][0].subject
    assert unbroken == "x" * 119 + "\u2026"


def test_a_subject_of_only_invisible_characters_reads_as_a_plain_change() -> None:
    changes = parse_log("\x1e2026-05-01\x1f\u202e\u200b\x1b\n\na.yaml\n")
    assert changes == {"a.yaml": [FileChange(dt.date(2026, 5, 1), "Changed the ward information.")]}


def test_an_nhs_number_split_by_invisible_characters_or_cut_by_the_cap_is_still_withheld() -> None:
    hidden = parse_log("\x1e2026-05-01\x1fNote for 943\u200b476\u200b5919\n\na.yaml\n")
    late = parse_log(f"\x1e2026-05-01\x1f{'word ' * 22}943 476 5919\n\na.yaml\n")
    assert hidden["a.yaml"][0].subject == late["a.yaml"][0].subject == "Changed the ward information."


def test_a_commit_subject_cannot_forge_a_dated_entry_in_a_wards_history(repo: Path) -> None:
    edit(repo / "wards" / HERON, "reference: EV-WARD-HER-08", "reference: EV-WARD-HER-09")
    git(repo, "commit", "-q", "-am", "Tidy\x1e2019-01-01\x1fWard closed for good\x1f", date="2026-11-02T10:00:00")
    changes = file_history(repo / "wards")
    assert changes is not None
    assert changes[HERON][0] == FileChange(dt.date(2026, 11, 2), "Tidy 2019-01-01 Ward closed for good")
    assert [c.date for c in changes[HERON]] == [
        dt.date(2026, 11, 2),
        dt.date(2026, 10, 20),
        dt.date(2026, 3, 9),
        dt.date(2026, 1, 5),
    ]


def test_file_history_reads_the_whole_wards_folder_with_one_git_call(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []
    real_run = subprocess.run

    def counting_run(command, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(command)
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(history_module.subprocess, "run", counting_run)
    changes = file_history(repo / "wards")
    assert len(calls) == 1
    assert changes is not None
    assert changes[HERON] == [
        FileChange(dt.date(2026, 10, 20), "New document references"),
        FileChange(dt.date(2026, 3, 9), "Heron Ward: visiting <b>hours</b> & notes"),
        FileChange(dt.date(2026, 1, 5), "Add our wards"),
    ]
    assert changes[CEDAR] == [
        FileChange(dt.date(2026, 10, 20), "New document references"),
        FileChange(dt.date(2026, 1, 5), "Add our wards"),
    ]
    assert "README.md" not in changes and "../README.md" not in changes
    assert len(changes) == 11  # 9 wards and 2 provider files


def test_outside_a_git_repository_there_is_no_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    shutil.copytree(SAMPLE_WARDS, tmp_path / "wards")
    assert file_history(tmp_path / "wards") is None


def test_without_git_installed_there_is_no_history(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo / "no-such-folder"))
    assert file_history(repo / "wards") is None


def test_a_published_subject_has_no_terminal_codes_control_or_formatting_characters() -> None:
    changes = parse_log("\x1e2026-05-01\x1f\x1b[31mVisiting\x1b[0m\ttimes \u202efixed\u200b now\x07\n\na.yaml\n")
    assert changes == {"a.yaml": [FileChange(dt.date(2026, 5, 1), "Visiting times fixed now")]}
    assert clean_subject("\x00\x1f\u2028") == "Changed the ward information."


def test_the_ward_page_shows_what_changed_in_the_wards_own_words_and_no_commit_subjects(
    repo: Path, tmp_path: Path
) -> None:
    site = build_site(tmp_path / "site", wards=repo / "wards")
    soup = page(site, "wards/example-valley-nhs-ft/heron-ward/")
    section = soup.select_one(".ward-section--review")
    heading = section.find("h3", id="what-changed")
    assert heading.get_text() == "What changed"
    items = [" ".join(li.get_text(" ").split()) for li in section.select("ul.ward-changes li")]
    assert items == [
        "14 October 2026 : Added the notice about the garden being closed.",
        "2 June 2026 : Visiting now starts at 1pm, not 2pm (confirmed).",
    ]
    assert [t["datetime"] for t in section.select("ul.ward-changes time")] == sorted(
        (t["datetime"] for t in section.select("ul.ward-changes time")), reverse=True
    )
    text = soup.get_text(" ")
    for subject in ("New document references", "Add our wards", "visiting <b>hours</b>"):
        assert subject not in text
    assert soup.find(id="recent-updates") is None and soup.select("ul.ward-history") == []


def test_the_report_links_each_ward_to_its_change_history_with_escaped_commit_subjects_newest_first(
    repo: Path, tmp_path: Path
) -> None:
    site = build_site(tmp_path / "site", wards=repo / "wards")
    report = page(site, "report/example-valley-nhs-ft/")
    row = report.find("tr", id="row-heron-ward")
    assert row.th.get_text(" ", strip=True) == "Heron Ward"
    link = row.find("a", string="Change history")
    assert link["href"] == "../changes/example-valley-nhs-ft/#heron-ward"
    history = page(site, "report/changes/example-valley-nhs-ft/")
    assert history.h1.get_text() == "Change history: Example Valley NHS Foundation Trust"
    heron = history.find("h2", id="heron-ward")
    assert heron.get_text() == "Heron Ward"
    commits = heron.find_next("ul", class_="ward-commits")
    items = [" ".join(li.get_text(" ").split()) for li in commits.select("li")]
    assert items == [
        "20 October 2026 : New document references",
        "9 March 2026 : Heron Ward: visiting <b>hours</b> & notes",
        "5 January 2026 : Add our wards",
    ]
    assert [t["datetime"] for t in commits.select("time")] == ["2026-10-20", "2026-03-09", "2026-01-05"]
    assert commits.select("b") == []
    recorded = heron.find_next("h3", string="Changes the ward recorded").find_next("ul")
    assert recorded.get_text(" ").count("Visiting now starts at 1pm") == 1
    cedar = page(site, "report/changes/brightwater-care/").find("h2", id="cedar-ward")
    assert len(cedar.find_next("ul", class_="ward-commits").select("li")) == 2
    assert not any(
        "report/changes" in doc["location"] for doc in published_json(site, "search/search_index.json")["docs"]
    )


def test_outside_git_there_are_no_history_pages_or_links_but_the_ward_keeps_what_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    shutil.copytree(SAMPLE_WARDS, tmp_path / "wards")
    site = build_site(tmp_path / "site", wards=tmp_path / "wards")
    section = page(site, "wards/example-valley-nhs-ft/heron-ward/").select_one(".ward-section--review")
    assert section.find("h3", id="what-changed") is not None
    assert not (site / "report" / "changes").exists()
    provider_report = page(site, "report/example-valley-nhs-ft/")
    assert provider_report.find("a", string="Change history") is None
    assert not any("changes/" in a["href"] for a in provider_report.select("article a"))
