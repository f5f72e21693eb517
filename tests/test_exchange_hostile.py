"""Hostile exchange files cost little: forged key-derivation settings and deep nesting are refused at once.

Each case runs the real ``exchange import`` in a child process and must end within 10 s and
500 MB with a one-line message and the database unchanged.
"""

from __future__ import annotations

import base64
import io
import json
import struct
import sys
import zipfile
from pathlib import Path

import pytest
from bounded_cli import run_bounded
from exchange_helpers import snapshot

from app.db import Database
from app.exchange import container, export_bundle, import_bundle
from app.paths import app_paths
from app.services.opening import open_database

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="peak memory is measured with POSIX getrusage"),
]


def _sealed_header(**fields: object) -> bytes:
    header = {
        "cipher": "AES-256-GCM",
        "kdf": "scrypt",
        "n": container.SCRYPT_N,
        "r": container.SCRYPT_R,
        "p": container.SCRYPT_P,
        "salt": base64.b64encode(b"s" * 16).decode(),
        "nonce": base64.b64encode(b"n" * 12).decode(),
    }
    header.update(fields)
    raw = json.dumps(header).encode("ascii")
    return container.MAGIC + struct.pack(">I", len(raw)) + raw


def _forged(tmp_path: Path, name: str, **fields: object) -> Path:
    path = tmp_path / f"{name}.pdx"
    path.write_bytes(_sealed_header(**fields) + b"\x00" * 20)  # a tag's worth of "ciphertext"
    return path


@pytest.fixture
def laptop(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A database with data, its data folder and a bundle passphrase file."""
    home = tmp_path / "home-laptop"
    database = open_database(str(tmp_path / "laptop.sqlite3"), paths=app_paths(home))
    from app.dto import OrganizationInput
    from app.services.organizations import create_organization

    create_organization(database, OrganizationInput(name_ko="이미 있던 기관"))
    database.close()
    secret = tmp_path / "bundle-passphrase.txt"
    secret.write_text("교환 암호\n", encoding="utf-8")
    secret.chmod(0o600)
    return tmp_path / "laptop.sqlite3", home, secret


def _state(path: Path, home: Path) -> object:
    database = open_database(str(path), paths=app_paths(home))
    try:
        return snapshot(database)
    finally:
        database.close()


@pytest.mark.parametrize(
    ("name", "fields"),
    [
        # 128 * r * n bytes: 4 GiB, and minutes of work, if these were used before any check
        ("huge-n-r", {"n": 1 << 20, "r": 32, "p": 1}),
        ("huge-p", {"n": 1 << 15, "r": 8, "p": 16}),
        ("weak-n", {"n": 2, "r": 1, "p": 1}),  # a cheap key: guessing passphrases made easy
        ("float-n", {"n": 32768.0}),
        ("bool-p", {"p": True}),
        ("short-salt", {"salt": base64.b64encode(b"s" * 8).decode()}),
    ],
)
def test_forged_key_derivation_settings_are_refused_before_any_work(
    laptop: tuple[Path, Path, Path], tmp_path: Path, name: str, fields: dict[str, object]
) -> None:
    database, home, secret = laptop
    forged = _forged(tmp_path, name, **fields)
    assert forged.stat().st_size < 300
    before = _state(database, home)
    outcome = run_bounded(
        ["--db", str(database), "exchange", "import", str(forged), "--passphrase-file", str(secret)],
        home=home,
    )
    outcome.assert_clear_refusal("header")
    assert _state(database, home) == before


def test_a_deeply_nested_manifest_is_a_clear_message(laptop: tuple[Path, Path, Path], tmp_path: Path) -> None:
    database, home, _ = laptop
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(container.MANIFEST, "[" * 200_000 + "]" * 200_000)
    deep = tmp_path / "deep.pdx"
    deep.write_bytes(buffer.getvalue())
    before = _state(database, home)
    outcome = run_bounded(["--db", str(database), "exchange", "import", str(deep)], home=home)
    outcome.assert_clear_refusal("nests deeper")
    assert _state(database, home) == before


def test_a_bundle_the_program_wrote_still_opens_sealed_and_nested_as_written(
    demo_sqlite: Database, tmp_path: Path
) -> None:
    sealed = tmp_path / "sealed.pdx"
    export_bundle(demo_sqlite, sealed, passphrase="올바른 암호")
    content = container.read_bundle(sealed, "올바른 암호")
    assert container._nesting(content.manifest) <= container.MAX_NESTING
    other = open_database(str(tmp_path / "other.sqlite3"), paths=app_paths(tmp_path / "home-other"))
    try:
        result = import_bundle(other, sealed, passphrase="올바른 암호")
        assert result.inserted > 0
    finally:
        other.close()
