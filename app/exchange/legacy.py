"""Reading what the version before migration 0011 wrote: one text field where there are two now.

Archives and exchange files of that version carry a meeting's ``title``, ``place`` and
``summary``, a position's ``title``... (``app.models.SPLIT_IN_0011``) where this version
keeps ``title_ko`` and ``title_en``; their history (audit events) and conflicts name the
old fields too, and so do the events a database recorded before it was upgraded. Each
old value is read with :func:`app.text.split_by_script`, the migration's rule: text with
Hangul is Korean, Latin-only text English, a text with both kinds of paragraph split by
paragraph. An old field that is present beside one of its new halves is not taken as old
(the row is then refused as it would be today).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy.sql.schema import ScalarElementColumnDefault, Table

from app.exchange.common import conflict_id
from app.exchange.rows import dump_value
from app.models import SPLIT_IN_0011
from app.text import split_by_script

OLD_FIELDS: dict[str, frozenset[str]] = {table: frozenset(names) for table, names in SPLIT_IN_0011.items()}
HALVES = ("_ko", "_en")


def split_value(value: Any) -> tuple[Any, Any]:
    """(Korean, English) of an old field's value; a value that is not text goes to both halves
    (``None`` before a record existed; anything else is refused where it is checked)."""
    if isinstance(value, str):
        return split_by_script(value)
    return value, value


def _old_keys(kind: str, names: Mapping[str, Any] | Sequence[str]) -> list[str]:
    old = OLD_FIELDS.get(kind)
    if not old:
        return []
    present = set(names)
    return [n for n in old if n in present and not any(n + half in present for half in HALVES)]


def modern_row(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    """``row`` of table ``kind`` with each old field replaced by its Korean and English halves."""
    old = _old_keys(kind, row)
    if not old:
        return row
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key in old:
            out[key + "_ko"], out[key + "_en"] = split_value(value)
        else:
            out[key] = value
    return out


def modern_changes(kind: str, changes: Any) -> Any:
    """An event's ``{field: [before, after]}`` with each old field given as the halves it changed.

    A half whose value is the same before and after is left out, as an edit leaves out the
    fields it did not change (and a new record its empty fields), so that the field clocks
    an exchange merges by say which language an old edit touched."""
    if not isinstance(changes, dict):
        return changes
    old = _old_keys(kind, changes)
    if not old:
        return changes
    out: dict[str, Any] = {}
    for key, pair in changes.items():
        if key not in old or not (isinstance(pair, list) and len(pair) == 2):
            out[key] = pair
            continue
        before, after = split_value(pair[0]), split_value(pair[1])
        for i, half in enumerate(HALVES):
            if before[i] == after[i] or (before[i] in (None, "") and after[i] in (None, "")):
                continue
            out[key + half] = [before[i], after[i]]
    return out


def modern_event(event: dict[str, Any]) -> dict[str, Any]:
    """An audit event (as parsed: ``entity_kind``, ``changes``) with its changes in today's fields."""
    changes = modern_changes(str(event.get("entity_kind", "")), event.get("changes"))
    return event if changes is event.get("changes") else {**event, "changes": changes}


def modern_conflicts(row: dict[str, Any]) -> list[dict[str, Any]]:
    """A conflict (as parsed) on an old field as one conflict per half the two values differ in,
    each with the id the merge gives a conflict between the same two edits of that field."""
    kind, name = str(row.get("entity_kind", "")), row.get("field")
    if name not in OLD_FIELDS.get(kind, ()):
        return [row]
    try:
        winner, loser = (
            split_value(json.loads(row["winner_value"])),
            split_value(json.loads(row["loser_value"])),
        )
    except (TypeError, ValueError):
        return [row]  # not JSON: refused where it is checked (a field that does not exist)
    out: list[dict[str, Any]] = []
    for i, half in enumerate(HALVES):
        if winner[i] == loser[i]:
            continue
        field = f"{name}{half}"
        ident = conflict_id(
            kind, row["entity_id"], field, str(row["winner_event_id"]), str(row["loser_event_id"])
        )
        out.append(
            {
                **row,
                "id": ident,
                "field": field,
                "winner_value": _order(winner[i]),
                "loser_value": _order(loser[i]),
            }
        )
    return out


def _order(value: Any) -> str:
    return json.dumps(dump_value(value), sort_keys=True, ensure_ascii=False)


RowReader = Callable[[Any], Any]


def old_row_reader(table: Table, columns: Any) -> RowReader | None:
    """For a table's header as an earlier version wrote it: a function turning each of its rows
    (a list of JSON values) into a row in this version's columns; ``None`` when it cannot.

    An old one-language column gives both of its halves; a column the file lacks takes its
    default (a meeting's ``time_zone``: Asia/Seoul) or, if it may be empty, ``None``."""
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        return None
    if len(set(columns)) != len(columns):
        return None
    old = OLD_FIELDS.get(table.name, frozenset())
    current = [c.name for c in table.columns]
    if set(columns) - set(current) - old:
        return None
    at = {name: i for i, name in enumerate(columns)}
    splits = [at[name] for name in old if name in at and not any(name + h in at for h in HALVES)]
    if set(columns) - set(current) - {columns[i] for i in splits}:
        return None
    plan: list[tuple[int, int, Any]] = []  # (column, half or -1 for the value itself, default)
    for col in table.columns:
        base = col.name[:-3]
        if col.name in at:
            plan.append((at[col.name], -1, None))
        elif col.name.endswith(HALVES) and base in at and at[base] in splits:
            plan.append((at[base], HALVES.index(col.name[-3:]), None))
        elif isinstance(col.default, ScalarElementColumnDefault):
            plan.append((-1, -1, dump_value(col.default.arg)))
        elif col.nullable:
            plan.append((-1, -1, None))
        else:
            return None
    width = len(columns)

    def read(raw: Any) -> Any:
        if not isinstance(raw, list) or len(raw) != width:
            return raw  # refused by the codec, with its row number
        halves = {i: split_value(raw[i]) for i in splits}
        return [default if i < 0 else raw[i] if half < 0 else halves[i][half] for i, half, default in plan]

    return read


__all__ = [
    "OLD_FIELDS",
    "modern_changes",
    "modern_conflicts",
    "modern_event",
    "modern_row",
    "old_row_reader",
    "split_value",
]
