"""Where the data lives on Windows, imitated on Linux: the local (not roaming) folder, Documents, URLs."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest
from sqlalchemy.engine import URL, make_url
from test_cli import ok, run

from app import paths as app_paths_module
from app.paths import app_paths, default_home, documents_dir, sqlite_file, sqlite_url
from app.services.opening import open_database


@pytest.mark.parametrize(
    "folder", ["data%41", "50% 할인", "a#b", "what?", "C:/Users/김민지/AppData/Local/x", "plus+and space"]
)
def test_sqlite_url_is_escaped_as_sqlalchemy_escapes_it(folder: str) -> None:
    path = Path("/") / folder / "partnership-desk.sqlite3"
    url = sqlite_url(path)
    assert url == URL.create("sqlite", database=path.as_posix()).render_as_string(hide_password=False)
    assert make_url(url).database == path.as_posix()
    assert sqlite_file(url) == path


def test_a_data_folder_with_percent_keeps_database_and_backups_together(tmp_path: Path) -> None:
    home = tmp_path / "data%41 50% #1"
    open_database(paths=app_paths(home)).close()
    assert (home / "partnership-desk.sqlite3").is_file()
    assert not (tmp_path / "dataA 50% #1").exists()  # "%41" was read as "A" before
    ok(run(home, "backup"))
    (backup,) = (home / "backups").iterdir()
    assert backup.stat().st_size > 0
    ok(run(home, "check"))
    with open_database(paths=app_paths(home)) as db:
        assert db.sqlite_path == home / "partnership-desk.sqlite3"


@pytest.fixture
def windows_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """platformdirs as on Windows: AppData\\Roaming and AppData\\Local are different folders."""
    roaming = tmp_path / "AppData" / "Roaming" / "PartnershipDesk" / "PartnershipDesk"
    local = tmp_path / "AppData" / "Local" / "PartnershipDesk" / "PartnershipDesk"

    def user_data_path(appname: str, appauthor: str, roaming: bool = False) -> Path:
        return (tmp_path / "AppData" / ("Roaming" if roaming else "Local")) / appauthor / appname

    monkeypatch.setattr(platformdirs, "user_data_path", user_data_path)
    monkeypatch.delenv("PARTNERSHIP_DESK_HOME")
    return roaming, local


def test_data_lives_in_the_local_folder(windows_folders: tuple[Path, Path]) -> None:
    roaming, local = windows_folders
    assert default_home() == local
    assert not roaming.exists()


def test_a_roaming_data_folder_is_moved_to_the_local_one_once(windows_folders: tuple[Path, Path]) -> None:
    roaming, local = windows_folders
    (roaming / "attachments" / "b4").mkdir(parents=True)
    (roaming / "partnership-desk.sqlite3").write_bytes(b"the user's database")
    (roaming / "attachments" / "b4" / "b4521").write_bytes(b"a file")
    assert default_home() == local
    assert (local / "partnership-desk.sqlite3").read_bytes() == b"the user's database"
    assert (local / "attachments" / "b4" / "b4521").read_bytes() == b"a file"
    assert not roaming.exists()
    roaming.mkdir(parents=True)  # a later roaming folder (another version) is left alone
    (roaming / "partnership-desk.sqlite3").write_bytes(b"other")
    assert default_home() == local
    assert (local / "partnership-desk.sqlite3").read_bytes() == b"the user's database"


def test_a_roaming_folder_on_another_disk_is_copied_whole_then_renamed(
    windows_folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    roaming, local = windows_folders
    roaming.mkdir(parents=True)
    (roaming / "partnership-desk.sqlite3").write_bytes(b"db")
    real_rename = app_paths_module.os.rename

    def rename(src: Path, dst: Path) -> None:
        if Path(src) == roaming:
            raise OSError(18, "Invalid cross-device link")
        real_rename(src, dst)

    monkeypatch.setattr(app_paths_module.os, "rename", rename)
    assert default_home() == local
    assert (local / "partnership-desk.sqlite3").read_bytes() == b"db"
    assert not roaming.exists()
    assert not local.with_name(local.name + ".moving").exists()


def test_a_roaming_folder_in_use_is_used_where_it_is(
    windows_folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    roaming, local = windows_folders
    roaming.mkdir(parents=True)
    (roaming / "partnership-desk.sqlite3").write_bytes(b"db")

    def in_use(src: Path, dst: Path) -> None:
        raise PermissionError(32, "The process cannot access the file", str(src))

    monkeypatch.setattr(app_paths_module.os, "rename", in_use)
    monkeypatch.setattr(app_paths_module.shutil, "copytree", in_use)
    assert default_home() == roaming
    assert (roaming / "partnership-desk.sqlite3").read_bytes() == b"db"
    assert not local.exists()


def test_files_a_person_saves_are_offered_in_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    documents = tmp_path / "문서"
    documents.mkdir()
    monkeypatch.setattr(platformdirs, "user_documents_path", lambda: documents)
    assert documents_dir() == documents
    assert app_paths(home).documents == documents
    monkeypatch.setattr(platformdirs, "user_documents_path", lambda: tmp_path / "missing")
    assert documents_dir() == Path.home()
