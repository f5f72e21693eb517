"""Shared pieces of the services: loading live records, versions, validation, mapping."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from sqlalchemy import Enum as SAEnum
from sqlalchemy import Select, String, Text, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.errors import ConflictError, NotFoundError, ValidationError
from app.models import Attachment, Entity
from app.text import check_text

if TYPE_CHECKING:
    from app.db import Database

E = TypeVar("E", bound=Entity)
D = TypeVar("D")

EMAIL_RE = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")


def get_live(session: Session, model: type[E], ident: UUID) -> E:
    """The record with ``ident``, or :class:`NotFoundError` when missing or deleted."""
    obj = session.get(model, ident)
    if obj is None or obj.deleted_at is not None:
        raise NotFoundError(model.kind, ident)
    return obj


def insert_record(db: Database, model: type[E], values: dict[str, Any], view: Callable[[E], D]) -> D:
    """Create one record from validated ``values`` and return its view."""
    with db.session() as s:
        obj = model(**values)
        s.add(obj)
        s.flush()
        return view(obj)


def update_record(
    db: Database,
    model: type[E],
    ident: UUID,
    values: dict[str, Any],
    expected_version: int | None,
    view: Callable[[E], D],
    check: Callable[[E], None] | None = None,
) -> D:
    """Apply validated ``values`` to a live record at ``expected_version``; ``check`` may refuse."""
    with db.session() as s:
        obj = get_live(s, model, ident)
        check_version(obj, expected_version)
        if check is not None:
            check(obj)
        apply(obj, values)
        s.flush()
        return view(obj)


def get_record(db: Database, model: type[E], ident: UUID, view: Callable[[E], D]) -> D:
    with db.session() as s:
        return view(get_live(s, model, ident))


def check_version(obj: Entity, expected: int | None) -> None:
    if expected is not None and obj.version != expected:
        raise ConflictError(type(obj).kind, obj.id, expected, obj.version)


def apply(obj: Entity, values: dict[str, Any]) -> None:
    """Set only the attributes that differ, so the audit trail records real changes."""
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)


def to_dto(cls: type[D], obj: object, **overrides: Any) -> D:
    """Build a frozen dataclass from an ORM object's attributes of the same names."""
    names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    values = {n: overrides[n] if n in overrides else getattr(obj, n) for n in names}
    return cls(**values)


def text(value: str | None, field: str, ko: str, en: str, **kw: Any) -> str:
    return check_text(value, field, (ko, en), **kw)


def bilingual_pair(
    ko: str,
    en: str,
    field: str,
    noun: tuple[str, str],
    missing: tuple[str, str],
    max_length: int,
) -> tuple[str, str]:
    """``{field}_ko`` and ``{field}_en`` checked; at least one of them is required.

    ``noun`` names the field ("협약명", "Title"); ``missing`` is the message when both are empty.
    """
    value_ko = text(ko, f"{field}_ko", f"{noun[0]}(한글)", f"{noun[1]} (Korean)", max_length=max_length)
    value_en = text(en, f"{field}_en", f"{noun[0]}(영문)", f"{noun[1]} (English)", max_length=max_length)
    if not value_ko and not value_en:
        raise ValidationError(f"{field}_ko", *missing)
    return value_ko, value_en


def check_email(value: str, field: str = "email") -> str:
    value = text(value, field, "이메일", "E-mail", max_length=320)
    if value and not EMAIL_RE.match(value):
        raise ValidationError(
            field,
            f"이메일 주소 형식이 올바르지 않습니다: {value} (예: name@example.com)",
            f"Not a valid e-mail address: {value} (for example name@example.com)",
        )
    return value


def check_order(
    first: date | datetime | None,
    second: date | datetime | None,
    field: str,
    ko: str,
    en: str,
) -> None:
    """Raise on ``second`` before ``first``; ``ko``/``en`` explain the rule."""
    if first is not None and second is not None and second < first:
        raise ValidationError(field, ko, en)


def soft_delete(session: Session, obj: Entity, expected_version: int | None = None) -> datetime:
    """Tombstone ``obj`` and the files attached to it; returns the time, which restore matches."""
    check_version(obj, expected_version)
    now = clock.now()
    obj.deleted_at = now
    _delete_attachments(session, obj, now)
    return now


def delete_children(session: Session, stmt: Select[E], when: datetime) -> None:
    for child in session.scalars(stmt):
        if child.deleted_at is None:
            child.deleted_at = when
            _delete_attachments(session, child, when)


def restore_children(session: Session, stmt: Select[E], when: datetime) -> None:
    """Bring back the children deleted together with their parent (same tombstone time)."""
    for child in session.scalars(stmt):
        if child.deleted_at == when:
            child.deleted_at = None
            _restore_attachments(session, child, when)


