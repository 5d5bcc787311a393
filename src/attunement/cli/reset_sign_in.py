"""`attune reset-sign-in USERNAME`: a way back in for someone locked out of the workspace.

A solo coach who forgot their password or lost the phone with their two-factor codes has no
admin to reset them in the browser. Whoever can run commands on the machine that holds the
data folder can already read the database and its key, so the command asks for nothing more:
it sets a new password, turns two-factor sign-in off and lifts a lockout, as the team page's
reset does (``accounts_security.reset_sign_in``).
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer


def register(app: typer.Typer) -> None:
    app.command(
        "reset-sign-in",
        help="Set a new password for an account, turn its two-factor sign-in off and lift a "
        "lockout.\n\nIt acts on the workspace in the data folder that `attune settings` shows "
        "(ATTUNE_DATA_DIR); for the demo workspace, set ATTUNE_DATA_DIR to the folder `attune "
        "demo` printed.",
    )(reset_sign_in)


def reset_sign_in(
    username: Annotated[
        str, typer.Argument(metavar="USERNAME", help="The account to let back in.")
    ],
    password_stdin: Annotated[
        bool,
        typer.Option(
            "--password-stdin", help="Read the new password from standard input (for scripts)."
        ),
    ] = False,
) -> None:
    from attunement.config import get_settings
    from attunement.web import server

    settings = get_settings()
    check_workspace(settings)  # before Django, which would create an empty one
    server.setup_django()
    user = find_account(username, settings.data_path)
    password = read_password(password_stdin)
    check_password(password, user)
    from attunement.practice.accounts_security import reset_sign_in as reset

    reset(user, password)
    if not user.is_active:
        typer.echo(
            f"{user.get_username()} is switched off: an admin switches the account on again on "
            "the Team page before the new password works."
        )
    typer.echo(
        f"{user.get_username()} can sign in again with the new password; two-factor sign-in is "
        "off (turn it on again under Account security), any lockout is lifted and open browser "
        "sessions have ended. Their API tokens still work: revoke them there if a device was lost."
    )


def check_workspace(settings: Any) -> None:
    """An error, touching nothing, when the data folder holds no workspace (SQLite only: a
    PostgreSQL workspace from DATABASE_URL is checked when the account is looked up)."""
    from django.conf import settings as django_settings

    from attunement.errors import AttuneError

    if django_settings.configured:
        return  # set up already (tests, an embedding program): its database is the workspace
    if settings.database_url or (settings.data_path / "attunement.sqlite3").exists():
        return
    raise AttuneError(
        f"There is no workspace in {settings.data_path} yet",
        "run `attune serve` once to create it, or set ATTUNE_DATA_DIR to the folder that "
        "holds your workspace",
    )


def find_account(username: str, data_path: Any) -> Any:
    """The account called ``username`` (any case), or an error naming the accounts there are."""
    from django.contrib.auth import get_user_model
    from django.db import DatabaseError

    from attunement.errors import AttuneError

    users = get_user_model().objects
    try:
        found = users.filter(username__iexact=username.strip()).first()
        names = [] if found else sorted(users.values_list("username", flat=True))
    except DatabaseError:
        raise AttuneError(
            f"There is no workspace in {data_path} yet",
            "run `attune serve` once to create it, or set ATTUNE_DATA_DIR to the folder that "
            "holds your workspace",
        ) from None
    if found is None:
        known = f" (accounts there: {', '.join(names)})" if names else " (it has no accounts yet)"
        raise AttuneError(
            f"No account called {username} in the workspace in {data_path}{known}",
            "check the spelling, or set ATTUNE_DATA_DIR to the folder that holds your workspace",
        )
    return found


def read_password(from_stdin: bool) -> str:
    """The new password: the first line of standard input, or typed twice, unseen."""
    if from_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    entered: str = typer.prompt("New password", hide_input=True, confirmation_prompt=True)
    return entered


def check_password(password: str, user: Any) -> None:
    """The workspace's own password rules (length, not common, not like the username)."""
    from django.contrib.auth import password_validation
    from django.core.exceptions import ValidationError

    from attunement.errors import AttuneError

    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        reasons = " ".join(error.messages).rstrip(".")
        raise AttuneError(
            f"That password was not accepted: {reasons}", "choose a longer, less common one"
        ) from None
