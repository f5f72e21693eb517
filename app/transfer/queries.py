"""The filter of a list as the program shows it, without its page: the whole list an export writes."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, TypeVar

from app.errors import ValidationError

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Query = TypeVar("Query", bound="DataclassInstance")


def unpaged(query: object | None, cls: type[Query]) -> Query:
    """``query`` (a ``cls``, or None for no filter) with no offset and no limit."""
    if query is None:
        return cls()
    if not isinstance(query, cls):
        raise ValidationError(
            "query", "목록 조건이 이 항목과 맞지 않습니다.", f"The filter is not a {cls.__name__}."
        )
    return dataclasses.replace(query, offset=0, limit=None)
