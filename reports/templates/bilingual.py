"""One language per briefing: every record text is taken in the briefing's language, and a text
that exists only in the other language is printed with a visible tag and noted.

The tag names the language the text is in, as the program's lists do ("KO"/"EN",
``ui/widgets/marked.py``): an English briefing prints a Korean-only meeting title as
``실무협의회 (4차) [KO]``, a Korean briefing an English-only one as ``Working group [EN]``.
The tag is plain text, so it is the same in the PDF, the Word and the Hangul file.

Every tagged text is noted as a :class:`~app.dto.MissingTranslation` at the moment it is
printed (:meth:`Texts.pick`), naming the record to open to add the translation. The list
(``reports.missing_translations``) is therefore exactly what the document tags: it comes
from building the same document, not from a second walk over the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.dto import MissingTranslation, display_name, shown

# The tag after a text printed in the other language, by the language the text is in.
TAGS = {"ko": "[KO]", "en": "[EN]"}

# What the reader is told once, under the date line, when a briefing carries tags.
LEGEND = {
    "en": "[KO]: no English text has been recorded yet; the Korean is printed instead.",
    "ko": "[EN]: 국문 내용이 아직 입력되지 않아 영문을 그대로 실은 부분입니다.",
}

# Each record text a briefing prints, by "table.field": (Korean, English) names of the field.
FIELDS: dict[str, tuple[str, str]] = {
    "agreement.title": ("협약명", "Agreement title"),
    "agreement.place": ("체결 장소", "Place of signing"),
    "agreement.summary": ("주요 내용", "Summary"),
    "organization.name": ("기관명", "Organization name"),
    "organization.notes": ("메모", "Notes"),
    "contact.name": ("성명", "Name"),
    "membership.title": ("직위", "Position title"),
    "membership.department": ("부서", "Department"),
    "party.signatory_name": ("서명자", "Signatory"),
    "party.signatory_title": ("서명 당시 직위", "Title at signing"),
    "amendment.title": ("변경 협약 제목", "Amendment title"),
    "amendment.summary": ("변경 협약 내용", "Amendment summary"),
    "amendment.effect": ("변경 협약 효력", "Amendment effect"),
    "commitment.title": ("이행 과제명", "Commitment title"),
    "commitment.description": ("이행 과제 내용", "Commitment description"),
    "meeting.title": ("회의명", "Meeting title"),
    "meeting.place": ("회의 장소", "Meeting place"),
    "meeting.summary": ("논의 요지", "Summary of discussion"),
    "meeting.purpose": ("배경·목적", "Purpose and background"),
    "meeting.issues": ("주요 쟁점", "Key issues"),
    "meeting.talking_points": ("우리측 입장·말씀자료", "Our position and talking points"),
    "attendee.title": ("참석자 직위", "Attendee's title"),
    "attendee.guest_name": ("외부 참석자 성명", "Guest's name"),
    "attendee.guest_organization": ("외부 참석자 소속", "Guest's organization"),
    "agenda_item.title": ("안건", "Agenda item"),
    "agenda_item.discussion": ("안건 논의 내용", "Agenda item discussion"),
    "decision.text": ("결정사항", "Decision"),
    "action_item.title": ("조치사항", "Action item"),
}
_LANGUAGE_NAMES = {"ko": ("국문", "Korean"), "en": ("영문", "English")}


@dataclass(frozen=True)
class RecordRef:
    """The record a printed text belongs to: the one to open to add its translation.

    ``kind`` is a RecordKind value (agreement, organization, contact, meeting, commitment):
    an agenda item, decision, action item or attendee points at its meeting, an amendment or
    a party at its agreement, a position at its contact.
    """

    kind: str
    id: UUID
    name_ko: str
    name_en: str


def agreement_ref(ident: UUID, title_ko: str, title_en: str) -> RecordRef:
    return RecordRef("agreement", ident, title_ko, title_en)


def meeting_ref(ident: UUID, title_ko: str, title_en: str) -> RecordRef:
    return RecordRef("meeting", ident, title_ko, title_en)


def organization_ref(ident: UUID, name_ko: str, name_en: str) -> RecordRef:
    return RecordRef("organization", ident, name_ko, name_en)


def contact_ref(ident: UUID, name_ko: str, name_en: str) -> RecordRef:
    return RecordRef("contact", ident, name_ko, name_en)


def commitment_ref(ident: UUID, title_ko: str, title_en: str) -> RecordRef:
    return RecordRef("commitment", ident, title_ko, title_en)


def tagged(text: str, lang_of_text: str) -> str:
    """``text`` with the tag of its language after every line (a line may become an item)."""
    tag = TAGS["ko" if lang_of_text == "ko" else "en"]
    return "\n".join(f"{line.rstrip()} {tag}" if line.strip() else line for line in text.split("\n"))


class Texts:
    """Takes record texts in one language, tags the ones shown in the other, and notes them."""

    def __init__(self, lang: str) -> None:
        self.lang = "ko" if lang == "ko" else "en"
        self._missing: dict[tuple[str, UUID, str, str], MissingTranslation] = {}

    def pick(self, ko: str, en: str, ref: RecordRef, field: str) -> str:
        """The text in the briefing's language; else the other one, tagged and noted."""
        value = shown(ko, en, self.lang)
        if not value.missing:
            return value.text
        self.note(ref, field, value.text)
        return tagged(value.text, value.lang)

    def note(self, ref: RecordRef, field: str, text: str) -> None:
        key = (ref.kind, ref.id, field, text)
        if key in self._missing:
            return
        label_ko, label_en = FIELDS[field]
        want_ko, want_en = _LANGUAGE_NAMES[self.lang]
        self._missing[key] = MissingTranslation(
            kind=ref.kind,
            id=ref.id,
            record_ko=display_name(ref.name_ko, ref.name_en, "ko"),
            record_en=display_name(ref.name_ko, ref.name_en, "en"),
            field_ko=f"{label_ko} ({want_ko})",
            field_en=f"{label_en} ({want_en})",
            text=text,
        )

    @property
    def missing(self) -> tuple[MissingTranslation, ...]:
        """What was printed in the other language, in the order it was first printed."""
        return tuple(self._missing.values())
