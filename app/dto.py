"""Plain data that crosses from the core to the UI, the CLI and the renderers.

Inputs (``...Input``) are what a form or an importer hands to a service; views
(``...Summary``, ``...Record``, ``...Detail``) are what services return. All are
frozen dataclasses: no ORM object or session ever leaves ``app/services``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from uuid import UUID

from app import clock
from app.enums import (
    ActionStatus,
    AgreementKind,
    AgreementStatus,
    CommitmentStatus,
    Confidentiality,
    OrgKind,
    PartyRole,
)


def display_name(ko: str, en: str, lang: str = "ko") -> str:
    """The name to show in ``lang``, falling back to the other language."""
    first, second = (ko, en) if lang == "ko" else (en, ko)
    return first or second


@dataclass(frozen=True)
class Shown:
    """A text as shown in one language.

    ``lang`` is the language the text is in; ``missing`` is set when the wanted
    language's text is empty and the other language's is shown instead, which the UI
    and the briefings mark ("KO"/"EN") rather than pass off as a translation.
    """

    text: str
    lang: str
    missing: bool = False

    def __str__(self) -> str:
        return self.text


def shown(ko: str, en: str, lang: str = "ko") -> Shown:
    """``ko``/``en`` as shown in ``lang``: that language's text, else the other one, marked missing."""
    wanted, other = ("ko", "en") if lang == "ko" else ("en", "ko")
    first, second = (ko, en) if lang == "ko" else (en, ko)
    if first or not second:
        return Shown(first, wanted)
    return Shown(second, other, missing=True)


# -- organizations -------------------------------------------------------------


@dataclass(frozen=True)
class OrganizationInput:
    name_ko: str
    name_en: str = ""
    short_name: str = ""
    org_kind: OrgKind = OrgKind.COMPANY
    country: str = "KR"
    website: str = ""
    notes: str = ""


@dataclass(frozen=True)
class OrganizationRecord:
    id: UUID
    version: int
    name_ko: str
    name_en: str
    short_name: str
    org_kind: OrgKind
    country: str
    website: str
    notes: str
    created_at: datetime
    updated_at: datetime

    def name(self, lang: str = "ko") -> str:
        return display_name(self.name_ko, self.name_en, lang)


@dataclass(frozen=True)
class OrganizationQuery:
    text: str = ""
    org_kind: OrgKind | None = None
    sort: str = "name_ko"  # a column of OrganizationRecord
    descending: bool = False
    offset: int = 0
    limit: int | None = None


# -- contacts and memberships --------------------------------------------------


@dataclass(frozen=True)
class ContactInput:
    name_ko: str = ""
    name_en: str = ""
    email: str = ""
    phone: str = ""
    mobile: str = ""
    notes: str = ""


@dataclass(frozen=True)
class ContactRecord:
    id: UUID
    version: int
    name_ko: str
    name_en: str
    email: str
    phone: str
    mobile: str
    notes: str
    created_at: datetime
    updated_at: datetime

    def name(self, lang: str = "ko") -> str:
        return display_name(self.name_ko, self.name_en, lang)


@dataclass(frozen=True)
class ContactSummary:
    """A contact row in a list, with the current position if any."""

    id: UUID
    version: int
    name_ko: str
    name_en: str
    email: str
    phone: str
    organization_name_ko: str
    organization_name_en: str
    title_ko: str
    title_en: str
    updated_at: datetime

    def title(self, lang: str = "ko") -> str:
        return display_name(self.title_ko, self.title_en, lang)


@dataclass(frozen=True)
class ContactQuery:
    text: str = ""
    organization_id: UUID | None = None
    sort: str = "name_ko"
    descending: bool = False
    offset: int = 0
    limit: int | None = None


@dataclass(frozen=True)
class MembershipInput:
    contact_id: UUID
    organization_id: UUID
    title_ko: str = ""
    title_en: str = ""
    department_ko: str = ""
    department_en: str = ""
    started_on: date | None = None
    ended_on: date | None = None


