"""Asking for a passphrase: to open an encrypted database or exchange file, or to set one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import tr

MIN_NEW_LENGTH = 8


class PassphraseDialog(QDialog):
    """One field, or two that must match (``confirm``) when a new passphrase is chosen."""

    def __init__(self, parent: QWidget | None = None, *, confirm: bool = False, message: str = "") -> None:
        super().__init__(parent)
        self.confirm_mode = confirm
        self.setWindowTitle(tr("Choose a passphrase") if confirm else tr("Passphrase"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(tr("Passphrase"))
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(tr("Repeat the passphrase"))
        self.repeat.setVisible(confirm)
        self.problem = QLabel("", self)
        self.problem.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("&Passphrase:"), self.passphrase)
        if confirm:
            form.addRow(tr("&Repeat:"), self.repeat)
        layout = QVBoxLayout(self)
        if message:
            layout.addWidget(QLabel(message, self))
        if confirm:
            note = QLabel(
                tr("Keep the passphrase safe: without it the data cannot be recovered by anyone."), self
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.passphrase.textChanged.connect(self._check)
        self.repeat.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        text = self.passphrase.text()
        problem = ""
        if self.confirm_mode and text and len(text) < MIN_NEW_LENGTH:
            problem = tr("Use at least 8 characters.")
        elif self.confirm_mode and self.repeat.text() and self.repeat.text() != text:
            problem = tr("The two passphrases differ.")
        ok = bool(text) and not problem and (not self.confirm_mode or self.repeat.text() == text)
        self.problem.setText(problem)
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        button.setEnabled(ok)

    def value(self) -> str:
        return self.passphrase.text()


def ask_passphrase(parent: QWidget | None, *, confirm: bool = False, message: str = "") -> str | None:
    """The passphrase the user typed, or ``None`` when cancelled."""
    dialog = PassphraseDialog(parent, confirm=confirm, message=message)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.value()
