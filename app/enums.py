"""Enumerations of the domain, with their names in both languages (GLOSSARY.md)."""

from __future__ import annotations

import enum

from app.i18n import Language, current_language


class Labeled(enum.StrEnum):
    """A string enum whose members have Korean and English labels."""

    def label(self, lang: Language | None = None) -> str:
        ko, en = _LABELS[self]
        return ko if (lang or current_language()) == "ko" else en


class OrgKind(Labeled):
    MINISTRY = "ministry"
    PUBLIC_AGENCY = "public_agency"
    COMPANY = "company"
    ASSOCIATION = "association"
    RESEARCH_INSTITUTE = "research_institute"
    UNIVERSITY = "university"
    FOREIGN_BODY = "foreign_body"
    OTHER = "other"


class AgreementKind(Labeled):
    MOU = "mou"
    AGREEMENT = "agreement"
    TREATY = "treaty"
    CONTRACT = "contract"


class AgreementStatus(Labeled):
    DRAFT = "draft"
    NEGOTIATING = "negotiating"
    SIGNED = "signed"
    IN_FORCE = "in_force"
    EXPIRED = "expired"
    TERMINATED = "terminated"


class PartyRole(Labeled):
    LEAD = "lead"
    SIGNATORY = "signatory"
    WITNESS = "witness"
    OBSERVER = "observer"


class CommitmentStatus(Labeled):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class ActionStatus(Labeled):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"
    CARRIED_OVER = "carried_over"


class Confidentiality(Labeled):
    PUBLIC = "public"
    INTERNAL = "internal"
    RESTRICTED = "restricted"
    SECRET = "secret"


# Allowed status changes of an agreement (the lifecycle).
AGREEMENT_TRANSITIONS: dict[AgreementStatus, frozenset[AgreementStatus]] = {
    AgreementStatus.DRAFT: frozenset(
        {AgreementStatus.NEGOTIATING, AgreementStatus.SIGNED, AgreementStatus.TERMINATED}
    ),
    AgreementStatus.NEGOTIATING: frozenset(
        {AgreementStatus.DRAFT, AgreementStatus.SIGNED, AgreementStatus.TERMINATED}
    ),
    AgreementStatus.SIGNED: frozenset(
        {AgreementStatus.IN_FORCE, AgreementStatus.EXPIRED, AgreementStatus.TERMINATED}
    ),
    AgreementStatus.IN_FORCE: frozenset({AgreementStatus.EXPIRED, AgreementStatus.TERMINATED}),
    AgreementStatus.EXPIRED: frozenset({AgreementStatus.IN_FORCE}),
    AgreementStatus.TERMINATED: frozenset(),
}


class RecordKind(Labeled):
    """The records a person lists, opens, searches, exports and exchanges (GLOSSARY.md).

    The value is the singular ("agreement"); lists and commands also take the plural.
    """

    AGREEMENT = "agreement"
    ORGANIZATION = "organization"
    CONTACT = "contact"
    MEETING = "meeting"
    COMMITMENT = "commitment"

    @property
    def plural(self) -> str:
        return f"{self.value}s"

    @classmethod
    def parse(cls, word: str) -> RecordKind:
        """The kind named by ``word``, singular or plural ("agreement", "agreements");
        ValueError for anything else."""
        cleaned = word.strip().lower()
        for kind in cls:
            if cleaned in (kind.value, kind.plural):
                return kind
        raise ValueError(f"not a record kind: {word!r}")


_LABELS: dict[enum.Enum, tuple[str, str]] = {
    OrgKind.MINISTRY: ("부처", "Ministry"),
    OrgKind.PUBLIC_AGENCY: ("공공기관", "Public agency"),
    OrgKind.COMPANY: ("기업", "Company"),
    OrgKind.ASSOCIATION: ("협회", "Association"),
    OrgKind.RESEARCH_INSTITUTE: ("연구기관", "Research institute"),
    OrgKind.UNIVERSITY: ("대학", "University"),
    OrgKind.FOREIGN_BODY: ("해외기관", "Foreign body"),
    OrgKind.OTHER: ("기타", "Other"),
    AgreementKind.MOU: ("업무협약(MOU)", "Memorandum of understanding (MOU)"),
    AgreementKind.AGREEMENT: ("협약", "Agreement"),
    AgreementKind.TREATY: ("협정", "Intergovernmental agreement"),
    AgreementKind.CONTRACT: ("계약", "Contract"),
    AgreementStatus.DRAFT: ("초안", "Draft"),
    AgreementStatus.NEGOTIATING: ("협의 중", "Under negotiation"),
    AgreementStatus.SIGNED: ("체결", "Signed"),
    AgreementStatus.IN_FORCE: ("발효 중", "In force"),
    AgreementStatus.EXPIRED: ("만료", "Expired"),
    AgreementStatus.TERMINATED: ("해지", "Terminated"),
    PartyRole.LEAD: ("주관기관", "Lead"),
    PartyRole.SIGNATORY: ("서명기관", "Signatory"),
    PartyRole.WITNESS: ("입회기관", "Witness"),
    PartyRole.OBSERVER: ("참관기관", "Observer"),
    CommitmentStatus.PLANNED: ("계획", "Planned"),
    CommitmentStatus.IN_PROGRESS: ("진행 중", "In progress"),
    CommitmentStatus.DONE: ("완료", "Done"),
    CommitmentStatus.DROPPED: ("중단", "Dropped"),
    ActionStatus.OPEN: ("진행 중", "Open"),
    ActionStatus.DONE: ("완료", "Done"),
    ActionStatus.DROPPED: ("중단", "Dropped"),
    ActionStatus.CARRIED_OVER: ("이월", "Carried over"),
    Confidentiality.PUBLIC: ("공개", "Public"),
    Confidentiality.INTERNAL: ("내부용", "Internal"),
    Confidentiality.RESTRICTED: ("대외비", "Restricted"),
    Confidentiality.SECRET: ("비밀", "Secret"),
    RecordKind.AGREEMENT: ("협약", "Agreement"),
    RecordKind.ORGANIZATION: ("기관", "Organization"),
    RecordKind.CONTACT: ("담당자", "Contact"),
    RecordKind.MEETING: ("회의", "Meeting"),
    RecordKind.COMMITMENT: ("이행 과제", "Commitment"),
}
