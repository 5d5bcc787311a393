"""The client's forms (no account) and the coach's: every limit checked, errors by the field."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, ClassVar

from django import forms

from attunement.checkins.models import ContactTerms
from attunement.relationship.history import CHECKIN_ITEMS

TEXT_LIMIT = 1000
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")

# Our own wording for the four after-session items, in the order of CHECKIN_ITEMS.
ITEM_LABELS = {
    "heard_respected": "I felt heard and respected",
    "worked_on_wanted": "We worked on what I wanted to work on",
    "approach_fits": "The way we worked suits me",
    "overall": "Overall, this session was worth my time",
}

# The sliders speak in the client's voice ("I felt heard"), so the open question names the
# coach: with "I" here, clients read it as asking what *they* should change.
DIFFERENTLY = "What is one thing your coach could do differently next time?"

# The monthly relationship check-in, in our own words.
RELATIONSHIP_QUESTIONS = {
    "feels": "How does our working relationship feel to you at the moment?",
    "works_best": "What helps you most in the way we work together?",
    "more_effective": "What would make our sessions more useful to you?",
    "to_address": "Is there anything between us you would like to talk about?",
}

MESSAGE = "Your message"


def plain_text(value: str) -> None:
    """Refuse markup: the coach reads these words as the client wrote them, nothing else."""
    if _TAG.search(value):
        raise forms.ValidationError(
            "Please write plain text: tags in angle brackets such as <b> are not accepted."
        )


def _text(label: str, *, required: bool = False, rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=TEXT_LIMIT,
        validators=[plain_text],
        widget=forms.Textarea(attrs={"rows": rows, "maxlength": TEXT_LIMIT}),
        error_messages={
            "max_length": f"Please keep this under {TEXT_LIMIT} characters (it is %(show_value)d).",
            "required": "Please write a few words here before sending.",
        },
    )


def _slider(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=10,
        initial=5,
        widget=forms.NumberInput(attrs={"type": "range", "min": 0, "max": 10, "step": 1}),
        error_messages={
            "min_value": "Choose a number from 0 to 10.",
            "max_value": "Choose a number from 0 to 10.",
            "invalid": "Choose a number from 0 to 10.",
            "required": "Choose a number from 0 to 10.",
        },
    )


class SessionCheckinForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item, label in ITEM_LABELS.items():
            self.fields[item] = _slider(label)
        self.fields["differently"] = _text(DIFFERENTLY)

    def scores(self) -> dict[str, int]:
        return {item: self.cleaned_data[item] for item in CHECKIN_ITEMS}

    def answers(self) -> dict[str, str]:
        return {"differently": self.cleaned_data["differently"]}


class RelationshipCheckinForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, question in RELATIONSHIP_QUESTIONS.items():
            self.fields[key] = _text(question)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not any(data.get(key) for key in RELATIONSHIP_QUESTIONS):
            raise forms.ValidationError("Please answer at least one question before sending.")
        return data

    def answers(self) -> dict[str, str]:
        return {key: self.cleaned_data[key] for key in RELATIONSHIP_QUESTIONS}


class MessageForm(forms.Form):
    message = forms.CharField()  # replaced in __init__; declared for the field order

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["message"] = _text(MESSAGE, required=True, rows=6)

    def answers(self) -> dict[str, str]:
        return {"message": self.cleaned_data["message"]}


class PredictionForm(forms.Form):
    """The coach's guess of the client's four scores, made before the answers arrive."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item, label in ITEM_LABELS.items():
            self.fields[item] = _slider(label)

    def predicted(self) -> dict[str, int]:
        return {item: self.cleaned_data[item] for item in CHECKIN_ITEMS}


class NewLinkForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[
            ("session", "After-session check-in"),
            ("relationship", "Monthly relationship check-in"),
            ("message", "Message link (between sessions)"),
        ]
    )
    session = forms.TypedChoiceField(
        coerce=int,
        required=False,
        empty_value=None,
        help_text="Only for an after-session check-in; the other kinds are not about one session.",
    )

    def __init__(self, *args: Any, sessions: Sequence[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["session"]
        field.choices = [("", "No particular session")] + [
            (s.pk, s.when.strftime("%d %b %Y")) for s in sessions
        ]
        if sessions and not self.is_bound:
            self.initial.setdefault("session", sessions[0].pk)  # the latest held session


class ContactTermsForm(forms.ModelForm):
    response_hours = forms.IntegerField(
        min_value=1,
        max_value=720,
        label="I reply within (hours)",
        help_text="The dashboard reminds you when a message has waited longer than this.",
        error_messages={
            "min_value": "Give at least 1 hour: with 0, every message would be late on arrival.",
            "max_value": "Give at most 720 hours (30 days); a longer wait is not a promise a "
            "client can rely on.",
            "invalid": "Give a whole number of hours, e.g. 48 for two days.",
            "required": "Give the number of hours you promise to reply within, e.g. 48.",
        },
    )
    hours = _text("When I read messages", rows=2)
    channels = _text("How to reach me between sessions", rows=2)
    emergency = _text("In an emergency", rows=3)

    class Meta:
        model = ContactTerms
        fields: ClassVar[list[str]] = ["response_hours", "hours", "channels", "emergency"]
