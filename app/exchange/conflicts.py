"""Reviewing the conflicts an exchange resolved, and reversing one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast
from uuid import UUID

from sqlalchemy import Column, select

from app import clock
from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.exchange.legacy import modern_conflicts
from app.exchange.rows import converter, dump_value
from app.models import ENTITY_BY_TABLE, Conflict


@dataclass(frozen=True)
class ConflictView:
    id: UUID
    kind: str  # table name of the record
    record_id: UUID
    record_label: str
    field: str
    winner_value: Any  # the value kept
    loser_value: Any  # the value overwritten; reversing puts it back
    winner_device: str
    loser_device: str
    winner_at: datetime | None
    loser_at: datetime | None
    detected_at: datetime
    reversed_at: datetime | None
    reversed_by: str
    record_label_en: str = ""  # the record in English (``record_label``: in Korean), each else the other

    def label(self, lang: str = "ko") -> str:
        """The record as named in ``lang``, else in the other language."""
        return (self.record_label_en or self.record_label) if lang == "en" else self.record_label


def list_conflicts(db: Database, *, include_reversed: bool = True) -> list[ConflictView]:
    stmt = select(Conflict).order_by(Conflict.detected_at.desc(), Conflict.id)
    if not include_reversed:
        stmt = stmt.where(Conflict.reversed_at.is_(None))
    with db.session() as s:
        out: list[ConflictView] = []
        for c in s.scalars(stmt):
            model = ENTITY_BY_TABLE.get(c.entity_kind)
            obj = s.get(model, c.entity_id) if model is not None else None
            out.append(_view(c, _labels(obj) if obj is not None else (str(c.entity_id),) * 2))
        return out


def reverse_conflict(db: Database, ident: UUID) -> ConflictView:
    """Put the overwritten value back (a normal edit, so it travels to the other databases)."""
    with db.session() as s:
        conflict = s.get(Conflict, ident)
        if conflict is None:
            raise NotFoundError("conflict", ident)
        if conflict.reversed_at is not None:
            raise ValidationError(
                "conflict", "이 충돌은 이미 되돌렸습니다.", "This conflict has already been reversed."
            )
        model = ENTITY_BY_TABLE.get(conflict.entity_kind)
        obj = s.get(model, conflict.entity_id) if model is not None else None
        if model is None or obj is None:
            raise NotFoundError(conflict.entity_kind, conflict.entity_id)
        # A conflict recorded before migration 0011 names a one-language field: its two halves.
        row = {c.name: getattr(conflict, c.name) for c in Conflict.__table__.columns}
        halves = [row] if conflict.field in model.__table__.c else modern_conflicts(row)
        for half in halves:
            current = json.dumps(dump_value(getattr(obj, half["field"])), sort_keys=True, ensure_ascii=False)
            if current != half["winner_value"]:
                raise ValidationError(
                    "conflict",
                    "충돌 뒤에 이 항목이 다시 변경되어 되돌릴 수 없습니다. 변경 이력에서 값을 복원하십시오.",
                    "The field was changed again after the conflict, so it cannot be reversed here; "
                    "restore the value from the record's history instead.",
                )
        for half in halves:
            column = cast(Column[Any], model.__table__.c[half["field"]])
            raw = json.loads(half["loser_value"])
            value = None if raw is None else converter(column)(raw)
            enum_class = getattr(column.type, "enum_class", None)
            if value is not None and enum_class is not None:
                value = enum_class(value)
            setattr(obj, half["field"], value)
        conflict.reversed_at = clock.now()
        conflict.reversed_by = str(s.info.get("actor", ""))
        s.flush()
        return _view(conflict, _labels(obj))


def _view(c: Conflict, labels: tuple[str, str]) -> ConflictView:
    return ConflictView(
        id=c.id,
        kind=c.entity_kind,
        record_id=c.entity_id,
        record_label=labels[0],
        field=c.field,
        winner_value=json.loads(c.winner_value),
        loser_value=json.loads(c.loser_value),
        winner_device=c.winner_device,
        loser_device=c.loser_device,
        winner_at=c.winner_at,
        loser_at=c.loser_at,
        detected_at=c.detected_at,
        reversed_at=c.reversed_at,
        reversed_by=c.reversed_by,
        record_label_en=labels[1],
    )


_NAMES = ("title", "name", "text", "guest_name")  # what names a record, by kind


def _labels(obj: object) -> tuple[str, str]:
    """The record's name in Korean and in English, each falling back to the other."""
    ko = next((str(v) for a in _NAMES if (v := getattr(obj, f"{a}_ko", ""))), "")
    en = next((str(v) for a in _NAMES if (v := getattr(obj, f"{a}_en", ""))), "")
    fallback = str(getattr(obj, "filename", "") or getattr(obj, "id", ""))
    return ko or en or fallback, en or ko or fallback
