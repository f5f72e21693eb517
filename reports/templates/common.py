"""Words, dates and small builders shared by the briefing templates (GLOSSARY.md)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from uuid import UUID

from app import zones
from app.dto import ActionItemView, MissingTranslation, shown
from app.enums import ActionStatus, CommitmentStatus, Confidentiality
from app.i18n import Language
from app.services.briefings import ActionOrigin
from app.services.settings import BriefingAuthor
from app.text import has_hangul
from reports.document import Block, Document, Heading, Items, Paragraph
from reports.templates.bilingual import (
    LEGEND,
    TAGS,
    RecordRef,
    Texts,
    contact_ref,
    meeting_ref,
    organization_ref,
    tagged,
)

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
    "minutes_summary": ("논의 요지", "Summary of discussion"),
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
    "page": ("- {page} -", "Page {page} of {pages}"),
    "summary_box": ("핵심 요약", "Summary"),
    "prepared_by": ("담당 {name}", "Prepared by {name}"),
    "prepared_on": ("", "on {date}"),
    "declassify": ("예고문: {text}", "Declassification: {text}"),
    "upcoming_meeting": ("예정된 회의", "Upcoming meeting"),
    "our_side": ("우리측", "Our side"),
    "their_side": ("상대측", "Their side"),
    "purpose": ("배경·목적", "Purpose and background"),
    "issues": ("주요 쟁점", "Key issues"),
    "talking_points": ("우리측 입장·말씀자료", "Our position and talking points"),
    "assigned_at": ("부여 회의", "Assigned at"),
    "carried_times": ("이월 {n}회", "carried over {n}×"),
    "in_post": ("재직 기간", "In post"),
    "since_date": ("{date} ~", "since {date}"),
    "filter": ("선택 조건", "Filter"),
    "no_filter": ("전체 협약 (조건 없음)", "All agreements (no filter)"),
    "all_statuses": ("모든 상태", "all statuses"),
    "status_is": ("상태: {v}", "status: {v}"),
    "tag_is": ("태그: {v}", "tag: {v}"),
    "party_is": ("참여기관: {v}", "party: {v}"),
    "text_is": ("검색어: {v}", "text: {v}"),
    "n_parties": ("참여기관 {n}곳", "{n} parties"),
    "n_commitments": (
        "이행 과제 {n}건 (진행 중 {open}건, 기한 경과 {late}건)",
        "{n} commitments ({open} open, {late} overdue)",
    ),
    "n_open_actions": ("미결 조치사항 {n}건", "{n} open action items"),
    "next_meeting": ("다음 회의: {title}, {when}", "Next meeting: {title}, {when}"),
    "last_meeting": ("최근 회의: {title}, {when}", "Last meeting: {title}, {when}"),
    "status_line": (
        "{status} · 서명 {signed} · 만료 {expires}",
        "{status} · signed {signed} · expires {expires}",
    ),
    "not_set": ("미정", "Not set"),
    "carried_over_from": ("이월", "Carried over"),
    "linked_commitment": ("관련 이행 과제", "Commitment"),
    "agreement_count": ("협약 {n}건", "{n} agreements"),
    "subject_agreement": ("협약 브리핑 자료", "Agreement briefing"),
}


class Words:
    """The glossary's words in one language (``w("parties")``), and the records' texts in it
    (``w.pick(r.title_ko, r.title_en, ref, "meeting.title")``: tagged and noted when missing)."""

    def __init__(self, lang: str) -> None:
        self.lang: Language = "ko" if lang == "ko" else "en"
        self.texts = Texts(self.lang)
        self.missing_settings: list[str] = []  # Settings keys printed in the other language, tagged

    def __call__(self, key: str, **values: object) -> str:
        ko, en = WORDS[key]
        text = ko if self.lang == "ko" else en
        return text.format(**values) if values else text

    def pick(self, ko: str, en: str, ref: RecordRef, field: str) -> str:
        """A record's text in the briefing's language; the other language's, tagged, when missing."""
        return self.texts.pick(ko, en, ref, field)

    def name(self, ko: str, en: str, ref: RecordRef, field: str = "") -> str:
        """An organization's or a person's name (``field`` defaults to the record's name)."""
        return self.texts.pick(ko, en, ref, field or f"{ref.kind}.name")

    def org(self, ident: UUID | None, ko: str, en: str) -> str:
        """An organization's name; "" when there is none."""
        return self.name(ko, en, organization_ref(ident, ko, en)) if ident is not None else ""

    def person(self, ident: UUID | None, ko: str, en: str) -> str:
        """A contact's name; "" when there is none."""
        return self.name(ko, en, contact_ref(ident, ko, en)) if ident is not None else ""

    @property
    def missing(self) -> tuple[MissingTranslation, ...]:
        return self.texts.missing

    def setting(self, ko: str, en: str, key: str) -> str:
        """A Settings text (department, author) in the briefing's language. The other language's
        is printed tagged and its setting noted (``department_en``); a Latin-only Korean value
        (a user name typed in Latin letters) reads as English."""
        value = shown(ko, en, self.lang)
        if not value.missing or (self.lang == "en" and not has_hangul(value.text)):
            return value.text
        wanted = f"{key}_en" if self.lang == "en" else key
        if wanted not in self.missing_settings:
            self.missing_settings.append(wanted)
        return tagged(value.text, value.lang)

    def day(self, value: date | None, *, weekday: bool = False) -> str:
        return format_date(value, self.lang, weekday=weekday) if value else "-"

    def when(self, value: datetime | None, zone: str) -> str:
        """A meeting's time in its own zone, the zone named when it is not Korea's time."""
        if value is None:
            return self("not_set")
        at = in_zone(value, zone)
        return f"{format_datetime(at, self.lang)}{self.zone_note(value, zone)}"

    def zone_note(self, instant: datetime, zone: str) -> str:
        """`` (EST, America/New_York)`` / `` (현지 시각 EST, 워싱턴·뉴욕)``; "" in Korea's time."""
        if not zones.differs_from_home(aware(instant), zone):
            return ""
        short = zones.abbreviation(aware(instant), zone)
        if self.lang == "en":
            return f" ({short}, {zones.zone(zone).key})"
        city = next((ko for name, ko, _ in zones.COMMON if name == zone), "")
        return f" (현지 시각 {short}, {city or zones.zone(zone).key})"

    def tenure(self, start: date | None, end: date | None) -> str:
        """``2023. 3. 1. ~ 2025. 2. 28.``, open-ended ``2023. 3. 1. ~``."""
        if start is None and end is None:
            return "-"
        return f"{self.day(start) if start else ''} ~ {self.day(end) if end else ''}".strip()

    def span(self, start: datetime | None, end: datetime | None, zone: str) -> str:
        """``2026. 12. 2.(수) 14:00~16:00`` in the meeting's zone; an end on another day gets its date."""
        if start is None:
            return self("not_set")
        if end is None:
            return self.when(start, zone)
        a, b = in_zone(start, zone), in_zone(end, zone)
        tail = f"{b:%H:%M}" if a.date() == b.date() else format_datetime(b, self.lang)
        return f"{format_datetime(a, self.lang)}~{tail}{self.zone_note(start, zone)}"