@dataclass(frozen=True)
class MembershipView:
    id: UUID
    version: int
    contact_id: UUID
    contact_name_ko: str
    contact_name_en: str
    organization_id: UUID
    organization_name_ko: str
    organization_name_en: str
    title_ko: str
    title_en: str
    department_ko: str
    department_en: str
    started_on: date | None
    ended_on: date | None

    def title(self, lang: str = "ko") -> str:
        return display_name(self.title_ko, self.title_en, lang)

    def department(self, lang: str = "ko") -> str:
        return display_name(self.department_ko, self.department_en, lang)

    @property
    def current(self) -> bool:
        """Held today: started (or no start known) and not yet ended."""
        today = clock.today()
        started = self.started_on is None or self.started_on <= today
        return started and (self.ended_on is None or self.ended_on >= today)


# -- agreements ----------------------------------------------------------------


@dataclass(frozen=True)
class AgreementInput:
    title_ko: str = ""
    title_en: str = ""
    reference_no: str = ""
    agreement_kind: AgreementKind = AgreementKind.MOU
    status: AgreementStatus = AgreementStatus.DRAFT
    signed_on: date | None = None
    effective_on: date | None = None
    expires_on: date | None = None
    place_ko: str = ""
    place_en: str = ""
    summary_ko: str = ""
    summary_en: str = ""
    confidentiality: Confidentiality = Confidentiality.INTERNAL
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgreementRecord:
    id: UUID
    version: int
    title_ko: str
    title_en: str
    reference_no: str
    agreement_kind: AgreementKind
    status: AgreementStatus
    signed_on: date | None
    effective_on: date | None
    expires_on: date | None
    place_ko: str
    place_en: str
    summary_ko: str
    summary_en: str
    confidentiality: Confidentiality
    tags: tuple[str, ...]
    created_at: datetime
    updated_at: datetime

    def title(self, lang: str = "ko") -> str:
        return display_name(self.title_ko, self.title_en, lang)

    def place(self, lang: str = "ko") -> str:
        return display_name(self.place_ko, self.place_en, lang)

    def summary(self, lang: str = "ko") -> str:
        return display_name(self.summary_ko, self.summary_en, lang)


@dataclass(frozen=True)
class AgreementSummary:
    id: UUID
    version: int
    title_ko: str
    title_en: str
    reference_no: str
    agreement_kind: AgreementKind
    status: AgreementStatus
    signed_on: date | None
    expires_on: date | None
    party_count: int
    updated_at: datetime

    def title(self, lang: str = "ko") -> str:
        return display_name(self.title_ko, self.title_en, lang)


@dataclass(frozen=True)
class AgreementQuery:
    text: str = ""
    statuses: tuple[AgreementStatus, ...] = ()
    kinds: tuple[AgreementKind, ...] = ()
    organization_id: UUID | None = None
    tag: str = ""
    signed_from: date | None = None
    signed_to: date | None = None
    expires_from: date | None = None
    expires_to: date | None = None
    sort: str = "signed_on"  # title_ko, title_en, reference_no, status, signed_on, expires_on, updated_at
    descending: bool = True
    offset: int = 0
    limit: int | None = None


@dataclass(frozen=True)
class PartyInput:
    organization_id: UUID
    role: PartyRole = PartyRole.SIGNATORY
    signatory_contact_id: UUID | None = None
    signatory_name_ko: str = ""  # free text when no contact is linked
    signatory_name_en: str = ""
    signatory_title_ko: str = ""
    signatory_title_en: str = ""
    signed_on: date | None = None
    joined_on: date | None = None
    withdrew_on: date | None = None


@dataclass(frozen=True)
class PartyView:
    id: UUID
    version: int
    agreement_id: UUID
    organization_id: UUID
    organization_name_ko: str
    organization_name_en: str
    role: PartyRole
    position: int
    signatory_contact_id: UUID | None
    signatory_name_ko: str  # the linked contact's name, else the free-text name
    signatory_name_en: str
    signatory_title_ko: str
    signatory_title_en: str
    signed_on: date | None
    joined_on: date | None
    withdrew_on: date | None

    def organization_name(self, lang: str = "ko") -> str:
        return display_name(self.organization_name_ko, self.organization_name_en, lang)

    def signatory_name(self, lang: str = "ko") -> str:
        return display_name(self.signatory_name_ko, self.signatory_name_en, lang)

    def signatory_title(self, lang: str = "ko") -> str:
        return display_name(self.signatory_title_ko, self.signatory_title_en, lang)


