"""Forms: every limit checked here, so a bad value gets a sentence next to its field."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.db.models import QuerySet

from attunement.guide.model import CLIENT_TYPES, PHASES, QUESTION_TYPES
from attunement.library.models import BARRIERS, RATINGS, AgreementRequest
from attunement.library.prompts import PROMPTS

_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]")


def plain_text(value: str) -> None:
    """Refuse HTML: it would be shown as typed anyway, and a tag is usually a paste mistake."""
    if _MARKUP.search(value or ""):
        raise forms.ValidationError(
            "This looks like HTML (it contains a tag such as <b> or <script>). Write plain "
            "text; remove the angle brackets or write 'less than' instead."
        )


def _words(ids: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(i, i.replace("-", " ").capitalize()) for i in ids]


TYPE_CHOICES = _words(QUESTION_TYPES)
PHASE_CHOICES = _words(PHASES)
CLIENT_CHOICES = _words(tuple(c for c in CLIENT_TYPES if c != "any"))


class SearchForm(forms.Form):
    q = forms.CharField(
        max_length=200,
        label="How can I help you?",
        error_messages={
            "required": "Type a question or a few words, e.g. client keeps rescheduling.",
            "max_length": "That is %(show_value)d characters; the box takes up to %(limit_value)d."
            " A few words or one short question finds the same answers.",
        },
    )


class QuestionFilterForm(forms.Form):
    type = forms.ChoiceField(choices=[("", "Any type"), *TYPE_CHOICES], required=False)
    phase = forms.ChoiceField(choices=[("", "Any phase"), *PHASE_CHOICES], required=False)
    client_type = forms.ChoiceField(
        choices=[("", "Any client"), *CLIENT_CHOICES], required=False, label="Client"
    )
    show = forms.ChoiceField(
        choices=[
            ("", "All questions"),
            ("starred", "Starred"),
            ("used", "Used in my sessions"),
            ("mine", "My own"),
        ],
        required=False,
    )


class OwnQuestionForm(forms.Form):
    text = forms.CharField(
        max_length=300,
        label="Question",
        validators=[plain_text],
        error_messages={"required": "Write the question as you would ask it."},
    )
    type = forms.ChoiceField(choices=TYPE_CHOICES)
    phase = forms.ChoiceField(choices=[("", "Any phase"), *PHASE_CHOICES], required=False)
    client_type = forms.ChoiceField(
        choices=[("", "Any client"), *CLIENT_CHOICES], required=False, label="Client"
    )


class JournalForm(forms.Form):
    prompt = forms.ChoiceField(
        choices=[(key, prompt.title) for key, prompt in PROMPTS.items()],
        help_text="Pick what you want to reflect on; each prompt's questions are listed under “Prompts”.",
    )
    session = forms.ModelChoiceField(
        queryset=None,
        required=False,
        empty_label="Not about one session",
        help_text="Link the entry to a session to include it in a supervision export.",
    )
    text = forms.CharField(
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 10}),
        validators=[plain_text],
        label="Reflection",
        help_text="Private: only you can read it; stored encrypted.",
        error_messages={"required": "Write something before saving; even a line is enough."},
    )

    def __init__(self, *args: Any, sessions: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["session"]
        field.queryset = sessions  # type: ignore[attr-defined]
        field.label_from_instance = session_label  # type: ignore[attr-defined]


def session_label(session: Any) -> str:
    return f"{session.client.name} · {session.when:%d %b %Y}"


class ExportForm(forms.Form):
    sessions = forms.ModelMultipleChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only sessions of clients whose consent to analysis is recorded can be chosen.",
        error_messages={"required": "Choose at least one session to export."},
    )
    names = forms.BooleanField(
        required=False,
        label="Show client names",
        help_text="Off: clients appear as Client A, Client B… which is usually enough for supervision.",
    )
    transcripts = forms.BooleanField(required=False, label="Include the transcripts")

    def __init__(self, *args: Any, sessions: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["sessions"]
        field.queryset = sessions  # type: ignore[attr-defined]
        field.label_from_instance = session_label  # type: ignore[attr-defined]


class BarrierForm(forms.Form):
    client_type = forms.ChoiceField(
        choices=[("", "No particular type"), *CLIENT_CHOICES],
        required=False,
        label="Client type",
        help_text="Used to pick the strategies that fit.",
    )
    note = forms.CharField(
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[plain_text],
        help_text="What you noticed; private and encrypted.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for barrier, title in BARRIERS:
            self.fields[barrier] = forms.TypedChoiceField(
                label=title, choices=RATINGS, coerce=int, initial=0, widget=forms.RadioSelect
            )
        self.order_fields([*(b for b, _ in BARRIERS), "client_type", "note"])

    def ratings(self) -> dict[str, int]:
        return {b: int(self.cleaned_data[b]) for b, _ in BARRIERS}


class AgreementRequestForm(forms.Form):
    kind = forms.ChoiceField(choices=AgreementRequest.Kind.choices)
    text = forms.CharField(
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 14}),
        validators=[plain_text],
        help_text="Edit the filled template until it says what you agreed in conversation.",
        error_messages={"required": "The agreement is empty; pick a template or write it."},
    )
    days = forms.IntegerField(min_value=1, max_value=30, initial=14, label="Link valid for (days)")


class AcknowledgeForm(forms.Form):
    name = forms.CharField(
        max_length=120,
        validators=[plain_text],
        label="Your name",
        error_messages={"required": "Type your name to acknowledge the agreement."},
    )
    agree = forms.BooleanField(
        label="I have read this agreement and it reflects what we discussed",
        error_messages={"required": "Tick the box to acknowledge, or contact your coach instead."},
    )
    comment = forms.CharField(
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[plain_text],
        label="Anything you want your coach to know (optional)",
    )


def posted(request: Any) -> Any:
    """The submitted data, or None for a GET: an empty POST is still a submission to check."""
    return request.POST if request.method == "POST" else None
