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


DEFAULT_QUERY_BUDGET = 2.0  # seconds of work per answer in chat and the shell
DEFAULT_CLI_BUDGET = 60.0  # seconds per one-shot command: generous, a script waits
DEFAULT_READERS = 4  # threads answering in parallel in the bot, each with its own connection


def _seconds(name: str, default: float) -> float | None:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 3600:
        raise SettingError(f"{name} must be a number of seconds up to 3600 (0 for no limit), not {raw!r}")
    return value or None


def query_budget() -> float | None:
    """How long one answer may work in chat and the shell before it is refused as too broad
    (PLENARY_QUERY_BUDGET, seconds, default 2; 0 for no limit)."""
    return _seconds("PLENARY_QUERY_BUDGET", DEFAULT_QUERY_BUDGET)


def cli_budget() -> float | None:
    """The same for one command of the command line (PLENARY_CLI_BUDGET, default 60; 0 for no limit)."""
    return _seconds("PLENARY_CLI_BUDGET", DEFAULT_CLI_BUDGET)


def readers() -> int:
    """How many answers the bot works on at once (PLENARY_READERS, default 4), each on its own
    read-only connection: a slow one does not queue the others."""
    raw = os.environ.get("PLENARY_READERS", "").strip()
    if not raw:
        return DEFAULT_READERS
    if not raw.isdigit() or not 1 <= int(raw) <= 64:
        raise SettingError(f"PLENARY_READERS must be a whole number from 1 to 64, not {raw!r}")
    return int(raw)


def state_url() -> str | None:
    """Where the bot's state lives (PLENARY_STATE_URL): postgresql://… for several processes,
    sqlite:///path for a file; unset, an SQLite file beside the corpus (bot/state/store.py)."""
    return os.environ.get("PLENARY_STATE_URL", "").strip() or None


def shards() -> tuple[str | None, int | None]:
    """PLENARY_SHARDS (such as 0-3, or 0,2,5) and PLENARY_SHARD_COUNT, as written; bot/shards.py
    reads them. Unset: one process runs every shard Discord recommends."""
    raw = os.environ.get("PLENARY_SHARD_COUNT", "").strip()
    if raw and not raw.isdigit():
        raise SettingError(f"PLENARY_SHARD_COUNT must be a whole number, not {raw!r}")
    return os.environ.get("PLENARY_SHARDS", "").strip() or None, int(raw) if raw else None


DEFAULT_CORPUS_POLL = 30.0  # seconds between two looks at whether a new corpus was published


def corpus_poll() -> float:
    """How often a running bot looks for a newly published corpus (PLENARY_CORPUS_POLL, seconds)."""
    return _seconds("PLENARY_CORPUS_POLL", DEFAULT_CORPUS_POLL) or DEFAULT_CORPUS_POLL


DEFAULT_WATCH_SETTLE = 2.0  # seconds a dropped file must stay unchanged before ingest --watch reads it


def watch_settle() -> float:
    """How long `plenary ingest --watch` waits for a file's size and time to stop changing
    before it reads it (PLENARY_WATCH_SETTLE, seconds, default 2; 0 reads at once)."""
    raw = os.environ.get("PLENARY_WATCH_SETTLE", "").strip()
    if not raw:
        return DEFAULT_WATCH_SETTLE
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 600:
        raise SettingError(f"PLENARY_WATCH_SETTLE must be a number of seconds from 0 to 600, not {raw!r}")
    return value
