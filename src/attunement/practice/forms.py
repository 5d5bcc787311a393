"""Forms: every limit checked here so a bad value gets a sentence next to its field."""

from __future__ import annotations

from typing import Any, ClassVar
from zoneinfo import available_timezones

from django import forms
from django.contrib.auth import get_user_model, password_validation

from attunement.practice.models import Agreement, Client, Engagement, Session

TIME_ZONES = sorted(available_timezones())


def free_username(username: str) -> str:
    """``username`` if no account has it yet, in any letter case."""
    if get_user_model().objects.filter(username__iexact=username).exists():
        raise forms.ValidationError("That username is taken; choose another.")
    return username


def check_new_password(form: forms.Form, data: dict[str, Any]) -> None:
    """Put the password validators' objections to ``data["password"]`` next to its field."""
    user = get_user_model()(username=data.get("username", ""))
    try:
        password_validation.validate_password(data["password"], user)
    except forms.ValidationError as error:
        form.add_error("password", error)


def username_field(autocomplete: str) -> forms.SlugField:
    """A new account's username, refused in plain words rather than Django's "slug" jargon."""
    return forms.SlugField(
        max_length=60,
        help_text="Letters, digits, - and _ (no spaces).",
        error_messages={
            "required": "Choose a username: it is what you type to sign in.",
            "invalid": "A username can hold only letters, digits, - and _ (no spaces "
            "or accents); e.g. jo_coach.",
        },
        widget=forms.TextInput(attrs={"autocomplete": autocomplete}),
    )


NEW_PASSWORD_HELP = "At least 8 characters and not a common one; a short sentence works well."


class SetupForm(forms.Form):
    practice_name = forms.CharField(
        max_length=120,
        initial="My coaching practice",
        help_text="Shown at the top of every page.",
        error_messages={"required": "Name the practice; your own name is fine."},
    )
    username = username_field("username")  # the owner's own: password managers save it
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        max_length=200,
        help_text=NEW_PASSWORD_HELP,
        error_messages={"required": "Choose a password."},
    )
    password_again = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        max_length=200,
        help_text="The same password, to catch a typing slip.",
        error_messages={"required": "Type the password a second time."},
    )

    def clean_username(self) -> str:
        return free_username(self.cleaned_data["username"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password, again = data.get("password"), data.get("password_again")
        if password and again and password != again:
            self.add_error("password_again", "The two passwords differ; type the same one twice.")
        elif password:
            check_new_password(self, data)
        return data


def _validate_time_zone(value: str) -> None:
    if value and value not in available_timezones():
        raise forms.ValidationError(
            f"{value[:60]!r} is not a time zone name; use one like Europe/Berlin or America/Chicago."
        )


class ClientForm(forms.ModelForm):
    name = forms.CharField(
        max_length=120,
        error_messages={"required": "Enter the client's name (a first name is enough)."},
    )
    contact = forms.CharField(max_length=200, required=False, help_text="Email or phone.")
    time_zone = forms.CharField(
        max_length=64,
        required=False,
        validators=[_validate_time_zone],
        help_text="e.g. Europe/Berlin",
    )
    language = forms.CharField(max_length=64, required=False, help_text="Preferred language.")
    communication_style = forms.CharField(
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="How they like feedback and challenge, as agreed with them.",
    )
    notes = forms.CharField(
        max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    class Meta:
        model = Client
        fields: ClassVar[list[str]] = [
            "name",
            "contact",
            "time_zone",
            "language",
            "communication_style",
            "notes",
        ]


class NewClientForm(ClientForm):
    goals = forms.CharField(
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the client wants from the coaching, in their words.",
    )
    cadence_days = forms.IntegerField(
        min_value=1, max_value=365, initial=14, label="Days between sessions"
    )


class EngagementForm(forms.ModelForm):
    goals = forms.CharField(
        max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    cadence_days = forms.IntegerField(min_value=1, max_value=365, label="Days between sessions")

    class Meta:
        model = Engagement
        fields: ClassVar[list[str]] = ["start", "cadence_days", "goals", "status"]
        widgets: ClassVar[dict[str, Any]] = {"start": forms.DateInput(attrs={"type": "date"})}


class AgreementForm(forms.ModelForm):
    text = forms.CharField(
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Saving adds a new version; earlier versions are kept.",
    )

    class Meta:
        model = Agreement
        fields: ClassVar[list[str]] = ["kind", "text"]


class ConsentForm(forms.Form):
    recording = forms.BooleanField(required=False, label="Sessions may be recorded")
    transcription = forms.BooleanField(required=False, label="Recordings may be transcribed")
    analysis = forms.BooleanField(
        required=False,
        label="Transcripts may be analysed here",
        help_text="Uploading a transcript needs both this and transcription. Tick only what the "
        "client has agreed to; each change is kept with the date.",
    )


class SessionForm(forms.ModelForm):
    private_notes = forms.CharField(
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Only you can read these; they are stored encrypted.",
    )
    minutes = forms.IntegerField(min_value=5, max_value=600, initial=60, label="Length (minutes)")

    class Meta:
        model = Session
        fields: ClassVar[list[str]] = [
            "when",
            "minutes",
            "format",
            "status",
            "by_whom",
            "private_notes",
        ]
        labels: ClassVar[dict[str, str]] = {"by_whom": "Cancelled, moved or missed by"}
        help_texts: ClassVar[dict[str, str]] = {
            "by_whom": "Only when the session did not take place as planned; leave empty if held."
        }
        widgets: ClassVar[dict[str, Any]] = {
            "when": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # "Nobody" instead of "---------": a held session leaves this empty.
        parties = [c for c in self.fields["by_whom"].choices if c[0] != ""]  # type: ignore[attr-defined]
        self.fields["by_whom"].choices = [("", "Nobody: it was held"), *parties]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        status, by_whom = data.get("status"), data.get("by_whom")
        if status and status != Session.Status.HELD and not by_whom:
            self.add_error("by_whom", "Say who cancelled, moved or missed the session.")
        return data


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Transcript file",
        help_text="The transcript your video platform exported (.vtt, .srt, .txt or .json), "
        "with speaker names.",
        error_messages={
            "empty": "The file is empty (0 bytes); export the transcript again and upload "
            "the new file.",
            "required": "Choose the transcript file first.",
        },
    )
    # The web's answer to ``attune analyze --coach``: without it an upload whose coach cannot
    # be told from the talk would be refused with no way forward.
    coach = forms.CharField(
        max_length=120,
        required=False,
        label="Your name in the transcript (optional)",
        help_text="Only needed when the workspace cannot tell which speaker is you; "
        "type it as the transcript spells it.",
    )
