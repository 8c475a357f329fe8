"""Look up a field of the model by its path: its description, allowed names and enum values.

The problem reporter uses this to say what a field is for, suggest a field name, or list
the allowed words, straight from the model, so messages never drift from the code.
"""

from __future__ import annotations

import types
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

FieldPath = tuple[str | int, ...]


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types inside Optional, Annotated, list and union annotations."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _unwrap(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [t for arg in get_args(annotation) for t in _unwrap(arg) if t is not type(None)]
    if origin in (list, tuple, set):
        return _unwrap(get_args(annotation)[0])
    return [annotation]


def model_at(root: type[BaseModel], path: FieldPath) -> type[BaseModel] | None:
    """The model class that holds the fields at ``path`` (list indexes are skipped)."""
    current: type[BaseModel] | None = root
    for part in path:
        if isinstance(part, int):
            continue
        if current is None or part not in current.model_fields:
            return None
        models = [
            t
            for t in _unwrap(current.model_fields[part].annotation)
            if isinstance(t, type) and issubclass(t, BaseModel)
        ]
        current = models[0] if models else None
    return current


def field_at(root: type[BaseModel], path: FieldPath) -> FieldInfo | None:
    """The field definition for the last name in ``path``, if the path names a model field."""
    names = [i for i, part in enumerate(path) if isinstance(part, str)]
    if not names:
        return None
    last = names[-1]
    parent = model_at(root, path[:last])
    if parent is None:
        return None
    return parent.model_fields.get(str(path[last]))


def enum_at(root: type[BaseModel], path: FieldPath) -> type[Enum] | None:
    """The enumeration a field's value must come from, if it has one."""
    info = field_at(root, path)
    if info is None:
        return None
    enums = [t for t in _unwrap(info.annotation) if isinstance(t, type) and issubclass(t, Enum)]
    return enums[0] if enums else None


def bounds_at(root: type[BaseModel], path: FieldPath) -> tuple[Any, Any]:
    """The smallest and largest values a number field allows, from its ``ge``/``le`` constraints."""
    info = field_at(root, path)
    low = high = None
    for rule in info.metadata if info else []:
        low = getattr(rule, "ge", low)
        high = getattr(rule, "le", high)
    return low, high


def description_at(root: type[BaseModel], path: FieldPath) -> str:
    """The field's description, or an empty string."""
    info = field_at(root, path)
    return (info.description or "") if info else ""
