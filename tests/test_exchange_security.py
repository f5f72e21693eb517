"""Bundles are untrusted input; encrypted bundles show nothing and refuse a wrong key or any change."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from exchange_helpers import open_laptop, snapshot
from factories import org

from app.db import Database
from app.errors import ImportFormatError
from app.exchange import container, export_bundle, import_bundle
from app.services import organizations


@pytest.fixture
def laptop(tmp_path: Path) -> Database:
    other = open_laptop(tmp_path, "laptop")
    org(other, "이미 있던 기관", "Existing body")
    return other


def test_an_encrypted_bundle_shows_no_record_text(demo_sqlite: Database, tmp_path: Path) -> None:
    org(demo_sqlite, "극비 반도체 협력단", "Secret Semiconductor Task Force")
    plain = tmp_path / "plain.pdx"
    sealed = tmp_path / "sealed.pdx"
    export_bundle(demo_sqlite, plain)
    export_bundle(demo_sqlite, sealed, passphrase="올바른 암호 correct horse")
    raw = sealed.read_bytes()
    for text in ("극비 반도체 협력단", "Secret Semiconductor", "bundle.json", "organization"):
        assert text.encode() not in raw
    # The plain one is compressed but readable once unzipped, so the check above can fail.
    with zipfile.ZipFile(plain) as zf:
        assert "Secret Semiconductor Task Force" in zf.read("bundle.json").decode()


def test_a_wrong_passphrase_or_a_changed_byte_is_refused_and_changes_nothing(
    demo_sqlite: Database, laptop: Database, tmp_path: Path
) -> None:
    sealed = tmp_path / "sealed.pdx"
    export_bundle(demo_sqlite, sealed, passphrase="right")
    before = snapshot(laptop)
    with pytest.raises(ImportFormatError, match="Wrong passphrase"):
        import_bundle(laptop, sealed, passphrase="wrong")
    with pytest.raises(ImportFormatError, match="encrypted"):
        import_bundle(laptop, sealed)
    raw = bytearray(sealed.read_bytes())
    for position in (len(raw) // 2, len(raw) - 1, 20):  # body, tag, header
        tampered = tmp_path / f"t{position}.pdx"
        copy = bytearray(raw)
        copy[position] ^= 0x01
        tampered.write_bytes(bytes(copy))
        with pytest.raises(ImportFormatError):
            import_bundle(laptop, tampered, passphrase="right")
    assert snapshot(laptop) == before
    import_bundle(laptop, sealed, passphrase="right")
    assert snapshot(laptop) != before


def _zip(tmp_path: Path, members: dict[str, bytes], name: str = "evil.pdx") -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in members.items():
            zf.writestr(member, data)
    path = tmp_path / name
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize(
    "member", ["../escape.txt", "/etc/passwd", "blobs/../../x", "C:/windows/x", "blobs\\..\\x", "notes.txt"]
)
def test_entries_with_forbidden_paths_are_refused_before_anything_is_written(
    laptop: Database, tmp_path: Path, member: str
) -> None:
    good = tmp_path / "good.pdx"
    export_bundle(laptop, good)
    with zipfile.ZipFile(good) as zf:
        manifest = zf.read("bundle.json")
    evil = _zip(tmp_path, {"bundle.json": manifest, member: b"x"})
    before = snapshot(laptop)
    files_before = sorted(p.name for p in tmp_path.rglob("*"))
    with pytest.raises(ImportFormatError, match=r"forbidden path|unknown entry"):
        import_bundle(laptop, evil)
    assert snapshot(laptop) == before
    assert sorted(p.name for p in tmp_path.rglob("*")) == files_before


def test_oversized_members_and_bombs_are_refused(
    laptop: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bomb = _zip(tmp_path, {"bundle.json": b"{" + b" " * (8 << 20) + b"}"})
    with pytest.raises(ImportFormatError, match="larger than allowed"):
        import_bundle(laptop, bomb)
    monkeypatch.setattr(container, "MAX_MANIFEST", 1000)
    big = _zip(tmp_path, {"bundle.json": json.dumps({"x": "y" * 2000}).encode()}, "big.pdx")
    with pytest.raises(ImportFormatError, match="larger than allowed"):
        import_bundle(laptop, big)


def _set(doc: dict[str, Any], column: str, value: object) -> None:
    block = doc["tables"]["organization"]
    block["rows"][0][block["columns"].index(column)] = value


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(format="something-else"),
        lambda d: _set(d, "created_at", "not a time"),
        lambda d: _set(d, "id", "not-a-uuid"),
        lambda d: _set(d, "org_kind", "pirate ship"),
        lambda d: _set(d, "version", "7"),
        lambda d: _set(d, "name_ko", "x" * 301),
        lambda d: d["tables"]["organization"]["rows"].append([1, 2]),
        lambda d: d["tables"].update(secret_table={"columns": [], "rows": []}),
        lambda d: d["events"]["rows"][0].__setitem__(8, "not a dict"),
    ],
)
def test_malformed_content_is_refused_and_changes_nothing(
    demo_sqlite: Database, laptop: Database, tmp_path: Path, change: object
) -> None:
    good = tmp_path / "good.pdx"
    export_bundle(demo_sqlite, good)
    with zipfile.ZipFile(good) as zf:
        doc = json.loads(zf.read("bundle.json"))
    change(doc)  # type: ignore[operator]
    bad = _zip(tmp_path, {"bundle.json": json.dumps(doc).encode()})
    before = snapshot(laptop)
    with pytest.raises(ImportFormatError):
        import_bundle(laptop, bad)
    assert snapshot(laptop) == before
    assert [o.name_ko for o in organizations.list_organizations(laptop)] == ["이미 있던 기관"]


def test_a_damaged_attachment_in_a_bundle_is_refused(laptop: Database, tmp_path: Path) -> None:
    good = tmp_path / "good.pdx"
    export_bundle(laptop, good)
    with zipfile.ZipFile(good) as zf:
        manifest = zf.read("bundle.json")
    evil = _zip(tmp_path, {"bundle.json": manifest, "blobs/" + "a" * 64: b"not matching"})
    with pytest.raises(ImportFormatError, match="damaged"):
        import_bundle(laptop, evil)