@dataclass(frozen=True)
class BriefContext:
    """What a template needs besides its data: language, date, marking, who hands it in."""

    lang: str
    today: date
    classification: str | Marking | None = None
    author: BriefingAuthor = field(default_factory=BriefingAuthor)
    declassify: str = ""


@dataclass(frozen=True)
class Marking:
    """A marking in both languages (보안 등급 표시): the briefing prints the one of its language."""

    ko: str
    en: str

    def text(self, lang: str) -> str:
        first, second = (self.ko, self.en) if lang == "ko" else (self.en, self.ko)
        return (first or second).strip()

    @classmethod
    def of(cls, level: Confidentiality) -> Marking:
        """An agreement's confidentiality as a marking: 대외비 / RESTRICTED, 내부용 / INTERNAL ..."""
        return cls(level.label("ko"), level.label("en").upper())


# Known markings in both languages: the agreement's confidentiality levels (their labels), then
# the grades of the Korean security regulation with their usual English.
MARKINGS: tuple[Marking, ...] = (
    *(Marking.of(level) for level in (Confidentiality.RESTRICTED, Confidentiality.INTERNAL)),
    Marking.of(Confidentiality.PUBLIC),
    Marking("Ⅲ급비밀", "CONFIDENTIAL"),
    Marking("Ⅱ급비밀", "SECRET"),
    Marking("Ⅰ급비밀", "TOP SECRET"),
    Marking("일반", "UNCLASSIFIED"),
    Marking.of(Confidentiality.SECRET),  # 비밀 -> SECRET; SECRET reads as Ⅱ급비밀 (found first)
)
_MARKING_ALIASES = {"3급비밀": "Ⅲ급비밀", "2급비밀": "Ⅱ급비밀", "1급비밀": "Ⅰ급비밀", "III급비밀": "Ⅲ급비밀"}


def _key(text: str) -> str:
    key = "".join(text.split())
    return _MARKING_ALIASES.get(key, key).upper()


def marking_in(given: str | Marking | None, lang: str) -> str | None:
    """The marking in the document's language (대외비 <-> RESTRICTED); other text as given."""
    if isinstance(given, Marking):
        return given.text(lang) or None
    if not given or not given.strip():
        return None
    key = _key(given)
    for known in MARKINGS:
        if key in (_key(known.ko), _key(known.en)):
            return known.text(lang)
    return given.strip()


