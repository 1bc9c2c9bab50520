"""Settings from the environment (and .env, through python-dotenv). See .env.example."""

from __future__ import annotations

import os
from pathlib import Path

from dotenv import load_dotenv

DEFAULT_DB = Path("data/plenary.db")
DEFAULT_SEEDS = Path("seeds")
DEFAULT_MAX_FILE_MB = 50
MB = 1024 * 1024


class SettingError(ValueError):
    """A setting that can't be used as written; the message names it and says what it takes."""


def load_env() -> None:
    # The environment wins over .env, so a deployment can override a developer's file.
    load_dotenv(override=False)


def db_path(explicit: str | Path | None = None) -> Path:
    return Path(explicit or os.environ.get("PLENARY_DB") or DEFAULT_DB)


def seeds_path() -> Path:
    return Path(os.environ.get("PLENARY_SEEDS") or DEFAULT_SEEDS)


def max_file_bytes() -> int | None:
    """The largest file ingest or check will read (PLENARY_MAX_FILE_MB; 0 means no limit)."""
    raw = os.environ.get("PLENARY_MAX_FILE_MB", "").strip()
    if not raw:
        return DEFAULT_MAX_FILE_MB * MB
    try:
        mb = float(raw)
    except ValueError:
        mb = -1.0
    if not mb >= 0 or mb == float("inf"):
        raise SettingError(f"PLENARY_MAX_FILE_MB must be a number of megabytes (0 for no limit), not {raw!r}")
    return None if mb == 0 else max(1, round(mb * MB))


def shell_locale() -> str:
    """The locale the shell answers in: PLENARY_LOCALE (zh-CN, en-US), else the terminal's LANG."""
    return os.environ.get("PLENARY_LOCALE") or os.environ.get("LANG") or "en"


DEFAULT_COOLDOWN = (10, 30.0)  # answers per member, per seconds: generous; paging buttons never count


def cooldown() -> tuple[int, float]:
    """The default cooldown, PLENARY_COOLDOWN as USES/SECONDS (10/30); 0 turns it off. A server
    sets its own with /cooldown."""
    raw = os.environ.get("PLENARY_COOLDOWN", "").strip()
    if not raw:
        return DEFAULT_COOLDOWN
    if raw == "0":
        return (0, 0.0)
    uses, sep, seconds = raw.partition("/")
    try:
        parsed = (int(uses), float(seconds))
    except ValueError:
        parsed = (-1, -1.0)
    if not sep or parsed[0] < 1 or not 0 < parsed[1] <= 86400:
        raise SettingError(f"PLENARY_COOLDOWN must be USES/SECONDS, such as 10/30 (or 0 for none), not {raw!r}")
    return parsed
