"""Words, dates and small builders shared by the briefing templates (GLOSSARY.md)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from app.dto import ActionItemView, display_name
from app.enums import ActionStatus, CommitmentStatus
from app.i18n import Language
from reports.document import Block, Document

WEEKDAYS_KO = "월화수목금토일"
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# key: (Korean, English). One word per idea, as in the glossary.
WORDS: dict[str, tuple[str, str]] = {
    "briefing": ("브리핑 자료", "Briefing"),
    "agreement_briefing": ("협약 브리핑", "Agreement briefing"),
    "counterpart_briefing": ("기관 브리핑", "Counterpart briefing"),
    "premeeting_brief": ("회의 사전 자료", "Pre-meeting brief"),
    "minutes_record": ("회의록", "Minutes record"),
    "portfolio_overview": ("협약 현황", "Portfolio overview"),
    "overview": ("개요", "Overview"),
    "agreement": ("협약", "Agreement"),
    "agreements": ("협약", "Agreements"),
    "title": ("협약명", "Title"),
    "reference": ("관리번호", "Reference"),
    "kind": ("유형", "Type"),
    "status": ("상태", "Status"),
    "signed": ("서명일", "Signed"),
    "effective": ("발효일", "In force from"),
    "expires": ("만료일", "Expires"),
    "place_of_signing": ("체결 장소", "Place of signing"),
    "confidentiality": ("공개 구분", "Confidentiality"),
    "tags": ("태그", "Tags"),
    "summary": ("주요 내용", "Summary"),
    "parties": ("참여기관", "Parties"),
    "party": ("참여기관", "Party"),
    "organization": ("기관", "Organization"),
    "role": ("역할", "Role"),
    "signatory": ("서명자", "Signed by"),
    "signatory_title": ("서명 당시 직위", "Title at signing"),
    "joined": ("추가 참여", "Joined"),
    "withdrew": ("탈퇴", "Withdrew"),
    "commitments": ("이행 과제", "Commitments"),
    "commitment": ("이행 과제", "Commitment"),
    "due": ("기한", "Due"),
    "overdue": ("기한 경과", "Overdue"),
    "overdue_note": (
        "음영 표시된 행은 기한이 지난 이행 과제 또는 조치사항입니다.",
        "Shaded rows are commitments or action items past their due date.",
    ),
    "no_party": ("참여기관 미지정", "No party assigned"),
    "amendments": ("변경 협약", "Amendments"),
    "amended_on": ("변경일", "Date"),
    "amendment": ("변경 협약", "Amendment"),
    "effect": ("효력", "Effect"),
    "meetings": ("회의", "Meetings"),
    "recent_meetings": ("최근 회의", "Recent meetings"),
    "upcoming_meetings": ("예정된 회의", "Upcoming meetings"),
    "meeting": ("회의", "Meeting"),
    "date_time": ("일시", "Date and time"),
    "place": ("장소", "Place"),
    "online": ("온라인 회의 주소", "Online meeting link"),
    "attendees": ("참석자", "Attendees"),
    "attendee": ("참석자", "Attendee"),
    "name": ("성명", "Name"),
    "position_title": ("직위", "Title"),
    "department": ("부서", "Department"),
    "attended": ("참석 여부", "Attended"),
    "present": ("참석", "Present"),
    "absent": ("불참", "Absent"),
    "agenda": ("안건", "Agenda"),
    "discussion": ("논의 내용", "Discussion"),
    "decisions": ("결정사항", "Decisions"),
    "action_items": ("조치사항", "Action items"),
    "open_action_items": ("미결 조치사항", "Open action items"),
    "action_item": ("조치사항", "Action item"),
    "owner": ("담당", "Owner"),
    "from_meeting": ("회의", "Meeting"),
    "contacts": ("연락처", "Contacts for follow-up"),
    "email": ("이메일", "E-mail"),
    "reach": ("이메일·전화", "E-mail / phone"),
    "phone": ("전화", "Phone"),
    "counterpart_profile": ("기관 개요", "Who they are"),
    "org_name": ("기관명", "Name"),
    "org_name_other": ("기관명(영문)", "Name (Korean)"),
    "short_name": ("약칭", "Short name"),
    "org_kind": ("기관 유형", "Kind"),
    "country": ("국가", "Country"),
    "website": ("웹사이트", "Website"),
    "notes": ("메모", "Notes"),
    "our_agreements": ("함께한 협약", "Our agreements with them"),
    "their_commitments": ("이행 과제", "Their commitments"),
    "people": ("담당자", "People we deal with"),
    "period": ("재직 기간", "Since"),
    "background": ("관련 협약 현황", "Background on linked agreements"),
    "to_chase": ("점검할 미결 조치사항", "Open action items to chase"),
    "meeting_overview": ("회의 개요", "Meeting"),
    "minutes_summary": ("회의 개요", "Summary"),
    "signatures": ("서명", "Signatures"),
    "recorded_by": ("작성", "Recorded by"),
    "approved_by": ("확인", "Approved by"),
    "signature": ("서명", "Signature"),
    "date": ("일자", "Date"),
    "status_counts": ("상태별 협약 수", "Agreements by status"),
    "count": ("건수", "Count"),
    "total": ("합계", "Total"),
    "by_year": ("연도별·상태별 협약 수 (서명 연도)", "Agreements by status and year signed"),
    "unsigned": ("미서명", "Not signed"),
    "all_agreements": ("협약 목록", "All agreements"),
    "filtered_agreements": ("협약 목록 (선택 조건 적용)", "Agreements (filtered)"),
    "expiring": ("만료 예정 협약", "Upcoming expiries"),
    "expiring_note": ("향후 {days}일 이내에 만료되는 협약입니다.", "Agreements expiring within {days} days."),
    "overdue_commitments": ("기한 경과 이행 과제", "Overdue commitments"),
    "party_count": ("기관 수", "Parties"),
    "none": ("해당 없음", "None"),
    "none_recorded": ("기록된 내용이 없습니다.", "Nothing recorded."),
    "generated": ("작성일: {date}", "Generated {date}"),
    "page": ("{page} / {pages}쪽", "Page {page} of {pages}"),
    "not_set": ("미정", "Not set"),
    "carried_over_from": ("이월", "Carried over"),
    "linked_commitment": ("관련 이행 과제", "Commitment"),
    "agreement_count": ("협약 {n}건", "{n} agreements"),
    "subject_agreement": ("협약 브리핑 자료", "Agreement briefing"),
}


class Words:
    """Look up the glossary's words in one language: ``w("parties")``."""

    def __init__(self, lang: str) -> None:
        self.lang: Language = "ko" if lang == "ko" else "en"

    def __call__(self, key: str, **values: object) -> str:
        ko, en = WORDS[key]
        text = ko if self.lang == "ko" else en
        return text.format(**values) if values else text

    def name(self, ko: str, en: str) -> str:
        return display_name(ko, en, self.lang)

    def day(self, value: date | None, *, weekday: bool = False) -> str:
        return format_date(value, self.lang, weekday=weekday) if value else "-"

    def when(self, value: datetime | None) -> str:
        return format_datetime(value, self.lang) if value else self("not_set")


