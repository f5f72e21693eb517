"""Hostile record text in every field still gives a correct document that prints it literally."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from uuid import UUID

import pytest
from report_reader import DocxView, PdfView, read_docx, read_pdf

from app import clock
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
from app.enums import AgreementStatus, CommitmentStatus
from app.progress import Progress
from app.services import agreements, commitments, contacts, meetings, organizations
from app.services.opening import open_database
from reports import BriefingRequest, generate_briefing
from reports.document import (
    BarChart,
    BulletList,
    DataTable,
    Document,
    Heading,
    KeyValueTable,
    PageBreak,
    Paragraph,
    Signatory,
    SignatureBlock,
)
from reports.docx import render_docx
from reports.pdf import render_pdf

pytestmark = pytest.mark.dates  # depends on today: run again with the clock moved (make test-dates)

HOSTILE = '<b>R&D</b> a < b & c > d <img src=x> &amp; ]]> </para> <br/> {page} %s \\ "q"'
LITERAL = ["R&D", "a < b", "<img src=x>", "<b>", "&amp;", "</para>", "{page}"]
LONG_WORD = "ㅋ" * 5000
ROWS = 300


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, dict[str, UUID]]]:
    from app.paths import app_paths

    db = open_database(paths=app_paths(tmp_path_factory.mktemp("hostile-home")))
    yield db, fill_hostile(db)
    db.close()


def both(field: str, value: str) -> dict[str, str]:
    """The same text in the Korean and the English field (the briefings here are English)."""
    return {f"{field}_ko": value, f"{field}_en": value}


def fill_hostile(db: Database) -> dict[str, UUID]:
    """Records with hostile text in every field the briefings print."""
    org = organizations.create_organization(
        db,
        OrganizationInput(
            name_ko=f"기관 {HOSTILE}",
            name_en=f"Org {HOSTILE}",
            short_name="<i>&",
            website="javascript:<x>&",
            notes=f"{HOSTILE}\n{LONG_WORD}",
        ),
    )
    person = contacts.create_contact(
        db, ContactInput(name_ko="<b>홍길동</b>", name_en="A & B <c>", email="a@example.com", phone="<1>&")
    )
    contacts.add_membership(
        db,
        MembershipInput(
            contact_id=person.id,
            organization_id=org.id,
            **both("title", HOSTILE[:200]),
            **both("department", HOSTILE[:200]),
        ),
    )
    today = clock.today()
    agreement = agreements.create_agreement(
        db,
        AgreementInput(
            title_ko=f"협약 {HOSTILE}",
            title_en=f"Agreement {HOSTILE}",
            reference_no="R&D-<1>",
            status=AgreementStatus.IN_FORCE,
            signed_on=date(2023, 8, 29),
            expires_on=today + timedelta(days=30),
            **both("place", HOSTILE),
            **both("summary", f"{HOSTILE}\n\n{LONG_WORD}\n끝"),
            tags=("<t>", "R&D"),
        ),
    )
    party = agreements.add_party(
        db,
        agreement.id,
        PartyInput(
            organization_id=org.id,
            **both("signatory_name", HOSTILE[:200]),
            **both("signatory_title", HOSTILE[:200]),
        ),
    )
    agreements.add_amendment(
        db,
        AmendmentInput(
            agreement_id=agreement.id,
            **both("title", HOSTILE),
            **both("summary", HOSTILE),
            **both("effect", LONG_WORD),
        ),
    )
    for i in range(ROWS):
        commitments.create_commitment(
            db,
            CommitmentInput(
                agreement_id=agreement.id,
                party_id=party.id,
                **both("title", f"C{i:03d} {HOSTILE}"),
                **both("description", LONG_WORD if i == 7 else ""),
                due_on=today - timedelta(days=1) if i % 3 == 0 else today + timedelta(days=i),
                status=CommitmentStatus.IN_PROGRESS,
            ),
        )
    meeting = meetings.create_meeting(
        db,
        MeetingInput(
            title_ko=f"회의 {HOSTILE}",
            title_en=f"Meeting {HOSTILE}",
            starts_at=clock.now() - timedelta(days=3),
            **both("place", HOSTILE),
            online_url="https://example.com/?a=1&b=<2>",
            **both("summary", f"{HOSTILE}\n{LONG_WORD}"),
            agreement_ids=(agreement.id,),
        ),
    )
    meetings.add_attendee(db, meeting.id, AttendeeInput(contact_id=person.id, **both("title", HOSTILE[:200])))
    meetings.add_agenda_item(
        db,
        meeting.id,
        AgendaItemInput(**both("title", HOSTILE), **both("discussion", f"{HOSTILE}\n{LONG_WORD}")),
    )
    meetings.add_decision(db, meeting.id, DecisionInput(**both("text", f"{HOSTILE} {LONG_WORD}")))
    meetings.add_action_item(
        db,
        meeting.id,
        ActionItemInput(
            **both("title", HOSTILE), owner_contact_id=person.id, due_on=today - timedelta(days=2)
        ),
    )
    return {"agreement": agreement.id, "organization": org.id, "meeting": meeting.id}


CASES = [
    ("agreement", "agreement", None),
    ("organization", "organization", None),
    ("meeting", "meeting", "premeeting"),
    ("meeting", "meeting", "minutes"),
    ("portfolio", None, None),
]


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize(("kind", "key", "briefing"), CASES)
def test_hostile_text_prints_literally(
    hostile: tuple[Database, dict[str, UUID]], kind: str, key: str | None, briefing: str | None, fmt: str
) -> None:
    db, ids = hostile
    request = BriefingRequest(
        target=kind,
        target_id=ids[key] if key else None,
        lang="en",
        format=fmt,
        classification="<b>대외비</b> & R&D",
        key=briefing,
    )
    data = generate_briefing(db, request, Progress())
    view = read_pdf(data) if fmt == "pdf" else read_docx(data)
    missing = [t for t in LITERAL if not view.has(t)]
    assert not missing, f"{missing} not printed literally"
    if fmt == "pdf":
        pdf = view
        assert isinstance(pdf, PdfView)
        assert all("<b>대외비</b> & R&D" in page for page in pdf.pages)
        if kind != "portfolio":
            assert pdf.text.count("ㅋ") >= 5000  # the long word is all there, wrapped
    else:
        assert isinstance(view, DocxView)
        assert "&lt;b&gt;대외비&lt;/b&gt; &amp; R&amp;D" in view.header_xml


def test_long_table_repeats_its_header_on_every_page(hostile: tuple[Database, dict[str, UUID]]) -> None:
    db, ids = hostile
    data = generate_briefing(db, BriefingRequest("agreement", ids["agreement"], lang="en"), Progress())
    pdf = read_pdf(data)
    pages_with_rows = [p for p in pdf.pages if "C1" in p or "C2" in p]
    assert len(pages_with_rows) >= 5  # 300 commitments
    for page in pages_with_rows:
        assert "Commitment" in page and "Due" in page and "Status" in page
    numbers = sorted(
        {int(t[1:4]) for p in pdf.pages for t in p.split() if len(t) == 4 and t[0] == "C" and t[1:].isdigit()}
    )
    assert numbers == list(range(ROWS))
    doc = read_docx(
        generate_briefing(db, BriefingRequest("agreement", ids["agreement"], format="docx"), Progress())
    )
    big = max(doc.document.tables, key=lambda t: len(t.rows))
    assert len(big.rows) == ROWS + 1
    assert big.rows[0]._tr.trPr.xml.count("tblHeader") == 1  # Word repeats it on each page


def _illegal_document() -> Document:
    bad = "A\x00B\x0bC\x0cD\x1fE\ufffeF\ud800G <b>&"
    return Document(
        title=f"Title {bad}",
        lang="en",
        generated_on=date(2023, 8, 29),
        subtitle=bad,
        subject=bad,
        author=bad,
        keywords=(bad,),
        classification=bad,
        generated_label=bad,
        blocks=(
            Heading(bad),
            Heading(bad, 3),  # skips a level: the outline copes
            Paragraph(bad),
            KeyValueTable(((bad, bad),)),
            DataTable(header=(bad, "x"), rows=((bad, LONG_WORD), ("short",)), highlight=frozenset({0, 5})),
            BulletList((bad, LONG_WORD), numbered=True),
            BulletList((bad,)),
            BarChart(bad, (bad, "2024"), ((bad, (1, 3)),)),
            SignatureBlock((Signatory(bad, bad, bad),)),
            PageBreak(),
            DataTable(header=("a",), rows=(), empty_text=bad),
        ),
    )


def test_xml_illegal_characters_are_dropped_not_fatal() -> None:
    doc = _illegal_document()
    pdf = read_pdf(render_pdf(doc))
    assert pdf.has("ABCDEFG<b>&")
    assert pdf.metadata["/Title"] == "Title ABCDEFG <b>&"
    word = read_docx(render_docx(doc))
    assert word.has("ABCDEFG <b>&")
    assert word.document.core_properties.title == "Title ABCDEFG <b>&"


def test_markup_escaping_helpers() -> None:
    from reports.pdf import markup, plain

    assert markup("R&D <b>\nx") == "R&amp;D &lt;b&gt;<br/>x"
    assert plain("a\x00\n b") == "a b"
