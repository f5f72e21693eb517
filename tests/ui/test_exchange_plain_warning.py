"""The exchange dialog warns when it writes a plain file from an encrypted database."""

from __future__ import annotations

from pathlib import Path

from factories import org
from PySide6.QtCore import Qt

from app.crypto_db import encrypt_database
from app.paths import AppPaths
from app.services.opening import open_database
from ui.dialogs.exchange_dialog import ExchangeDialog

KEY = "교환 경고 암호 warning"


def test_a_plain_export_from_an_encrypted_database_is_warned_about(
    qtbot, paths: AppPaths, make_ctx, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with open_database(paths=paths) as plain:
        org(plain, "경고 기관", "Warning body")
        dialog = ExchangeDialog(make_ctx(plain), ask=lambda *a, **k: "bundle key")
        qtbot.addWidget(dialog)
        dialog.encrypt.setChecked(False)
        dialog.export_path.setText(str(tmp_path / "from-plain.pdx"))
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert "Exported 1 records" in dialog.result_label.text()
        assert "warning" not in dialog.result_label.text()  # nothing to warn about: the check can fail
    encrypt_database(paths.database, KEY, backups=paths.backups, attachments=paths.attachments)
    with open_database(paths=paths, passphrase=KEY) as db:
        dialog = ExchangeDialog(make_ctx(db), ask=lambda *a, **k: "bundle key")
        qtbot.addWidget(dialog)
        dialog.encrypt.setChecked(False)
        dialog.export_path.setText(str(tmp_path / "leak.pdx"))
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        text = dialog.result_label.text()
        assert "Exported 1 records" in text and "anyone who has it can read it" in text
        dialog.encrypt.setChecked(True)
        dialog.export_path.setText(str(tmp_path / "sealed.pdx"))
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert "encrypted" in dialog.result_label.text() and "warning" not in dialog.result_label.text()