def format_date(value: date, lang: str, *, weekday: bool = False) -> str:
    if lang == "ko":
        text = f"{value.year}. {value.month}. {value.day}."
        return f"{text}({WEEKDAYS_KO[value.weekday()]})" if weekday else text
    text = f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
    return f"{value.strftime('%a')} {text}" if weekday else text


def format_datetime(value: datetime, lang: str) -> str:
    """In the computer's time zone, 24-hour."""
    local = value.astimezone() if value.tzinfo is not None else value
    return f"{format_date(local.date(), lang, weekday=True)} {local:%H:%M}"


def action_rows(
    w: Words, items: tuple[ActionItemView, ...], today: date, *, with_meeting: bool = True
) -> tuple[tuple[tuple[str, ...], ...], frozenset[int]]:
    rows: list[tuple[str, ...]] = []
    marked: set[int] = set()
    for i, a in enumerate(items):
        owner = w.name(a.owner_name_ko, a.owner_name_en)
        org = w.name(a.owner_organization_name_ko, a.owner_organization_name_en)
        who = f"{owner} ({org})" if owner and org else owner or org or "-"
        status = a.status.label(w.lang)
        if a.status == ActionStatus.OPEN and a.due_on is not None and a.due_on < today:
            status = f"{status} · {w('overdue')}"
            marked.add(i)
        row: tuple[str, ...] = (a.title, who, w.day(a.due_on), status)
        if with_meeting:
            row = (*row, a.meeting_title)
        rows.append(row)
    return tuple(rows), frozenset(marked)


def action_header(w: Words, *, with_meeting: bool = True) -> tuple[str, ...]:
    head = (w("action_item"), w("owner"), w("due"), w("status"))
    return (*head, w("from_meeting")) if with_meeting else head


def label_of(lang: str) -> Callable[[object], str]:
    def label(value: object) -> str:
        return str(value.label(lang)) if hasattr(value, "label") else str(value)

    return label


def is_overdue(due_on: date | None, status: CommitmentStatus, today: date) -> bool:
    return (
        due_on is not None
        and due_on < today
        and status in (CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS)
    )


def document(
    w: Words,
    *,
    kind_key: str,
    title: str,
    subtitle: str,
    today: date,
    classification: str | None,
    blocks: list[Block],
    keywords: tuple[str, ...] = (),
) -> Document:
    return Document(
        title=title,
        subtitle=subtitle,
        lang=w.lang,
        generated_on=today,
        subject=w(kind_key),
        keywords=keywords,
        classification=classification.strip() if classification and classification.strip() else None,
        page_label=w("page"),
        generated_label=w("generated", date=w.day(today)),
        highlight_note=w("overdue_note"),
        blocks=tuple(blocks),
    )
