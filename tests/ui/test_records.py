"""Minutes, history, attachments and search, driven through the widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton

from app.dto import MeetingQuery
from app.enums import ActionStatus
from app.services import contacts, meetings


def _button(panel, text):  # type: ignore[no-untyped-def]
    return next(b for b in panel.findChildren(QPushButton) if b.text() == text)


def _open_meeting(window, title_part: str):  # type: ignore[no-untyped-def]
    window.go_to("meeting")
    lst = window.current_list()
    for row in range(lst.model.rowCount()):
        if title_part in lst.model.data(lst.model.index(row, 1)):
            lst.table.selectRow(row)
            return lst.editor
    raise AssertionError(title_part)


def test_minutes_editor_adds_agenda_decision_action_and_carries_it_over(qtbot, window, answer_dialog) -> None:  # type: ignore[no-untyped-def]
    db = window.ctx.db
    editor = _open_meeting(window, "(3rd)")
    agenda_before = editor.agenda.table.rowCount()

    def agenda(dialog: QDialog) -> None:
        dialog.form.fields["title_en"].setText("Timeline review")
        dialog.form.fields["discussion_en"].setPlainText("Agreed to keep the schedule.")

    answer_dialog("Save", agenda)
    qtbot.mouseClick(_button(editor.agenda, "Add agenda item…"), Qt.MouseButton.LeftButton)
    assert editor.agenda.table.rowCount() == agenda_before + 1
    assert editor.agenda.table.item(agenda_before, 1).text() == "Timeline review"

    answer_dialog("Save", lambda d: d.form.fields["text_en"].setPlainText("Hold a workshop in spring."))
    qtbot.mouseClick(_button(editor.decisions, "Add decision…"), Qt.MouseButton.LeftButton)
    assert "Hold a workshop in spring." in [
        editor.decisions.table.item(r, 1).text() for r in range(editor.decisions.table.rowCount())
    ]

    person = contacts.list_contacts(db)[0]

    def action(dialog: QDialog) -> None:
        dialog.form.fields["title_en"].setText("Send the draft programme")
        dialog.form.fields["owner_contact_id"].set_value(person.id, person.name_en)

    answer_dialog("Save", action)
    qtbot.mouseClick(_button(editor.actions_table, "Add action item…"), Qt.MouseButton.LeftButton)
    row = next(
        i for i, a in enumerate(editor.actions_table.items) if a.title_en == "Send the draft programme"
    )
    item = editor.actions_table.items[row]
    assert item.owner_contact_id == person.id

    # Carry it over: the next meeting is offered (the workshop held in New York, in its zone).
    third = editor.detail.record
    query = MeetingQuery(starts_from=third.starts_at, sort="starts_at", descending=False)
    later = next(m for m in meetings.list_meetings(db, query) if m.id != third.id)
    assert later.time_zone == "America/New_York"
    editor.actions_table.select_row(row)
    seen = answer_dialog("Carry over")
    qtbot.mouseClick(_button(editor.actions_table, "Carry over…"), Qt.MouseButton.LeftButton)
    assert later.title_en in seen[0]
    statuses = {a.title_en: a.status for a in editor.actions_table.items}
    assert statuses["Send the draft programme"] == ActionStatus.CARRIED_OVER
    carried = meetings.meeting_detail(db, later.id).action_items
    assert any(a.title_en == "Send the draft programme" and a.status == ActionStatus.OPEN for a in carried)


def test_history_restores_an_earlier_value(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.go_to("organization")
    lst = window.current_list()
    lst.table.selectRow(0)
    editor = lst.editor
    original = editor.form.text("short_name")
    editor.form.set_text("short_name", "CHANGED")
    window.save_action.trigger()
    assert editor.form.text("short_name") == "CHANGED"
    tree = editor.history.tree
    top = tree.topLevelItem(0)  # newest first
    child = next(top.child(i) for i in range(top.childCount()) if top.child(i).text(0) == "Short name")
    assert child.text(3) == "CHANGED"
    tree.setCurrentItem(child)
    assert editor.history.restore_button.isEnabled()
    qtbot.mouseClick(editor.history.restore_button, Qt.MouseButton.LeftButton)
    assert editor.form.text("short_name") == original


def test_attachment_added_by_drop_and_pdf_previewed(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    window.go_to("agreement")
    lst = window.current_list()
    lst.table.selectRow(0)
    panel = lst.editor.attachments
    before = panel.table.rowCount()
    pdf = tmp_path / "signed-copy.pdf"
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(pdf))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawText(100, 100, "Signed copy")
    painter.end()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pdf))])
    event = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    panel.dropEvent(event)
    assert panel.table.rowCount() == before + 1
    names = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    assert "signed-copy.pdf" in names
    panel.table.selectRow(names.index("signed-copy.pdf"))
    panel.preview_current()
    from ui.widgets.pdf_window import PdfWindow

    previews = [w for w in panel.findChildren(PdfWindow)]
    assert previews and previews[-1].document.pageCount() == 1
    previews[-1].close()


def test_global_search_groups_results_and_opens_the_record(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.focus_search()
    qtbot.keyClicks(window.search, "packaging")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    dialog = window.search_results
    tree = dialog.tree
    assert tree.topLevelItemCount() >= 1
    group = tree.topLevelItem(0)
    assert group.childCount() >= 1
    hit = group.child(0)
    dialog._activate(hit)
    kind, ident = hit.data(0, Qt.ItemDataRole.UserRole)
    assert window.current_view() == kind
    assert window.current_list().editor.ident == ident


def test_commitment_shows_its_party_and_saves_a_new_status(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from app.dto import CommitmentQuery
    from app.enums import CommitmentStatus
    from app.services import commitments

    db = window.ctx.db
    target = next(c for c in commitments.list_commitments(db, CommitmentQuery()) if c.party_id is not None)
    window.open_record("commitment", target.id)
    editor = window.current_list().editor
    assert editor.party.currentText() == target.organization_name_en
    new = CommitmentStatus.DONE if target.status != CommitmentStatus.DONE else CommitmentStatus.IN_PROGRESS
    editor.status.set_value(new)
    window.save_action.trigger()
    saved = commitments.get_commitment(db, target.id)
    assert saved.status is new
    assert saved.party_id == target.party_id
    assert editor.status.currentText() == new.label("en")
