"""The schema: typed SQLAlchemy 2 models, one per record kind.

Every record (``Entity``) has a UUID key, UTC timestamps, a version for
optimistic locking and a tombstone (``deleted_at``) so that deletions can travel
between laptops. Changes are migrated by Alembic (``app/migrations``).
"""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Dialect,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    Uuid,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

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

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _enum(cls: type[enum.Enum]) -> Enum:
    return Enum(
        cls,
        native_enum=False,
        length=32,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
        name=cls.__name__.lower(),
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(), uuid.UUID: Uuid()}


class Entity(Base):
    """Columns every exchangeable record has."""

    __abstract__ = True
    kind: ClassVar[str] = ""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    updated_at: Mapped[datetime] = mapped_column(default=clock.now, index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # A stale UPDATE (someone saved since we read) matches no row and raises.
        return {"version_id_col": cls.__table__.c.version}


class Organization(Entity):
    __tablename__ = "organization"
    kind = "organization"

    name_ko: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300), default="")
    short_name: Mapped[str] = mapped_column(String(100), default="")
    org_kind: Mapped[OrgKind] = mapped_column(_enum(OrgKind), default=OrgKind.COMPANY)
    country: Mapped[str] = mapped_column(String(2), default="KR")
    website: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_organization_name_ko", "name_ko"),
        Index("ix_organization_name_en", "name_en"),
    )


