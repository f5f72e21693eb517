"""The briefing dialog: choose, generate through the runner, preview, save, open."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from report_reader import demo_ids, read_docx, read_pdf

from app.db import Database
from app.paths import AppPaths
from app.services.opening import open_database
from ui.context import UiContext
from ui.dialogs.briefing_dialog import BriefingDialog
from ui.runner import SyncRunner


@pytest.fixture(scope="module")
def shared_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The dialog only reads: one demo database for the module (loading takes a second)."""
    from app.demo import load_demo
    from app.paths import app_paths

    database = open_database(paths=app_paths(tmp_path_factory.mktemp("dialog-home")))
    load_demo(database)
    yield database
    database.close()


@pytest.fixture
def ctx(shared_demo: Database, paths: AppPaths, qtbot: QtBot) -> UiContext:
    return UiContext(db=shared_demo, paths=paths, runner=SyncRunner(paths), language="en")


def make(ctx: UiContext, qtbot: QtBot, kind: str, target: uuid.UUID | None) -> BriefingDialog:
    dialog = BriefingDialog(ctx, kind, target, None)
    qtbot.addWidget(dialog)
    return dialog


def test_generate_preview_and_save_pdf(ctx: UiContext, qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtPdf import QPdfDocument

    ids = demo_ids(ctx.db)
    dialog = make(ctx, qtbot, "agreement", ids.agreement)
    assert dialog.type_combo.currentText() == "Agreement briefing"
    assert not dialog.save_button.isEnabled() and not dialog.open_button.isEnabled()
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("ko"))
    dialog.marking_combo.setEditText("대외비")
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)

    assert dialog.document.status() == QPdfDocument.Status.Ready
    pages = dialog.document.pageCount()
    assert pages >= 3
    assert f"{pages} page" in dialog.status.text()
    assert dialog.save_button.isEnabled() and dialog.open_button.isEnabled()
    assert "협약 브리핑" in dialog.suggested_name() and dialog.suggested_name().endswith(".pdf")

    target = tmp_path / "saved.pdf"
    dialog.ask_save_path = lambda: target  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    pdf = read_pdf(target.read_bytes())
    assert pdf.has("반도체 첨단 패키징 기술개발 협력 협약") and all("대외비" in p for p in pdf.pages)
    assert str(target) in dialog.status.text()

    # Changing an option asks for a new generation before saving again.
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("docx"))
    assert not dialog.save_button.isEnabled()
    assert "Generate" in dialog.status.text()


def test_word_format_still_previews(
    ctx: UiContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = demo_ids(ctx.db)
    dialog = make(ctx, qtbot, "meeting", ids.held_meeting)
    keys = [dialog.type_combo.itemData(i) for i in range(dialog.type_combo.count())]
    assert keys == ["premeeting", "minutes"]
    assert dialog.type_combo.currentData() == "minutes"  # the meeting has taken place
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("docx"))
    dialog.generate()
    assert dialog.document.pageCount() >= 1
    saved = dialog.save_to(tmp_path / "minutes.docx")
    assert saved is not None and read_docx(saved.read_bytes()).has("Decisions")

    opened: list[str] = []
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    path = dialog.open_file()
    assert path is not None and opened == [str(path)] and path.suffix == ".docx" and path.exists()


def test_save_failure_is_reported_not_raised(
    ctx: UiContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog = make(ctx, qtbot, "portfolio", None)
    assert dialog.type_combo.currentData() == "portfolio"
    dialog.filter_combo.setCurrentIndex(3)  # expired or terminated
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("en"))
    dialog.generate()
    assert dialog.generated is not None
    pdf = read_pdf(dialog.generated.data)
    assert pdf.has("Agreements (filtered)") and pdf.has("Example agreement on system-semiconductor skills")
    assert not pdf.has("Example MOU on next-generation power semiconductors")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert dialog.save_to(blocker / "p.pdf") is None
    assert warnings and "could not be saved" in warnings[0]


def test_unknown_record_shows_the_error(ctx: UiContext, qtbot: QtBot) -> None:
    dialog = make(ctx, qtbot, "agreement", uuid.UUID(int=5))
    dialog.generate()
    assert "No agreement" in dialog.status.text()
    assert dialog.generate_button.isEnabled() and not dialog.save_button.isEnabled()


def test_a_record_kind_without_briefings(ctx: UiContext, qtbot: QtBot) -> None:
    dialog = make(ctx, qtbot, "contact", uuid.UUID(int=5))
    assert dialog.type_combo.count() == 0
    assert not dialog.generate_button.isEnabled()
    assert "no briefing" in dialog.status.text()


def test_hangul_format_previews_saves_hwpx_with_the_settings_date_line(
    ctx: UiContext, qtbot: QtBot, tmp_path: Path
) -> None:
    from hwpx import HwpxDocument, validate_package

    from app.services.settings import set_setting

    set_setting(ctx.paths, "department", "반도체과")
    ids = demo_ids(ctx.db)
    dialog = make(ctx, qtbot, "agreement", ids.agreement)
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("ko"))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("hwpx"))
    assert dialog.format_combo.currentText() == "Hangul (HWPX)"
    dialog.generate()
    assert dialog.document.pageCount() >= 1  # the preview is the PDF of the same document
    assert "반도체과" in read_pdf(dialog.generated.pdf).text  # type: ignore[union-attr]
    saved = dialog.save_to(tmp_path / "brief.hwpx")
    assert saved is not None
    data = saved.read_bytes()
    assert validate_package(data).ok
    assert any("반도체과" in p.text for p in HwpxDocument.open(data).paragraphs)
