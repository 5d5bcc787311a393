"""Forms of the account pages: sign-in, the two-factor code, API tokens and the team."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import PasswordChangeForm

from attunement.practice.forms import check_new_password, free_username, username_field
from attunement.practice.models import Coach


class SignInForm(forms.Form):
    username = forms.CharField(
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
        error_messages={"required": "Type your username."},
    )
    # Password managers fill the sign-in only when the field says what it is.
    password = forms.CharField(
        max_length=200,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Type your password."},
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        max_length=12,
        label="Six-digit code",
        help_text="From the authenticator app on your phone.",
        error_messages={"required": "Type the six digits your authenticator app shows."},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("Type the six digits your authenticator app shows.")
        return code


class PasswordConfirmForm(forms.Form):
    """Asks for the current password before a change that weakens the account."""

    password = forms.CharField(
        max_length=200, strip=False, widget=forms.PasswordInput, label="Your password"
    )

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your current password.")
        return password


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=80, help_text="What the token is for, e.g. 'calendar sync script'."
    )


class NewMemberForm(forms.Form):
    # A teammate's username, not the admin's own: keep password managers from filling it in.
    username = username_field("off")
    password = forms.CharField(
        max_length=200,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="A first password (at least 8 characters, not a common one); they can change "
        "it after signing in.",
        error_messages={"required": "Type a first password for them."},
    )
    role = forms.ChoiceField(
        choices=Coach.Role.choices,
        initial=Coach.Role.COACH,
        help_text="A coach keeps their own clients; a practice admin manages accounts and never "
        "sees client records.",
    )

    def clean_username(self) -> str:
        return free_username(self.cleaned_data["username"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password"):
            check_new_password(self, data)
        return data


class ResetSignInForm(forms.Form):
    """A practice admin gives a teammate who is locked out a new first password."""

    password = forms.CharField(
        max_length=200,
        strip=False,
        label="New password for them",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 8 characters, not a common one. Give it to them in person; they "
        "can change it after signing in.",
        error_messages={"required": "Type the new password you will give them."},
    )

    def __init__(self, username: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.username = username

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password"):
            check_new_password(self, {**data, "username": self.username})
        return data


# Django's own labels and errors ("This field is required.", "the same password as before",
# which reads as the old one) swapped for words that say what to type.
_PASSWORD_CHANGE_WORDS = {
    "old_password": (
        "Your current password",
        "Type your current password: it shows the change is yours.",
    ),
    "new_password1": ("New password", "Choose a new password."),
    "new_password2": ("New password again", "Type the new password a second time."),
}


class ChangePasswordForm(PasswordChangeForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, (label, missing) in _PASSWORD_CHANGE_WORDS.items():
            self.fields[name].label = label
            self.fields[name].error_messages["required"] = missing
        self.fields["new_password2"].help_text = "The same new password, to catch a typing slip."
