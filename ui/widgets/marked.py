"""A text shown in place of a missing translation, marked: grey, with a small "KO"/"EN" tag.

The rule of every list, table, picker, label and search result: show the value in the
UI's language; when it has none, show the other language's, marked, never silently
(``app.dto.shown``). Item views carry the shown language in :data:`OTHER_LANGUAGE_ROLE`
and paint it with :class:`MarkedDelegate`; labels use :func:`marked_html`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.dto import Shown
from ui.i18n import tr

# The language ("ko"/"en") of a text shown because the UI language's text is missing; else None.
OTHER_LANGUAGE_ROLE = Qt.ItemDataRole.UserRole + 77

GREY = "#6b6b6b"
# The tag as a QLabel of its own (a picker's chosen record): small, grey, boxed.
TAG_STYLE = (
    f"QLabel {{ color: {GREY}; border: 1px solid {GREY}; border-radius: 3px;"
    " padding: 0px 3px; font-size: 8pt; font-weight: bold; }"
)
_TAG_PAD = 3
_GAP = 6


def tag_text(lang: str) -> str:
    """The tag naming the language a text is in: "KO" or "EN" (the same in both UIs)."""
    return "KO" if lang == "ko" else "EN"


def tag_tooltip(lang: str) -> str:
    return (
        tr("No English text yet: the Korean is shown")
        if lang == "ko"
        else tr("No Korean text yet: the English is shown")
    )


def marked_html(value: Shown) -> str:
    """Rich text for a QLabel: the text escaped; grey with its tag when it is the other language's."""
    text = html.escape(value.text)
    if not value.missing:
        return text
    return (
        f'<span style="color:{GREY}">{text}</span>'
        f' <span style="color:{GREY}; font-size:small; border:1px solid {GREY}">'
        f"&nbsp;{tag_text(value.lang)}&nbsp;</span>"
    )


def _tag_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(max(6.0, base.pointSizeF() * 0.75))
    font.setBold(True)
    return font


class MarkedDelegate(QStyledItemDelegate):
    """Paints an item whose :data:`OTHER_LANGUAGE_ROLE` is set in grey with a small language tag
    before the text (so that the tag stays visible when the text is elided)."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        lang = index.data(OTHER_LANGUAGE_ROLE)
        if not lang:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        tag = tag_text(str(lang))
        font = _tag_font(opt.font)
        metrics = QFontMetrics(font)
        tag_width = metrics.horizontalAdvance(tag) + 2 * _TAG_PAD
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = opt.rect.adjusted(4, 0, -4, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        colour = opt.palette.color(QPalette.ColorRole.HighlightedText) if selected else QColor(GREY)
        painter.save()
        painter.setFont(font)
        painter.setPen(colour)
        height = metrics.height() + 2
        box = QRect(rect.left(), rect.center().y() - height // 2, tag_width, height)
        painter.drawRoundedRect(box, 3, 3)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, tag)
        painter.setFont(opt.font)
        text_rect = rect.adjusted(tag_width + _GAP, 0, 0, 0)
        elided = QFontMetrics(opt.font).elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        lang = index.data(OTHER_LANGUAGE_ROLE)
        if lang:
            metrics = QFontMetrics(_tag_font(option.font))
            size.setWidth(size.width() + metrics.horizontalAdvance(tag_text(str(lang))) + 2 * _TAG_PAD + _GAP)
        return size


def install(view: QWidget) -> MarkedDelegate:
    """Paint the marked items of an item view (QTableView, QListView, QTreeView, QComboBox's view)."""
    delegate = MarkedDelegate(view)
    view.setItemDelegate(delegate)  # type: ignore[attr-defined]
    return delegate