class Contact(Entity):
    __tablename__ = "contact"
    kind = "contact"

    name_ko: Mapped[str] = mapped_column(String(200), default="")
    name_en: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="", index=True)
    phone: Mapped[str] = mapped_column(String(60), default="")
    mobile: Mapped[str] = mapped_column(String(60), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    # Migration 0007 adds partial indexes on the list's name sort expressions
    # (ix_contact_live_name_{ko,en}_sort[_desc]; app.services.contacts.name_sort_sql), written
    # in SQL there because they differ by database (COLLATE "C" on PostgreSQL).
    __table_args__ = (Index("ix_contact_name_ko", "name_ko"), Index("ix_contact_name_en", "name_en"))


class Membership(Entity):
    """A contact's position in an organization over a period."""

    __tablename__ = "membership"
    kind = "membership"

    contact_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contact.id"), index=True)
    organization_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organization.id"), index=True)
    title_ko: Mapped[str] = mapped_column(String(200), default="")
    title_en: Mapped[str] = mapped_column(String(200), default="")
    department_ko: Mapped[str] = mapped_column(String(200), default="")
    department_en: Mapped[str] = mapped_column(String(200), default="")
    started_on: Mapped[date | None] = mapped_column(Date, default=None)
    ended_on: Mapped[date | None] = mapped_column(Date, default=None)


class Agreement(Entity):
    __tablename__ = "agreement"
    kind = "agreement"

    title_ko: Mapped[str] = mapped_column(String(500), default="")
    title_en: Mapped[str] = mapped_column(String(500), default="")
    reference_no: Mapped[str] = mapped_column(String(100), default="", index=True)
    agreement_kind: Mapped[AgreementKind] = mapped_column(_enum(AgreementKind), default=AgreementKind.MOU)
    status: Mapped[AgreementStatus] = mapped_column(
        _enum(AgreementStatus), default=AgreementStatus.DRAFT, index=True
    )
    signed_on: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    effective_on: Mapped[date | None] = mapped_column(Date, default=None)
    expires_on: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    place_ko: Mapped[str] = mapped_column(String(300), default="")
    place_en: Mapped[str] = mapped_column(String(300), default="")
    summary_ko: Mapped[str] = mapped_column(Text, default="")
    summary_en: Mapped[str] = mapped_column(Text, default="")
    confidentiality: Mapped[Confidentiality] = mapped_column(
        _enum(Confidentiality), default=Confidentiality.INTERNAL
    )
    # Normalised as ",tag1,tag2," so that one tag is found with LIKE on any database.
    tags: Mapped[str] = mapped_column(String(1000), default="")

    __table_args__ = (
        Index("ix_agreement_title_ko", "title_ko"),
        # The list's default order over live rows (migration 0004).
        Index(
            "ix_agreement_live_signed_on",
            "signed_on",
            "id",
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )


class Party(Entity):
    """An organization's place in an agreement."""

    __tablename__ = "party"
    kind = "party"

    agreement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agreement.id"), index=True)
    organization_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organization.id"), index=True)
    role: Mapped[PartyRole] = mapped_column(_enum(PartyRole), default=PartyRole.SIGNATORY)
    position: Mapped[int] = mapped_column(Integer, default=0)
    signatory_contact_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contact.id"), default=None)
    signatory_name_ko: Mapped[str] = mapped_column(String(200), default="")
    signatory_name_en: Mapped[str] = mapped_column(String(200), default="")
    signatory_title_ko: Mapped[str] = mapped_column(String(200), default="")
    signatory_title_en: Mapped[str] = mapped_column(String(200), default="")
    signed_on: Mapped[date | None] = mapped_column(Date, default=None)
    joined_on: Mapped[date | None] = mapped_column(Date, default=None)
    withdrew_on: Mapped[date | None] = mapped_column(Date, default=None)


class Amendment(Entity):
    __tablename__ = "amendment"
    kind = "amendment"

    agreement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agreement.id"), index=True)
    amended_on: Mapped[date | None] = mapped_column(Date, default=None)
    title_ko: Mapped[str] = mapped_column(String(500), default="")
    title_en: Mapped[str] = mapped_column(String(500), default="")
    summary_ko: Mapped[str] = mapped_column(Text, default="")
    summary_en: Mapped[str] = mapped_column(Text, default="")
    effect_ko: Mapped[str] = mapped_column(Text, default="")
    effect_en: Mapped[str] = mapped_column(Text, default="")


class Commitment(Entity):
    """What a party undertook in an agreement."""

    __tablename__ = "commitment"
    kind = "commitment"

    agreement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agreement.id"), index=True)
    party_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("party.id"), default=None, index=True)
    title_ko: Mapped[str] = mapped_column(String(500), default="")
    title_en: Mapped[str] = mapped_column(String(500), default="")
    description_ko: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    status: Mapped[CommitmentStatus] = mapped_column(
        _enum(CommitmentStatus), default=CommitmentStatus.PLANNED, index=True
    )

    # The dashboard's earliest active commitments, status by status (migration 0007).
    __table_args__ = (Index("ix_commitment_status_due_on", "status", "due_on", "id"),)


class Meeting(Entity):
    __tablename__ = "meeting"
    kind = "meeting"

    title_ko: Mapped[str] = mapped_column(String(500), default="")
    title_en: Mapped[str] = mapped_column(String(500), default="")
    # Instants in UTC; shown, typed and printed in the meeting's own zone (an IANA name).
    starts_at: Mapped[datetime | None] = mapped_column(default=None, index=True)
    ends_at: Mapped[datetime | None] = mapped_column(default=None)
    time_zone: Mapped[str] = mapped_column(String(64), default="Asia/Seoul")
    place_ko: Mapped[str] = mapped_column(String(300), default="")
    place_en: Mapped[str] = mapped_column(String(300), default="")
    online_url: Mapped[str] = mapped_column(String(1000), default="")
    summary_ko: Mapped[str] = mapped_column(Text, default="")  # discussion / minutes text
    summary_en: Mapped[str] = mapped_column(Text, default="")
    # For the pre-meeting brief (0010): purpose and background, key issues, our position / talking points.
    purpose_ko: Mapped[str] = mapped_column(Text, default="")
    purpose_en: Mapped[str] = mapped_column(Text, default="")
    issues_ko: Mapped[str] = mapped_column(Text, default="")
    issues_en: Mapped[str] = mapped_column(Text, default="")
    talking_points_ko: Mapped[str] = mapped_column(Text, default="")
    talking_points_en: Mapped[str] = mapped_column(Text, default="")


class MeetingAgreement(Entity):
    """A meeting's link to an agreement it concerns."""

    __tablename__ = "meeting_agreement"
    kind = "meeting agreement"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    agreement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agreement.id"), index=True)


class Attendee(Entity):
    """A contact at a meeting, with the organization and title they had then; or a guest,
    who is no contact (``contact_id`` empty): name and organization kept as text."""

    __tablename__ = "attendee"
    kind = "attendee"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contact.id"), index=True, default=None)
    organization_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organization.id"), default=None)
    title_ko: Mapped[str] = mapped_column(String(200), default="")
    title_en: Mapped[str] = mapped_column(String(200), default="")
    attended: Mapped[bool] = mapped_column(Boolean, default=True)
    guest_name_ko: Mapped[str] = mapped_column(String(200), default="")
    guest_name_en: Mapped[str] = mapped_column(String(200), default="")
    guest_organization_ko: Mapped[str] = mapped_column(String(300), default="")
    guest_organization_en: Mapped[str] = mapped_column(String(300), default="")


class AgendaItem(Entity):
    __tablename__ = "agenda_item"
    kind = "agenda item"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title_ko: Mapped[str] = mapped_column(String(500), default="")
    title_en: Mapped[str] = mapped_column(String(500), default="")
    discussion_ko: Mapped[str] = mapped_column(Text, default="")
    discussion_en: Mapped[str] = mapped_column(Text, default="")


class Decision(Entity):
    __tablename__ = "decision"
    kind = "decision"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text_ko: Mapped[str] = mapped_column(Text, default="")
    text_en: Mapped[str] = mapped_column(Text, default="")


class ActionItem(Entity):
    """A task from a meeting; it may advance a commitment and carry over to later meetings."""

    __tablename__ = "action_item"
    kind = "action item"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    title_ko: Mapped[str] = mapped_column(String(500), default="")
    title_en: Mapped[str] = mapped_column(String(500), default="")
    owner_contact_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contact.id"), default=None)
    owner_organization_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organization.id"), default=None
    )
    due_on: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    status: Mapped[ActionStatus] = mapped_column(_enum(ActionStatus), default=ActionStatus.OPEN, index=True)
    commitment_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("commitment.id"), default=None, index=True
    )
    carried_from_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("action_item.id"), default=None)

    # A meeting's open items, counted in every meetings list (migration 0005).
    # The dashboard's earliest open items (migration 0007).
    __table_args__ = (
        Index("ix_action_item_meeting_status", "meeting_id", "status"),
        Index("ix_action_item_status_due_on", "status", "due_on", "created_at"),
    )


