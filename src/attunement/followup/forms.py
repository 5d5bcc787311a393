"""Forms for commitments and memory cards: every limit is checked here, next to its field."""

from __future__ import annotations

import re
from typing import ClassVar

from django import forms

from attunement.followup.models import Commitment, MemoryCard

TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")


def plain_text(value: str) -> None:
    """Reject markup: these words are shown on printed pages and must read as typed."""
    if TAG.search(value or ""):
        raise forms.ValidationError(
            "This looks like HTML (a <tag>). Write plain words; nothing was saved."
        )


def name_the_blank(field: forms.Field, label: str) -> None:
    """Replace Django's "---------" empty choice with words that say what to pick."""
    choices = [(value, text) for value, text in field.choices if value != ""]  # type: ignore[attr-defined]
    field.choices = [("", label), *choices]  # type: ignore[attr-defined]


class CommitmentForm(forms.ModelForm):
    text = forms.CharField(
        max_length=300,
        validators=[plain_text],
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": "Write what was promised, e.g. 'send the article on feedback'.",
            "max_length": "Keep it under %(limit_value)d characters (it has %(show_value)d).",
        },
        label="What will be done",
        help_text="In a few words, e.g. 'send the article on feedback'.",
    )
    due = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter a date as YYYY-MM-DD, or leave it empty."},
    )

    class Meta:
        model = Commitment
        fields: ClassVar[list[str]] = ["owner", "text", "due", "status", "reflected"]
        labels: ClassVar[dict[str, str]] = {
            "owner": "Whose commitment",
            "reflected": "The client talked about what they learned from doing it",
        }
        error_messages: ClassVar[dict[str, dict[str, str]]] = {
            "owner": {"required": "Say whose commitment this is: the coach's or the client's."},
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        name_the_blank(self.fields["owner"], "Choose: yours or the client's")


class NewCommitmentForm(CommitmentForm):
    class Meta(CommitmentForm.Meta):
        fields: ClassVar[list[str]] = ["owner", "text", "due"]


class MemoryCardForm(forms.ModelForm):
    text = forms.CharField(
        max_length=300,
        validators=[plain_text],
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": "Write what to remember, e.g. 'daughter, Lina, starts school in May'.",
            "max_length": "Keep it under %(limit_value)d characters (it has %(show_value)d).",
        },
        label="What to remember",
    )

    class Meta:
        model = MemoryCard
        fields: ClassVar[list[str]] = ["kind", "text"]
        error_messages: ClassVar[dict[str, dict[str, str]]] = {
            "kind": {"required": "Choose what kind of detail this is."},
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        name_the_blank(self.fields["kind"], "Choose a kind: person, value, hope…")


class DoneForm(forms.Form):
    reflected = forms.BooleanField(required=False)
