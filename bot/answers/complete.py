"""Autocomplete for symbols and speakers, from memory: Discord won't wait for a slow one.

Built once from the store (and rebuilt after an ingest); each call ranks in microseconds to a
few milliseconds: prefix matches first, then substring, then rapidfuzz for typos.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.store import Store
from bot.symbols import canonical
from bot.text import fold

MAX_CHOICES = 25
MAX_NAME = 100


@dataclass(frozen=True)
class Choice:
    name: str  # what the user sees (≤ 100 characters)
    value: str  # what the command receives


def _trim(text: str) -> str:
    return text if len(text) <= MAX_NAME else text[: MAX_NAME - 1] + "…"


def _first_choices(*tiers: Iterable[tuple]) -> list[tuple]:
    """The first MAX_CHOICES entries of the tiers, in order: a keystroke stops scanning as
    soon as the menu is full (the lists hold every document and speaker)."""
    return list(itertools.islice(itertools.chain(*tiers), MAX_CHOICES))


class Completer:
    def __init__(self, store: Store):
        self.symbols: list[tuple[str, str, Choice]] = []  # (key for prefix, folded title, choice)
        for r in store.query("SELECT doc_id, symbol, title, kind, date FROM documents ORDER BY date DESC, doc_id"):
            value = r["symbol"] or r["doc_id"]
            self.symbols.append((value.upper(), fold(r["title"] or ""),
                                 Choice(_trim(f"{value} · {r['title'] or r['kind']}"), value)))
        self.speakers: list[tuple[str, Choice]] = []
        seen: set[str] = set()
        for r in store.query("SELECT name, country, role FROM speakers ORDER BY doc_id, seq"):
            label = f"{r['name']}（{r['country'] or r['role']}）" if (r["country"] or r["role"]) else r["name"]
            if label in seen:
                continue
            seen.add(label)
            self.speakers.append((fold(label), Choice(_trim(label), r["name"])))
        for r in store.query("SELECT DISTINCT country FROM speakers WHERE country IS NOT NULL"):
            if r["country"] not in seen:
                seen.add(r["country"])
                self.speakers.append((fold(r["country"]), Choice(_trim(r["country"]), r["country"])))
        # What rapidfuzz compares a typo against, built once rather than at every keystroke.
        self.symbol_keys = [key for key, _, _ in self.symbols]
        self.speaker_keys = [key for key, _ in self.speakers]

    def symbol_choices(self, typed: str) -> list[Choice]:
        typed = (typed or "").strip()
        if not typed:
            return [c for _, _, c in self.symbols[:MAX_CHOICES]]
        key = (canonical(typed) or typed).upper()
        folded = fold(typed)
        ranked = _first_choices(
            ((0, 0.0, i, c) for i, (sym, _, c) in enumerate(self.symbols) if sym.startswith(key)),
            ((1, 0.0, i, c) for i, (sym, title, c) in enumerate(self.symbols)
             if not sym.startswith(key) and (key in sym or (folded and folded in title))),
        )
        if len(ranked) < MAX_CHOICES:
            taken = {c.value for *_, c in ranked}
            for _, score, i in process.extract(key, self.symbol_keys, scorer=fuzz.ratio, limit=MAX_CHOICES, score_cutoff=50):
                if self.symbols[i][2].value not in taken:
                    ranked.append((2, -score, i, self.symbols[i][2]))
        ranked.sort(key=lambda t: t[:3])
        return [c for *_, c in ranked[:MAX_CHOICES]]

    def speaker_choices(self, typed: str) -> list[Choice]:
        folded = fold(typed or "")
        if not folded:
            return [c for _, c in self.speakers[:MAX_CHOICES]]
        ranked = _first_choices(
            ((0, i, c) for i, (key, c) in enumerate(self.speakers) if key.startswith(folded)),
            ((1, i, c) for i, (key, c) in enumerate(self.speakers) if folded in key and not key.startswith(folded)),
        )
        if len(ranked) < MAX_CHOICES:
            taken = {c for *_, c in ranked}
            for _, score, i in process.extract(folded, self.speaker_keys, scorer=fuzz.partial_ratio, limit=MAX_CHOICES,
                                               score_cutoff=60):
                if self.speakers[i][1] not in taken:
                    ranked.append((2, i, self.speakers[i][1]))
        ranked.sort(key=lambda t: t[:2])
        return [c for *_, c in ranked[:MAX_CHOICES]]