@dataclass(frozen=True)
class AmendmentInput:
    agreement_id: UUID
    amended_on: date | None = None
    title_ko: str = ""
    title_en: str = ""
    summary_ko: str = ""
    summary_en: str = ""
    effect_ko: str = ""
    effect_en: str = ""


@dataclass(frozen=True)
class AmendmentView:
    id: UUID
    version: int
    agreement_id: UUID
    amended_on: date | None
    title_ko: str
    title_en: str
    summary_ko: str
    summary_en: str
    effect_ko: str
    effect_en: str

    def title(self, lang: str = "ko") -> str:
        return display_name(self.title_ko, self.title_en, lang)

    def summary(self, lang: str = "ko") -> str:
        return display_name(self.summary_ko, self.summary_en, lang)

    def effect(self, lang: str = "ko") -> str:
        return display_name(self.effect_ko, self.effect_en, lang)


@dataclass(frozen=True)
class CommitmentInput:
    agreement_id: UUID
    title_ko: str = ""  # one of the two titles is required
    title_en: str = ""
    party_id: UUID | None = None
    description_ko: str = ""
    description_en: str = ""
    due_on: date | None = None
    status: CommitmentStatus = CommitmentStatus.PLANNED


@dataclass(frozen=True)
class CommitmentView:
    id: UUID
    version: int
    agreement_id: UUID
    agreement_title_ko: str
    agreement_title_en: str
    party_id: UUID | None
    organization_id: UUID | None
    organization_name_ko: str
    organization_name_en: str
    title_ko: str
    title_en: str
    description_ko: str
    description_en: str
    due_on: date | None
    status: CommitmentStatus
    updated_at: datetime

    def title(self, lang: str = "ko") -> str:
        return display_name(self.title_ko, self.title_en, lang)

    def description(self, lang: str = "ko") -> str:
        return display_name(self.description_ko, self.description_en, lang)

    @property
    def overdue(self) -> bool:
        return (
            self.due_on is not None
            and self.due_on < clock.today()
            and self.status in (CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS)
        )


@dataclass(frozen=True)
class CommitmentQuery:
    text: str = ""
    agreement_id: UUID | None = None
    agreements: AgreementQuery | None = None  # only the commitments of the agreements it selects
    organization_id: UUID | None = None
    statuses: tuple[CommitmentStatus, ...] = ()
    due_before: date | None = None
    due_from: date | None = None
    sort: str = "due_on"
    descending: bool = False
    offset: int = 0
    limit: int | None = None


@dataclass(frozen=True)
class AttachmentView:
    id: UUID
    version: int
    owner_kind: str
    owner_id: UUID
    filename: str
    media_type: str
    size: int
    sha256: str
    description: str
    created_at: datetime


@dataclass(frozen=True)
class AgreementDetail:
    record: AgreementRecord
    parties: tuple[PartyView, ...]
    commitments: tuple[CommitmentView, ...]
    amendments: tuple[AmendmentView, ...]
    attachments: tuple[AttachmentView, ...]
    meetings: tuple[MeetingSummary, ...]


# -- meetings ------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingInput:
    title_ko: str = ""  # one of the two titles is required
    title_en: str = ""
    starts_at: datetime | None = None  # aware instants
    ends_at: datetime | None = None
    time_zone: str = "Asia/Seoul"  # where the meeting is held: its times are shown in this zone
    place_ko: str = ""
    place_en: str = ""
    online_url: str = ""
    summary_ko: str = ""
    summary_en: str = ""
    agreement_ids: tuple[UUID, ...] = ()
    # The pre-meeting brief: purpose and background, key issues, our position / talking points.
    purpose_ko: str = ""
    purpose_en: str = ""
    issues_ko: str = ""
    issues_en: str = ""
    talking_points_ko: str = ""
    talking_points_en: str = ""


@dataclass(frozen=True)
class MeetingSummary:
    id: UUID
    version: int
    title_ko: str
    title_en: str
    starts_at: datetime | None
    time_zone: str
    place_ko: str
    place_en: str
    attendee_count: int
    open_action_count: int
    updated_at: datetime

    def title(self, lang: str = "ko") -> str:
        return display_name(self.title_ko, self.title_en, lang)

    def place(self, lang: str = "ko") -> str:
        return display_name(self.place_ko, self.place_en, lang)


