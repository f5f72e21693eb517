"""What only Windows would show in the program, imitated on Linux.

A windowed build has no console (``sys.stderr is None``); a file shown in Excel or Acrobat
cannot be replaced; the computer's own program opens attachments and briefings.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.db import Database
from app.errors import FileInUseError


def _hook_sees(exc: BaseException, paths: object) -> None:
    from ui.app import install_excepthook

    previous = sys.excepthook
    install_excepthook(paths)  # type: ignore[arg-type]
    try:
        try:
            raise exc
        except BaseException as raised:
            sys.excepthook(type(raised), raised, raised.__traceback__)
    finally:
        sys.excepthook = previous


def test_the_error_hook_works_without_a_console(qapp, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from app.services.installation import app_paths

    paths = app_paths(home)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(sys, "stderr", None)  # pythonw.exe: no console, no stderr
    _hook_sees(RuntimeError("boom"), paths)
    (report,) = paths.crash_reports.glob("crash-*.txt")
    assert "RuntimeError: boom" in report.read_text(encoding="utf-8")
    assert len(shown) == 1 and str(report) in shown[0]


def test_a_file_in_use_that_escapes_is_a_plain_message_not_a_crash(  # type: ignore[no-untyped-def]
    qapp, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.installation import app_paths

    paths = app_paths(home)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda *_a: pytest.fail("a crash dialog"))
    monkeypatch.setattr(sys, "stderr", None)
    _hook_sees(FileInUseError("C:/Users/kim/Documents/contacts.xlsx"), paths)
    _hook_sees(PermissionError(13, "The process cannot access the file", "C:/x/briefing.pdf"), paths)
    assert warned == [
        "Cannot write C:/Users/kim/Documents/contacts.xlsx: another program is using it. "
        "Close the file in Excel and try again.",
        "Cannot open C:/x/briefing.pdf: another program is using it, or you may not read it. "
        "Close the file in Acrobat or your PDF viewer and try again.",
    ]
    assert not paths.crash_reports.exists()


def test_export_dialog_onto_a_file_open_in_excel_says_close_it(  # type: ignore[no-untyped-def]
    qtbot, demo_sqlite: Database, make_ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.dto import ContactQuery
    from ui.dialogs.export_dialog import ExportDialog

    target = tmp_path / "contacts.xlsx"
    target.write_bytes(b"open in Excel")
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        if Path(dst) == target:
            raise PermissionError(13, "The process cannot access the file", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    dialog = ExportDialog(make_ctx(demo_sqlite), "contact", ContactQuery())
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(1)
    dialog.path.setText(str(target))
    dialog.export_button.click()
    assert dialog.status.text() == (
        f"Cannot write {target}: another program is using it. Close the file in Excel and try again."
    )
    assert target.read_bytes() == b"open in Excel"


def test_save_dialogs_start_in_documents(  # type: ignore[no-untyped-def]
    qtbot, db: Database, make_ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    from app.dto import ContactQuery
    from ui.dialogs.exchange_dialog import ExchangeDialog
    from ui.dialogs.export_dialog import ExportDialog

    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(platformdirs, "user_documents_path", lambda: documents)
    ctx = make_ctx(db)
    export = ExportDialog(ctx, "contact", ContactQuery())
    qtbot.addWidget(export)
    assert Path(export.path.text()).parent == documents
    exchange = ExchangeDialog(ctx)
    qtbot.addWidget(exchange)
    assert Path(exchange.export_path.text()) == documents / "exchange.pdx"


def test_the_program_has_its_icon_in_every_size(qapp) -> None:  # type: ignore[no-untyped-def]
    from ui.app import ICON_SIZES, program_icon

    icon = program_icon()
    assert not icon.isNull()
    assert sorted(s.width() for s in icon.availableSizes()) == list(ICON_SIZES)
    image = icon.pixmap(64, 64).toImage()
    edge = image.pixelColor(8, 32)  # the blue square, left of the rings
    assert edge.alpha() == 255 and edge.blue() > edge.red() + 100
    corner = image.pixelColor(0, 0)  # outside the rounded corner: transparent
    assert corner.alpha() == 0


@pytest.fixture
def os_opens(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The computer's own program, imitated: what it was asked to open."""
    from PySide6.QtGui import QDesktopServices

    opened: list[Path] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())) or True
    )
    return opened


@pytest.fixture
def own_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary folder of the test's own, as %TEMP%."""
    import tempfile

    from app import opened

    folder = tmp_path / "Temp"
    folder.mkdir()
    opened.remove_own_copies()  # an earlier test's copies (in the real temp folder) are not ours
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
    opened.remove_own_copies()


