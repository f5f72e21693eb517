"""Asking before something is removed: a question whose buttons say what they do.

In a module of its own, apart from the table widgets: the main window asks it too, and
what the main window imports loads before its first paint.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.i18n import tr

# Korean particles written both ways ("을(를)") in a translation, where the word before them is
# only known at run time: the first form follows a final consonant (받침), the second does not.
_PAIRS = {
    "을(를)": ("을", "를"),
    "이(가)": ("이", "가"),
    "은(는)": ("은", "는"),
    "과(와)": ("과", "와"),
    "와(과)": ("과", "와"),
}
_PARTICLE = re.compile("(" + "|".join(re.escape(pair) for pair in _PAIRS) + ")")
_CLOSERS = "”’\"')]}」』>» "
# How the end reads when it is not Hangul: digits (일, 삼, 육, 칠, 팔, 영 end in a consonant),
# capital letters by their names (엘, 엠, 엔, 알), words by their sound (plan 플랜, meeting 미팅).
_FINAL_CONSONANT = set("013678LMNR")
_WORD_FINAL = ("m", "n", "l", "ng")


def _has_final_consonant(before: str) -> bool | None:
    word = before.rstrip(_CLOSERS)
    if not word:
        return None
    last = word[-1]
    if "가" <= last <= "힣":
        return (ord(last) - 0xAC00) % 28 != 0
    if last.isascii() and last.islower():
        return word.endswith(_WORD_FINAL)
    if last.isascii() and last.isalnum():
        return last in _FINAL_CONSONANT
    return None


def with_particles(text: str) -> str:
    """``“삼성전자”을(를)`` → ``“삼성전자”를``: each doubled particle fitted to the word before it."""
    out: list[str] = []
    last = 0
    for match in _PARTICLE.finditer(text):
        before = text[last : match.start()]
        out.append(before)
        final = _has_final_consonant("".join(out))
        pair = _PAIRS[match.group(1)]
        out.append(match.group(1) if final is None else pair[0] if final else pair[1])
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def confirm(parent: QWidget, title: str, text: str, yes: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question, title, with_particles(text), QMessageBox.StandardButton.NoButton, parent
    )
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is ok
