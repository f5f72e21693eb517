"""The bundle file: a zip container, optionally sealed with a passphrase.

Plain: a zip with ``bundle.json`` and ``blobs/<sha256>`` members (deflated).
Sealed: ``MAGIC``, a 4-byte header length, a JSON header (scrypt parameters, salt,
nonce) and the zip encrypted with AES-256-GCM; the header is authenticated too,
so a wrong passphrase and any change to the file are both refused before anything
is read. Reading checks every member's name and size before it is used.
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.atomic import atomic_open
from app.errors import ImportFormatError

MAGIC = b"PDXENC01"
MANIFEST = "bundle.json"
BLOB_RE = re.compile(r"^blobs/[0-9a-f]{64}$")
MAX_MANIFEST = 1 << 30  # uncompressed bundle.json
MAX_BLOB = 600 << 20  # one attachment (the store accepts up to 512 MB)
MAX_TOTAL = 4 << 30  # everything uncompressed
MAX_MEMBERS = 200_000
MAX_RATIO = 1_000  # a member may expand at most this much (zip bombs)
MAX_SEALED = (1 << 31) - 1024  # AES-GCM in one piece
SCRYPT_N, SCRYPT_R, SCRYPT_P = 1 << 15, 8, 1
# The only key-derivation settings a reader accepts: those this program writes (about 32 MB
# and a tenth of a second). Anything else is refused before any work, since the header can
# only be authenticated after the key is derived.
ACCEPTED_KDF = frozenset({(SCRYPT_N, SCRYPT_R, SCRYPT_P)})
SALT_BYTES, NONCE_BYTES = 16, 12
MAX_HEADER = 4096
MAX_NESTING = 32  # bundle.json: format > tables > rows > row > a JSON column's few levels


@dataclass
class BundleContent:
    manifest: dict[str, Any]
    blobs: dict[str, bytes] = field(default_factory=dict)


class BadBundle(ImportFormatError):
    """The file is not a readable exchange bundle."""


class WrongPassphrase(ImportFormatError):
    """The passphrase does not open the bundle, or the bundle was changed."""


def write_bundle(dest: Path, content: BundleContent, passphrase: str | None) -> int:
    """Write ``content`` to ``dest`` atomically; returns the file size."""
    data = _zip_bytes(content)
    if passphrase:
        data = seal(data, passphrase)
    with atomic_open(dest) as handle:
        handle.write(data)
    return len(data)


def read_bundle(source: Path, passphrase: str | None) -> BundleContent:
    try:
        size = source.stat().st_size
        if size > MAX_TOTAL:
            raise _too_big(str(source))
        with source.open("rb") as handle:
            head = handle.read(len(MAGIC) + 4 + MAX_HEADER)
            if head.startswith(MAGIC):
                if not passphrase:
                    raise WrongPassphrase(
                        "암호화된 교환 파일입니다. 암호를 지정하십시오(--passphrase-file).",
                        "This exchange file is encrypted; give its passphrase (--passphrase-file).",
                    )
                if size > MAX_SEALED + len(head):
                    raise _too_big(str(source))
                header = parse_header(head, size)  # refused here, before the key is derived
            handle.seek(0)
            raw = handle.read()
    except OSError as exc:
        raise BadBundle(
            f"교환 파일을 읽을 수 없습니다: {source} ({exc.strerror})",
            f"Cannot read {source}: {exc.strerror}",
        ) from exc
    if raw.startswith(MAGIC):
        assert passphrase
        raw = unseal(raw, passphrase, header)
    return _unzip(raw)


# -- sealing -------------------------------------------------------------------


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def seal(data: bytes, passphrase: str) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(data) > MAX_SEALED:
        raise _too_big("bundle")
    salt, nonce = os.urandom(16), os.urandom(12)
    header = json.dumps(
        {
            "cipher": "AES-256-GCM",
            "kdf": "scrypt",
            "n": SCRYPT_N,
            "r": SCRYPT_R,
            "p": SCRYPT_P,
            "salt": base64.b64encode(salt).decode("ascii"),
            "nonce": base64.b64encode(nonce).decode("ascii"),
        },
        sort_keys=True,
    ).encode("ascii")
    prefix = MAGIC + struct.pack(">I", len(header)) + header
    key = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return prefix + AESGCM(key).encrypt(nonce, data, prefix)


@dataclass(frozen=True)
class SealHeader:
    prefix_length: int
    n: int
    r: int
    p: int
    salt: bytes
    nonce: bytes


def _damaged() -> BadBundle:
    return BadBundle(
        "암호화된 교환 파일의 머리글이 손상되었거나 이 프로그램이 쓴 것이 아닙니다. 아무것도 가져오지 않았습니다.",
        "The encrypted exchange file's header is damaged, or it was not written by this program. "
        "Nothing was imported.",
    )


def parse_header(head: bytes, size: int) -> SealHeader:
    """The sealed file's header, checked against what this program writes (no key derived yet)."""
    if len(head) < len(MAGIC) + 4 or not head.startswith(MAGIC):
        raise _damaged()
    (length,) = struct.unpack(">I", head[len(MAGIC) : len(MAGIC) + 4])
    prefix_length = len(MAGIC) + 4 + length
    if length > MAX_HEADER or len(head) < prefix_length or size < prefix_length + 16:
        raise _damaged()
    try:
        header = json.loads(head[len(MAGIC) + 4 : prefix_length].decode("ascii"))
        if not isinstance(header, dict):
            raise TypeError
        n, r, p = header["n"], header["r"], header["p"]
        salt = base64.b64decode(header["salt"], validate=True)
        nonce = base64.b64decode(header["nonce"], validate=True)
        ok = header.get("cipher") == "AES-256-GCM" and header.get("kdf") == "scrypt"
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
        raise _damaged() from None
    if not ok or any(type(v) is not int for v in (n, r, p)) or (n, r, p) not in ACCEPTED_KDF:
        raise _damaged()
    if len(nonce) != NONCE_BYTES or len(salt) != SALT_BYTES:
        raise _damaged()
    return SealHeader(prefix_length, n, r, p, salt, nonce)


