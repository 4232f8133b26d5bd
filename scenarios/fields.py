"""Finding, for a path in a scenario file, which schema field it is: its French key, its
description and the keys allowed beside it. Used to word errors and to check variant paths."""

from __future__ import annotations

import types
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .model import Scenario


@dataclass(frozen=True)
class FieldSpot:
    """Where a path lands in the schema."""

    owner: type[BaseModel] | None  # the model holding the last key, if any
    info: FieldInfo | None  # the field itself, if the last part is a key of `owner`
    annotation: Any  # the type expected at that place


def aliases(model: type[BaseModel]) -> dict[str, FieldInfo]:
    return {(info.alias or name): info for name, info in model.model_fields.items()}


def _strip(annotation: Any) -> Any:
    """Remove Annotated[...] and Optional[...] wrappers."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def spot(loc: tuple[Any, ...], root: type[BaseModel] = Scenario) -> FieldSpot | None:
    """The schema place of `loc` (keys are French aliases, list positions are ints or ids);
    None when the path leaves the schema."""
    annotation: Any = root
    owner: type[BaseModel] | None = None
    info: FieldInfo | None = None
    for part in loc:
        annotation = _strip(annotation)
        origin = get_origin(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            fields = aliases(annotation)
            if not isinstance(part, str) or part not in fields:
                return None
            owner, info = annotation, fields[part]
            annotation = info.annotation
            # keep Annotated metadata of the field visible to callers through `info`
        elif origin is list:
            (annotation,) = get_args(annotation)
            owner, info = None, None
        elif origin is dict:
            annotation = get_args(annotation)[1]
            owner, info = None, None
        else:
            return None
    return FieldSpot(owner, info, _strip(annotation))


def is_list(annotation: Any) -> bool:
    return get_origin(_strip(annotation)) is list


def enum_values(annotation: Any) -> list[str]:
    annotation = _strip(annotation)
    if get_origin(annotation) is list:
        annotation = _strip(get_args(annotation)[0])
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [member.value for member in annotation]
    return []