# ISO 3166 codes as the documents name them (the ones an official meets most; others as given).
COUNTRIES: dict[str, tuple[str, str]] = {
    "KR": ("대한민국", "Republic of Korea"),
    "US": ("미국", "United States"),
    "JP": ("일본", "Japan"),
    "CN": ("중국", "China"),
    "TW": ("대만", "Taiwan"),
    "DE": ("독일", "Germany"),
    "FR": ("프랑스", "France"),
    "GB": ("영국", "United Kingdom"),
    "NL": ("네덜란드", "Netherlands"),
    "BE": ("벨기에", "Belgium"),
    "IT": ("이탈리아", "Italy"),
    "ES": ("스페인", "Spain"),
    "SE": ("스웨덴", "Sweden"),
    "FI": ("핀란드", "Finland"),
    "CH": ("스위스", "Switzerland"),
    "AT": ("오스트리아", "Austria"),
    "PL": ("폴란드", "Poland"),
    "CZ": ("체코", "Czechia"),
    "HU": ("헝가리", "Hungary"),
    "CA": ("캐나다", "Canada"),
    "MX": ("멕시코", "Mexico"),
    "BR": ("브라질", "Brazil"),
    "AU": ("호주", "Australia"),
    "NZ": ("뉴질랜드", "New Zealand"),
    "IN": ("인도", "India"),
    "ID": ("인도네시아", "Indonesia"),
    "VN": ("베트남", "Viet Nam"),
    "TH": ("태국", "Thailand"),
    "MY": ("말레이시아", "Malaysia"),
    "SG": ("싱가포르", "Singapore"),
    "PH": ("필리핀", "Philippines"),
    "AE": ("아랍에미리트", "United Arab Emirates"),
    "SA": ("사우디아라비아", "Saudi Arabia"),
    "IL": ("이스라엘", "Israel"),
    "TR": ("튀르키예", "Türkiye"),
    "EU": ("유럽연합", "European Union"),
}


def country_name(code: str, lang: str) -> str:
    names = COUNTRIES.get(code.strip().upper())
    return (names[0] if lang == "ko" else names[1]) if names else code.strip()


ROMAN_KO = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"
ROMAN_EN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def numbered(blocks: Sequence[Block], lang: str) -> list[Block]:
    """Sections ``Ⅰ.`` ``Ⅱ.`` and inside them ``1.`` ``2.``, as a Korean 보고서 numbers them."""
    out: list[Block] = []
    top = sub = 0
    for b in blocks:
        if isinstance(b, Heading) and b.level == 1:
            top, sub = top + 1, 0
            roman = ROMAN_KO if lang == "ko" else ROMAN_EN
            mark = roman[top - 1] if top <= len(roman) else str(top)
            b = replace(b, text=f"{mark}. {b.text}")
        elif isinstance(b, Heading) and b.level == 2:
            sub += 1
            b = replace(b, text=f"{sub}. {b.text}")
        out.append(b)
    return out


def masthead(w: Words, today: date, author: BriefingAuthor) -> str:
    """``2026. 12. 2.(수)  반도체과  담당 홍길동 (☎ 044-000-0000)`` / ``Prepared by ... on Wed 2 Dec 2026``."""
    day = w.day(today, weekday=True)
    dept = w.setting(author.department_ko, author.department_en, "department")
    name = w.setting(author.author_ko, author.author_en, "author")
    phone = f"(☎ {author.phone})" if author.phone else ""
    if w.lang == "ko":
        who = " ".join(x for x in (w("prepared_by", name=name) if name else "", phone) if x)
        return "  ".join(x for x in (day, dept, who) if x)
    by = ", ".join(x for x in (name, dept) if x)
    text = f"{w('prepared_by', name=by)} {w('prepared_on', date=day)}" if by else day
    return f"{text} {phone}".strip()


def shorten(text: str, limit: int = 160) -> str:
    """One line of at most ``limit`` characters, for the summary box."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    tag = next((t for t in TAGS.values() if line.endswith(f" {t}")), "")
    if tag:  # a text printed in the other language keeps its tag when it is cut short
        return shorten(line[: -len(tag) - 1], limit - len(tag) - 1) + f" {tag}"
    return line[: limit - 1].rstrip() + "…"


def lines_as_items(text: str, level: int = 1) -> Items | Paragraph:
    """Free text as 개조식 items, one a line ("- " or "○ " at the start means one level deeper)."""
    entries: list[tuple[int, str]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        depth = level
        for marks, d in (("□■•*", 0), ("○◦", 1), ("-–", 2), ("·", 3)):
            if line[0] in marks and len(line) > 1 and line[1] == " ":
                depth, line = level + d, line[2:].strip()
                break
        entries.append((depth, line))
    return Items(tuple(entries)) if entries else Paragraph(text)


def format_date(value: date, lang: str, *, weekday: bool = False) -> str:
    if lang == "ko":
        text = f"{value.year}. {value.month}. {value.day}."
        return f"{text}({WEEKDAYS_KO[value.weekday()]})" if weekday else text
    text = f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
    return f"{value.strftime('%a')} {text}" if weekday else text


def aware(value: datetime) -> datetime:
    """An instant; a naive value (an old file) is read as UTC, as the database stores them."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def in_zone(value: datetime, zone: str) -> datetime:
    """Wall-clock time in ``zone`` (never the computer's zone: a briefing reads the same anywhere)."""
    return zones.in_zone(aware(value), zone)


