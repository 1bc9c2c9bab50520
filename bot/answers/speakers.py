"""The speakers of a meeting, in order of first appearance."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

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
_PINYIN_LOADED: list[float] = []  # how long pypinyin's table took to import (ms), once


def bare(name: str) -> str:
    """A name without its honorific: 张军先生 → 张军, "Mr. Zas" → zas (folded)."""
    return _HONORIFICS.sub("", fold(name).strip()).strip(" .·")


def _latin_key(text: str) -> str:
    return re.sub(r"[^a-z]", "", fold(text))


def _syllable(ch: str) -> str:
    """A character's first reading, toneless: 张 → zhang (Latin letters as they are). From
    pypinyin's table, imported on the first call (~1 ms: the table, not the whole package)."""
    got = _SYLLABLES.get(ch)
    if got is None:
        if not _PINYIN_LOADED:
            import time

            start = time.perf_counter()
            from pypinyin.pinyin_dict import pinyin_dict

            _PINYIN_LOADED.append((time.perf_counter() - start) * 1000)
            _TABLE.append(pinyin_dict)
        readings = _TABLE[0].get(ord(ch))
        if readings:
            first = unicodedata.normalize("NFKD", readings.split(",")[0])
            got = "".join(c for c in first if c.isascii() and c.isalpha())
        else:
            got = ch if ch.isascii() and ch.isalpha() else ""
        _SYLLABLES[ch] = got
    return got


_SYLLABLES: dict[str, str] = {}
_TABLE: list[dict[int, str]] = []


def pinyin_key(name: str) -> str:
    """张军 → zhangjun: the toneless pinyin of a Chinese-script name, for a Latin spelling
    (Zhang Jun, zhang-jun) or a homophone typed by mistake (张君). Character by character
    (names rarely need a phrase's reading); Latin letters in the name are kept."""
    key = _PINYIN.get(name)
    if key is None:
        key = "".join(_syllable(c) for c in fold(name))
        if len(_PINYIN) < 500_000:
            _PINYIN[name] = key
    return key


@dataclass(frozen=True)
class NameMatch:
    name: str  # as the record prints it (张军先生)
    ids: tuple[int, ...]  # every speaker row of that name
    score: float
    how: str  # "pinyin" (same sound or a Latin spelling of it), "spelling" (a typo)


@dataclass
class _NameIndex:
    names: list[str]  # each distinct name once
    ids: list[tuple[int, ...]]
    bare: list[str]
    han: list[bool]
    sounds: list[str]  # pinyin of the Chinese-script names ("" for the others), built on first need


_INDEX: dict[str, tuple[tuple[Any, ...], _NameIndex]] = {}


def _name_index(store: Store) -> _NameIndex:
    """Every distinct speaker name with its bare form, kept until the speakers change."""
    key = tuple(store.db.conn.execute("SELECT count(*), max(id) FROM speakers").fetchone())
    held = _INDEX.get(str(store.path))
    if held and held[0] == key:
        return held[1]
    by_name: dict[str, list[int]] = {}
    for sid, name in store.db.conn.execute("SELECT id, name FROM speakers"):
        by_name.setdefault(name, []).append(sid)
    names = list(by_name)
    bares = [bare(n) for n in names]
    index = _NameIndex(names, [tuple(by_name[n]) for n in names], bares, [bool(_HAN.search(b)) for b in bares], [])
    _INDEX[str(store.path)] = (key, index)
    return index


def similar_speakers(store: Store, typed: str, limit: int = 3) -> list[NameMatch]:
    """Speakers whose name ``typed`` may mean, best first: the same pinyin (张君 → 张军先生,
    "Zhang Jun" → 张军先生) scores 100, a Latin surname alone 90; otherwise a near spelling
    (rapidfuzz over every name at once, in C). Nothing under 60."""
    typed_bare = bare(typed)
    if not typed_bare:
        return []
    index = _name_index(store)
    typed_han = bool(_HAN.search(typed_bare))
    best: dict[int, tuple[float, str]] = {}

    def offer(i: int, score: float, how: str) -> None:
        if score >= 60 and score > best.get(i, (0.0, ""))[0]:
            best[i] = (score, how)

    typed_sound = pinyin_key(typed_bare) if typed_han else _latin_key(typed_bare)
    if len(typed_sound) >= 4:
        if not index.sounds:
            index.sounds = [pinyin_key(b) if h else "" for b, h in zip(index.bare, index.han, strict=True)]
        for i, sound in enumerate(index.sounds):
            if sound and sound == typed_sound:
                offer(i, 100.0, "pinyin")
            elif sound and not typed_han and len(typed_sound) >= 5 and sound.startswith(typed_sound):
                offer(i, 90.0, "pinyin")  # a surname alone: "Zhang" → 张军先生
        if not typed_han:
            for _, score, i in process.extract(typed_sound, index.sounds, scorer=fuzz.ratio, limit=limit,
                                               score_cutoff=80):
                offer(i, score * 0.9, "pinyin")
    same_script = [b if h == typed_han else "" for b, h in zip(index.bare, index.han, strict=True)]
    for _, score, i in process.extract(typed_bare, same_script, scorer=fuzz.ratio, limit=limit * 3, score_cutoff=50):
        b = index.bare[i]
        if typed_han and len(b) == len(typed_bare) >= 2 and sum(x != y for x, y in zip(b, typed_bare, strict=True)) == 1:
            score = max(score, 70.0)  # one character wrong in a short Chinese name: ask
        offer(i, score, "spelling")
    found = [NameMatch(index.names[i], index.ids[i], score, how) for i, (score, how) in best.items()]
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