@dataclass(frozen=True)
class MeetingRecord:
    id: UUID
    version: int
    title_ko: str
    title_en: str
    starts_at: datetime | None
    ends_at: datetime | None
    time_zone: str
    place_ko: str
    place_en: str
    online_url: str
    summary_ko: str
    summary_en: str
    agreement_ids: tuple[UUID, ...]
    created_at: datetime
    updated_at: datetime
    purpose_ko: str = ""
    purpose_en: str = ""
    issues_ko: str = ""
    issues_en: str = ""
    talking_points_ko: str = ""
    talking_points_en: str = ""

    def title(self, lang: str = "ko") -> str:
        return display_name(self.title_ko, self.title_en, lang)

    def place(self, lang: str = "ko") -> str:
        return display_name(self.place_ko, self.place_en, lang)

    def summary(self, lang: str = "ko") -> str:
        return display_name(self.summary_ko, self.summary_en, lang)

    def purpose(self, lang: str = "ko") -> str:
        return display_name(self.purpose_ko, self.purpose_en, lang)

    def issues(self, lang: str = "ko") -> str:
        return display_name(self.issues_ko, self.issues_en, lang)

    def talking_points(self, lang: str = "ko") -> str:
        return display_name(self.talking_points_ko, self.talking_points_en, lang)


@dataclass(frozen=True)
class MeetingQuery:
    text: str = ""
    agreement_id: UUID | None = None
    organization_id: UUID | None = None
    contact_id: UUID | None = None
    starts_from: datetime | None = None
    starts_to: datetime | None = None
    sort: str = "starts_at"
    descending: bool = True
    offset: int = 0
    limit: int | None = None


@dataclass(frozen=True)
class AttendeeInput:
    contact_id: UUID | None = None  # None: a guest, named by guest_name
    organization_id: UUID | None = None  # None: the contact's current organization
    title_ko: str = ""  # both empty: the contact's current title
    title_en: str = ""
    attended: bool = True
    guest_name_ko: str = ""  # a guest who is no contact: name, organization and title as text
    guest_name_en: str = ""
    guest_organization_ko: str = ""
    guest_organization_en: str = ""


@dataclass(frozen=True)
class AttendeeView:
    """An attendee; for a guest (``contact_id`` None) the names are the guest's text."""

    id: UUID
    version: int
    meeting_id: UUID
    contact_id: UUID | None
    contact_name_ko: str
    contact_name_en: str
    organization_id: UUID | None
    organization_name_ko: str
    organization_name_en: str
    title_ko: str
    title_en: str
    attended: bool
    guest_name_ko: str = ""
    guest_name_en: str = ""
    guest_organization_ko: str = ""
    guest_organization_en: str = ""

    @property
    def is_guest(self) -> bool:
        return self.contact_id is None

    def title(self, lang: str = "ko") -> str:
        return display_name(self.title_ko, self.title_en, lang)


@dataclass(frozen=True)
class AgendaItemInput:
    title_ko: str = ""  # one of the two titles is required
    title_en: str = ""
    discussion_ko: str = ""
    discussion_en: str = ""


@dataclass(frozen=True)
class AgendaItemView:
    id: UUID
    version: int
    meeting_id: UUID
    position: int
    title_ko: str
    title_en: str
    discussion_ko: str
    discussion_en: str

    def title(self, lang: str = "ko") -> str:
        return display_name(self.title_ko, self.title_en, lang)

    def discussion(self, lang: str = "ko") -> str:
        return display_name(self.discussion_ko, self.discussion_en, lang)


@dataclass(frozen=True)
class DecisionInput:
    text_ko: str = ""  # one of the two is required
    text_en: str = ""


@dataclass(frozen=True)
class DecisionView:
    id: UUID
    version: int
    meeting_id: UUID
    position: int
    text_ko: str
    text_en: str

    def text(self, lang: str = "ko") -> str:
        return display_name(self.text_ko, self.text_en, lang)


@dataclass(frozen=True)
class ActionItemInput:
    title_ko: str = ""  # one of the two titles is required
    title_en: str = ""
    owner_contact_id: UUID | None = None
    owner_organization_id: UUID | None = None
    due_on: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    commitment_id: UUID | None = None