def format_datetime(value: datetime, lang: str) -> str:
    """A wall-clock time already in its zone, as printed: ``2026. 12. 2.(수) 14:00``."""
    return f"{format_date(value.date(), lang, weekday=True)} {value:%H:%M}"


def action_rows(
    w: Words,
    items: tuple[ActionItemView, ...],
    today: date,
    *,
    with_meeting: bool = True,
    origins: Mapping[UUID, ActionOrigin] | None = None,
) -> tuple[tuple[tuple[str, ...], ...], frozenset[int]]:
    """``origins``: per item id, the meeting where it was first assigned and how often carried over."""
    rows: list[tuple[str, ...]] = []
    marked: set[int] = set()
    for i, a in enumerate(items):
        owner = w.person(a.owner_contact_id, a.owner_name_ko, a.owner_name_en)
        org = w.org(a.owner_organization_id, a.owner_organization_name_ko, a.owner_organization_name_en)
        who = f"{owner} ({org})" if owner and org else owner or org or "-"
        status = a.status.label(w.lang)
        if a.status == ActionStatus.OPEN and a.due_on is not None and a.due_on < today:
            status = f"{status} · {w('overdue')}"
            marked.add(i)
        meeting = meeting_ref(a.meeting_id, a.meeting_title_ko, a.meeting_title_en)
        title = w.pick(a.title_ko, a.title_en, meeting, "action_item.title")
        row: tuple[str, ...] = (title, who, w.day(a.due_on), status)
        if with_meeting:
            origin = (origins or {}).get(a.id)
            if origin is None:
                where, carried = w.pick(a.meeting_title_ko, a.meeting_title_en, meeting, "meeting.title"), 0
            else:
                first = meeting_ref(origin.meeting_id, origin.meeting_title_ko, origin.meeting_title_en)
                where = w.pick(origin.meeting_title_ko, origin.meeting_title_en, first, "meeting.title")
                carried = origin.carried
            row = (*row, f"{where}\n({w('carried_times', n=carried)})" if carried else where)
        rows.append(row)
    return tuple(rows), frozenset(marked)


def action_header(w: Words, *, with_meeting: bool = True) -> tuple[str, ...]:
    head = (w("action_item"), w("owner"), w("due"), w("status"))
    return (*head, w("assigned_at")) if with_meeting else head


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
    ctx: BriefContext,
    *,
    kind_key: str,
    title: str,
    subtitle: str,
    blocks: list[Block],
    summary: Sequence[Items | Paragraph] = (),
    keywords: tuple[str, ...] = (),
) -> Document:
    """The document, once every text is in: ``w`` knows by then which were tagged."""
    declassify = ctx.declassify.strip()
    head = masthead(w, ctx.today, ctx.author)
    return Document(
        title=title,
        subtitle=subtitle,
        lang=w.lang,
        author=author_in(ctx.author, w.lang),
        generated_on=ctx.today,
        subject=w(kind_key),
        keywords=keywords,
        classification=marking_in(ctx.classification, w.lang),
        page_label=w("page"),
        generated_label=w("generated", date=w.day(ctx.today)),
        highlight_note=w("overdue_note"),
        masthead=head,
        summary_label=w("summary_box"),
        summary=tuple(
            Items(tuple((lv, shorten(t)) for lv, t in s.items)) if isinstance(s, Items) else s
            for s in summary
            if not isinstance(s, Items) or s.items
        ),
        declassify=w("declassify", text=declassify) if declassify else "",
        blocks=tuple(numbered(blocks, w.lang)),
        missing=w.missing,
        missing_settings=tuple(w.missing_settings),
        missing_note=LEGEND[w.lang] if w.missing or w.missing_settings else "",
    )


def author_in(author: BriefingAuthor, lang: str) -> str:
    """The file's Author property in the document's language: the author from Settings, else the
    program's name (never a Korean name in an English file's properties)."""
    name = author.author_ko if lang == "ko" else author.author_en
    if not name and lang == "en" and not has_hangul(author.author_ko):
        name = author.author_ko
    return name or "Partnership Desk"
