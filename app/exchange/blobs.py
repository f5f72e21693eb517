"""Attachment files as bytes, whether the store keeps them plain or encrypted."""

from __future__ import annotations

import hashlib

from app.atomic import atomic_write_bytes
from app.crypto_db import open_blob, seal_blob
from app.db import Database
from app.services.attachments import blob_path


def read_blob(db: Database, sha256: str) -> bytes | None:
    """The file's plain content, or ``None`` when this database does not have it."""
    path = blob_path(db, sha256)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    data = open_blob(db.blob_key, data)
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def write_blob(db: Database, sha256: str, data: bytes) -> bool:
    """Store ``data`` (already checked against ``sha256``) unless it is there; True when written."""
    path = blob_path(db, sha256)
    if path.exists():
        return False
    atomic_write_bytes(path, seal_blob(db.blob_key, data))
    return True
