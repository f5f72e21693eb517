"""An encrypted database (SQLCipher): passphrases, encrypting and re-keying."""

from __future__ import annotations

from app.crypto_db import (
    encrypt_database,
    looks_encrypted,
    open_encrypted,
    passphrase_file_warning,
    read_passphrase_file,
    rekey_database,
    wrong_passphrase,
)

__all__ = [
    "encrypt_database",
    "looks_encrypted",
    "open_encrypted",
    "passphrase_file_warning",
    "read_passphrase_file",
    "rekey_database",
    "wrong_passphrase",
]
