"""Deleting a record as an undoable command (Ctrl+Z restores it for the rest of the session)."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtGui import QUndoCommand

from app.enums import RecordKind
from app.services import agreements, commitments, contacts, meetings, organizations
from app.services.opening import Database
from ui.context import UiContext
from ui.i18n import tr

ServiceFn = Callable[[Database, UUID], object]


def _services(kind: RecordKind) -> tuple[ServiceFn, ServiceFn]:
    """The service functions that delete and restore a record of ``kind``."""
    return {
        RecordKind.AGREEMENT: (agreements.delete_agreement, agreements.restore_agreement),
        RecordKind.ORGANIZATION: (organizations.delete_organization, organizations.restore_organization),
        RecordKind.CONTACT: (contacts.delete_contact, contacts.restore_contact),
        RecordKind.MEETING: (meetings.delete_meeting, meetings.restore_meeting),
        RecordKind.COMMITMENT: (commitments.delete_commitment, commitments.restore_commitment),
    }[kind]


class DeleteCommand(QUndoCommand):
    def __init__(
        self,
        ctx: UiContext,
        kind: RecordKind,
        ident: UUID,
        label: str,
        changed: Callable[[RecordKind, UUID, bool], None],
    ) -> None:
        super().__init__(tr("Delete “{label}”").format(label=label))
        self.ctx = ctx
        self.kind = kind
        self.ident = ident
        self.changed = changed  # (kind, id, deleted)

    def redo(self) -> None:
        delete, _restore = _services(self.kind)
        self.ctx.runner.run(
            delete,
            self.ctx.database,
            self.ident,
            on_done=lambda _r: self.changed(self.kind, self.ident, True),
        )

    def undo(self) -> None:
        _delete, restore = _services(self.kind)
        self.ctx.runner.run(
            restore,
            self.ctx.database,
            self.ident,
            on_done=lambda _r: self.changed(self.kind, self.ident, False),
        )