@dataclass(frozen=True)
class ActionItemView:
    id: UUID
    version: int
    meeting_id: UUID
    meeting_title_ko: str
    meeting_title_en: str
    meeting_starts_at: datetime | None
    meeting_time_zone: str
    title_ko: str
    title_en: str
    owner_contact_id: UUID | None
    owner_name_ko: str
    owner_name_en: str
    owner_organization_id: UUID | None
    owner_organization_name_ko: str
    owner_organization_name_en: str
    due_on: date | None
    status: ActionStatus
    commitment_id: UUID | None
    commitment_title_ko: str
    commitment_title_en: str
    carried_from_id: UUID | None

    def title(self, lang: str = "ko") -> str:
        return display_name(self.title_ko, self.title_en, lang)

    def meeting_title(self, lang: str = "ko") -> str:
        return display_name(self.meeting_title_ko, self.meeting_title_en, lang)

    def commitment_title(self, lang: str = "ko") -> str:
        return display_name(self.commitment_title_ko, self.commitment_title_en, lang)

    @property
    def overdue(self) -> bool:
        return self.due_on is not None and self.due_on < clock.today() and self.status == ActionStatus.OPEN


@dataclass(frozen=True)
class AgreementRef:
    id: UUID
    title_ko: str
    title_en: str
    status: AgreementStatus


@dataclass(frozen=True)
class MeetingDetail:
    record: MeetingRecord
    agreements: tuple[AgreementRef, ...]
    attendees: tuple[AttendeeView, ...]
    agenda: tuple[AgendaItemView, ...]
    decisions: tuple[DecisionView, ...]
    action_items: tuple[ActionItemView, ...]
    attachments: tuple[AttachmentView, ...]


@dataclass(frozen=True)
class OrganizationDetail:
    record: OrganizationRecord
    people: tuple[MembershipView, ...]  # current first, then former
    agreements: tuple[AgreementSummary, ...]
    commitments: tuple[CommitmentView, ...]
    meetings: tuple[MeetingSummary, ...]
    attachments: tuple[AttachmentView, ...]


@dataclass(frozen=True)
class ContactDetail:
    record: ContactRecord
    memberships: tuple[MembershipView, ...]
    meetings: tuple[MeetingSummary, ...]
    action_items: tuple[ActionItemView, ...]
    attachments: tuple[AttachmentView, ...]


@dataclass(frozen=True)
class MissingTranslation:
    """A text a one-language briefing needs that exists only in the other language.

    The briefing prints the other language's text with a marker; the briefing dialog and
    ``brief`` list these before the document is made, each with the record to open.
    """

    kind: (
        str  # the record to open: a RecordKind value (agreement, organization, contact, meeting, commitment)
    )
    id: UUID
    record_ko: str  # the record, as named in each language
    record_en: str
    field_ko: str  # what is missing: "회의명 (영문)" / "Meeting title (English)"
    field_en: str
    text: str  # the other language's text, which is printed instead


# -- dashboard and history -----------------------------------------------------


@dataclass(frozen=True)
class HistoryEntry:
    id: UUID
    occurred_at: datetime
    actor: str
    action: str  # create, update, delete, restore
    version: int
    changes: dict[str, list[object]] = field(default_factory=dict)


@dataclass(frozen=True)
class RecentChange:
    kind: str  # table name: agreement, organization, contact, meeting, commitment...
    id: UUID
    label_ko: str  # the record's title or name in Korean (empty when it has only an English one)
    label_en: str
    action: str
    occurred_at: datetime

    def label(self, lang: str = "ko") -> str:
        return display_name(self.label_ko, self.label_en, lang)


@dataclass(frozen=True)
class Dashboard:
    today: date
    overdue_commitments: tuple[CommitmentView, ...]
    due_soon_commitments: tuple[CommitmentView, ...]
    overdue_actions: tuple[ActionItemView, ...]
    due_soon_actions: tuple[ActionItemView, ...]
    expiring_agreements: tuple[AgreementSummary, ...]
    upcoming_meetings: tuple[MeetingSummary, ...]
    recent_changes: tuple[RecentChange, ...]
