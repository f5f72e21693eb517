"""Encryption at rest: an encrypted database, its backups and attachments read as noise without the key."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from factories import org

from app.errors import StorageError
from app.paths import AppPaths, app_paths
from app.services import organizations
from app.services.attachments import add_attachment, attachment_file
from app.services.opening import open_database
from cli import main

SECRET_KO = "비밀 협력 기관"
SECRET_EN = "Confidential Partner Agency"


def _write(path: Path, text: str) -> Path:
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file() and not p.name.endswith(".lock"))


def test_encrypt_then_the_files_show_nothing_and_need_the_passphrase(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_database(paths=paths) as db:
        rec = org(db, SECRET_KO, SECRET_EN)
        source = tmp_path / "memo.txt"
        source.write_text("첨부 비밀 메모 attachment secret", encoding="utf-8")
        add_attachment(db, "organization", rec.id, source)
    assert main(["backup"]) == 0
    assert SECRET_EN.encode() in _all_bytes(paths.home)  # the check below can fail

    key = _write(tmp_path / "key.txt", "긴 암호 long passphrase")
    assert main(["encrypt", "--passphrase-file", str(key)]) == 0
    assert "Encrypted" in capsys.readouterr().out
    raw = _all_bytes(paths.home)
    for text in (SECRET_KO, SECRET_EN, "첨부 비밀 메모", "SQLite format 3"):
        assert text.encode() not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(paths.database).execute("SELECT * FROM organization").fetchall()

    with pytest.raises(StorageError, match="encrypted"):
        open_database(paths=paths)
    with pytest.raises(StorageError, match="Wrong passphrase"):
        open_database(paths=paths, passphrase="not it")
    assert main(["--passphrase-file", str(tmp_path / "missing.txt"), "list", "organizations"]) == 1
    wrong = _write(tmp_path / "wrong.txt", "nope")
    assert main(["--passphrase-file", str(wrong), "list", "organizations"]) == 1
    assert "Wrong passphrase" in capsys.readouterr().err

    with open_database(paths=paths, passphrase="긴 암호 long passphrase") as db:
        assert [o.name_en for o in organizations.list_organizations(db)] == [SECRET_EN]
        att = organizations.organization_detail(db, rec.id).attachments[0]
        assert "첨부 비밀 메모" in attachment_file(db, att.id).read_text(encoding="utf-8")
    assert main(["--passphrase-file", str(key), "list", "organizations"]) == 0
    assert SECRET_EN in capsys.readouterr().out


def test_rekey_changes_the_passphrase(paths: AppPaths, tmp_path: Path) -> None:
    with open_database(paths=paths) as db:
        org(db, SECRET_KO)
    old = _write(tmp_path / "old.txt", "old secret")
    new = _write(tmp_path / "new.txt", "new secret")
    assert main(["encrypt", "--passphrase-file", str(old)]) == 0
    bad = _write(tmp_path / "bad.txt", "bad")
    assert main(["rekey", "--passphrase-file", str(bad), "--new-passphrase-file", str(new)]) == 1
    assert main(["rekey", "--passphrase-file", str(old), "--new-passphrase-file", str(new)]) == 0
    with pytest.raises(StorageError, match="Wrong passphrase"):
        open_database(paths=paths, passphrase="old secret")
    with open_database(paths=paths, passphrase="new secret") as db:
        assert [o.name_ko for o in organizations.list_organizations(db)] == [SECRET_KO]


def test_a_plain_database_is_not_opened_with_a_passphrase(paths: AppPaths) -> None:
    open_database(paths=paths).close()
    with pytest.raises(StorageError, match="not encrypted"):
        open_database(paths=paths, passphrase="x")


def test_an_encrypted_database_exchanges_and_backs_up(paths: AppPaths, tmp_path: Path) -> None:
    from app.backup import backup_database
    from app.exchange import export_bundle, import_bundle
    from app.recovery import quick_check

    with open_database(str(tmp_path / "enc.sqlite3"), paths=paths, passphrase="pw") as db:
        rec = org(db, SECRET_KO)
        memo = tmp_path / "memo.txt"
        memo.write_text("첨부 비밀 메모", encoding="utf-8")
        add_attachment(db, "organization", rec.id, memo)
        assert "첨부 비밀 메모".encode() not in _all_bytes(paths.attachments)
        copy = backup_database(db)
        export_bundle(db, tmp_path / "x.pdx")
    assert SECRET_KO.encode() not in copy.read_bytes()
    assert quick_check(copy, "pw") is None
    assert quick_check(copy) is not None  # without the key it is not a database
    elsewhere = app_paths(tmp_path / "other-home")
    with open_database(str(tmp_path / "plain.sqlite3"), paths=elsewhere) as other:
        import_bundle(other, tmp_path / "x.pdx")
        assert organizations.get_organization(other, rec.id).name_ko == SECRET_KO
        att = organizations.organization_detail(other, rec.id).attachments[0]
        assert attachment_file(other, att.id).read_text(encoding="utf-8") == "첨부 비밀 메모"
