"""Translating the program's own strings, and installing the Korean translation.

Every user-visible string of ``ui/`` goes through :func:`tr`; ``pyside6-lupdate``
collects them (``tools/update-translations``) into
``resources/translations/partnership_desk_ko.ts``. Source strings are English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.services.installation import resources_dir

TRANSLATIONS = resources_dir() / "translations"
_installed: list[QTranslator] = []


def tr(text: str) -> str:
    """The translation of ``text`` in the current UI language (context-free)."""
    return QCoreApplication.translate("", text)


def install_translator(app: QCoreApplication, lang: str) -> bool:
    """Install the translation for ``lang`` ("ko" or "en"); English needs none."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Korean if lang == "ko" else QLocale.Language.English))
    if lang != "ko":
        return True
    loaded = False
    for name in ("partnership_desk_ko", "qtbase_ko"):
        translator = QTranslator(app)
        folder = str(TRANSLATIONS)
        if name.startswith("qtbase"):
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded = loaded or name == "partnership_desk_ko"
    return loaded
