"""Errors that teach: what happened, the usual cause, and the fix, in one message.

Every error a user can provoke with their input is an ``AttuneError``. The CLI prints
``str(error)`` as one sentence and exits with code 2; the web app shows the same text next to
the form field. Anything else that escapes is a bug in Attunement.
"""

from __future__ import annotations


class AttuneError(Exception):
    """A problem with the user's input or setup, explained in words they can act on."""

    exit_code = 2

    def __init__(self, what: str, fix: str = "") -> None:
        self.what = what.rstrip(". ")
        self.fix = fix.rstrip(". ")
        super().__init__(self.message)

    @property
    def message(self) -> str:
        if self.fix:
            return f"{self.what}; {self.fix}."
        return f"{self.what}."


class TranscriptError(AttuneError):
    """A transcript file could not be read into a conversation."""


class RoleError(TranscriptError):
    """The coach and client could not be told apart. ``speakers`` lists the transcript's
    speakers, so each way in (command line, upload form, API) can say how to name the coach."""

    def __init__(self, what: str, fix: str = "", speakers: tuple[str, ...] = ()) -> None:
        super().__init__(what, fix)
        self.speakers = speakers


class AnalysisError(AttuneError):
    """The analysis could not run on this conversation."""


class ConfigError(AttuneError):
    """A setting from the environment is missing or malformed."""
