"""Settings from the environment (and .env, through python-dotenv). See .env.example."""

from __future__ import annotations

import os
from pathlib import Path

from dotenv import load_dotenv

DEFAULT_DB = Path("data/plenary.db")
DEFAULT_SEEDS = Path("seeds")


def load_env() -> None:
    # The environment wins over .env, so a deployment can override a developer's file.
    load_dotenv(override=False)


def db_path(explicit: str | Path | None = None) -> Path:
    return Path(explicit or os.environ.get("PLENARY_DB") or DEFAULT_DB)


def seeds_path() -> Path:
    return Path(os.environ.get("PLENARY_SEEDS") or DEFAULT_SEEDS)
