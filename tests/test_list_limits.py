"""Every list a provider writes has a limit, and going over it is one clear problem naming the field and limit."""

from __future__ import annotations

import types
from typing import Annotated, Any, Union, get_args, get_origin

from annotated_types import MaxLen
from pydantic import BaseModel

from tests.test_injection import _merged_sample_ward
from wardsite.loading.validate import validate_model
from wardsite.model import Provider, Ward
from wardsite.model.types import LIST_LIMIT
from wardsite.problems import Mark


def _list_fields(model: type[BaseModel], seen: set[type] | None = None) -> list[tuple[str, Any]]:
    """Every field of ``model`` and the models inside it whose value is a list: (dotted name, field info)."""
    seen = seen if seen is not None else set()
    if model in seen:
        return []
    seen.add(model)
    found = []
    for name, info in model.model_fields.items():
        stack = [info.annotation]
        while stack:
            annotation = stack.pop()
            origin = get_origin(annotation)
            if origin is list:
                found.append((f"{model.__name__}.{name}", info))
            if origin in (list, Annotated, Union, types.UnionType):
                stack.extend(get_args(annotation)[:1] if origin is Annotated else get_args(annotation))
            elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
                found.extend(_list_fields(annotation, seen))
    return found


def test_every_list_in_the_ward_and_provider_models_has_a_limit() -> None:
    fields = _list_fields(Ward) + _list_fields(Provider)
    assert len(fields) > 25
    unlimited = [name for name, info in fields if not any(isinstance(m, MaxLen) for m in info.metadata)]
    assert unlimited == []


def test_twenty_five_thousand_things_to_bring_is_one_problem_naming_the_field_and_its_limit() -> None:
    data = _merged_sample_ward()
    data["daily_life"]["what_to_bring"] = [f"Item {n}" for n in range(25_000)]
    ward, problems = validate_model(Ward, data, lambda path: Mark("ward.yaml", 40, 3))
    assert ward is None
    assert [(p.path, p.message, p.fix) for p in problems] == [
        (
            "daily_life.what_to_bring",
            f"the list has 25,000 entries; `what_to_bring` can have at most {LIST_LIMIT}.",
            f"Keep the {LIST_LIMIT} that matter most to patients and visitors, and delete the rest: "
            "a long list is hard to read, on screen and printed.",
        )
    ]


def test_a_list_at_its_limit_is_accepted() -> None:
    data = _merged_sample_ward()
    data["daily_life"]["what_to_bring"] = [f"Item {n}" for n in range(LIST_LIMIT)]
    ward, problems = validate_model(Ward, data, lambda path: Mark("ward.yaml", 1, 1))
    assert problems == [] and ward is not None
