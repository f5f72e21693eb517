"""Attachments: files stored once by content (SHA-256) in the data folder."""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path
from uuid import UUID

from app import opened
from app.atomic import atomic_open
from app.crypto_db import open_blob, seal_blob
from app.db import Database
from app.dto import AttachmentView
from app.errors import StorageError, ValidationError
from app.models import ENTITY_BY_TABLE, Attachment
from app.services.records import attachments_in, get_live, soft_delete, to_dto
from app.services.validation import clean_text

__all__ = [
    "MAX_BYTES",
    "OWNER_KINDS",
    "add_attachment",
    "attachment_copy",
    "attachment_file",
    "attachments_in",
    "blob_path",
    "list_attachments",
    "remove_attachment",
    "store_blob",
]

MAX_BYTES = 512 * 1024 * 1024
OWNER_KINDS = {"agreement", "organization", "contact", "meeting", "commitment", "amendment"}


def blob_path(db: Database, sha256: str) -> Path:
    return db.paths.attachments / sha256[:2] / sha256


def store_blob(db: Database, source: Path) -> tuple[str, int]:
    """Copy ``source`` into the attachment store; return its hash and size."""
    digest = hashlib.sha256()
    size = 0
    try:
        with source.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
                size += len(chunk)
    except OSError as exc:
        raise StorageError(
            f"파일을 읽을 수 없습니다: {source} ({exc.strerror})", f"Cannot read {source}: {exc.strerror}"
        ) from exc
    if size > MAX_BYTES:
        raise ValidationError(
            "file", "첨부파일은 512MB를 넘을 수 없습니다.", "An attachment cannot be larger than 512 MB."
        )
    sha = digest.hexdigest()
    target = blob_path(db, sha)
    if not target.exists() and db.blob_key is not None:  # encrypted database: sealed at rest
        with atomic_open(target) as out:
            out.write(seal_blob(db.blob_key, source.read_bytes()))
    elif not target.exists():
        with atomic_open(target) as out, source.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                out.write(chunk)
    return sha, size


def add_attachment(
    db: Database, owner_kind: str, owner_id: UUID, source: Path, description: str = ""
) -> AttachmentView:
    if owner_kind not in OWNER_KINDS:
        raise ValidationError(
            "owner_kind", f"첨부할 수 없는 항목입니다: {owner_kind}", f"Cannot attach files to {owner_kind}."
        )
    source = Path(source)
    if not source.is_file():
        raise ValidationError("file", f"파일이 없습니다: {source}", f"No such file: {source}")
    with db.session() as s:
        get_live(s, ENTITY_BY_TABLE[owner_kind], owner_id)
    sha, size = store_blob(db, source)
    media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    with db.session() as s:
        obj = Attachment(
            owner_kind=owner_kind,
            owner_id=owner_id,
            filename=clean_text(source.name, "filename", "파일 이름", "File name", max_length=500),
            media_type=media_type,
            size=size,
            sha256=sha,
            description=clean_text(description, "description", "설명", "Description", multiline=True),
        )
        s.add(obj)
        s.flush()
        return to_dto(AttachmentView, obj)


def list_attachments(db: Database, owner_kind: str, owner_id: UUID) -> list[AttachmentView]:
    """The live files attached to one record, oldest first (:func:`attachments_in` in an open session)."""
    with db.session() as s:
        return attachments_in(s, owner_kind, [owner_id])[owner_id]


def attachment_file(db: Database, ident: UUID) -> Path:
    """The stored file of an attachment, for reading inside the program (the PDF preview).

    In an encrypted database, a plain copy among the opened copies (removed at exit).
    Never hand this to another program: :func:`attachment_copy` is for that.
    """
    path, filename = _stored(db, ident)
    if db.blob_key is not None:  # encrypted at rest: a plain copy for the viewer
        return opened.write_copy(filename, open_blob(db.blob_key, path.read_bytes()))
    return path


def attachment_copy(db: Database, ident: UUID) -> Path:
    """A read-only copy of the attachment under its own file name, for the computer's own program.

    The name's extension (.hwp, .docx, .xlsx) picks the program; the stored file (named by
    its hash, without extension) is never handed out, so editing the copy cannot change the
    record. Copies are removed when the program ends, or at its next start.
    """
    path, filename = _stored(db, ident)
    if db.blob_key is not None:
        return opened.write_copy(filename, open_blob(db.blob_key, path.read_bytes()))
    return opened.copy_file(filename, path)


def _stored(db: Database, ident: UUID) -> tuple[Path, str]:
    with db.session() as s:
        obj = get_live(s, Attachment, ident)
        path = blob_path(db, obj.sha256)
        filename = obj.filename
    if not path.exists():
        raise StorageError(
            f"첨부파일의 내용이 데이터 폴더에 없습니다: {path}",
            f"The attachment's file is missing from the data folder: {path}",
        )
    return path, filename


def remove_attachment(db: Database, ident: UUID) -> None:
    with db.session() as s:
        soft_delete(s, get_live(s, Attachment, ident))