def restore_record(session: Session, model: type[E], ident: UUID) -> tuple[E, datetime]:
    obj = session.get(model, ident)
    if obj is None:
        raise NotFoundError(model.kind, ident)
    if obj.deleted_at is None:
        raise ValidationError(
            "id",
            "삭제되지 않은 항목은 복원할 수 없습니다.",
            "This record is not deleted, so it cannot be restored.",
        )
    when = obj.deleted_at
    obj.deleted_at = None
    _restore_attachments(session, obj, when)
    return obj, when


def _attachments_of(obj: Entity) -> Select[Attachment] | None:
    if isinstance(obj, Attachment):
        return None
    return select(Attachment).where(
        Attachment.owner_kind == type(obj).__tablename__, Attachment.owner_id == obj.id
    )


def _delete_attachments(session: Session, obj: Entity, when: datetime) -> None:
    stmt = _attachments_of(obj)
    if stmt is not None:
        for attachment in session.scalars(stmt.where(Attachment.deleted_at.is_(None))):
            attachment.deleted_at = when


def _restore_attachments(session: Session, obj: Entity, when: datetime) -> None:
    stmt = _attachments_of(obj)
    if stmt is not None:
        for attachment in session.scalars(stmt):
            if attachment.deleted_at == when:
                attachment.deleted_at = None


def like_pattern(text_value: str) -> str:
    escaped = text_value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def text_filter(text_value: str, *columns: Any) -> Any:
    """Case-insensitive substring match of ``text_value`` in any of ``columns`` (LIKE, escaped)."""
    pattern = like_pattern(text_value)
    return or_(*(column.ilike(pattern, escape="\\") for column in columns))


def count_of(session: Session, stmt: Select[*tuple[Any, ...]]) -> int:
    return int(session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0)


def normalize_tags(tags: tuple[str, ...] | list[str]) -> str:
    cleaned: list[str] = []
    for tag in tags:
        value = text(tag, "tags", "태그", "Tag", max_length=60)
        if "," in value:
            raise ValidationError(
                "tags", "태그에는 쉼표(,)를 쓸 수 없습니다.", "A tag cannot contain a comma."
            )
        if value and value not in cleaned:
            cleaned.append(value)
    return "," + ",".join(cleaned) + "," if cleaned else ""


def split_tags(stored: str) -> tuple[str, ...]:
    return tuple(t for t in stored.split(",") if t)


# Where Hangul sits in Unicode: conjoining jamo (decomposed text), compatibility jamo, syllables.
_HANGUL_RANGES = (("\u1100", "\u1200"), ("\u3130", "\u3190"), ("\uac00", "\ud7b0"))


def sort_keys(
    dialect: str, column: Any, descending: bool = False, *, fallback: Any = None, hangul_first: bool = True
) -> list[Any]:
    """ORDER BY terms for a list column, giving the same order on SQLite and PostgreSQL.

    Text is compared by code point (``COLLATE "C"`` on PostgreSQL, SQLite's binary
    order), which for Hangul syllables is 가나다 order and does not depend on the
    server's locale. Names starting with Hangul come first (``hangul_first``), then
    the others (Latin, digits) case-insensitively, and blank values last in either
    direction. ``fallback`` is used where ``column`` is blank (an English-only name
    sorts by its English name). Enumerations sort in their declared order (the
    lifecycle for statuses); dates and numbers with NULL last. Descending reverses the
    order within the groups; Hangul names stay first and blanks last.
    """
    kind = getattr(column, "type", None)
    if isinstance(kind, SAEnum) and kind.enum_class is not None:
        members = [m.value for m in kind.enum_class]
        ranked = case({value: rank for rank, value in enumerate(members)}, value=column, else_=len(members))
        return [ranked.desc() if descending else ranked.asc()]
    if isinstance(kind, String | Text):
        value: Any = func.coalesce(column, literal(""))
        if fallback is not None:
            value = func.coalesce(func.nullif(value, ""), func.coalesce(fallback, literal("")))
        if dialect == "postgresql":
            value = value.collate("C")
        hangul = or_(*(and_(value >= low, value < high) for low, high in _HANGUL_RANGES))
        group = case((value == "", 2), (hangul, 0 if hangul_first else 1), else_=1 if hangul_first else 0)
        folded: Any = func.lower(value)
        if dialect == "postgresql":
            folded = folded.collate("C")
        # The groups keep their places when descending: only the names within them reverse.
        return [group.asc(), *(t.desc() if descending else t.asc() for t in (folded, value))]
    # NULLS LAST (not "IS NULL" first): SQLite then walks the column's index for a descending
    # sort instead of sorting the whole table, and PostgreSQL reads it the same way.
    return [(column.desc() if descending else column.asc()).nulls_last()]
