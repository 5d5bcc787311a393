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
        return sentence(self.what, self.fix)


def sentence(what: str, fix: str = "") -> str:
    """What happened and the fix as one sentence, the way every error message reads."""
    return f"{what}; {fix}." if fix else f"{what}."


class TranscriptError(AttuneError):
    """A transcript file could not be read into a conversation. ``formats`` lists the readers
    when naming one would get past the problem: the command line offers them as ``--format``;
    other ways in (upload form, API), which cannot choose a reader, leave that hint out."""

    def __init__(self, what: str, fix: str = "", formats: tuple[str, ...] = ()) -> None:
        self.formats = formats
        super().__init__(what, fix)

    @property
    def message(self) -> str:
        if not self.formats:
            return super().message
        return sentence(
            self.what, f"{self.fix}, or pass --format with one of {', '.join(self.formats)}"
        )


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
