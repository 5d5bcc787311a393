"""Every setting, in one typed place, read from the environment.

Each field documents itself (``doc`` metadata); ``docs/settings.md`` must describe every
environment variable listed here, and a test fails when one is missing. Nothing here imports
Django: the web project's ``settings.py`` reads this object.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from attunement.errors import ConfigError


def _setting(env: str, default: Any, doc: str) -> Any:
    return field(default=default, metadata={"env": env, "doc": doc})


def _default_data_dir() -> str:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "attunement")


@dataclass(frozen=True)
class Settings:
    data_dir: str = _setting(
        "ATTUNE_DATA_DIR", "", "Folder for the SQLite database, the key file and model cache."
    )
    env: str = _setting(
        "ATTUNE_ENV", "development", "`development` or `production` (strict security settings)."
    )
    debug: bool = _setting(
        "ATTUNE_DEBUG",
        False,
        "Show Django's debug pages (tracebacks, URL lists); only while developing Attunement.",
    )
    encoder: str = _setting(
        "ATTUNE_ENCODER",
        "auto",
        "`auto` uses the sentence encoder when installed, `on` requires it, `off` never loads it.",
    )
    database_url: str = _setting(
        "DATABASE_URL", "", "Database to use, e.g. postgres://user:pw@host/db; empty = SQLite."
    )
    host: str = _setting("ATTUNE_HOST", "127.0.0.1", "Address `attune serve` listens on.")
    port: int = _setting("ATTUNE_PORT", 8000, "Port `attune serve` listens on.")
    max_upload_mb: int = _setting(
        "ATTUNE_MAX_UPLOAD_MB", 20, "Largest transcript upload accepted, in megabytes."
    )
    secret_key: str = _setting(
        "ATTUNE_SECRET_KEY",
        "",
        "Django's signing key; empty = a key file `secret.key` made on first run in the data dir.",
    )
    encryption_key: str = _setting(
        "ATTUNE_ENCRYPTION_KEY",
        "",
        "Base64 AES-256 key for data at rest; empty = key file `encryption.key` in the data dir.",
    )
    allowed_hosts: str = _setting(
        "ATTUNE_ALLOWED_HOSTS",
        "",
        "Comma-separated host names the web app answers to; empty = localhost only.",
    )
    background_turns: int = _setting(
        "ATTUNE_BACKGROUND_TURNS",
        400,
        "Transcripts with more turns than this are analysed in the background.",
    )
    trusted_proxies: str = _setting(
        "ATTUNE_TRUSTED_PROXIES",
        "",
        "Comma-separated addresses of reverse proxies whose X-Forwarded-For is believed.",
    )

    checkin_link_hours: int = _setting(
        "ATTUNE_CHECKIN_LINK_HOURS",
        168,
        "Hours a client's private check-in or message link stays valid (each link works once).",
    )

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir or _default_data_dir()).expanduser()

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = environ.get(f.metadata["env"])
            if raw is None or raw == "":
                continue
            values[f.name] = _coerce(f.metadata["env"], raw, type(f.default))
        settings = cls(**values)
        settings.validate()
        return settings

    def validate(self) -> None:
        choices = {"env": ("development", "production"), "encoder": ("auto", "on", "off")}
        for name, allowed in choices.items():
            value = getattr(self, name)
            if value not in allowed:
                env = next(f.metadata["env"] for f in fields(self) if f.name == name)
                raise ConfigError(
                    f"{env} is {value!r}, which is not a known value",
                    f"set it to one of {', '.join(allowed)}",
                )


def documented_settings() -> dict[str, str]:
    """Environment variable -> its one-line description, for docs and `attune settings`."""
    return {f.metadata["env"]: f.metadata["doc"] for f in fields(Settings)}


def _coerce(env: str, raw: str, kind: type) -> Any:
    if kind is int:
        try:
            return int(raw)
        except ValueError:
            raise ConfigError(
                f"{env} is {raw!r}, not a whole number", f"set {env} to e.g. 8000"
            ) from None
    if kind is bool:
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    return raw


def get_settings() -> Settings:
    return Settings.from_env()
