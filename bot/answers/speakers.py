"""The speakers of a meeting, in order of first appearance."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from bot.answers.lookup import resolve
from bot.store import Store
from bot.text import fold


def latest_record(store: Store) -> str | None:
    row = store.one("SELECT doc_id FROM documents WHERE kind = 'record' ORDER BY date DESC, doc_id LIMIT 1")
    return row["doc_id"] if row else None


def speaker_list(store: Store, doc_id: str) -> list[dict[str, Any]]:
    rows = store.query(
        """SELECT s.*, (SELECT p.label FROM paragraphs p WHERE p.speaker_id = s.id ORDER BY p.seq LIMIT 1) AS first_label,
                  (SELECT p.text FROM paragraphs p WHERE p.speaker_id = s.id ORDER BY p.seq LIMIT 1) AS first_text,
                  (SELECT group_concat(DISTINCT p.capacity) FROM paragraphs p WHERE p.speaker_id = s.id) AS capacities
           FROM speakers s WHERE s.doc_id = ? ORDER BY s.seq""",
        [doc_id],
    )
    out = []
    for r in rows:
        capacities = (r["capacities"] or "").split(",")
        out.append({
            "order": r["seq"], "name": r["name"], "country": r["country"], "role": r["role"],
            "affiliation": r["affiliation"], "languages": json.loads(r["languages"] or "[]"),
            "turns": r["turns"], "paragraphs": r["paragraphs"],
            "capacity": "chair" if "chair" in capacities else (capacities[0] if capacities else None),
            "capacities": [c for c in capacities if c],
            "first_label": r["first_label"], "first_text": r["first_text"] or "",
        })
    return out


def speakers(store: Store, query: str | None = None) -> dict[str, Any] | None:
    """Speakers of the record ``query`` names (default: the latest record), or None if none."""
    doc_id = resolve(store, query) if query else latest_record(store)
    if doc_id is None:
        return None
    doc = store.one("SELECT symbol, doc_id, kind, title, date FROM documents WHERE doc_id = ?", [doc_id])
    listing = speaker_list(store, doc_id)
    for s in listing:
        s.pop("first_text")
    return {"symbol": doc["symbol"] or doc["doc_id"], "kind": doc["kind"], "title": doc["title"],
            "date": doc["date"], "speakers": listing}


# -- names people type: typos and other scripts --------------------------------------------

_HONORIFICS = re.compile(r"^(?:mr|ms|mrs|dr|h\.?e)\.?\s+|(?:先生|女士|夫人|小姐|阁下|閣下|博士|殿下)$", re.IGNORECASE)
_HAN = re.compile(r"[\u3400-\u9fff]")
_PINYIN: dict[str, str] = {}  # bare name → its toneless pinyin, one word: 张军 → zhangjun
_PINYIN_LOADED: list[float] = []  # how long pypinyin took to import (ms), once


def bare(name: str) -> str:
    """A name without its honorific: 张军先生 → 张军, "Mr. Zas" → zas (folded)."""
    return _HONORIFICS.sub("", fold(name).strip()).strip(" .·")


def _latin_key(text: str) -> str:
    return re.sub(r"[^a-z]", "", fold(text))


def pinyin_key(name: str) -> str:
    """张军 → zhangjun: the toneless pinyin of a Chinese-script name, for a Latin spelling
    (Zhang Jun, zhang-jun) or a homophone typed by mistake (张君). pypinyin is imported on
    the first call only (about 120 ms); each name is converted once per process (~30 µs)."""
    key = _PINYIN.get(name)
    if key is None:
        if not _PINYIN_LOADED:
            import time

            start = time.perf_counter()
            import pypinyin  # noqa: F401 - timed here, used below

            _PINYIN_LOADED.append((time.perf_counter() - start) * 1000)
        from pypinyin import lazy_pinyin

        key = "".join(lazy_pinyin(name, errors=lambda chars: _latin_key(chars)))
        key = _latin_key(key)
        if len(_PINYIN) < 500_000:
            _PINYIN[name] = key
    return key


@dataclass(frozen=True)
class NameMatch:
    name: str  # as the record prints it (张军先生)
    ids: tuple[int, ...]  # every speaker row of that name
    score: float
    how: str  # "pinyin" (same sound or a Latin spelling of it), "spelling" (a typo)


def _speaker_names(store: Store) -> dict[str, list[int]]:
    names: dict[str, list[int]] = {}
    for sid, name in store.db.conn.execute("SELECT id, name FROM speakers"):
        names.setdefault(name, []).append(sid)
    return names


def similar_speakers(store: Store, typed: str, limit: int = 3) -> list[NameMatch]:
    """Speakers whose name ``typed`` may mean, best first: the same pinyin (张君 → 张军先生,
    "Zhang Jun" → 张军先生) scores 100; otherwise a near spelling (rapidfuzz, the honorific
    off). Nothing under 60."""
    typed_bare = bare(typed)
    if not typed_bare:
        return []
    typed_han = bool(_HAN.search(typed_bare))
    typed_sound = pinyin_key(typed_bare) if typed_han else _latin_key(typed_bare)
    found: list[NameMatch] = []
    for name, ids in _speaker_names(store).items():
        b = bare(name)
        if not b:
            continue
        score, how = 0.0, "spelling"
        if _HAN.search(b) and typed_sound and len(typed_sound) >= 4:
            sound = pinyin_key(b)
            if sound == typed_sound:
                score, how = 100.0, "pinyin"
            elif not typed_han and sound.startswith(typed_sound) and len(typed_sound) >= 5:
                score, how = 90.0, "pinyin"  # a surname alone: "Zhang" → 张军先生
            elif not typed_han:
                score, how = fuzz.ratio(typed_sound, sound) * 0.9, "pinyin"
        if typed_han == bool(_HAN.search(b)):
            spelled = fuzz.ratio(typed_bare, b)
            if typed_han and len(b) == len(typed_bare) >= 2 and sum(x != y for x, y in zip(b, typed_bare)) == 1:
                spelled = max(spelled, 70.0)  # one character wrong in a short Chinese name: ask
            if spelled > score:
                score, how = spelled, "spelling"
        if score >= 60:
            found.append(NameMatch(name, tuple(ids), score, how))
    found.sort(key=lambda m: (-m.score, m.name))
    return found[:limit]


def sure_match(matches: list[NameMatch]) -> NameMatch | None:
    """The match to answer for without asking: the same pinyin, or a one-letter slip in a
    longer Latin name, and no rival as good."""
    if not matches:
        return None
    best = matches[0]
    rival = len(matches) > 1 and matches[1].score >= best.score - 5
    sure = best.how == "pinyin" and best.score >= 90 or best.how == "spelling" and best.score >= 85
    return best if sure and not rival else None
