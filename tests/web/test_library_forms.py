"""Bad input to each library form: the error is shown next to its field, nothing is stored,
and nothing answers with a server error."""

from __future__ import annotations

import pytest
from django.urls import reverse

from attunement.library.models import AgreementRequest, JournalEntry, OwnQuestion

pytestmark = pytest.mark.django_db

HTML = "<script>alert('x')</script>"
FIELD_ERROR = 'class="field has-error"'

JOURNAL = {"prompt": "free", "text": "A line."}
QUESTION = {"text": "What would help?", "type": "exploration"}
AGREEMENT = {"kind": "logistics", "text": "We meet monthly.", "days": 14}

CASES = [
    # (url name, needs client id, model, valid data, changes, expected message)
    (
        "library:entry_new",
        False,
        JournalEntry,
        JOURNAL,
        {"text": ""},
        "Write something before saving",
    ),
    ("library:entry_new", False, JournalEntry, JOURNAL, {"text": "x" * 10001}, "at most 10000"),
    ("library:entry_new", False, JournalEntry, JOURNAL, {"text": HTML}, "looks like HTML"),
    (
        "library:entry_new",
        False,
        JournalEntry,
        JOURNAL,
        {"prompt": "../../etc"},
        "Select a valid choice",
    ),
    (
        "library:entry_new",
        False,
        JournalEntry,
        JOURNAL,
        {"session": "../1"},
        "Select a valid choice",
    ),
    ("library:question_new", False, OwnQuestion, QUESTION, {"text": ""}, "Write the question"),
    ("library:question_new", False, OwnQuestion, QUESTION, {"text": "x" * 301}, "at most 300"),
    ("library:question_new", False, OwnQuestion, QUESTION, {"text": HTML}, "looks like HTML"),
    (
        "library:question_new",
        False,
        OwnQuestion,
        QUESTION,
        {"type": "..\\x"},
        "Select a valid choice",
    ),
    (
        "library:question_new",
        False,
        OwnQuestion,
        QUESTION,
        {"phase": "<b>"},
        "Select a valid choice",
    ),
    (
        "library:agreements",
        True,
        AgreementRequest,
        AGREEMENT,
        {"text": ""},
        "The agreement is empty",
    ),
    ("library:agreements", True, AgreementRequest, AGREEMENT, {"text": "x" * 8001}, "at most 8000"),
    ("library:agreements", True, AgreementRequest, AGREEMENT, {"text": HTML}, "looks like HTML"),
    (
        "library:agreements",
        True,
        AgreementRequest,
        AGREEMENT,
        {"kind": "../../x"},
        "Select a valid choice",
    ),
    (
        "library:agreements",
        True,
        AgreementRequest,
        AGREEMENT,
        {"days": "999"},
        "less than or equal to 30",
    ),
    (
        "library:agreements",
        True,
        AgreementRequest,
        AGREEMENT,
        {"days": "a week"},
        "Enter a whole number",
    ),
]


@pytest.mark.parametrize(
    ("name", "by_client", "model", "valid", "changes", "message"),
    CASES,
    ids=[f"{c[0].split(':')[1]}-{next(iter(c[4]))}-{i}" for i, c in enumerate(CASES)],
)
def test_bad_input_is_explained_next_to_its_field_and_nothing_is_stored(
    as_user, owner, owner_client, name, by_client, model, valid, changes, message
):
    before = model.objects.count()
    url = reverse(name, args=[owner_client.pk] if by_client else [])
    response = as_user(owner).post(url, {**valid, **changes})
    page = response.content.decode()
    assert response.status_code in (200, 400)
    assert message in page and FIELD_ERROR in page
    assert model.objects.count() == before


@pytest.mark.parametrize(
    ("name", "by_client", "model", "valid"),
    [
        ("library:entry_new", False, JournalEntry, JOURNAL),
        ("library:question_new", False, OwnQuestion, QUESTION),
        ("library:agreements", True, AgreementRequest, AGREEMENT),
    ],
)
def test_the_same_forms_store_valid_input(
    as_user, owner, owner_client, name, by_client, model, valid
):
    before = model.objects.count()
    url = reverse(name, args=[owner_client.pk] if by_client else [])
    assert as_user(owner).post(url, valid).status_code == 302
    assert model.objects.count() == before + 1
