"""Small builders for service tests: one call makes a valid record of each kind."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from uuid import UUID

import pg_server

from app.db import Database
from app.dto import (
    AgreementInput,
    AgreementRecord,
    CommitmentInput,
    CommitmentView,
    ContactInput,
    ContactRecord,
    MeetingInput,
    MeetingRecord,
    MembershipInput,
    MembershipView,
    OrganizationInput,
    OrganizationRecord,
    PartyInput,
    PartyView,
)
from app.enums import AgreementStatus, OrgKind, PartyRole
from app.paths import app_paths
from app.services import agreements, commitments, contacts, meetings, organizations
from app.services.opening import open_database


def org(db: Database, name_ko: str = "산업통상자원부", name_en: str = "", **kw: object) -> OrganizationRecord:
    kw.setdefault("org_kind", OrgKind.MINISTRY)
    return organizations.create_organization(db, OrganizationInput(name_ko=name_ko, name_en=name_en, **kw))  # type: ignore[arg-type]


def person(db: Database, name_ko: str = "한지윤", name_en: str = "", **kw: object) -> ContactRecord:
    return contacts.create_contact(db, ContactInput(name_ko=name_ko, name_en=name_en, **kw))  # type: ignore[arg-type]


def member(
    db: Database,
    contact: UUID,
    organization: UUID,
    title: str = "과장",
    started_on: date | None = None,
    ended_on: date | None = None,
    title_en: str = "",
) -> MembershipView:
    """A position; ``title`` is the Korean title."""
    return contacts.add_membership(
        db,
        MembershipInput(
            contact_id=contact,
            organization_id=organization,
            title_ko=title,
            title_en=title_en,
            started_on=started_on,
            ended_on=ended_on,
        ),
    )


def agreement(
    db: Database,
    title_ko: str = "반도체 협력 협약",
    status: AgreementStatus = AgreementStatus.DRAFT,
    signed_on: date | None = None,
    **kw: object,
) -> AgreementRecord:
    if (
        status in (AgreementStatus.SIGNED, AgreementStatus.IN_FORCE, AgreementStatus.EXPIRED)
        and signed_on is None
    ):
        signed_on = date(2023, 8, 29)
    return agreements.create_agreement(
        db,
        AgreementInput(title_ko=title_ko, status=status, signed_on=signed_on, **kw),  # type: ignore[arg-type]
    )


def party(db: Database, agreement_id: UUID, organization_id: UUID, **kw: object) -> PartyView:
    kw.setdefault("role", PartyRole.SIGNATORY)
    return agreements.add_party(db, agreement_id, PartyInput(organization_id=organization_id, **kw))  # type: ignore[arg-type]


def commitment(
    db: Database, agreement_id: UUID, title: str = "R&D 과제 추진", **kw: object
) -> CommitmentView:
    """A commitment; ``title`` is the Korean title (``title_en=`` for the English one)."""
    return commitments.create_commitment(db, CommitmentInput(agreement_id=agreement_id, title_ko=title, **kw))  # type: ignore[arg-type]


def meeting(db: Database, title: str = "실무협의회", **kw: object) -> MeetingRecord:
    """A meeting; ``title`` is the Korean title (``title_en=``, ``place_ko=``... for the others)."""
    return meetings.create_meeting(db, MeetingInput(title_ko=title, **kw))  # type: ignore[arg-type]


@contextlib.contextmanager
def scratch_database(kind: str, folder: Path) -> Iterator[Database]:
    """A database that lives as long as the caller wants (for module-scoped, read-only fixtures).

    ``kind`` is "sqlite" (a file under ``folder``) or "postgresql" (a new database on the
    test server, dropped afterwards).
    """
    with contextlib.ExitStack() as stack:
        url = None if kind == "sqlite" else stack.enter_context(pg_server.new_database())
        database = open_database(url, paths=app_paths(folder))
        stack.callback(database.close)
        yield database
