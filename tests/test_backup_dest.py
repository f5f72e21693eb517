"""``backup DEST`` writes only where it should: never over a device, a folder's worth of surprise, the
live database or an existing file (unless --force); a read-only or full disk is one clear line; a
killed backup leaves no partial copy once the program starts again."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from child_kill import kill_when_it_says
from factories import org

from app.paths import AppPaths, app_paths
from app.services.opening import open_database
from cli import main

CHILD = Path(__file__).resolve().parent / "crypto_kill_child.py"


@pytest.fixture
def filled(paths: AppPaths) -> AppPaths:
    with open_database(paths=paths) as db:
        for i in range(40):
            org(db, f"백업 기관 {i:03d}", f"Backup body {i:03d}")
    return paths


def _orgs(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM organization").fetchone()[0])


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/null are POSIX")
def test_a_device_node_or_a_fifo_is_refused_and_left_alone(
    filled: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Never the real /dev/null: a program that fails this test would replace it (as root, for everyone).
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    device = tmp_path / "null-device"
    device.symlink_to("/dev/null")  # a name that resolves to a device; a faulty rename replaces the link only
    for dest in (fifo, device):
        assert main(["backup", str(dest)]) == 1
        assert "not a regular file" in capsys.readouterr().err
        assert main(["backup", str(dest), "--force"]) == 1
        assert "not a regular file" in capsys.readouterr().err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert device.is_symlink() and device.is_char_device()


def test_the_live_database_is_refused_even_with_force(
    filled: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    before = filled.database.read_bytes()
    for extra in ([], ["--force"]):
        assert main(["backup", str(filled.database), *extra]) == 1
        assert "is the database in use" in capsys.readouterr().err
    assert filled.database.read_bytes() == before
    assert _orgs(filled.database) == 40
    # Through another name for the same file, too.
    link = filled.home / "alias.sqlite3"
    link.symlink_to(filled.database)
    assert main(["backup", str(link), "--force"]) == 1
    assert filled.database.read_bytes() == before


def test_an_existing_file_needs_force(
    filled: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "report.sqlite3"
    dest.write_bytes(b"someone else's file")
    assert main(["backup", str(dest)]) == 1
    assert "--force" in capsys.readouterr().err
    assert dest.read_bytes() == b"someone else's file"
    assert main(["backup", str(dest), "--force"]) == 0
    assert _orgs(dest) == 40


def test_a_new_file_and_a_folder_still_work_and_the_copy_is_owner_only(
    filled: AppPaths, tmp_path: Path
) -> None:
    assert main(["backup", str(tmp_path / "new.sqlite3")]) == 0
    assert _orgs(tmp_path / "new.sqlite3") == 40
    folder = tmp_path / "folder"
    folder.mkdir()
    assert main(["backup", str(folder)]) == 0
    (made,) = folder.glob("*.sqlite3")
    assert _orgs(made) == 40
    if sys.platform != "win32":
        assert (tmp_path / "new.sqlite3").stat().st_mode & 0o077 == 0
        assert made.stat().st_mode & 0o077 == 0


@pytest.mark.slow  # real processes
def test_a_killed_backup_leaves_no_partial_copy_after_the_next_start(
    filled: AppPaths, tmp_path: Path
) -> None:
    if sys.platform == "win32":
        pytest.skip("SIGKILL is POSIX")
    outside = tmp_path / "usb"
    outside.mkdir()
    dest = outside / "copy.sqlite3"
    kill_when_it_says([str(CHILD), "backup", str(filled.home), "2", str(dest)], tmp_path / "b.log", "paused")
    assert not dest.exists()  # never a half file under the name asked for
    partial = list(outside.iterdir())
    assert partial, "the kill left no temporary file: this test would prove nothing"
    with open_database(paths=filled, lock=True):  # the next start of a writer
        pass
    assert list(outside.iterdir()) == []
    # and in the backups folder
    kill_when_it_says([str(CHILD), "backup", str(filled.home), "2", ""], tmp_path / "c.log", "paused")
    assert [p.name for p in filled.backups.iterdir() if p.name.endswith(".tmp")]
    with open_database(paths=filled, lock=True):
        pass
    assert list(filled.backups.iterdir()) == []


def _in_namespace(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run ``script`` (sh) as root of a private mount namespace, where it may mount a small tmpfs."""
    if shutil.which("unshare") is None or sys.platform != "linux":
        pytest.skip("needs Linux user and mount namespaces (unshare)")
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"unshare -rm is not allowed here: {probe.stderr!r}")
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, cwd=tmp_path, check=False
    )


