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
