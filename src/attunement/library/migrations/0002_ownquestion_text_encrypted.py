"""Own questions become encrypted at rest; questions already saved are encrypted in place."""

from django.db import migrations

import attunement.practice.crypto

CONTEXT = "library.OwnQuestion.text"  # what EncryptedTextField binds the ciphertext to


def _rewrite(schema_editor, change, encrypted: bool) -> None:
    from attunement.practice.crypto import PREFIX

    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT id, text FROM library_ownquestion")
        rows = [(pk, t) for pk, t in cursor.fetchall() if t.startswith(PREFIX) == encrypted]
        for pk, text in rows:
            cursor.execute(
                "UPDATE library_ownquestion SET text = %s WHERE id = %s",
                [change(text, CONTEXT), pk],
            )


def encrypt_saved_questions(apps, schema_editor):
    from attunement.practice.crypto import encrypt

    _rewrite(schema_editor, encrypt, encrypted=False)


def decrypt_saved_questions(apps, schema_editor):
    from attunement.practice.crypto import decrypt

    _rewrite(schema_editor, decrypt, encrypted=True)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="ownquestion",
            name="text",
            field=attunement.practice.crypto.EncryptedTextField(),
        ),
        # Undoing decrypts first (reverse order), while the column can still hold ciphertext.
        migrations.RunPython(encrypt_saved_questions, decrypt_saved_questions),
    ]
