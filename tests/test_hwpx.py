"""HWPX (Hangul) briefings: every kind passes python-hwpx's package and schema validation with
no error and no warning, and reads back with its content (all 11 parties' Korean names)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from report_reader import demo_ids, squash

from app.db import Database
from app.services import agreements
from cli import main

pytestmark = pytest.mark.dates

KINDS = {  # briefing type -> (target, id attribute of DemoIds, --type)
    "agreement": ("agreement", "agreement", None),
    "counterpart": ("organization", "organization", None),
    "premeeting": ("meeting", "upcoming_meeting", "premeeting"),
    "minutes": ("meeting", "held_meeting", "minutes"),
    "portfolio": ("portfolio", None, None),
}


def _text(data: bytes) -> str:
    from hwpx import HwpxDocument

    doc = HwpxDocument.open(data)
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables.all:
        parts += [c.text for row in table.rows for c in row.cells]
    return "\n".join(parts)


def _check_valid(data: bytes) -> None:
    from hwpx import HwpxDocument, validate_package

    package = validate_package(data)
    assert package.ok and not package.issues, [str(i) for i in package.issues]
    report = HwpxDocument.open(data).validate()
    assert report.ok and not report.errors and not report.warnings, [
        str(i) for i in (*report.errors, *report.warnings)
    ]


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_every_briefing_as_hwpx_validates_and_reads_back(
    demo_sqlite: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, lang: str
) -> None:
    ids = demo_ids(demo_sqlite)
    target, attr, key = KINDS[kind]
    out = tmp_path / "f.hwpx"
    argv = ["brief", target, *([str(getattr(ids, attr))] if attr else []), "--format", "hwpx", "--lang", lang]
    argv += [*(["--type", key] if key else []), "--classification", "대외비", "-o", str(out)]
    assert main(argv) == 0, capsys.readouterr().err
    data = out.read_bytes()
    _check_valid(data)
    text = _text(data)
    section = _xml(data, "Contents/section0.xml")
    marking = "대외비" if lang == "ko" else "RESTRICTED"
    for part in ("header", "footer"):  # the marking at the top and the bottom of every page
        found = re.search(rf"<hp:{part} .*?</hp:{part}>", section, re.S)
        assert found and f"<hp:t>{marking}</hp:t>" in found.group(0), part
    footer = re.search(r"<hp:footer .*?</hp:footer>", section, re.S)
    assert footer and 'numType="PAGE"' in footer.group(0)  # the page number
    if kind == "agreement" and lang == "ko":
        names = [
            p.organization_name_ko for p in agreements.agreement_detail(demo_sqlite, ids.agreement).parties
        ]
        assert len(names) == 11
        missing = [n for n in names if squash(n) not in squash(text)]
        assert not missing, missing
    assert ("Ⅰ." if lang == "ko" else "I.") in text


def _xml(data: bytes, name: str) -> str:
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode()
