"""The reference data: the 2023 advanced-packaging agreement and fictional surroundings.

Facts from the public report (shared/seed): the agreement, its date and place, its
eleven parties and the three undertakings it names. Everything else (people,
meetings, minutes, the other agreements, the foreign bodies, reference numbers) is
invented for the demo: people are at example.com and invented bodies say "예시/Example".
Every text a person reads is given in Korean and in English. Meetings are held in Seoul
(Asia/Seoul) apart from one workshop in the United States (America/New_York): their times
are wall-clock times where they are held, the same on any computer.
Dates of past events are fixed; every date after the day of loading (deadlines, expiries,
the next meeting) is counted from that day, so the demo looks the same whatever day it is
loaded. Loading is idempotent: it does nothing when the reference agreement is already there.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path
from uuid import UUID

from sqlalchemy import select

from app import clock, zones
from app.archive import apply_archive, export_archive, read_archive
from app.db import Database
from app.dto import (
    ActionItemInput,
    AgendaItemInput,
    AgreementInput,
    AmendmentInput,
    AttendeeInput,
    CommitmentInput,
    ContactInput,
    DecisionInput,
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

# Fictional people: (key, (name_ko, name_en), org key, (title_ko, title_en), (department_ko, department_en),
# e-mail local part). English titles follow the glossary's list of titles and ranks.
PEOPLE: list[tuple[str, tuple[str, str], str, tuple[str, str], tuple[str, str], str]] = [
    (
        "motie-1",
        ("한지윤", "Jiyoon Han"),
        "motie",
        ("과장", "Director"),
        ("반도체과", "Semiconductor Division"),
        "jiyoon.han",
    ),
    (
        "motie-2",
        ("오세훈", "Sehoon Oh"),
        "motie",
        ("사무관", "Deputy Director"),
        ("반도체과", "Semiconductor Division"),
        "sehoon.oh",
    ),
    (
        "samsung",
        ("박서준", "Seojun Park"),
        "samsung",
        ("상무", "Vice President"),
        ("패키징개발실", "Package Development Office"),
        "seojun.park",
    ),
    (
        "skhynix",
        ("최유나", "Yuna Choi"),
        "skhynix",
        ("부장", "General Manager"),
        ("PKG개발", "Package Development"),
        "yuna.choi",
    ),
    (
        "lgchem",
        ("정하늘", "Haneul Jung"),
        "lgchem",
        ("팀장", "Team Leader"),
        ("전자소재사업부", "Electronic Materials Division"),
        "haneul.jung",
    ),
    (
        "hanamicron",
        ("강도현", "Dohyun Kang"),
        "hanamicron",
        ("이사", "Director"),
        ("기술연구소", "R&D Center"),
        "dohyun.kang",
    ),
    (
        "protec",
        ("윤가은", "Gaeun Yoon"),
        "protec",
        ("책임연구원", "Principal Researcher"),
        ("장비개발팀", "Equipment Development Team"),
        "gaeun.yoon",
    ),
    (
        "sapeon",
        ("임태오", "Taeo Lim"),
        "sapeon",
        ("수석연구원", "Principal Engineer"),
        ("SoC설계팀", "SoC Design Team"),
        "taeo.lim",
    ),
    (
        "symtec",
        ("서민재", "Minjae Seo"),
        "symtec",
        ("부장", "General Manager"),
        ("기판기술팀", "Substrate Technology Team"),
        "minjae.seo",
    ),
    (
        "pim",
        ("문채원", "Chaewon Moon"),
        "pim",
        ("팀장", "Team Leader"),
        ("사업기획팀", "Programme Planning Team"),
        "chaewon.moon",
    ),
    (
        "ksia",
        ("배준호", "Junho Bae"),
        "ksia",
        ("본부장", "Executive Director"),
        ("산업협력본부", "Industry Cooperation Division"),
        "junho.bae",
    ),
    (
        "keit",
        ("조은비", "Eunbi Cho"),
        "keit",
        ("책임연구원", "Principal Researcher"),
        ("반도체평가팀", "Semiconductor Evaluation Team"),
        "eunbi.cho",
    ),
    (
        "us",
        ("알렉스 모건", "Alex Morgan"),
        "us-center",
        ("프로그램 디렉터", "Program Director"),
        ("산업협력실", "Industry Partnerships"),
        "alex.morgan",
    ),
    (
        "eu",
        ("샘 페테르스", "Sam Peeters"),
        "eu-institute",
        ("선임 매니저", "Senior Manager"),
        ("패키징 프로그램", "Packaging Programme"),
        "sam.peeters",
    ),
    (
        "univ",
        ("신예린", "Yerin Shin"),
        "example-univ",
        ("교수", "Professor"),
        ("반도체공학과", "Department of Semiconductor Engineering"),
        "yerin.shin",
    ),
]

FICTIONAL = "가상 인물(예시 데이터) / Fictional person (sample data)"

# The reference agreement as the public report gives it, in each language.
REFERENCE_PLACE = ("엘타워, 서울", "Eltower, Seoul")
REFERENCE_SUMMARY = (
    "산업통상자원부와 반도체 기업·기관 10곳이 반도체 첨단 패키징 기술개발과 역량 강화를 위해 체결한 협약. "
    "신규 첨단 패키징 R&D 사업 추진, 미국·EU 반도체 연구기관 및 글로벌 OSAT 기업과의 협력체계 구축, "
    "팹리스·패키징·파운드리·OSAT 분야 전문기업 생태계 조성을 담는다.",
    "The Ministry of Trade, Industry and Energy and ten semiconductor companies and organizations agreed to "
    "cooperate on developing advanced packaging technology: new R&D projects with government investment, a "
    "collaboration system with US and EU research centres and global OSATs, and an ecosystem of specialised "
    "fabless, packaging, foundry and OSAT companies.",
)

Text = tuple[str, str]  # (Korean, English)

Action = tuple[Text, str, date, ActionStatus, str]  # title, owner (person or organization key), due, ...


class _Meeting:
    """One meeting of the demo: its times are wall-clock times in ``time_zone``, where it is held."""

    def __init__(
        self,
        title: Text,
        day: date,
        hours: tuple[time, time],
        place: Text,
        people: list[str],
        agenda: list[tuple[Text, Text]],
        decisions: list[Text],
        actions: list[Action],
        summary: Text = ("", ""),
        time_zone: str = zones.HOME,
        guests: tuple[tuple[Text, Text, Text], ...] = (),  # (name, organization, title)
        agreements: tuple[str, ...] = ("reference",),
        brief: dict[str, str] | None = None,
    ) -> None:
        self.title = title
        self.starts_at = zones.at(day, hours[0], time_zone)
        self.ends_at = zones.at(day, hours[1], time_zone)
        self.time_zone = time_zone
        self.place = place
        self.people = people
        self.agenda = agenda
        self.decisions = decisions
        self.actions = actions
        self.summary = summary
        self.guests = guests
        self.agreements = agreements
        self.brief = brief or {}


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
        self.org: dict[str, UUID] = {}
        self.person: dict[str, UUID] = {}
        self.party: dict[str, UUID] = {}
        self.commitment: dict[str, UUID] = {}
        self.agreement: dict[str, UUID] = {}

    def build(self) -> None:
        self.organizations()
        self.people()
        ref = self.reference_agreement()
        self.other_agreements()
        self.minutes(ref)

    def organizations(self) -> None:
        for key, ko, en, short, kind, country in PARTIES + OTHER_ORGS:
            rec = organizations.create_organization(
                self.db,
                OrganizationInput(name_ko=ko, name_en=en, short_name=short, org_kind=kind, country=country),
            )
            self.org[key] = rec.id

    def people(self) -> None:
        for key, (name_ko, name_en), org, (title_ko, title_en), (dept_ko, dept_en), mail in PEOPLE:
            rec = contacts.create_contact(
                self.db,
                ContactInput(
                    name_ko=name_ko,
                    name_en=name_en,
                    email=f"{mail}@example.com",
                    phone="02-0000-0000",
                    notes=FICTIONAL,
                ),
            )
            self.person[key] = rec.id
            contacts.add_membership(
                self.db,
                MembershipInput(
                    contact_id=rec.id,
                    organization_id=self.org[org],
                    title_ko=title_ko,
                    title_en=title_en,
                    department_ko=dept_ko,
                    department_en=dept_en,
                    started_on=date(2021, 3, 2),
                ),
            )
        # A move, so that history shows: the KEIT contact previously worked at KSIA.
        contacts.add_membership(
            self.db,
            MembershipInput(
                contact_id=self.person["keit"],
                organization_id=self.org["ksia"],
                title_ko="선임연구원",
                title_en="Senior Researcher",
                department_ko="정책지원팀",
                department_en="Policy Support Team",
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
                place_ko=REFERENCE_PLACE[0],
                place_en=REFERENCE_PLACE[1],
                summary_ko=REFERENCE_SUMMARY[0],
                summary_en=REFERENCE_SUMMARY[1],
                confidentiality=Confidentiality.PUBLIC,
                tags=("반도체", "첨단패키징", "R&D"),
            ),
        )
        self.agreement["reference"] = rec.id
        for key, *_ in PARTIES:
            role = PartyRole.LEAD if key == "motie" else PartyRole.SIGNATORY
            person = "motie-1" if key == "motie" else key
            title = next(p[3] for p in PEOPLE if p[0] == person)
            view = agreements.add_party(
                self.db,
                rec.id,
                PartyInput(
                    organization_id=self.org[key],
                    role=role,
                    signatory_contact_id=self.person[person],
                    signatory_title_ko=title[0],
                    signatory_title_en=title[1],
                    signed_on=SIGNED,
                ),
            )
            self.party[key] = view.id
        t = self.today
        rows: list[tuple[str, str, Text, Text, date, CommitmentStatus]] = [
            (
                "rnd",
                "motie",
                (
                    "첨단 패키징 신규 R&D 사업 추진 (정부 투자)",
                    "New advanced-packaging R&D projects (government investment)",
                ),
                (
                    "첨단 패키징 분야 신규 연구개발 사업을 기획·추진하고 정부 예산을 투자한다.",
                    "Plan and run new research and development projects in advanced packaging, "
                    "with government funding.",
                ),
                t + timedelta(days=21),
                CommitmentStatus.IN_PROGRESS,
            ),
            (
                "global",
                "motie",
                (
                    "미국·EU 반도체 연구기관 및 글로벌 OSAT 기업과 협력체계 구축",
                    "Collaboration system with US and EU semiconductor research centres and global OSATs",
                ),
                (
                    "미국·EU 반도체 연구기관 및 글로벌 OSAT 기업과 협력체계를 구축한다.",
                    "Set up a collaboration system with US and EU semiconductor research centres and global OSATs.",
                ),
                t - timedelta(days=12),
                CommitmentStatus.IN_PROGRESS,
            ),
            (
                "ecosystem",
                "motie",
                (
                    "팹리스·패키징·파운드리·OSAT 전문기업 생태계 조성",
                    "Ecosystem of specialised fabless, packaging, foundry and OSAT companies",
                ),
                (
                    "팹리스·패키징·파운드리·OSAT 분야 전문기업의 성장을 지원하여 생태계를 조성한다.",
                    "Build an ecosystem by promoting specialised fabless, packaging, foundry and OSAT companies.",
                ),
                t + timedelta(days=150),
                CommitmentStatus.PLANNED,
            ),
            # The commitments below are invented for the demo.
            (
                "keit-plan",
                "keit",
                (
                    "신규 R&D 과제 기획·평가 지원 (예시)",
                    "Planning and evaluation support for the new R&D projects (example)",
                ),
                (
                    "예시 데이터: 과제 기획 및 평가 절차를 운영한다.",
                    "Sample data: run the planning and evaluation of the projects.",
                ),
                date(2024, 3, 31),
                CommitmentStatus.DONE,
            ),
            (
                "ksia-forum",
                "ksia",
                ("패키징 생태계 협의체 운영 (예시)", "Packaging ecosystem council (example)"),
                (
                    "예시 데이터: 분기별로 협의체 회의를 개최한다.",
                    "Sample data: hold a council meeting every quarter.",
                ),
                t + timedelta(days=45),
                CommitmentStatus.IN_PROGRESS,
            ),
            (
                "samsung-rnd",
                "samsung",
                ("공동 R&D 과제 참여 (예시)", "Taking part in the joint R&D projects (example)"),
                (
                    "예시 데이터: 공동 연구개발 과제에 참여한다.",
                    "Sample data: take part in the joint research and development projects.",
                ),
                t + timedelta(days=300),
                CommitmentStatus.PLANNED,
            ),
            (
                "skhynix-rnd",
                "skhynix",
                ("공동 R&D 과제 참여 (예시)", "Taking part in the joint R&D projects (example)"),
                (
                    "예시 데이터: 공동 연구개발 과제에 참여한다.",
                    "Sample data: take part in the joint research and development projects.",
                ),
                t + timedelta(days=300),
                CommitmentStatus.PLANNED,
            ),
        ]
        for key, party, title, description, due, status in rows:
            commitment = commitments.create_commitment(
                self.db,
                CommitmentInput(
                    agreement_id=rec.id,
                    party_id=self.party[party],
                    title_ko=title[0],
                    title_en=title[1],
                    description_ko=description[0],
                    description_en=description[1],
                    due_on=due,
                    status=status,
                ),
            )
            self.commitment[key] = commitment.id
        return rec.id

    def other_agreements(self) -> None:
        t = self.today
        rows: list[
            tuple[str, Text, AgreementKind, AgreementStatus, date | None, date | None, list[str], Text]
        ] = [
            (
                "DEMO-2026-PWR-02",
                (
                    "차세대 전력반도체 기술협력 업무협약(예시)",
                    "Example MOU on next-generation power semiconductors",
                ),
                AgreementKind.MOU,
                AgreementStatus.NEGOTIATING,
                None,
                None,
                ["motie", "example-univ", "ksia"],
                (
                    "예시 데이터(가상 협약). SiC·GaN 전력반도체 공동연구와 전문인력 양성을 위한 업무협약으로, "
                    "협약 문안을 협의 중이다.",
                    "Sample data (fictional agreement). An MOU on joint research in SiC and GaN power "
                    "semiconductors and on training specialists; its text is under negotiation.",
                ),
            ),
            (
                "DEMO-2024-US-03",
                (
                    "예시 첨단패키징 연구센터와의 연구협력 양해각서",
                    "Example research MOU with a US packaging centre",
                ),
                AgreementKind.MOU,
                AgreementStatus.IN_FORCE,
                date(2024, 4, 16),
                t + timedelta(days=60),
                ["motie", "us-center", "keit"],
                (
                    "예시 데이터(가상 협약). 미국 연구센터와 첨단 패키징 공동연구, 연구인력 교류, 시험 라인 "
                    "공동 활용을 추진하기 위한 양해각서.",
                    "Sample data (fictional agreement). An MOU with a US research center on joint research in "
                    "advanced packaging, researcher exchanges and shared use of its pilot line.",
                ),
            ),
            (
                "DEMO-2019-HR-04",
                ("시스템반도체 인력양성 협약(예시)", "Example agreement on system-semiconductor skills"),
                AgreementKind.AGREEMENT,
                AgreementStatus.EXPIRED,
                date(2019, 5, 7),
                date(2022, 5, 6),
                ["motie", "example-univ"],
                (
                    "예시 데이터(가상 협약). 시스템반도체 설계 전문인력 양성을 위한 3년 기한의 협약으로, "
                    "기간 만료로 종료되었다.",
                    "Sample data (fictional agreement). A three-year agreement on training system-semiconductor "
                    "designers, ended when its term ran out.",
                ),
            ),
            (
                "DEMO-2025-EU-05",
                (
                    "예시 유럽 반도체 연구소와의 공동연구 계약",
                    "Example joint research contract with a European institute",
                ),
                AgreementKind.CONTRACT,
                AgreementStatus.SIGNED,
                date(2025, 11, 3),
                t + timedelta(days=700),
                ["keit", "eu-institute"],
                (
                    "예시 데이터(가상 계약). 유럽 연구소와 칩렛 인터커넥트 신뢰성 평가를 공동으로 수행하는 "
                    "연구 계약.",
                    "Sample data (fictional contract). A research contract with a European institute to assess "
                    "the reliability of chiplet interconnects together.",
                ),
            ),
            (
                "DEMO-2022-OSAT-06",
                (
                    "글로벌 OSAT 공급망 협력 협약(예시, 해지)",
                    "Example OSAT supply-chain agreement (terminated)",
                ),
                AgreementKind.AGREEMENT,
                AgreementStatus.TERMINATED,
                date(2022, 9, 1),
                None,
                ["ksia", "example-osat"],
                (
                    "예시 데이터(가상 협약). 후공정 공급망 정보 공유를 위한 협약이었으나 양측 합의로 해지되었다.",
                    "Sample data (fictional agreement). An agreement to share information on the back-end "
                    "supply chain, terminated by mutual consent.",
                ),
            ),
            (
                "DEMO-2027-DRAFT-07",
                ("반도체 소부장 협력 협약 초안(예시)", "Draft example agreement on materials and equipment"),
                AgreementKind.AGREEMENT,
                AgreementStatus.DRAFT,
                None,
                None,
                ["motie", "lgchem", "protec"],
                (
                    "예시 데이터(가상 협약). 패키징 소재·부품·장비 국산화를 위한 협력 협약 초안.",
                    "Sample data (fictional agreement). A draft agreement on making packaging materials, "
                    "parts and equipment in Korea.",
                ),
            ),
        ]
        for ref, (ko, en), kind, status, signed, expires, orgs, (summary_ko, summary_en) in rows:
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
                    summary_ko=summary_ko,
                    summary_en=summary_en,
                    tags=("예시",),
                ),
            )
            self.agreement[ref] = rec.id
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
        agreements.add_amendment(
            self.db,
            AmendmentInput(
                agreement_id=self.agreement["DEMO-2024-US-03"],
                amended_on=date(2025, 9, 15),
                title_ko="협력 분야 추가 (제1차 변경)",
                title_en="Field of cooperation added (first amendment)",
                summary_ko="공동연구 협력 분야에 하이브리드 본딩을 추가한다.",
                summary_en="Hybrid bonding is added to the fields of joint research.",
                effect_ko="부속서 1 개정: 협력 분야 3개에서 4개로 확대.",
                effect_en="Annex 1 revised: four fields of cooperation instead of three.",
            ),
        )

    def minutes(self, ref: UUID) -> None:
        t = self.today
        afternoon = (time(14, 0), time(16, 0))
        self._meeting(
            _Meeting(
                (
                    "첨단 패키징 협약 후속 실무협의회 (1차)",
                    "Advanced packaging agreement: working council (1st)",
                ),
                date(2023, 10, 17),
                afternoon,
                ("산업통상자원부 회의실 (세종)", "MOTIE meeting room (Sejong)"),
                ["motie-1", "motie-2", "samsung", "skhynix", "ksia", "keit"],
                [
                    (
                        (
                            "협약 이행 체계 및 실무협의회 운영 방안",
                            "How the agreement is carried out and how the council works",
                        ),
                        (
                            "분기별 실무협의회를 열고 간사는 한국반도체산업협회가 맡기로 논의함.",
                            "The council will meet every quarter, with KSIA as its secretariat.",
                        ),
                    ),
                    (
                        ("신규 R&D 사업 기획 방향", "Direction of the new R&D projects"),
                        (
                            "기업 수요를 반영한 과제 기획이 필요하다는 의견이 다수 제시됨.",
                            "Most members asked for projects planned around the companies' needs.",
                        ),
                    ),
                ],
                [
                    (
                        "실무협의회는 분기 1회 개최하며 간사기관은 한국반도체산업협회로 한다.",
                        "The working council meets once a quarter; KSIA is its secretariat.",
                    ),
                    (
                        "신규 R&D 사업 기획을 위한 기업 수요조사를 실시한다.",
                        "A survey of the companies' needs will be made to plan the new R&D projects.",
                    ),
                ],
                [
                    (
                        (
                            "기업 수요조사 설문 배포 및 취합",
                            "Send out the needs survey and collect the answers",
                        ),
                        "ksia",
                        date(2023, 11, 30),
                        ActionStatus.DONE,
                        "rnd",
                    )
                ],
                summary=(
                    "협약 체결 후 첫 실무협의회. 실무협의회 운영 방식과 신규 R&D 사업 기획 방향을 논의함. "
                    "간사기관은 한국반도체산업협회로 정하고, 기업 수요조사를 거쳐 과제를 기획하기로 함.",
                    "First working council after the signing. Members discussed how the council will work and "
                    "the direction of the new R&D projects. KSIA will be the secretariat, and the projects will be "
                    "planned after a survey of the companies' needs.",
                ),
            ),
            ref,
        )
        second = self._meeting(
            _Meeting(
                (
                    "첨단 패키징 협약 후속 실무협의회 (2차)",
                    "Advanced packaging agreement: working council (2nd)",
                ),
                date(2024, 3, 12),
                (time(10, 0), time(12, 0)),
                ("온라인 (화상회의)", "Online (video conference)"),
                ["motie-2", "hanamicron", "protec", "symtec", "pim", "keit"],
                [
                    (
                        ("수요조사 결과 공유", "Results of the needs survey"),
                        (
                            "응답 기업 다수가 이종집적 및 기판 기술을 우선 과제로 꼽음.",
                            "Most companies that answered put heterogeneous integration and substrates first.",
                        ),
                    ),
                    (
                        ("해외 연구기관 협력 방안", "Working with overseas research institutes"),
                        (
                            "미국·EU 연구기관과의 협력 채널 마련을 위해 방문 일정을 검토함.",
                            "Visits were considered to open channels with US and EU research institutes.",
                        ),
                    ),
                ],
                [
                    (
                        "이종집적·첨단 기판 분야를 신규 과제 후보로 우선 검토한다.",
                        "Heterogeneous integration and advanced substrates are considered first for new projects.",
                    )
                ],
                [
                    (
                        (
                            "해외 연구기관 협력 후보 목록 작성",
                            "Draw up the list of candidate overseas research partners",
                        ),
                        "motie-2",
                        t - timedelta(days=12),
                        ActionStatus.OPEN,
                        "global",
                    ),
                    (
                        ("과제 기획 보고서 초안 작성", "Draft the project planning report"),
                        "keit",
                        date(2024, 5, 31),
                        ActionStatus.DONE,
                        "rnd",
                    ),
                ],
                summary=(
                    "기업 수요조사 결과를 공유하고 해외 연구기관과의 협력 방안을 논의함. 이종집적과 첨단 기판 "
                    "기술이 우선 과제로 꼽혔으며, 해외 협력 후보 목록은 산업통상자원부가 작성하기로 함.",
                    "The results of the needs survey were shared and ways of working with overseas research "
                    "institutes discussed. Heterogeneous integration and advanced substrates came out first; MOTIE "
                    "will draw up the list of candidate overseas partners.",
                ),
            ),
            ref,
        )
        self._meeting(
            _Meeting(
                (
                    "첨단 패키징 협약 이행 점검회의 (3차)",
                    "Advanced packaging agreement: progress review (3rd)",
                ),
                date(2025, 6, 24),
                (time(15, 0), time(17, 0)),
                REFERENCE_PLACE,
                ["motie-1", "samsung", "skhynix", "lgchem", "sapeon", "ksia", "us"],
                [
                    (
                        ("이행 과제 점검", "Review of the commitments"),
                        (
                            "R&D 사업은 진행 중이며 해외 협력체계는 후보 기관과 협의 중임.",
                            "The R&D projects are under way; the overseas collaboration is being discussed "
                            "with candidate institutes.",
                        ),
                    ),
                    (
                        ("생태계 조성 지원 방안", "Support for the ecosystem"),
                        (
                            "OSAT 전문기업 육성을 위한 지원 방안을 추가 논의하기로 함.",
                            "Support for growing specialised OSAT companies will be discussed further.",
                        ),
                    ),
                ],
                [
                    (
                        "해외 협력 후보 기관과 연내 양해각서 체결을 추진한다.",
                        "An MOU with the candidate overseas partners is to be signed within the year.",
                    ),
                    (
                        "생태계 협의체에 팹리스 기업 참여를 확대한다 (R&D < 예산 & 일정 검토).",
                        "More fabless companies are to join the ecosystem council (R&D < budget & schedule review).",
                    ),
                ],
                [
                    (
                        (
                            "OSAT 전문기업 지원 방안 정리",
                            "Set out the support for specialised OSAT companies",
                        ),
                        "ksia",
                        t + timedelta(days=10),
                        ActionStatus.OPEN,
                        "ecosystem",
                    ),
                    (
                        ("협력 양해각서 문안 검토", "Review the text of the cooperation MOU"),
                        "motie-2",
                        t + timedelta(days=25),
                        ActionStatus.OPEN,
                        "global",
                    ),
                ],
                summary=(
                    "협약 이행 과제의 추진 현황을 점검함. R&D 사업은 계획대로 진행 중이며, 해외 협력체계는 미국 "
                    "연구센터와 협의 중임. OSAT 전문기업 지원 방안과 생태계 협의체 확대는 추가로 논의하기로 함.",
                    "Review of progress on the agreement's commitments. The R&D projects are on schedule and talks "
                    "on the overseas collaboration are under way with the US research center. Support for "
                    "specialised OSAT companies and a wider ecosystem council will be discussed further.",
                ),
            ),
            ref,
        )
        # Held abroad: its times are New York's (the evening in Korea).
        self._meeting(
            _Meeting(
                (
                    "한미 첨단 패키징 공동연구 워크숍",
                    "Korea–US joint research workshop on advanced packaging",
                ),
                date(2025, 10, 14),
                (time(9, 0), time(12, 30)),
                (
                    "예시 첨단패키징 연구센터 대회의실 (미국 뉴욕주 올버니)",
                    "Main conference room, Example Advanced Packaging Research Center (Albany, New York)",
                ),
                ["motie-2", "keit", "samsung", "us"],
                [
                    (
                        ("공동연구 과제 후보 검토", "Candidate joint research projects"),
                        (
                            "하이브리드 본딩과 유리 기판을 공동연구 후보로 검토함. 센터 측은 시험 라인 공동 활용을 "
                            "제안함.",
                            "Hybrid bonding and glass substrates were considered for joint research. The center "
                            "offered shared use of its pilot line.",
                        ),
                    ),
                    (
                        ("연구인력 교류 방안", "Researcher exchange"),
                        (
                            "양측 연구인력의 단기 파견 프로그램을 2026년부터 운영하는 방안을 논의함.",
                            "A short secondment programme for researchers on both sides, from 2026, was discussed.",
                        ),
                    ),
                ],
                [
                    (
                        "하이브리드 본딩 분야를 첫 공동연구 과제로 추진한다.",
                        "Hybrid bonding will be the first joint research project.",
                    ),
                    (
                        "연구인력 교류 프로그램 세부 계획은 한국산업기술평가관리원이 마련한다.",
                        "KEIT will draw up the detailed plan of the researcher exchange.",
                    ),
                ],
                [
                    (
                        ("공동연구 제안서 초안 공유", "Share the draft joint research proposal"),
                        "keit",
                        date(2025, 11, 28),
                        ActionStatus.DONE,
                        "global",
                    )
                ],
                summary=(
                    "양해각서에 따른 첫 공동연구 워크숍을 미국 연구센터 현지에서 개최함. 공동연구 후보 과제와 "
                    "연구인력 교류 방안을 논의하고, 하이브리드 본딩을 첫 과제로 추진하기로 함.",
                    "First joint research workshop under the MOU, held at the US research center. Candidate joint "
                    "projects and a researcher exchange were discussed; hybrid bonding will be the first project.",
                ),
                time_zone="America/New_York",
                guests=(
                    (
                        ("제니퍼 리", "Jennifer Lee"),
                        ("예시 반도체장비(미국)", "Example Semiconductor Equipment Inc. (US)"),
                        ("수석 엔지니어", "Principal Engineer"),
                    ),
                ),
                agreements=("DEMO-2024-US-03", "reference"),
            ),
            ref,
        )
        upcoming = self._meeting(
            _Meeting(
                ("첨단 패키징 협약 실무협의회 (4차)", "Advanced packaging agreement: working council (4th)"),
                t + timedelta(days=14),
                afternoon,
                ("한국반도체산업협회 회의실", "KSIA meeting room"),
                ["motie-1", "motie-2", "ksia", "keit", "hanamicron"],
                [
                    (("이월 조치사항 점검", "Action items carried over"), ("", "")),
                    (("차년도 R&D 사업 계획", "Next year's R&D plan"), ("", "")),
                ],
                [],
                [],
                brief=UPCOMING_BRIEF,
            ),
            ref,
        )
        # The open item from the second meeting is carried into the upcoming one.
        open_items = meetings.list_action_items(self.db, meeting_id=second, open_only=True)
        for item in open_items:
            meetings.carry_over(self.db, item.id, upcoming)

    def _meeting(self, m: _Meeting, ref: UUID) -> UUID:
        rec = meetings.create_meeting(
            self.db,
            MeetingInput(
                title_ko=m.title[0],
                title_en=m.title[1],
                starts_at=m.starts_at,
                ends_at=m.ends_at,
                time_zone=m.time_zone,
                place_ko=m.place[0],
                place_en=m.place[1],
                summary_ko=m.summary[0],
                summary_en=m.summary[1],
                agreement_ids=tuple(
                    ref if key == "reference" else self.agreement[key] for key in m.agreements
                ),
                **m.brief,
            ),
        )
        for key in m.people:
            meetings.add_attendee(self.db, rec.id, AttendeeInput(contact_id=self.person[key]))
        for name, organization, title in m.guests:
            meetings.add_attendee(
                self.db,
                rec.id,
                AttendeeInput(
                    guest_name_ko=name[0],
                    guest_name_en=name[1],
                    guest_organization_ko=organization[0],
                    guest_organization_en=organization[1],
                    title_ko=title[0],
                    title_en=title[1],
                ),
            )
        for (title_ko, title_en), (notes_ko, notes_en) in m.agenda:
            meetings.add_agenda_item(
                self.db,
                rec.id,
                AgendaItemInput(
                    title_ko=title_ko, title_en=title_en, discussion_ko=notes_ko, discussion_en=notes_en
                ),
            )
        for text_ko, text_en in m.decisions:
            meetings.add_decision(self.db, rec.id, DecisionInput(text_ko=text_ko, text_en=text_en))
        for (title_ko, title_en), owner, due, status, commitment in m.actions:
            owner_id = self.person.get(owner)
            meetings.add_action_item(
                self.db,
                rec.id,
                ActionItemInput(
                    title_ko=title_ko,
                    title_en=title_en,
                    owner_contact_id=owner_id,
                    owner_organization_id=self.org.get(owner) if owner_id is None else None,
                    due_on=due,
                    status=status,
                    commitment_id=self.commitment[commitment],
                ),
            )
        return rec.id