def unseal(raw: bytes, passphrase: str, header: SealHeader | None = None) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if header is None:
        header = parse_header(raw[: len(MAGIC) + 4 + MAX_HEADER], len(raw))
    prefix = raw[: header.prefix_length]
    key = _derive(passphrase, header.salt, header.n, header.r, header.p)
    try:
        return AESGCM(key).decrypt(header.nonce, raw[len(prefix) :], prefix)
    except InvalidTag:
        raise WrongPassphrase(
            "암호가 틀렸거나 교환 파일이 변경되었습니다. 아무것도 가져오지 않았습니다.",
            "Wrong passphrase, or the exchange file was changed after it was written. Nothing was imported.",
        ) from None


# -- zip -----------------------------------------------------------------------


def _zip_bytes(content: BundleContent) -> bytes:
    buffer = io.BytesIO()
    manifest = json.dumps(content.manifest, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr(MANIFEST, manifest)
        for sha, blob in sorted(content.blobs.items()):
            zf.writestr(f"blobs/{sha}", blob)
    return buffer.getvalue()


def _unzip(raw: bytes) -> BundleContent:
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise BadBundle(
            "Partnership Desk 교환 파일이 아니거나 손상된 파일입니다.",
            "This is not a Partnership Desk exchange file, or it is damaged.",
        ) from None
    with zf:
        infos = zf.infolist()
        _check_members(infos)
        try:
            manifest_raw = zf.read(MANIFEST)
            blobs = {info.filename[6:]: zf.read(info) for info in infos if info.filename != MANIFEST}
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError):
            raise BadBundle(
                "교환 파일의 내용이 손상되었습니다.", "The exchange file's contents are damaged."
            ) from None
    try:
        manifest = json.loads(manifest_raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BadBundle(
            "교환 파일의 목록(bundle.json)이 올바른 JSON이 아닙니다.",
            "The exchange file's bundle.json is not valid JSON.",
        ) from None
    except RecursionError:
        raise _too_deep() from None
    if _nesting(manifest) > MAX_NESTING:
        raise _too_deep()
    if not isinstance(manifest, dict):
        raise BadBundle("교환 파일의 형식이 잘못되었습니다.", "The exchange file is malformed.")
    return BundleContent(manifest=manifest, blobs=blobs)


def check_member_name(name: str) -> None:
    bad = (
        name.startswith(("/", "\\"))
        or "\\" in name
        or re.match(r"^[A-Za-z]:", name) is not None
        or ".." in name.split("/")
        or "\x00" in name
    )
    if bad:
        raise BadBundle(
            f"교환 파일에 허용되지 않는 경로가 있습니다: {name!r}. 아무것도 가져오지 않았습니다.",
            f"The exchange file holds an entry with a forbidden path: {name!r}. Nothing was imported.",
        )
    if name != MANIFEST and not BLOB_RE.match(name):
        raise BadBundle(
            f"교환 파일에 알 수 없는 항목이 있습니다: {name!r}",
            f"The exchange file holds an unknown entry: {name!r}",
        )


def _check_members(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise _too_big("bundle")
    names: set[str] = set()
    total = 0
    for info in infos:
        check_member_name(info.filename)
        if info.filename in names:
            raise BadBundle(
                f"교환 파일에 같은 항목이 두 번 있습니다: {info.filename}",
                f"The exchange file holds {info.filename} twice.",
            )
        names.add(info.filename)
        limit = MAX_MANIFEST if info.filename == MANIFEST else MAX_BLOB
        ratio_bad = info.file_size > (1 << 20) and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        if info.file_size > limit or ratio_bad:
            raise _too_big(info.filename)
        total += info.file_size
        if total > MAX_TOTAL:
            raise _too_big("bundle")
    if MANIFEST not in names:
        raise BadBundle(
            "Partnership Desk 교환 파일이 아닙니다 (bundle.json 없음).",
            "This is not a Partnership Desk exchange file (no bundle.json).",
        )


def _nesting(value: Any) -> int:
    """How deeply lists and objects nest in ``value`` (without recursion)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_NESTING:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _too_deep() -> BadBundle:
    return BadBundle(
        f"교환 파일의 목록(bundle.json)이 너무 깊이 중첩되어 있습니다(최대 {MAX_NESTING}단계). "
        "아무것도 가져오지 않았습니다.",
        f"The exchange file's bundle.json nests deeper than {MAX_NESTING} levels. Nothing was imported.",
    )


def _too_big(name: str) -> BadBundle:
    return BadBundle(
        f"교환 파일의 항목이 허용된 크기보다 큽니다: {name}. 아무것도 가져오지 않았습니다.",
        f"An entry of the exchange file is larger than allowed: {name}. Nothing was imported.",
    )