class Attachment(Entity):
    """A file kept content-addressed in the data folder, linked to any record."""

    __tablename__ = "attachment"
    kind = "attachment"

    owner_kind: Mapped[str] = mapped_column(String(40))
    owner_id: Mapped[uuid.UUID] = mapped_column(index=True)
    filename: Mapped[str] = mapped_column(String(500))
    media_type: Mapped[str] = mapped_column(String(200), default="application/octet-stream")
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    description: Mapped[str] = mapped_column(Text, default="")


class AuditEvent(Base):
    """One write to one record: who, when, and each field's value before and after."""

    __tablename__ = "audit_event"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    occurred_at: Mapped[datetime] = mapped_column(default=clock.now, index=True)
    actor: Mapped[str] = mapped_column(String(200), default="")
    device_id: Mapped[str] = mapped_column(String(64), default="")
    entity_kind: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[uuid.UUID] = mapped_column()
    action: Mapped[str] = mapped_column(String(20))  # create, update, delete, restore
    version: Mapped[int] = mapped_column(Integer, default=0)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Set when the event arrived in an exchange bundle: local time of arrival (for --since).
    received_at: Mapped[datetime | None] = mapped_column(default=None, index=True)

    __table_args__ = (Index("ix_audit_event_entity", "entity_id", "occurred_at"),)


