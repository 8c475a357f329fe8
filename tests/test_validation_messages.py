"""What the validation messages say, for every field of a kind, straight from the model."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from pydantic import BaseModel

from tests.test_injection import _merged_sample_ward
from wardsite.loading.fields import model_at
from wardsite.loading.validate import validate_model
from wardsite.model import Ward
from wardsite.problems import Mark, Problem


def _group_paths(data: dict[str, Any], model: type[BaseModel], path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every group of fields in the sample ward (not inside lists), as field paths."""
    found = []
    for name, value in data.items():
        inner = model_at(model, (name,))
        if inner is not None and isinstance(value, dict):
            found.append((*path, name))
            found.extend(_group_paths(value, inner, (*path, name)))
    return found


SAMPLE = _merged_sample_ward()
GROUPS = _group_paths(SAMPLE, Ward)


def _problems_with(path: tuple[str | int, ...], value: Any, data: dict[str, Any] | None = None) -> list[Problem]:
    data = copy.deepcopy(data if data is not None else SAMPLE)
    holder = data
    for part in path[:-1]:
        holder = holder[part]
    holder[path[-1]] = value
    ward, problems = validate_model(Ward, data, lambda p: Mark("ward.yaml", 1, 1))
    assert ward is None
    return problems


@pytest.mark.parametrize("path", GROUPS, ids=".".join)
def test_a_group_written_as_text_names_every_field_it_needs(path: tuple[str, ...]) -> None:
    group = model_at(Ward, path)
    assert group is not None
    (problem,) = _problems_with(path, "see the notice board")
    assert problem.message == 'expected a group of fields here, but found "see the notice board".'
    needs, _, can_have = problem.fix.partition(" can also have ")
    for name, info in group.model_fields.items():
        assert f"`{name}`" in (needs.partition(" needs ")[2] if info.is_required() else can_have or needs)


def test_planned_per_shift_given_as_a_list_of_shifts_is_told_they_go_under_shifts() -> None:
    data = copy.deepcopy(SAMPLE)
    data["staffing"] = {"team_roles": ["ward_manager"]}
    shifts = [{"shift": "early", "registered_nurses": "2", "support_workers": "3"}]
    (problem,) = _problems_with(("staffing", "planned_per_shift"), shifts, data)
    assert problem.fix == (
        "These look like entries of its list `shifts`: write `shifts:` and indent the list under it. "
        "`planned_per_shift` needs `as_of` and `shifts`. Planned staff numbers on each shift."
    )


def test_a_group_written_with_dashes_is_told_to_lose_them() -> None:
    (problem,) = _problems_with(("site",), [{"name": "Example Unit"}])
    assert problem.fix.startswith("Remove the `- ` before the first field")


def test_a_list_entry_written_as_text_names_the_fields_each_entry_needs() -> None:
    (problem,) = _problems_with(("visiting", "hours", 0), "Monday 2pm to 4pm")
    assert problem.path == "visiting.hours[0]"
    assert "Each entry of `hours` needs `days`, `start` and `end`." in problem.fix


def test_a_required_group_left_empty_says_its_fields_go_underneath_and_names_them() -> None:
    (problem,) = _problems_with(("site",), None)
    assert problem.message == "`site` has no value."
    assert problem.fix == (
        "Write its fields on the lines below, indented, each as `name: value`. `site` needs `name`, and can also "
        "have `ods_site_code`. The hospital or unit the ward is in."
    )


def test_a_list_of_groups_written_as_one_group_is_told_to_put_a_dash_before_it_and_what_each_entry_needs() -> None:
    (problem,) = _problems_with(("visiting", "hours"), {"days": ["monday"], "start": "14:00", "end": "16:00"})
    assert problem.fix.startswith("Put `- ` before the first field")
    assert "Each entry of `hours` needs `days`, `start` and `end`." in problem.fix