def _cli(*args: str) -> str:
    root = Path(__file__).resolve().parent.parent
    quoted = " ".join(f"'{a}'" for a in args)
    return f"PYTHONPATH='{root}' '{sys.executable}' -m cli --lang en {quoted}"


@pytest.mark.slow  # real processes
def test_a_read_only_or_full_disk_is_one_clear_line(filled: AppPaths, tmp_path: Path) -> None:
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    size = filled.database.stat().st_size
    script = "\n".join(
        [
            f"mount -t tmpfs -o size={size // 2} tmpfs '{mnt}' || exit 99",
            _cli("--home", str(filled.home), "backup", str(mnt / "full.sqlite3"))
            + f" 2> '{tmp_path}/full.err'",
            f"echo full=$? >> '{tmp_path}/codes'",
            f"ls -A '{mnt}' > '{tmp_path}/full.ls'",
            f"mount -o remount,ro '{mnt}'",
            _cli("--home", str(filled.home), "backup", str(mnt / "ro.sqlite3")) + f" 2> '{tmp_path}/ro.err'",
            f"echo ro=$? >> '{tmp_path}/codes'",
        ]
    )
    done = _in_namespace(script, tmp_path)
    assert done.returncode != 99, done.stderr
    codes = dict(line.split("=") for line in (tmp_path / "codes").read_text().split())
    assert codes == {"full": "1", "ro": "1"}, (codes, done.stderr)
    full, ro = (tmp_path / "full.err").read_text(), (tmp_path / "ro.err").read_text()
    assert "Cannot write the backup file" in full and "no space left" in full, full
    assert "Cannot write the backup file" in ro and "Read-only file system" in ro, ro
    assert len(full.strip().splitlines()) == 1 and len(ro.strip().splitlines()) == 1
    assert (tmp_path / "full.ls").read_text() == ""  # nothing half-written left on the full disk


@pytest.mark.slow  # real processes
def test_encrypt_on_a_full_disk_is_one_clear_line_and_changes_nothing(
    filled: AppPaths, tmp_path: Path
) -> None:
    assert main(["backup"]) == 0
    mnt = tmp_path / "small"
    mnt.mkdir()
    key = tmp_path / "key.txt"
    key.write_text("가득 찬 디스크 full disk\n", encoding="utf-8")
    key.chmod(0o600)
    used = sum(p.stat().st_size for p in filled.home.rglob("*") if p.is_file())
    home = mnt / "home"
    script = "\n".join(
        [
            f"mount -t tmpfs -o size={used + used // 4} tmpfs '{mnt}' || exit 99",
            f"cp -a '{filled.home}' '{home}' || exit 98",
            _cli("--home", str(home), "encrypt", "--passphrase-file", str(key)) + f" 2> '{tmp_path}/enc.err'",
            f"echo $? > '{tmp_path}/code'",
            f"cp -a '{home}' '{tmp_path}/after'",
        ]
    )
    done = _in_namespace(script, tmp_path)
    assert done.returncode not in (98, 99), done.stderr
    err = (tmp_path / "enc.err").read_text()
    assert (tmp_path / "code").read_text().strip() == "1", err
    assert "Cannot encrypt the database" in err and "full" in err and "Nothing was changed" in err, err
    assert len(err.strip().splitlines()) == 1
    after = app_paths(tmp_path / "after")
    assert [p.name for p in after.home.rglob("*") if ".tmp" in p.name or "journal" in p.name] == []
    assert _orgs(after.database) == 40  # still the plain database, whole
    for backup in after.backups.glob("*.sqlite3"):
        assert backup.read_bytes().startswith(b"SQLite format 3")
