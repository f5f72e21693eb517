"""Checks for text that users type or files bring in.

Text is stored exactly as given (decomposed Hangul stays decomposed), apart from
trimming single-line fields. Control characters are refused with a clear message
instead of being stored, since they break XML, PDF and spreadsheet output.
"""

from __future__ import annotations

import re
import unicodedata

from app.errors import ValidationError

_SINGLE_LINE_BAD = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_MULTI_LINE_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def check_text(
    value: str | None,
    field: str,
    label: tuple[str, str],
    *,
    required: bool = False,
    multiline: bool = False,
    max_length: int = 20_000,
) -> str:
    """Return ``value`` cleaned for storage or raise :class:`ValidationError`.

    ``label`` is the field's name in (Korean, English) for the message.
    """
    text = value or ""
    if not multiline:
        text = text.strip()
    else:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    ko, en = label
    if required and not text.strip():
        raise ValidationError(field, f"{ko}을(를) 입력하십시오.", f"{en} is required.")
    bad = (_MULTI_LINE_BAD if multiline else _SINGLE_LINE_BAD).search(text)
    if bad:
        code = f"U+{ord(bad.group()):04X}"
        raise ValidationError(
            field,
            f"{ko}에 사용할 수 없는 제어 문자({code})가 있습니다. 해당 문자를 지우고 다시 저장하십시오.",
            f"{en} contains a control character ({code}) that cannot be stored. Remove it and save again.",
        )
    if len(text) > max_length:
        raise ValidationError(
            field,
            f"{ko}이(가) 너무 깁니다 ({len(text):,}자, 최대 {max_length:,}자).",
            f"{en} is too long ({len(text):,} characters, at most {max_length:,}).",
        )
    return text


def check_exact_text(
    value: str, field: str, label: tuple[str, str], *, multiline: bool, max_length: int
) -> str:
    """Like :func:`check_text`, but keep ``value`` exactly as given (for lossless imports)."""
    check_text(value, field, label, multiline=True, max_length=max_length)  # length, most control characters
    if not multiline:  # also no line break or tab, even at either end (which check_text would trim)
        check_text(f"_{value}_", field, label, max_length=max_length + 2)
    return value


def fold_for_search(text: str) -> str:
    """Compose Hangul, fold width and case: the form both index and query are compared in."""
    return unicodedata.normalize("NFKC", text).casefold()


def strip_xml_illegal(text: str) -> str:
    """Remove the characters XML 1.0 cannot hold (for renderers and exporters)."""
    return _XML_ILLEGAL.sub("", text)


_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_LATIN = re.compile("[A-Za-z]")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")


def has_hangul(text: str) -> bool:
    """Whether ``text`` holds a Hangul letter (syllable or jamo)."""
    return _HANGUL.search(text) is not None


def split_by_script(value: str) -> tuple[str, str]:
    """(Korean, English) of a text written in one field: Latin-only text is English,
    text with Hangul Korean; a text with both kinds of paragraph is split by paragraph.

    Reads the one-language values of older databases (migration 0011), archives and
    exchange files; nothing is lost.
    """
    if not value.strip():
        return value, ""
    if not has_hangul(value):
        return ("", value) if _LATIN.search(value) else (value, "")
    paragraphs = [p for p in _PARAGRAPHS.split(value) if p.strip()]
    english = [p for p in paragraphs if _LATIN.search(p) and not has_hangul(p)]
    if not english:
        return value, ""
    korean = [p for p in paragraphs if p not in english]
    return "\n\n".join(p.strip() for p in korean), "\n\n".join(p.strip() for p in english)
