"""Confidential at rest: encrypted fields, the key file, and a grep of a real database file."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from workspace_factories import GOOD_TRANSCRIPT, SECRET_SENTENCE, make_client, make_coach

from attunement.errors import ConfigError
from attunement.practice import crypto
from attunement.practice.models import Client


def test_a_value_survives_encryption_and_the_ciphertext_hides_it():
    stored = crypto.encrypt(SECRET_SENTENCE, "practice.Client.notes")
    assert stored.startswith("gcm1:") and SECRET_SENTENCE not in stored
    assert crypto.decrypt(stored, "practice.Client.notes") == SECRET_SENTENCE


def test_a_ciphertext_moved_to_another_column_does_not_decrypt():
    stored = crypto.encrypt("private", "practice.Client.notes")
    with pytest.raises(ConfigError, match="could not be decrypted"):
        crypto.decrypt(stored, "practice.Client.name")


def test_the_key_file_is_created_once_with_owner_only_permissions():
    crypto.current_cipher()
    key_file = Path(os.environ["ATTUNE_DATA_DIR"]) / crypto.KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    before = key_file.read_bytes()
    crypto._cipher.cache_clear()
    crypto.current_cipher()
    assert key_file.read_bytes() == before


def test_a_malformed_key_from_the_environment_is_explained(monkeypatch):
    monkeypatch.setenv("ATTUNE_ENCRYPTION_KEY", "too-short")
    with pytest.raises(ConfigError, match="ATTUNE_ENCRYPTION_KEY"):
        crypto.current_cipher()


@pytest.mark.django_db
def test_client_notes_are_stored_encrypted_and_read_back_plain():
    riya = make_client(make_coach("sam"))
    Client.objects.filter(pk=riya.pk).update(notes="placeholder")  # update() also encrypts
    riya.notes = SECRET_SENTENCE
    riya.save()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT notes FROM practice_client WHERE id = %s", [riya.pk])
        raw = cursor.fetchone()[0]
    assert raw.startswith("gcm1:") and SECRET_SENTENCE not in raw
    assert Client.objects.get(pk=riya.pk).notes == SECRET_SENTENCE


SCRIPT = textwrap.dedent(
    """
    import django, os, sys
    from datetime import datetime, UTC
    os.environ["DJANGO_SETTINGS_MODULE"] = "attunement.web.settings"
    django.setup()
    from django.core.management import call_command
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection
    call_command("migrate", verbosity=0)
    from attunement.practice import services
    from attunement.practice.models import Practice
    user = services.add_coach(Practice.objects.create(name="P"), "sam", "pw-not-checked-here")
    client = services.create_client(user.coach, name="Riya Kapoor", notes=sys.argv[1])
    services.record_consent(client, recording=True, transcription=True, analysis=True)
    session = services.log_session(client.current_engagement(), when=datetime(2026, 11, 2, tzinfo=UTC))
    analysis = services.upload_transcript(session, SimpleUploadedFile("riya.txt", sys.argv[2].encode()))
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        print(cursor.fetchone()[0], analysis.status)
    """
)


def test_searching_the_database_file_for_a_transcript_sentence_finds_nothing(tmp_path):
    env = {**os.environ, "ATTUNE_DATA_DIR": str(tmp_path), "ATTUNE_ENCODER": "off"}
    env.pop("ATTUNE_ENCRYPTION_KEY", None)
    env.pop("DATABASE_URL", None)  # the embedded SQLite file is what gets searched
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, "Her sister Mina is unwell", GOOD_TRANSCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.split() == ["wal", "done"]
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("attunement.sqlite3*"))
    assert b"gcm1:" in stored  # the rows are there, encrypted
    for sentence in (SECRET_SENTENCE, "I feel lighter", "Her sister Mina", "Riya Kapoor"):
        assert sentence.encode() not in stored
    assert stat.S_IMODE((tmp_path / "encryption.key").stat().st_mode) == 0o600