class Conflict(Base):
    """Two concurrent edits of one field met in an exchange; the later one won.

    The id is derived from the two edits, so every database that meets the same pair
    records the same conflict. Values are stored as JSON text.
    """

    __tablename__ = "conflict"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    entity_kind: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[uuid.UUID] = mapped_column(index=True)
    field: Mapped[str] = mapped_column(String(100))
    winner_value: Mapped[str] = mapped_column(Text, default="null")
    loser_value: Mapped[str] = mapped_column(Text, default="null")
    winner_event_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    loser_event_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    winner_device: Mapped[str] = mapped_column(String(64), default="")
    loser_device: Mapped[str] = mapped_column(String(64), default="")
    winner_at: Mapped[datetime | None] = mapped_column(default=None)
    loser_at: Mapped[datetime | None] = mapped_column(default=None)
    detected_at: Mapped[datetime] = mapped_column(index=True)
    reversed_at: Mapped[datetime | None] = mapped_column(default=None)
    reversed_by: Mapped[str] = mapped_column(String(200), default="")


class SearchDocument(Base):
    """One searchable record, as folded text (derived data: ``check --repair`` rebuilds it).

    ``doc_no`` is the SQLite FTS5 rowid; ``heading``/``body`` keep the original text for
    snippets, ``folded_*`` the :func:`app.text.fold_for_search` form that queries match.
    Kept by ``app.search.index`` in the same transaction as the record itself.
    """

    __tablename__ = "search_document"

    doc_no: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    record_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    parent_kind: Mapped[str] = mapped_column(String(40), default="")
    parent_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    title: Mapped[str] = mapped_column(Text, default="")  # the Korean title, else the English (0011)
    title_en: Mapped[str] = mapped_column(Text, default="")  # the English title, else the Korean
    heading: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    folded_heading: Mapped[str] = mapped_column(Text, default="")
    folded_body: Mapped[str] = mapped_column(Text, default="")


class Meta(Base):
    """Key/value facts about this database (its device id, last exchange points...)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


ENTITY_TYPES: tuple[type[Entity], ...] = (
    Organization,
    Contact,
    Membership,
    Agreement,
    Party,
    Amendment,
    Commitment,
    Meeting,
    MeetingAgreement,
    Attendee,
    AgendaItem,
    Decision,
    ActionItem,
    Attachment,
)
ENTITY_BY_TABLE: dict[str, type[Entity]] = {cls.__tablename__: cls for cls in ENTITY_TYPES}

# Every text a person reads, by table: each ``x`` is kept as ``x_ko`` and ``x_en``.
BILINGUAL: dict[str, tuple[str, ...]] = {
    "organization": ("name",),
    "contact": ("name",),
    "membership": ("title", "department"),
    "agreement": ("title", "place", "summary"),
    "party": ("signatory_name", "signatory_title"),
    "amendment": ("title", "summary", "effect"),
    "commitment": ("title", "description"),
    "meeting": ("title", "place", "summary", "purpose", "issues", "talking_points"),
    "attendee": ("title", "guest_name", "guest_organization"),
    "agenda_item": ("title", "discussion"),
    "decision": ("text",),
    "action_item": ("title",),
}

# The one-language columns migration 0011 split in two: older archives and exchange files
# still carry them (read with ``app.text.split_by_script``).
SPLIT_IN_0011: dict[str, tuple[str, ...]] = {
    "agreement": ("place", "summary"),
    "membership": ("title", "department"),
    "party": ("signatory_name", "signatory_title"),
    "amendment": ("title", "summary", "effect"),
    "commitment": ("title", "description"),
    "meeting": ("title", "place", "summary"),
    "attendee": ("title", "guest_name", "guest_organization"),
    "agenda_item": ("title", "discussion"),
    "decision": ("text",),
    "action_item": ("title",),
}
