"""vCard in (2.1, 3.0, 4.0 as phones and address books write them) and out (3.0).

Parsing is vobject's: quoted-printable (2.1), folded lines, several cards per
file, grouped properties (``item1.EMAIL`` with ``item1.X-ABLabel``) and the
2.1 bare type parameters (``TEL;CELL``).

A card has one TITLE and one ORG (whose second part is the department). A card we write
is in the contact's language, the language of its FN (Korean when the contact has a Korean
name): TITLE and ORG carry that language's title and department (``LANGUAGE=ko``/``en``;
the other language when that one is missing), and the other language, when there is one,
goes into ``X-PARTNERSHIP-DESK-TITLE`` and ``X-PARTNERSHIP-DESK-DEPARTMENT`` with its
``LANGUAGE``, so that our own cards import back exactly. A title or department without a
language (other programs' cards) goes to Korean or English by its script
(``fields.by_language``).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.dto import Shown, shown
from app.errors import ImportFormatError
from app.text import has_hangul
from app.transfer.fields import by_language
from app.transfer.limits import DEFAULT_LIMITS, ImportLimits, LimitExceeded, check_rows, read_bounded
from app.transfer.tabular import decode

# Two-syllable Korean family names; every other Korean name has a one-syllable family name.
_COMPOUND_SURNAMES = {"남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방", "어금", "망절"}


@dataclass(frozen=True)
class CardEntry:
    number: int  # 1-based position in the file
    values: dict[str, str]


@dataclass(frozen=True)
class CardBook:
    cards: list[CardEntry]
    encoding: str
    unused: tuple[str, ...]  # properties present in the file that nothing is read from


# Read by card_values (NICKNAME too, as the English name); the others are named as not imported.
ALT_TITLE, ALT_DEPARTMENT = "X-PARTNERSHIP-DESK-TITLE", "X-PARTNERSHIP-DESK-DEPARTMENT"
_READ = {
    "FN",
    "N",
    "ORG",
    "TITLE",
    "NOTE",
    "NICKNAME",
    "UID",
    "EMAIL",
    "TEL",
    "X-ABLABEL",
    ALT_TITLE,
    ALT_DEPARTMENT,
}
_STRUCTURE = {"BEGIN", "END", "VERSION", "PRODID", "REV"}
_BINARY = {"PHOTO", "LOGO", "SOUND", "KEY"}


def _property_name(line: str) -> str:
    head = line[: min((i for i in (line.find(":"), line.find(";")) if i >= 0), default=len(line))]
    return head.rpartition(".")[2].strip().upper()  # item1.EMAIL -> EMAIL


def lines_of(text: str) -> Iterator[str]:
    """The lines of ``text`` one at a time (a list of a 100 MB file's lines would be GBs)."""
    start = 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1


def unfold(text: str, limits: ImportLimits, skipped: dict[str, None]) -> str:
    """The file with every property on one line, in one pass over the text.

    vobject joins folded lines by copying the whole property so far for every physical line,
    which is quadratic in a property's length (a 4 MB folded photo took minutes). Here folded
    lines (a leading space or tab) and quoted-printable soft line breaks (a trailing ``=``) are
    joined once. Photos and other binary properties are not imported: they are checked against
    ``photo_mb`` and left out (their names go into ``skipped``); every other property is
    checked against ``cell_chars``, cards against ``rows`` and nesting against ``depth``.
    """
    out: list[str] = []
    parts: list[str] = []
    length = 0
    name = ""
    qp = False
    depth = cards = properties = 0

    def flush() -> None:
        nonlocal depth, cards, properties
        if not parts:
            return
        line = "".join(parts)
        parts.clear()
        if depth == 0 and line[:12].upper() == "BEGIN:VCARD":
            properties = 0
        properties += 1  # a card's properties are its columns
        if properties > limits.columns:
            raise LimitExceeded(
                "columns",
                limits.columns,
                f"vCard {cards}번째 항목의 속성 수",
                f"The properties of vCard entry {cards}",
            )
        if name in _BINARY:
            skipped.setdefault(name)
            return
        upper = line.upper()
        if upper.startswith("BEGIN:"):
            depth += 1
            if depth > limits.depth:
                raise LimitExceeded("depth", limits.depth, "vCard 항목", "A vCard entry")
            if upper.strip() == "BEGIN:VCARD" and depth == 1:
                cards += 1
                check_rows(cards, limits)
        elif upper.startswith("END:"):
            depth = max(depth - 1, 0)
        out.append(line)

    for raw in lines_of(text):
        line = raw.rstrip("\r")
        if not line.strip():
            if qp:
                parts[-1] = parts[-1][:-1]
            flush()
            qp = False
            continue
        if qp:
            parts[-1] = parts[-1][:-1]  # the soft line break
            parts.append(line)
            length += len(line)
        elif line[0] in " \t" and parts:
            parts.append(line[1:])
            length += len(line) - 1
        else:
            flush()
            parts.append(line)
            length = len(line)
            name = _property_name(line)
        if name in _BINARY:
            if length > limits.photo_bytes * 4 // 3 + 1024:  # base64 is a third larger
                raise LimitExceeded(
                    "photo_mb",
                    limits.photo_mb,
                    f"vCard {cards + 1}번째 항목의 {name}",
                    f"{name} of vCard entry {cards + 1}",
                )
        elif length > limits.cell_chars:
            raise LimitExceeded(
                "cell_chars",
                limits.cell_chars,
                f"vCard {cards + 1}번째 항목의 {name}",
                f"{name} of vCard entry {cards + 1}",
            )
        qp = line.endswith("=") and "QUOTED-PRINTABLE" in parts[0].upper()
    if qp and parts:
        parts[-1] = parts[-1][:-1]
    flush()
    return "\r\n".join(out) + "\r\n"


def read_vcards(path: Path, encoding: str | None = None, limits: ImportLimits = DEFAULT_LIMITS) -> CardBook:
    import vobject

    text, used = decode(read_bounded(path, limits), encoding)
    skipped: dict[str, None] = {}
    text = unfold(text, limits, skipped)
    entries: list[CardEntry] = []
    try:
        for number, card in enumerate(vobject.readComponents(text, allowQP=True), start=1):
            if card.name.upper() == "VCARD":
                entries.append(CardEntry(number, card_values(card)))
                for child in card.getChildren():
                    child_name = child.name.upper()
                    if child_name not in _READ and child_name not in _STRUCTURE:
                        skipped.setdefault(child_name)
    except Exception as exc:  # vobject raises ParseError and assorted errors on broken input
        raise ImportFormatError(
            f"vCard 파일을 읽을 수 없습니다 ({len(entries) + 1}번째 항목): {exc}",
            f"Cannot read the vCard file at entry {len(entries) + 1}: {exc}",
        ) from exc
    if not entries:
        raise ImportFormatError("vCard 항목이 없습니다.", "The file holds no vCard entries.")
    return CardBook(entries, used, tuple(skipped))


def _types(prop: Any) -> set[str]:
    found = {str(p).upper() for p in getattr(prop, "singletonparams", [])}
    for value in prop.params.get("TYPE", []):
        found.update(v.strip().upper() for v in str(value).split(","))
    return found


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ";".join(str(v) for v in value if v)
    return str(value or "").strip()


def _put(values: dict[str, str], field: str, text: str, language: Any) -> None:
    """``text`` into ``field_ko`` and/or ``field_en`` by its LANGUAGE, else its script (first value wins)."""
    for half, part in zip(("ko", "en"), by_language(text, language), strict=True):
        if part:
            values.setdefault(f"{field}_{half}", part)


def card_values(card: Any) -> dict[str, str]:
    values: dict[str, str] = {}
    labels = {
        child.group: str(child.value)
        for child in card.getChildren()
        if child.group and child.name.upper() == "X-ABLABEL"
    }
    emails: list[tuple[int, str]] = []
    alternative: dict[str, tuple[str, Any]] = {}  # the other language, as our cards carry it
    for child in card.getChildren():
        name = child.name.upper()
        if name == "FN":
            values.setdefault("name", _text(child.value))
        elif name == "N":
            n = child.value
            family, given = getattr(n, "family", ""), getattr(n, "given", "")
            middle = getattr(n, "additional", "")
            values.setdefault("last_name", _text(family))
            values.setdefault("first_name", _text(given))
            values.setdefault("middle_name", _text(middle))
        elif name == "ORG":
            parts = child.value if isinstance(child.value, list) else str(child.value).split(";")
            parts = [str(p).strip() for p in parts]
            values.setdefault("organization", parts[0] if parts else "")
            if len(parts) > 1 and parts[1] and not any(k.startswith("department") for k in values):
                _put(values, "department", parts[1], child.params.get("LANGUAGE"))
        elif name == "TITLE":
            if not any(k.startswith("title_") for k in values):
                _put(values, "title", _text(child.value), child.params.get("LANGUAGE"))
        elif name in (ALT_TITLE, ALT_DEPARTMENT):
            field = "title" if name == ALT_TITLE else "department"
            alternative[field] = (_text(child.value), child.params.get("LANGUAGE"))
        elif name == "NOTE":
            values.setdefault("notes", str(child.value or ""))  # leading tabs and line breaks are content
        elif name == "NICKNAME" and not has_hangul(_text(child.value)):
            values.setdefault("name_en", _text(child.value))  # how we write the English name
        elif name == "UID":
            values.setdefault("uid", _text(child.value))
        elif name == "EMAIL":
            emails.append((0 if "PREF" in _types(child) or "pref" in child.params else 1, _text(child.value)))
        elif name == "TEL":
            number = re.sub(r"^tel:", "", _text(child.value))
            kinds = _types(child) | {labels.get(child.group or "", "").upper()}
            field = "mobile" if any("CELL" in k or "MOBILE" in k or "휴대" in k for k in kinds) else "phone"
            values.setdefault(field, number)
    if emails:
        values["email"] = sorted(emails, key=lambda e: e[0])[0][1]
    for field, (text, param) in alternative.items():
        _put(values, field, text, param)
    return {k: v for k, v in values.items() if v}


def split_name(name_ko: str, name_en: str) -> tuple[str, str]:
    """(family, given) for the N property."""
    if name_ko and has_hangul(name_ko) and " " not in name_ko.strip():
        name = name_ko.strip()
        cut = 2 if name[:2] in _COMPOUND_SURNAMES and len(name) > 2 else 1
        return name[:cut], name[cut:]
    name = (name_en or name_ko).strip()
    if " " in name:
        given, family = name.rsplit(" ", 1)
        return family, given
    return name, ""


@dataclass(frozen=True)
class CardOut:
    """A contact as it goes out, with the current position: a vCard, or a row of the contacts list."""

    id: uuid.UUID
    name_ko: str
    name_en: str
    email: str
    phone: str
    mobile: str
    notes: str
    organization_ko: str
    organization_en: str
    title_ko: str
    title_en: str
    department_ko: str
    department_en: str

    @property
    def language(self) -> str:
        """The card's language: that of its FN (Korean when the contact has a Korean name)."""
        return "ko" if self.name_ko else "en"


def _add_text(card: Any, name: str, text: Shown) -> None:
    if text.text:
        prop = card.add(name)
        prop.value = text.text
        prop.params["LANGUAGE"] = [text.lang]


def _add_alternative(card: Any, name: str, ko: str, en: str, lang: str) -> None:
    """The other language's text, when there are both."""
    if ko and en:
        other = "en" if lang == "ko" else "ko"
        _add_text(card, name.lower(), Shown(en if other == "en" else ko, other))


def contact_uid(ident: uuid.UUID) -> str:
    return f"urn:uuid:{ident}"


def write_vcards(cards: Iterable[CardOut]) -> bytes:
    import vobject

    out: list[str] = []
    for c in cards:
        card = vobject.vCard()
        card.add("uid").value = contact_uid(c.id)
        card.add("fn").value = c.name_ko or c.name_en
        family, given = split_name(c.name_ko, c.name_en)
        card.add("n").value = vobject.vcard.Name(family=family, given=given)
        if c.name_ko and c.name_en:
            card.add("nickname").value = c.name_en
        lang = c.language
        organization = shown(c.organization_ko, c.organization_en, lang).text
        department = shown(c.department_ko, c.department_en, lang)
        if organization:
            org = card.add("org")
            org.value = [organization, department.text] if department.text else [organization]
            if department.text:
                org.params["LANGUAGE"] = [department.lang]
        _add_text(card, "title", shown(c.title_ko, c.title_en, lang))
        _add_alternative(card, ALT_TITLE, c.title_ko, c.title_en, lang)
        if organization:
            _add_alternative(card, ALT_DEPARTMENT, c.department_ko, c.department_en, lang)
        if c.email:
            email = card.add("email")
            email.value = c.email
            email.type_param = "INTERNET"
        for number, kind in ((c.mobile, "CELL"), (c.phone, "WORK")):
            if number:
                tel = card.add("tel")
                tel.value = number
                tel.type_param = kind
        if c.notes:
            card.add("note").value = c.notes
        out.append(card.serialize())
    return "".join(out).encode("utf-8")
