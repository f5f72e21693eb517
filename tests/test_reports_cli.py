"""partnership-desk brief: files written, and one clear line for each mistake."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_reader import demo_ids, read_docx, read_pdf

from app.db import Database
from cli import main

pytestmark = pytest.mark.dates  # depends on today: run again with the clock moved (make test-dates)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_brief_agreement_pdf_and_docx(
    demo_sqlite: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = demo_ids(demo_sqlite)
    pdf_path = tmp_path / "brief.pdf"
    code, out, err = run(
        capsys,
        "brief",
        "agreement",
        str(ids.agreement),
        "--lang",
        "ko",
        "--classification",
        "대외비",
        "-o",
        str(pdf_path),
    )
    assert (code, err) == (0, "")
    assert str(pdf_path) in out
    pdf = read_pdf(pdf_path.read_bytes())
    assert pdf.has("반도체 첨단 패키징 기술개발 협력 협약") and "대외비" in pdf.pages[-1]

    docx_path = tmp_path / "brief.docx"  # the format follows the extension
    code, _, _ = run(
        capsys, "brief", "organization", str(ids.organization), "--lang", "en", "-o", str(docx_path)
    )
    assert code == 0
    assert read_docx(docx_path.read_bytes()).has("Korea Semiconductor Industry Association")


def test_brief_meeting_type_and_portfolio_filter(
    demo_sqlite: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = demo_ids(demo_sqlite)
    out_file = tmp_path / "m.pdf"
    code, _, _ = run(
        capsys,
        "brief",
        "meeting",
        str(ids.held_meeting),
        "--type",
        "premeeting",
        "--lang",
        "en",
        "-o",
        str(out_file),
    )
    assert code == 0 and read_pdf(out_file.read_bytes()).has("Pre-meeting brief")
    code, _, _ = run(capsys, "brief", "meeting", str(ids.held_meeting), "--lang", "en", "-o", str(out_file))
    assert code == 0 and read_pdf(out_file.read_bytes()).has("Minutes record")
    code, _, _ = run(
        capsys,
        "brief",
        "portfolio",
        "--status",
        "draft",
        "--format",
        "docx",
        "--lang",
        "en",
        "-o",
        str(tmp_path / "p"),
    )
    doc = read_docx((tmp_path / "p").read_bytes())
    assert code == 0 and doc.has("Agreements (filtered)") and doc.has("Draft example agreement on materials")
    assert not doc.has("Example MOU on next-generation power semiconductors")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["agreement", "00000000-0000-0000-0000-000000000001"],
            "No agreement with id 00000000-0000-0000-0000-000000000001.",
        ),
        (["organization", "not-an-id"], "'not-an-id' is not a valid organization id."),
        (["meeting"], "Give the meeting's id"),
        (["portfolio", "00000000-0000-0000-0000-000000000001"], "The portfolio briefing takes no id."),
        (
            ["agreement", "00000000-0000-0000-0000-000000000001", "--type", "minutes"],
            "--type applies to a meeting only.",
        ),
    ],
)
def test_brief_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    target = tmp_path / "never.pdf"
    code, out, err = run(capsys, "brief", *args, "-o", str(target))
    assert code == 1 and out == ""
    assert err.startswith("partnership-desk: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not target.exists()


def test_brief_unwritable_paths(
    demo_sqlite: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    code, _, err = run(capsys, "brief", "portfolio", "-o", str(blocker / "brief.pdf"))
    assert code == 1 and f"Cannot write {blocker / 'brief.pdf'}" in err and err.count("\n") == 1
    code, _, err = run(capsys, "brief", "portfolio", "-o", str(tmp_path))
    assert code == 1 and "is a folder" in err
    code, _, err = run(capsys, "brief", "portfolio", "-o", "/proc/briefing.pdf")
    assert (
        code == 1
        and err.startswith("partnership-desk: Cannot write /proc/briefing.pdf")
        and err.count("\n") == 1
    )


def test_brief_keeps_the_old_file_on_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "brief.pdf"
    target.write_bytes(b"old")
    code, _, _ = run(capsys, "brief", "agreement", "00000000-0000-0000-0000-000000000001", "-o", str(target))
    assert code == 1 and target.read_bytes() == b"old"
    assert [p.name for p in target.parent.iterdir()] == ["brief.pdf"]


def test_brief_messages_in_korean(
    demo_sqlite: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys,
        "--lang",
        "ko",
        "brief",
        "agreement",
        "00000000-0000-0000-0000-000000000001",
        "-o",
        str(tmp_path / "x.pdf"),
    )
    assert code == 1 and "찾을 수 없습니다" in err


def test_brief_says_what_it_wrote_in_the_command_lines_language(
    demo_sqlite: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = demo_ids(demo_sqlite)
    target = tmp_path / "회의자료.pdf"
    code, out, _ = run(
        capsys, "--lang", "ko", "brief", "meeting", str(ids.upcoming_meeting), "-o", str(target)
    )
    assert code == 0 and out.startswith(f"작성함: {target} (") and out.rstrip().endswith("바이트)")
    code, out, _ = run(
        capsys, "--lang", "en", "brief", "meeting", str(ids.upcoming_meeting), "-o", str(target)
    )
    assert code == 0 and out.startswith(f"Wrote {target} (") and "bytes" in out
