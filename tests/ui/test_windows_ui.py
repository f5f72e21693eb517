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
