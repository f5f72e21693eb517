"""Files the program creates are its owner's only; risky passphrase files and plain bundles are
warned about; ``check`` names every file that does not match the database's encryption and every
temporary file interrupted work left."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from factories import org

from app.archive import export_archive
from app.crypto_db import export_copy
from app.lock import DatabaseLock
from app.paths import AppPaths
from app.services.attachments import add_attachment
from app.services.opening import open_database
from app.settings import save_settings
from cli import main

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits (Windows: the user's ACL)")
ROOT = Path(__file__).resolve().parent.parent


def _key(tmp_path: Path, text: str = "파일 안전 암호 file safety", mode: int = 0o600) -> Path:
    path = tmp_path / f"key-{mode:o}.txt"
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(mode)
    return path


def _private(path: Path) -> bool:
    return path.stat().st_mode & 0o077 == 0


@POSIX
def test_every_file_the_program_creates_is_owner_only(paths: AppPaths, tmp_path: Path) -> None:
    with open_database(paths=paths, lock=True) as db:
        org(db, "권한 기관", "Permissions body")
        save_settings(paths, {"user_name": "tester@example.com"})
        export_archive(db, tmp_path / "archive.json")
    assert main(["exchange", "export", str(tmp_path / "bundle.pdx")]) == 0
    assert main(["backup"]) == 0
    created = [
        paths.database,
        Path(f"{paths.database}-wal"),
        DatabaseLock.lock_path(paths.database),
        paths.settings_file,
        tmp_path / "archive.json",
        tmp_path / "bundle.pdx",
        *paths.backups.glob("*.sqlite3"),
    ]
    for path in created:
        if path.exists():
            assert _private(path), f"{path} is {oct(path.stat().st_mode & 0o777)}"
    assert paths.database.exists() and any(paths.backups.glob("*.sqlite3"))
    key = _key(tmp_path)
    assert main(["encrypt", "--passphrase-file", str(key)]) == 0
    for path in [paths.database, *paths.backups.glob("*.sqlite3")]:
        assert _private(path), f"{path} is {oct(path.stat().st_mode & 0o777)} after encrypt"
    newest = sorted(paths.backups.glob("*.sqlite3"))[-1]
    assert main(["--passphrase-file", str(key), "restore", str(newest)]) == 0
    assert _private(paths.database), "restored database"


@POSIX
def test_a_passphrase_file_others_can_read_is_warned_about(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_database(paths=paths).close()
    loose = _key(tmp_path, mode=0o644)
    assert main(["encrypt", "--passphrase-file", str(loose)]) == 0
    err = capsys.readouterr().err
    assert "warning" in err and "can be read by every user" in err and str(loose) in err
    group = _key(tmp_path, mode=0o640)
    assert main(["--passphrase-file", str(group), "list", "organizations"]) == 0
    assert "users of its group" in capsys.readouterr().err
    tight = _key(tmp_path, mode=0o600)
    assert main(["--passphrase-file", str(tight), "list", "organizations"]) == 0
    assert "warning" not in capsys.readouterr().err


def test_a_plain_bundle_from_an_encrypted_database_is_warned_about(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_database(paths=paths) as db:
        org(db, "교환 경고 기관", "Exchange warning body")
    assert main(["exchange", "export", str(tmp_path / "plain-db.pdx")]) == 0
    assert "warning" not in capsys.readouterr().err  # a plain database: nothing to warn about
    key = _key(tmp_path)
    assert main(["encrypt", "--passphrase-file", str(key)]) == 0
    capsys.readouterr()
    assert main(["--passphrase-file", str(key), "exchange", "export", str(tmp_path / "leak.pdx")]) == 0
    err = capsys.readouterr().err
    assert "warning" in err and "anyone who has it can read it" in err
    bundle_key = _key(tmp_path, "묶음 암호 bundle", 0o400)
    args = ["--passphrase-file", str(key), "exchange", "export", str(tmp_path / "sealed.pdx")]
    assert main([*args, "--passphrase-file", str(bundle_key)]) == 0
    assert "warning" not in capsys.readouterr().err


def test_check_names_plain_old_key_and_unsealed_files_of_an_encrypted_database(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_database(paths=paths) as db:
        rec = org(db, "점검 기관", "Check body")
        memo = tmp_path / "memo.txt"
        memo.write_text("첨부 메모", encoding="utf-8")
        add_attachment(db, "organization", rec.id, memo)
    assert main(["backup"]) == 0
    key = _key(tmp_path)
    assert main(["encrypt", "--passphrase-file", str(key)]) == 0
    assert main(["--passphrase-file", str(key), "check"]) == 0
    out = capsys.readouterr().out
    assert "PROBLEM" not in out and "backups encrypted with this passphrase" in out
    # What an interrupted encrypt or rekey of an older version left: plain and old-key files.
    (good,) = paths.backups.glob("*.sqlite3")
    plain = paths.backups / "manual-20260101-000000-000000.sqlite3"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE organization (name TEXT)")
        conn.execute("INSERT INTO organization VALUES ('Confidential')")
    old = paths.backups / "manual-20260102-000000-000000.sqlite3"
    export_copy(good, old, source_key="파일 안전 암호 file safety", dest_key="옛 암호 old passphrase")
    blob = next(p for p in paths.attachments.glob("*/*") if p.is_file())
    blob.write_bytes(b"plain attachment text")
    capsys.readouterr()
    assert main(["--passphrase-file", str(key), "check"]) == 1
    out = capsys.readouterr().out
    assert "1 backups are not encrypted" in out and plain.name in out
    assert "1 backups do not open with this passphrase" in out and old.name in out
    assert "1 attachment files are not encrypted" in out


@POSIX
@pytest.mark.slow  # a real process holds the lock
def test_check_names_temporary_files_left_while_another_program_holds_the_database(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_database(paths=paths).close()
    leftover = paths.backups / ".daily-20260101-000000-000000.sqlite3.tmp"
    paths.backups.mkdir(parents=True, exist_ok=True)
    leftover.write_bytes(b"half a copy")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from app.lock import DatabaseLock; "
            f"l = DatabaseLock.acquire(Path({str(paths.database)!r})); print('held', flush=True); sys.stdin.readline()",
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"held"
        assert main(["check"]) == 1  # the holder may be writing it: check reports, leaves it
        out = capsys.readouterr().out
        assert "temporary files left by interrupted work" in out and leftover.name in out
        assert leftover.exists()
    finally:
        holder.kill()
        holder.wait(30)
    assert main(["check"]) == 0  # the next start cleaned up
    assert not leftover.exists()
    assert "no temporary files left" in capsys.readouterr().out
