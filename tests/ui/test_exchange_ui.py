"""Exchange, conflicts, backups, passphrase and idle lock in the program."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from factories import org
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMainWindow, QPushButton

from app.db import Database
from app.dto import OrganizationInput
from app.exchange import export_bundle, import_bundle
from app.paths import app_paths
from app.services import organizations
from app.services.opening import PROGRAM_PAGE_CACHE_KIB, open_database
from ui.dialogs.backups_dialog import BackupsDialog
from ui.dialogs.exchange_dialog import ExchangeDialog
from ui.dialogs.passphrase_dialog import PassphraseDialog
from ui.idle_lock import IdleLock
from ui.views.conflicts_view import ConflictsView
from ui.widgets.marked import OTHER_LANGUAGE_ROLE


def _other(tmp_path: Path) -> Database:
    return open_database(str(tmp_path / "laptop.sqlite3"), paths=app_paths(tmp_path / "laptop-home"))


def test_export_encrypted_then_import_on_another_computer(
    qtbot, db: Database, make_ctx, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    org(db, "교환할 기관", "Body to exchange")
    asked: list[bool] = []

    def ask(parent: object, confirm: bool = False, message: str = "") -> str:
        asked.append(confirm)
        return "a good passphrase"

    dialog = ExchangeDialog(make_ctx(db), ask=ask)
    qtbot.addWidget(dialog)
    target = tmp_path / "to-laptop.pdx"
    dialog.export_path.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "Exported 1 records" in dialog.result_label.text()
    assert "encrypted" in dialog.result_label.text()
    assert asked == [True]
    assert b"Body to exchange" not in target.read_bytes()

    other = _other(tmp_path)
    dialog2 = ExchangeDialog(make_ctx(other), ask=ask)
    qtbot.addWidget(dialog2)
    dialog2.import_path.setText(str(target))
    qtbot.mouseClick(dialog2.import_button, Qt.MouseButton.LeftButton)
    assert "1 new" in dialog2.result_label.text()
    assert asked == [True, False]
    assert [o.name_en for o in organizations.list_organizations(other)] == ["Body to exchange"]

    wrong = ExchangeDialog(make_ctx(other), ask=lambda *a, **k: "wrong")
    qtbot.addWidget(wrong)
    wrong.import_path.setText(str(target))
    qtbot.mouseClick(wrong.import_button, Qt.MouseButton.LeftButton)
    assert "Wrong passphrase" in wrong.result_label.text()
    other.close()


def test_conflicts_are_listed_and_one_is_reversed(
    qtbot, db: Database, make_ctx, tmp_path: Path, test_clock
) -> None:  # type: ignore[no-untyped-def]
    other = _other(tmp_path)
    rec = org(db, "원래 이름")
    export_bundle(db, tmp_path / "a.pdx")
    import_bundle(other, tmp_path / "a.pdx")
    organizations.update_organization(db, rec.id, OrganizationInput(name_ko="사무국", org_kind=rec.org_kind))
    test_clock.advance(timedelta(minutes=5))  # the second edit is made later
    organizations.update_organization(
        other, rec.id, OrganizationInput(name_ko="출장지", org_kind=rec.org_kind)
    )
    export_bundle(other, tmp_path / "b.pdx")
    import_bundle(db, tmp_path / "b.pdx")

    view = ConflictsView(make_ctx(db))
    qtbot.addWidget(view)
    assert view.table.rowCount() == 1
    cells = [view.table.item(0, c).text() for c in range(view.table.columnCount())]
    assert cells[2:5] == ["Name (Korean)", "출장지", "사무국"]  # the field as a person reads it
    # The organization has no English name: the English UI shows its Korean one, marked.
    assert cells[1] == "Organization: 출장지"
    assert view.table.item(0, 1).data(OTHER_LANGUAGE_ROLE) == "ko"
    assert not view.reverse_button.isEnabled()
    view.table.selectRow(0)
    assert view.reverse_button.isEnabled()
    qtbot.mouseClick(view.reverse_button, Qt.MouseButton.LeftButton)
    assert organizations.get_organization(db, rec.id).name_ko == "사무국"
    assert view.table.item(0, 5).text() == "Reversed"
    view.table.selectRow(0)
    assert not view.reverse_button.isEnabled()
    other.close()


def test_backups_dialog_backs_up_and_restores(qtbot, db: Database, make_ctx) -> None:  # type: ignore[no-untyped-def]
    org(db, "백업에 있는 기관")
    ctx = make_ctx(db)
    dialog = BackupsDialog(ctx, confirm=lambda question: "backed up first" in question)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert "Backup written" in dialog.message.text()
    assert dialog.table.rowCount() >= 1
    org(ctx.db, "백업 뒤 기관")
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.restored):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "previous state was kept" in dialog.message.text()
    assert [o.name_ko for o in organizations.list_organizations(ctx.db)] == ["백업에 있는 기관"]
    with ctx.db.engine.connect() as conn:  # opened again as at start: with the program's page cache
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -PROGRAM_PAGE_CACHE_KIB
    ctx.db.close()


def test_passphrase_dialog_wants_two_equal_long_entries(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PassphraseDialog(confirm=True)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.passphrase.setText("short")
    assert "at least 8" in dialog.problem.text()
    dialog.passphrase.setText("long enough phrase")
    dialog.repeat.setText("long enough phrasX")
    assert "differ" in dialog.problem.text() and not ok.isEnabled()
    dialog.repeat.setText("long enough phrase")
    assert ok.isEnabled()


def test_idle_lock_hides_the_window_until_the_passphrase_is_given(
    qtbot, paths, make_ctx, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    encrypted = open_database(str(tmp_path / "enc.sqlite3"), paths=paths, passphrase="open sesame")
    window = QMainWindow()
    qtbot.addWidget(window)
    content = QPushButton("secret content", window)
    window.setCentralWidget(content)
    answers = iter(["wrong", "open sesame"])
    lock = IdleLock(make_ctx(encrypted), window, minutes=0.001, ask=lambda parent: next(answers))
    with qtbot.waitSignal(lock.locked, timeout=2000):
        pass
    assert window.centralWidget() is not content
    assert not lock.try_unlock()
    assert lock.screen is not None and "Wrong passphrase" in lock.screen.message.text()
    assert lock.try_unlock()
    assert window.centralWidget() is content
    encrypted.close()