@pytest.mark.parametrize("encrypted", [False, True])
def test_an_attachment_opens_as_a_read_only_copy_with_its_own_name(  # type: ignore[no-untyped-def]
    qtbot, db: Database, make_ctx, tmp_path: Path, os_opens: list[Path], own_temp: Path, encrypted: bool
) -> None:
    import stat

    from app import opened
    from app.dto import OrganizationInput
    from app.enums import RecordKind
    from app.services.attachments import add_attachment, blob_path
    from app.services.organizations import create_organization
    from ui.widgets.attachments import AttachmentsPanel

    if encrypted:  # the stored file is sealed: the copy is the plain content all the same
        db.blob_key = bytes(range(32))
    org = create_organization(db, OrganizationInput(name_ko="예시기관", name_en="Example Institute"))
    source = tmp_path / "2026 협약서 초안.hwp"
    source.write_bytes(b"HWP Document File " + "한글".encode())
    item = add_attachment(db, "organization", org.id, source)
    assert (blob_path(db, item.sha256).read_bytes() == source.read_bytes()) is not encrypted
    panel = AttachmentsPanel(make_ctx(db), RecordKind.ORGANIZATION)
    qtbot.addWidget(panel)
    panel.open_item(item)  # a double click
    panel.open_item(item)
    first, second = os_opens
    assert first.name == second.name == "2026 협약서 초안.hwp"  # the extension picks Hangul
    assert first != second  # a second opening does not replace the first (Hangul may hold it)
    assert first.read_bytes() == source.read_bytes()
    assert not first.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)  # read-only
    assert own_temp in first.parents and db.paths.home not in first.parents
    opened.remove_own_copies()  # as at exit
    assert not first.exists() and not second.exists()
    assert list((own_temp / opened.ROOT_NAME).iterdir()) == []


def test_copies_left_by_an_ended_program_go_at_the_next_start(own_temp: Path) -> None:
    from app import opened
    from app.lock import DatabaseLock

    ended = own_temp / opened.ROOT_NAME / "4242-deadbeef"
    (ended / "a1b2").mkdir(parents=True)
    (ended / "a1b2" / "대외비 브리핑.pdf").write_bytes(b"%PDF-1.7")
    (ended / "a1b2" / "대외비 브리핑.pdf").chmod(0o400)
    running = own_temp / opened.ROOT_NAME / "4343-cafebabe"
    (running / "c3d4").mkdir(parents=True)
    (running / "c3d4" / "minutes.docx").write_bytes(b"PK")
    with DatabaseLock.acquire(running / "owner"):  # that program still runs
        assert opened.remove_stale_copies() == 1
    assert not ended.exists()
    assert (running / "c3d4" / "minutes.docx").exists()


def test_opening_a_briefing_twice_while_acrobat_holds_the_first(  # type: ignore[no-untyped-def]
    qtbot,
    demo_sqlite: Database,
    make_ctx,
    os_opens: list[Path],
    own_temp: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from report_reader import demo_ids

    from ui.dialogs.briefing_dialog import BriefingDialog

    real_replace = os.replace

    def replace(src: str, dst: str) -> None:  # Windows: a file open in Acrobat cannot be replaced
        if Path(dst) in os_opens:
            raise PermissionError(13, "The process cannot access the file", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    dialog = BriefingDialog(make_ctx(demo_sqlite), "agreement", demo_ids(demo_sqlite).agreement, None)
    qtbot.addWidget(dialog)
    dialog.generate()
    first = dialog.open_file()
    second = dialog.open_file()
    assert first is not None and second is not None and first != second
    assert os_opens == [first, second]
    assert first.name == second.name and first.suffix == ".pdf"
    assert second.read_bytes().startswith(b"%PDF")


def test_an_exchange_file_opened_from_explorer_starts_the_program_ready_to_import(  # type: ignore[no-untyped-def]
    qtbot, db: Database, make_ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The installer associates .pdx with ``"Partnership Desk.exe" "%1"``."""
    import argparse

    import ui.app
    from cli import main
    from ui.app import Controller

    started: list[argparse.Namespace] = []
    monkeypatch.setattr(ui.app, "run_gui", lambda args: started.append(args) or 0)
    bundle = tmp_path / "김 주무관 교환.PDX"
    assert main([str(bundle)]) == 0
    (args,) = started
    assert args.exchange_file == str(bundle)

    shown: list[str] = []

    def exec_(dialog) -> int:  # type: ignore[no-untyped-def]
        shown.append(dialog.import_path.text())
        return 0

    from ui.dialogs.exchange_dialog import ExchangeDialog

    monkeypatch.setattr(ExchangeDialog, "exec", exec_)
    controller = Controller(qtbot_app(), db, db.paths, "en")
    controller.ctx = make_ctx(db)
    controller.start()
    qtbot.addWidget(controller.window)
    controller.exchange_file = bundle
    controller.open_exchange_file()
    assert shown == [str(bundle)]
    controller.open_exchange_file()  # offered once
    assert shown == [str(bundle)]


def qtbot_app():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()
