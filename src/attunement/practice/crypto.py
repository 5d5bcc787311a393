"""Encryption at rest: AES-256-GCM fields for transcripts, notes and free text.

A value is stored as ``gcm1:`` + URL-safe base64 of nonce (12 bytes) + ciphertext-with-tag.
The model label and field name are the associated data, so a ciphertext copied into another
column fails to decrypt instead of showing up in the wrong place. The key comes from
``ATTUNE_ENCRYPTION_KEY`` or from ``encryption.key`` in the data folder, made on first run
with owner-only permissions.
"""

from __future__ import annotations

import base64
import json
import os
from functools import lru_cache
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.db import models

from attunement.config import get_settings
from attunement.errors import ConfigError
from attunement.web.keys import read_or_create_key_file

PREFIX = "gcm1:"
NONCE_BYTES = 12
KEY_FILE = "encryption.key"


def _new_key_text() -> bytes:
    return base64.urlsafe_b64encode(AESGCM.generate_key(bit_length=256))


def _decode_key(text: bytes | str, where: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(text)
    except ValueError:
        key = b""
    if len(key) != 32:
        raise ConfigError(
            f"The encryption key from {where} is not 32 bytes of URL-safe base64",
            'make one with `python -c "import base64,os;print(base64.urlsafe_b64encode(os.urandom(32)).decode())"`',
        )
    return key


@lru_cache(maxsize=8)
def _cipher(env_key: str, data_dir: str) -> AESGCM:
    if env_key:
        return AESGCM(_decode_key(env_key, "ATTUNE_ENCRYPTION_KEY"))
    path = os.path.join(data_dir, KEY_FILE)
    from pathlib import Path

    return AESGCM(_decode_key(read_or_create_key_file(Path(path), _new_key_text), path))


def current_cipher() -> AESGCM:
    settings = get_settings()
    return _cipher(settings.encryption_key, str(settings.data_path))


def encrypt(plain: str, context: str) -> str:
    nonce = os.urandom(NONCE_BYTES)
    sealed = current_cipher().encrypt(nonce, plain.encode("utf-8"), context.encode("utf-8"))
    return PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode("ascii")


def decrypt(stored: str, context: str) -> str:
    if not stored.startswith(PREFIX):
        raise ValueError("value is not encrypted with a known scheme")
    raw = base64.urlsafe_b64decode(stored[len(PREFIX) :])
    try:
        plain = current_cipher().decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], context.encode())
    except InvalidTag:
        raise ConfigError(
            "Stored data could not be decrypted with the current encryption key",
            "set ATTUNE_ENCRYPTION_KEY (or restore encryption.key) to the key the data was saved with",
        ) from None
    return plain.decode("utf-8")


class EncryptedTextField(models.TextField):
    """Text encrypted in the database; plain ``str`` in Python. Not searchable or sortable."""

    def _context(self) -> str:
        return f"{self.model._meta.label}.{self.name}"

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None:
            return None
        return encrypt(str(value), self._context())

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        return decrypt(value, self._context())


class EncryptedJSONField(EncryptedTextField):
    """A JSON document encrypted as text; any JSON-ready value in Python."""

    # Tell django-stubs' mypy plugin that this field holds JSON values, not ``str``.
    _pyi_private_set_type: Any
    _pyi_private_get_type: Any

    def get_prep_value(self, value: Any) -> Any:
        if value is None:
            return None
        return encrypt(json.dumps(value, ensure_ascii=False), self._context())

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        return json.loads(decrypt(value, self._context()))

    def to_python(self, value: Any) -> Any:
        return value

    def value_to_string(self, obj: Any) -> str:
        return json.dumps(self.value_from_object(obj))
