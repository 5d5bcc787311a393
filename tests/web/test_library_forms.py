"""Bad input to each library form: the error is shown next to its field, nothing is stored,
and nothing answers with a server error."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from attunement.library.models import AgreementRequest, JournalEntry, OwnQuestion

pytestmark = pytest.mark.django_db

HTML = "<script>alert('x')</script>"
FIELD_ERROR = 'class="field has-error"'

# Each library form: its URL name, whether the URL takes the client's id, the model it stores,
# and input it accepts.
FORMS = {
    "journal": (
        "library:entry_new",
        False,
        JournalEntry,
        {"prompt": "free", "text": "A line."},
    ),
    "question": (
        "library:question_new",
        False,
        OwnQuestion,
        {"text": "What would help?", "type": "exploration"},
    ),
    "agreement": (
        "library:agreements",
        True,
        AgreementRequest,
        {"kind": "logistics", "text": "We meet monthly.", "days": 14},
    ),
}

BAD_INPUT = [
    # (form, changes to its valid input, expected message)
    ("journal", {"text": ""}, "Write something before saving"),
    ("journal", {"text": "x" * 10001}, "at most 10000"),
    ("journal", {"text": HTML}, "looks like HTML"),
    ("journal", {"prompt": "../../etc"}, "Select a valid choice"),
    ("journal", {"session": "../1"}, "Select a valid choice"),
    ("question", {"text": ""}, "Write the question"),
    ("question", {"text": "x" * 301}, "at most 300"),
    ("question", {"text": HTML}, "looks like HTML"),
    ("question", {"type": "..\\x"}, "Select a valid choice"),
    ("question", {"phase": "<b>"}, "Select a valid choice"),
    ("agreement", {"text": ""}, "The agreement is empty"),
    ("agreement", {"text": "x" * 8001}, "at most 8000"),
    ("agreement", {"text": HTML}, "looks like HTML"),
    ("agreement", {"kind": "../../x"}, "Select a valid choice"),
    ("agreement", {"days": "999"}, "less than or equal to 30"),
    ("agreement", {"days": "a week"}, "Enter a whole number"),
]


def post_to(as_user: Any, owner: Any, owner_client: Any, form: str, data: dict[str, Any]) -> Any:
    name, by_client, _, _ = FORMS[form]
    url = reverse(name, args=[owner_client.pk] if by_client else [])
    return as_user(owner).post(url, data)


@pytest.mark.parametrize(
    ("form", "changes", "message"),
    BAD_INPUT,
    ids=[f"{form}-{next(iter(changes))}-{i}" for i, (form, changes, _) in enumerate(BAD_INPUT)],
)
def test_bad_input_is_explained_next_to_its_field_and_nothing_is_stored(
    as_user, owner, owner_client, form, changes, message
):
    _, _, model, valid = FORMS[form]
    before = model.objects.count()
    response = post_to(as_user, owner, owner_client, form, {**valid, **changes})
    page = response.content.decode()
    assert response.status_code in (200, 400)
    assert message in page and FIELD_ERROR in page
    assert model.objects.count() == before


@pytest.mark.parametrize("form", FORMS)
def test_the_same_forms_store_valid_input(as_user, owner, owner_client, form):
    _, _, model, valid = FORMS[form]
    before = model.objects.count()
    assert post_to(as_user, owner, owner_client, form, valid).status_code == 302
    assert model.objects.count() == before + 1
