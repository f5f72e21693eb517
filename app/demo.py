"""The reference data: the 2023 advanced-packaging agreement and fictional surroundings.

Facts from the public report (shared/seed): the agreement, its date and place, its
eleven parties and the three undertakings it names. Everything else (people,
meetings, minutes, the other agreements, the foreign bodies, reference numbers) is
invented for the demo: people are at example.com and invented bodies say "예시/Example".
Dates of past events are fixed; every date after the day of loading (deadlines, expiries,
the next meeting) is counted from that day, so the demo looks the same whatever day it is
loaded. Loading is idempotent: it does nothing when the reference agreement is already there.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from uuid import UUID

from sqlalchemy import select

from app import clock
from app.archive import apply_archive, export_archive, read_archive
from app.db import Database
from app.dto import (
    ActionItemInput,
    AgendaItemInput,
    AgreementInput,
    AttendeeInput,
    CommitmentInput,
    ContactInput,
    MeetingInput,
    MembershipInput,
    OrganizationInput,
    PartyInput,
)
from app.enums import (
    ActionStatus,
    AgreementKind,
    AgreementStatus,
    CommitmentStatus,
    Confidentiality,
    OrgKind,
    PartyRole,
)
from app.models import Agreement
from app.paths import app_paths
from app.services import agreements, commitments, contacts, meetings, organizations
from app.services.opening import open_database

REFERENCE_NO = "DEMO-2023-PKG-01"
SIGNED = date(2023, 8, 29)
REFERENCE_TITLE_KO = "반도체 첨단 패키징 기술개발 협력 협약"
REFERENCE_TITLE_EN = "Agreement on cooperation for semiconductor advanced packaging technology development"

# The upcoming meeting's pre-meeting brief (fictional, like the meetings themselves).
UPCOMING_BRIEF: dict[str, str] = {
    "purpose_ko": (
        "□ 3차 점검회의 이후 이월된 조치사항과 차년도 R&D 사업 계획을 확정하기 위한 실무 협의\n"
        "○ 해외 연구기관 협력 후보 목록 작성이 두 차례 이월되어 기한 경과\n"
        "○ 차년도 예산 요구 일정(내년 1월)에 맞춰 과제 구성 확정 필요"
    ),
    "purpose_en": (
        "□ Working-level meeting to settle the action items carried over since the third review "
        "and next year's R&D plan\n"
        "○ The list of candidate overseas research partners has been carried over twice and is overdue\n"
        "○ The project line-up must be fixed in time for next year's budget request (January)"
    ),
    "issues_ko": (
        "□ 해외 연구기관 협력 후보 선정 기준 (미국·EU 기관 우선순위)\n"
        "□ 차년도 신규 과제 규모 및 기업 부담금 비율\n"
        "○ 중소 OSAT 기업의 부담금 경감 요청 (협회 건의)"
    ),
    "issues_en": (
        "□ Criteria for choosing the overseas research partners (priority of US and EU bodies)\n"
        "□ Size of next year's new projects and the companies' share of the cost\n"
        "○ Request from smaller OSAT firms to lower their share (put forward by the association)"
    ),
    "talking_points_ko": (
        "□ 해외 협력 후보 목록은 연내 확정, 1월 중 방문 협의 추진\n"
        "□ 신규 과제는 이종집적·첨단 기판 분야 중심으로 구성\n"
        "○ 중소기업 부담금 경감은 관계기관 협의 후 검토 (즉답 지양)"
    ),
    "talking_points_en": (
        "□ Fix the list of overseas partners this year and visit them in January\n"
        "□ Build the new projects around heterogeneous integration and advanced substrates\n"
        "○ A lower share for smaller firms to be considered with the agencies concerned (no commitment now)"
    ),
}

# (key, name_ko, name_en, short name, kind, country): the eleven parties, in the order reported.
PARTIES = [
    ("motie", "산업통상자원부", "Ministry of Trade, Industry and Energy", "MOTIE", OrgKind.MINISTRY, "KR"),
    ("samsung", "삼성전자", "Samsung Electronics", "", OrgKind.COMPANY, "KR"),
    ("skhynix", "SK하이닉스", "SK hynix", "", OrgKind.COMPANY, "KR"),
    ("lgchem", "LG화학", "LG Chem", "", OrgKind.COMPANY, "KR"),
    ("hanamicron", "하나마이크론", "Hana Micron", "", OrgKind.COMPANY, "KR"),
    ("protec", "프로텍", "Protec", "", OrgKind.COMPANY, "KR"),
    ("sapeon", "사피온코리아", "Sapeon Korea", "", OrgKind.COMPANY, "KR"),
    ("symtec", "심텍", "Symtec", "", OrgKind.COMPANY, "KR"),
    (
        "pim",
        "차세대지능형반도체사업단",
        "Next-Generation Intelligent Semiconductor Business Group",
        "",
        OrgKind.PUBLIC_AGENCY,
        "KR",
    ),
    (
        "ksia",
        "한국반도체산업협회",
        "Korea Semiconductor Industry Association",
        "KSIA",
        OrgKind.ASSOCIATION,
        "KR",
    ),
    (
        "keit",
        "한국산업기술평가관리원",
        "Korea Evaluation Institute of Industrial Technology",
        "KEIT",
        OrgKind.PUBLIC_AGENCY,
        "KR",
    ),
]

# Invented bodies, for the fictional agreements around the reference one.
OTHER_ORGS = [
    (
        "us-center",
        "예시 첨단패키징 연구센터(미국)",
        "Example Advanced Packaging Research Center (US)",
        "EAPRC",
        OrgKind.FOREIGN_BODY,
        "US",
    ),
    (
        "eu-institute",
        "예시 유럽 반도체 연구소",
        "Example European Semiconductor Institute",
        "EESI",
        OrgKind.FOREIGN_BODY,
        "BE",
    ),
    ("example-univ", "예시대학교", "Example University", "", OrgKind.UNIVERSITY, "KR"),
    ("example-osat", "예시 글로벌 OSAT", "Example Global OSAT Ltd.", "", OrgKind.FOREIGN_BODY, "SG"),
]

# Fictional people: (key, name_ko, name_en, org key, title, department, email local part)
PEOPLE = [
    ("motie-1", "한지윤", "Jiyoon Han", "motie", "과장", "반도체과", "jiyoon.han"),
    ("motie-2", "오세훈", "Sehoon Oh", "motie", "사무관", "반도체과", "sehoon.oh"),
    ("samsung", "박서준", "Seojun Park", "samsung", "상무", "패키징개발실", "seojun.park"),
    ("skhynix", "최유나", "Yuna Choi", "skhynix", "부장", "PKG개발", "yuna.choi"),
    ("lgchem", "정하늘", "Haneul Jung", "lgchem", "팀장", "전자소재사업부", "haneul.jung"),
    ("hanamicron", "강도현", "Dohyun Kang", "hanamicron", "이사", "기술연구소", "dohyun.kang"),
    ("protec", "윤가은", "Gaeun Yoon", "protec", "책임연구원", "장비개발팀", "gaeun.yoon"),
    ("sapeon", "임태오", "Taeo Lim", "sapeon", "수석", "SoC설계팀", "taeo.lim"),
    ("symtec", "서민재", "Minjae Seo", "symtec", "부장", "기판기술팀", "minjae.seo"),
    ("pim", "문채원", "Chaewon Moon", "pim", "PM", "사업기획팀", "chaewon.moon"),
    ("ksia", "배준호", "Junho Bae", "ksia", "본부장", "산업협력본부", "junho.bae"),
    ("keit", "조은비", "Eunbi Cho", "keit", "책임", "반도체평가팀", "eunbi.cho"),
    ("us", "", "Alex Morgan", "us-center", "Program Director", "Industry Partnerships", "alex.morgan"),
    ("eu", "", "Sam Peeters", "eu-institute", "Senior Manager", "Packaging Programme", "sam.peeters"),
    ("univ", "신예린", "Yerin Shin", "example-univ", "교수", "반도체공학과", "yerin.shin"),
]

FICTIONAL = "가상 인물(예시 데이터) / Fictional person (sample data)"


def load_demo(db: Database, today: date | None = None) -> bool:
    """Load the reference data; return False when it was already there.

    The data is built through the services in a scratch database, then merged in one
    transaction, so an interrupted load leaves nothing behind and can simply be run again.
    """
    import tempfile

    with db.session() as s:
        if s.scalar(select(Agreement.id).where(Agreement.reference_no == REFERENCE_NO)) is not None:
            return False
    with tempfile.TemporaryDirectory(prefix="partnership-desk-demo-") as folder:
        scratch_home = Path(folder)
        scratch = open_database(paths=app_paths(scratch_home), backup_before_migrate=False)
        try:
            _Builder(scratch, today or clock.today()).build()
            export_archive(scratch, scratch_home / "demo.json", include_files=False)
        finally:
            scratch.close()
        apply_archive(db, read_archive(scratch_home / "demo.json"))
    return True


class _Builder:
    def __init__(self, db: Database, today: date) -> None:
        self.db = db
        self.today = today
        self.tz = clock.local_now().tzinfo or UTC
        self.org: dict[str, UUID] = {}
        self.person: dict[str, UUID] = {}
        self.party: dict[str, UUID] = {}
        self.commitment: dict[str, UUID] = {}

    def at(self, day: date, hour: int) -> datetime:
        return datetime(day.year, day.month, day.day, hour, 0, tzinfo=self.tz)

    def build(self) -> None:
        self.organizations()
        self.people()
        ref = self.reference_agreement()
        self.other_agreements()
        self.minutes(ref)

    def organizations(self) -> None:
        for key, ko, en, short, kind, country in PARTIES + OTHER_ORGS:
            notes = (
                "예시 기관(가상) / Example body (fictional)"
                if key in dict.fromkeys(o[0] for o in OTHER_ORGS)
                else ""
            )
            rec = organizations.create_organization(
                self.db,
                OrganizationInput(
                    name_ko=ko, name_en=en, short_name=short, org_kind=kind, country=country, notes=notes
                ),
            )
            self.org[key] = rec.id

    def people(self) -> None:
        for key, ko, en, org, title, dept, mail in PEOPLE:
            rec = contacts.create_contact(
                self.db,
                ContactInput(
                    name_ko=ko, name_en=en, email=f"{mail}@example.com", phone="02-0000-0000", notes=FICTIONAL
                ),
            )
            self.person[key] = rec.id
            contacts.add_membership(
                self.db,
                MembershipInput(
                    contact_id=rec.id,
                    organization_id=self.org[org],
                    title=title,
                    department=dept,
                    started_on=date(2021, 3, 2),
                ),
            )
        # A move, so that history shows: the KEIT contact previously worked at KSIA.
        contacts.add_membership(
            self.db,
            MembershipInput(
                contact_id=self.person["keit"],
                organization_id=self.org["ksia"],
                title="선임",
                department="정책지원팀",
                started_on=date(2017, 1, 2),
                ended_on=date(2021, 2, 28),
            ),
        )

    def reference_agreement(self) -> UUID:
        rec = agreements.create_agreement(
            self.db,
            AgreementInput(
                title_ko=REFERENCE_TITLE_KO,
                title_en=REFERENCE_TITLE_EN,
                reference_no=REFERENCE_NO,
                agreement_kind=AgreementKind.AGREEMENT,
                status=AgreementStatus.IN_FORCE,
                signed_on=SIGNED,
                effective_on=SIGNED,
                place="엘타워, 서울 (Eltower, Seoul)",
                summary=(
                    "산업통상자원부와 반도체 기업·기관 10곳이 반도체 첨단 패키징 기술개발과 역량 강화를 위해 "
                    "체결한 협약. 신규 첨단 패키징 R&D 사업 추진, 미국·EU 반도체 연구기관 및 글로벌 OSAT 기업과의 "
                    "협력체계 구축, 팹리스·패키징·파운드리·OSAT 분야 전문기업 생태계 조성을 담는다.\n\n"
                    "The Ministry of Trade, Industry and Energy and ten semiconductor companies and organizations "
                    "agreed to cooperate on developing advanced packaging technology: new R&D projects with "
                    "government investment, a collaboration system with US and EU research centres and global "
                    "OSATs, and an ecosystem of specialised fabless, packaging, foundry and OSAT companies."
                ),
                confidentiality=Confidentiality.PUBLIC,
                tags=("반도체", "첨단패키징", "R&D"),
            ),
        )
        for key, *_ in PARTIES:
            role = PartyRole.LEAD if key == "motie" else PartyRole.SIGNATORY
            person = "motie-1" if key == "motie" else key
            signer = next(p for p in PEOPLE if p[0] == person)
            view = agreements.add_party(
                self.db,
                rec.id,
                PartyInput(
                    organization_id=self.org[key],
                    role=role,
                    signatory_contact_id=self.person[person],
                    signatory_title=signer[4],
                    signed_on=SIGNED,
                ),
            )
            self.party[key] = view.id
        t = self.today
        rows = [
            (
                "rnd",
                "motie",
                "첨단 패키징 신규 R&D 사업 추진 (정부 투자)",
                "첨단 패키징 분야 신규 연구개발 사업을 기획·추진하고 정부 예산을 투자한다. "
                "(Promote new advanced-packaging R&D projects with government investment.)",
                t + timedelta(days=21),
                CommitmentStatus.IN_PROGRESS,
            ),
            (
                "global",
                "motie",
                "미국·EU 반도체 연구기관 및 글로벌 OSAT 기업과 협력체계 구축",
                "Set up a collaboration system with US and EU semiconductor research centres and global OSATs.",
                t - timedelta(days=12),
                CommitmentStatus.IN_PROGRESS,
            ),
            (
                "ecosystem",
                "motie",
                "팹리스·패키징·파운드리·OSAT 전문기업 생태계 조성",
                "Build an ecosystem by promoting specialised fabless, packaging, foundry and OSAT companies.",
                t + timedelta(days=150),
                CommitmentStatus.PLANNED,
            ),
            # The commitments below are invented for the demo.
            (
                "keit-plan",
                "keit",
                "신규 R&D 과제 기획·평가 지원 (예시)",
                "예시 데이터: 과제 기획 및 평가 절차 운영.",
                date(2024, 3, 31),
                CommitmentStatus.DONE,
            ),
            (
                "ksia-forum",
                "ksia",
                "패키징 생태계 협의체 운영 (예시)",
                "예시 데이터: 분기별 협의체 회의 개최.",
                t + timedelta(days=45),
                CommitmentStatus.IN_PROGRESS,
            ),
            (
                "samsung-rnd",
                "samsung",
                "공동 R&D 과제 참여 (예시)",
                "예시 데이터.",
                t + timedelta(days=300),
                CommitmentStatus.PLANNED,
            ),
            (
                "skhynix-rnd",
                "skhynix",
                "공동 R&D 과제 참여 (예시)",
                "예시 데이터.",
                t + timedelta(days=300),
                CommitmentStatus.PLANNED,
            ),
        ]
        for key, party, title, desc, due, status in rows:
            commitment = commitments.create_commitment(
                self.db,
                CommitmentInput(
                    agreement_id=rec.id,
                    party_id=self.party[party],
                    title=title,
                    description=desc,
                    due_on=due,
                    status=status,
                ),
            )
            self.commitment[key] = commitment.id
        return rec.id

    def other_agreements(self) -> None:
        t = self.today
        rows = [
            (
                "DEMO-2026-PWR-02",
                "차세대 전력반도체 기술협력 업무협약(예시)",
                "Example MOU on next-generation power semiconductors",
                AgreementKind.MOU,
                AgreementStatus.NEGOTIATING,
                None,
                None,
                ["motie", "example-univ", "ksia"],
            ),
            (
                "DEMO-2024-US-03",
                "예시 첨단패키징 연구센터와의 연구협력 양해각서",
                "Example research MOU with a US packaging centre",
                AgreementKind.MOU,
                AgreementStatus.IN_FORCE,
                date(2024, 4, 16),
                t + timedelta(days=60),
                ["motie", "us-center", "keit"],
            ),
            (
                "DEMO-2019-HR-04",
                "시스템반도체 인력양성 협약(예시)",
                "Example agreement on system-semiconductor skills",
                AgreementKind.AGREEMENT,
                AgreementStatus.EXPIRED,
                date(2019, 5, 7),
                date(2022, 5, 6),
                ["motie", "example-univ"],
            ),
            (
                "DEMO-2025-EU-05",
                "예시 유럽 반도체 연구소와의 공동연구 계약",
                "Example joint research contract with a European institute",
                AgreementKind.CONTRACT,
                AgreementStatus.SIGNED,
                date(2025, 11, 3),
                t + timedelta(days=700),
                ["keit", "eu-institute"],
            ),
            (
                "DEMO-2022-OSAT-06",
                "글로벌 OSAT 공급망 협력 협약(예시, 해지)",
                "Example OSAT supply-chain agreement (terminated)",
                AgreementKind.AGREEMENT,
                AgreementStatus.TERMINATED,
                date(2022, 9, 1),
                None,
                ["ksia", "example-osat"],
            ),
            (
                "DEMO-2027-DRAFT-07",
                "반도체 소부장 협력 협약 초안(예시)",
                "Draft example agreement on materials and equipment",
                AgreementKind.AGREEMENT,
                AgreementStatus.DRAFT,
                None,
                None,
                ["motie", "lgchem", "protec"],
            ),
        ]
        for ref, ko, en, kind, status, signed, expires, orgs in rows:
            rec = agreements.create_agreement(
                self.db,
                AgreementInput(
                    title_ko=ko,
                    title_en=en,
                    reference_no=ref,
                    agreement_kind=kind,
                    status=status,
                    signed_on=signed,
                    effective_on=signed,
                    expires_on=expires,
                    summary="예시 데이터(가상 협약). Fictional sample agreement.",
                    tags=("예시",),
                ),
            )
            for i, org in enumerate(orgs):
                agreements.add_party(
                    self.db,
                    rec.id,
                    PartyInput(
                        organization_id=self.org[org],
                        role=PartyRole.LEAD if i == 0 else PartyRole.SIGNATORY,
                        signed_on=signed,
                    ),
                )

    def minutes(self, ref: UUID) -> None:
        t = self.today
        first = self._meeting(
            ref,
            "첨단 패키징 협약 후속 실무협의회 (1차)",
            self.at(date(2023, 10, 17), 14),
            "산업통상자원부 회의실 (세종)",
            ["motie-1", "motie-2", "samsung", "skhynix", "ksia", "keit"],
            [
                (
                    "협약 이행 체계 및 실무협의회 운영 방안",
                    "분기별 실무협의회를 열고 간사는 한국반도체산업협회가 맡기로 논의함.",
                ),
                ("신규 R&D 사업 기획 방향", "기업 수요를 반영한 과제 기획이 필요하다는 의견이 다수 제시됨."),
            ],
            [
                "실무협의회는 분기 1회 개최하며 간사기관은 한국반도체산업협회로 한다.",
                "신규 R&D 사업 기획을 위한 기업 수요조사를 실시한다.",
            ],
            [("기업 수요조사 설문 배포 및 취합", "ksia", date(2023, 11, 30), ActionStatus.DONE, "rnd")],
        )
        second = self._meeting(
            ref,
            "첨단 패키징 협약 후속 실무협의회 (2차)",
            self.at(date(2024, 3, 12), 10),
            "온라인 (화상회의)",
            ["motie-2", "hanamicron", "protec", "symtec", "pim", "keit"],
            [
                ("수요조사 결과 공유", "응답 기업 다수가 이종집적 및 기판 기술을 우선 과제로 꼽음."),
                ("해외 연구기관 협력 방안", "미국·EU 연구기관과의 협력 채널 마련을 위해 방문 일정을 검토함."),
            ],
            ["이종집적·첨단 기판 분야를 신규 과제 후보로 우선 검토한다."],
            [
                (
                    "해외 연구기관 협력 후보 목록 작성",
                    "motie-2",
                    t - timedelta(days=12),
                    ActionStatus.OPEN,
                    "global",
                ),
                ("과제 기획 보고서 초안 작성", "keit", date(2024, 5, 31), ActionStatus.DONE, "rnd"),
            ],
        )
        third = self._meeting(
            ref,
            "첨단 패키징 협약 이행 점검회의 (3차)",
            self.at(date(2025, 6, 24), 15),
            "엘타워, 서울",
            ["motie-1", "samsung", "skhynix", "lgchem", "sapeon", "ksia", "us"],
            [
                ("이행 과제 점검", "R&D 사업은 진행 중이며 해외 협력체계는 후보 기관과 협의 중임."),
                ("생태계 조성 지원 방안", "OSAT 전문기업 육성을 위한 지원 방안을 추가 논의하기로 함."),
            ],
            [
                "해외 협력 후보 기관과 연내 양해각서 체결을 추진한다.",
                "생태계 협의체에 팹리스 기업 참여를 확대한다 (R&D < 예산 & 일정 검토).",
            ],
            [
                (
                    "OSAT 전문기업 지원 방안 정리",
                    "ksia",
                    t + timedelta(days=10),
                    ActionStatus.OPEN,
                    "ecosystem",
                ),
                ("협력 양해각서 문안 검토", "motie-2", t + timedelta(days=25), ActionStatus.OPEN, "global"),
            ],
        )
        upcoming = self._meeting(
            ref,
            "첨단 패키징 협약 실무협의회 (4차)",
            self.at(t + timedelta(days=14), 14),
            "한국반도체산업협회 회의실",
            ["motie-1", "motie-2", "ksia", "keit", "hanamicron"],
            [("이월 조치사항 점검", ""), ("차년도 R&D 사업 계획", "")],
            [],
            [],
            brief=UPCOMING_BRIEF,
        )
        # The open item from the second meeting is carried into the upcoming one.
        open_items = meetings.list_action_items(self.db, meeting_id=second, open_only=True)
        for item in open_items:
            meetings.carry_over(self.db, item.id, upcoming)
        del first, third

    def _meeting(
        self,
        ref: UUID,
        title: str,
        starts: datetime,
        place: str,
        people: list[str],
        agenda: list[tuple[str, str]],
        decisions: list[str],
        actions: list[tuple[str, str, date, ActionStatus, str]],
        brief: dict[str, str] | None = None,
    ) -> UUID:
        rec = meetings.create_meeting(
            self.db,
            MeetingInput(
                title=title,
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                place=place,
                summary="회의록 예시 데이터입니다. / Sample minutes (fictional).",
                agreement_ids=(ref,),
                **(brief or {}),
            ),
        )
        for key in people:
            meetings.add_attendee(self.db, rec.id, AttendeeInput(contact_id=self.person[key]))
        for item_title, discussion in agenda:
            meetings.add_agenda_item(
                self.db, rec.id, AgendaItemInput(title=item_title, discussion=discussion)
            )
        for decision in decisions:
            meetings.add_decision(self.db, rec.id, decision)
        for item_title, owner, due, status, commitment in actions:
            owner_id = self.person.get(owner)
            meetings.add_action_item(
                self.db,
                rec.id,
                ActionItemInput(
                    title=item_title,
                    owner_contact_id=owner_id,
                    owner_organization_id=self.org.get(owner) if owner_id is None else None,
                    due_on=due,
                    status=status,
                    commitment_id=self.commitment[commitment],
                ),
            )
        return rec.id
