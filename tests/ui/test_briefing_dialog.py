"""The briefing dialog: choose, generate through the runner, preview, save, open."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, timedelta
from pathlib import Path

import pytest
from factories import meeting
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from report_reader import demo_ids, read_docx, read_pdf

from app import clock
from app.db import Database
from app.dto import AgreementInput
from app.paths import AppPaths
from app.services import agreements
from app.services.opening import open_database
from ui.actions import open_briefing
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


def test_the_markings_are_offered_in_the_briefing_language(ctx: UiContext, qtbot: QtBot) -> None:
    ids = demo_ids(ctx.db)
    dialog = make(ctx, qtbot, "agreement", ids.agreement)
    assert dialog.lang_combo.currentData() == "en"  # the English UI's
    offered = [dialog.marking_combo.itemText(i) for i in range(dialog.marking_combo.count())]
    assert offered[:3] == ["", "RESTRICTED", "INTERNAL"]
    assert not any(has_hangul(m) for m in offered)
    dialog.marking_combo.setCurrentIndex(dialog.marking_combo.findText("RESTRICTED"))
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("ko"))
    offered = [dialog.marking_combo.itemText(i) for i in range(dialog.marking_combo.count())]
    assert offered[:3] == ["", "대외비", "내부용"]
    assert dialog.marking_combo.currentText() == "대외비"  # the marking chosen, in Korean
    dialog.marking_combo.setEditText("과제 관계자 외 열람 금지")  # typed: kept as typed
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("en"))
    assert dialog.marking_combo.currentText() == "과제 관계자 외 열람 금지"
    dialog.marking_combo.setEditText("대외비")  # a known marking typed in Korean prints in English
    dialog.generate()
    assert dialog.generated is not None
    pages = read_pdf(dialog.generated.pdf).pages
    assert all("RESTRICTED" in p for p in pages) and not any("대외비" in p for p in pages)


def has_hangul(text: str) -> bool:
    return any("가" <= c <= "힣" for c in text)


def test_the_dialog_lists_the_texts_printed_in_the_other_language_and_opens_their_record(
    demo_sqlite: Database, paths: AppPaths, qtbot: QtBot
) -> None:
    starts = clock.now().astimezone(UTC) + timedelta(days=10)
    made = meeting(
        demo_sqlite, "영문 제목이 없는 실무 회의", starts_at=starts, place_ko="세종청사", place_en=""
    )
    ctx = UiContext(db=demo_sqlite, paths=paths, runner=SyncRunner(paths), language="en")
    dialog = BriefingDialog(ctx, "meeting", made.id, None)
    qtbot.addWidget(dialog)
    dialog.show()
    # Before anything is made: the English briefing will print the Korean title and place, tagged.
    assert dialog.missing_box.isVisible()
    rows = [
        [dialog.missing.topLevelItem(i).text(c) for c in range(3)]  # type: ignore[union-attr]
        for i in range(dialog.missing.topLevelItemCount())
    ]
    fields = {r[1]: r[2] for r in rows}
    assert fields["Meeting title (English)"] == "영문 제목이 없는 실무 회의"
    assert any(r[2] == "세종청사" for r in rows)
    assert all(r[0] == "영문 제목이 없는 실무 회의" for r in rows)  # the record they belong to
    assert "[KO]" in dialog.missing_label.text() and f"{len(rows)} text" in dialog.missing_label.text()
    # The record's name heads the dialog, marked as Korean shown in the English UI.
    assert "영문 제목이 없는 실무 회의" in dialog.subject_label.text() and "KO" in dialog.subject_label.text()
    # The briefing can still be made; it prints them tagged. Its buttons stay in the dialog, which
    # fits the screen (offscreen: 800x600, smaller than a 1024x700 laptop's).
    assert dialog.generate_button.isEnabled()
    screen = dialog.screen().availableGeometry()
    assert dialog.height() <= screen.height() and dialog.height() >= dialog.minimumSizeHint().height()
    for button in (dialog.generate_button, dialog.save_button, dialog.open_record_button):
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner), button.text()
    dialog.generate()
    assert dialog.generated is not None and read_pdf(dialog.generated.pdf).has("영문 제목이 없는 실무 회의")
    # In Korean nothing is missing.
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("ko"))
    assert not dialog.missing_box.isVisible() and dialog.missing.topLevelItemCount() == 0
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("en"))
    assert dialog.missing.topLevelItemCount() == len(rows)

    opened: list[tuple[str, object]] = []
    dialog.open_record.connect(lambda kind, ident: opened.append((kind, ident)))
    assert dialog.open_record_button.isEnabled()
    qtbot.mouseClick(dialog.open_record_button, Qt.MouseButton.LeftButton)
    assert opened == [("meeting", made.id)]
    assert not dialog.isVisible()  # closed: the record is edited in the main window


def test_a_missing_text_opens_its_record_in_the_main_window(qtbot, window, answer_dialog) -> None:  # type: ignore[no-untyped-def]
    db = window.ctx.db
    made = agreements.create_agreement(db, AgreementInput(title_ko="영문 제목 없는 협약"))
    window.ctx.notify_changed()
    seen: list[int] = []

    def double_click_first_missing() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, BriefingDialog):
            QTimer.singleShot(20, double_click_first_missing)
            return
        seen.append(dialog.missing.topLevelItemCount())
        item = dialog.missing.topLevelItem(0)
        dialog.missing.itemActivated.emit(item, 0)  # Enter or a double click on the row

    QTimer.singleShot(0, double_click_first_missing)
    open_briefing(window.ctx, "agreement", made.id, window, "")
    assert seen and seen[0] >= 1
    lst = window.current_list()
    assert lst is not None and lst.kind == "agreement"
    qtbot.waitUntil(lambda: lst.editor.ident == made.id, timeout=3000)


def test_the_preview_folder_is_made_with_the_first_preview_and_removed_on_close(
    ctx: UiContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every dialog made a temporary folder at once; one closed without a preview left it behind."""
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    ids = demo_ids(ctx.db)
    unused = make(ctx, qtbot, "agreement", ids.agreement)
    unused.reject()
    dialog = make(ctx, qtbot, "agreement", ids.agreement)
    assert list(tmp_path.glob("partnership-desk-briefing-*")) == []
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    (folder,) = tmp_path.glob("partnership-desk-briefing-*")
    assert list(folder.glob("preview-*.pdf"))
    dialog.reject()
    assert not folder.exists()
