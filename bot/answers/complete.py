"""Autocomplete for symbols and speakers, from memory: Discord won't wait for a slow one.

Built once from the store (and rebuilt after an ingest); each call ranks in microseconds to a
few milliseconds: prefix matches first, then substring, then rapidfuzz for typos.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.store import Store
from bot.symbols import canonical
from bot.text import fold

MAX_CHOICES = 25
MAX_NAME = 100
TYPO_GRAM_CAP = 5000  # keys holding a gram, past which the gram is too common to narrow a typo's
TYPO_CANDIDATES = 3000  # keys a typo is compared with, at most
_HAN = re.compile(r"[\u3400-\u9fff]")


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


def _fold_all(texts: list[str]) -> list[str]:
    """fold() of each text, in one call over them all joined by a character that folds to
    itself and parts them (fold is per character, whitespace included, and OpenCC converts
    no phrase across it): one call instead of one a text, a few seconds less at start with the
    speakers of a million paragraphs (bench/run.py, start to first answer)."""
    if not texts or any(_SEP in t for t in texts):
        return [fold(t) for t in texts]
    parts = fold(_SEP.join(texts)).split(_SEP)
    return parts if len(parts) == len(texts) else [fold(t) for t in texts]


_SEP = "\ue000"  # a private-use character: not a word character, not whitespace, not Han


class Completer:
    def __init__(self, store: Store):
        conn = store.db.conn  # tuples, not sqlite-utils' dicts: 150,000 rows at a million paragraphs
        docs = conn.execute("SELECT doc_id, symbol, title, kind, date FROM documents ORDER BY date DESC, doc_id").fetchall()
        titles = _fold_all([title or "" for _, _, title, _, _ in docs])
        self.symbols: list[tuple[str, str, Choice]] = []  # (key for prefix, folded title, choice)
        for (doc_id, symbol, title, kind, _), folded in zip(docs, titles, strict=True):
            value = symbol or doc_id
            self.symbols.append((value.upper(), folded, Choice(_trim(f"{value} · {title or kind}"), value)))
        self.symbol_keys = [key for key, _, _ in self.symbols]
        # Speakers: 150,000 labels at a million paragraphs, kept as two lists of strings (a
        # keystroke makes Choice objects for its 25 only) and one string of their folded keys.
        # Built here in 0.4 s there; built in a thread instead, it made start to first answer
        # 0.3 s shorter but the first 20 answers after a cold start up to 290 ms slower (p99, the
        # thread's reads and folding beside theirs; bench/run.py, cold).
        labels: dict[str, str] = {}  # label → the name a choice gives, first seen first
        for name, country, role in conn.execute("SELECT name, country, role FROM speakers ORDER BY doc_id, seq"):
            label = f"{name}（{country or role}）" if (country or role) else name
            labels.setdefault(label, name)
        for (country,) in conn.execute("SELECT DISTINCT country FROM speakers WHERE country IS NOT NULL"):
            labels.setdefault(country, country)
        self._labels, self._values = list(labels), list(labels.values())
        # What rapidfuzz compares a typo against, built once rather than at every keystroke.
        self.speaker_keys = _fold_all(self._labels)
        # The keys as one string, a line each: prefixes, substrings and the rare grams of a typo
        # are found in it by C (str.find, str.count), not by a loop over every key.
        self._blob = "\n" + "\n".join(self.speaker_keys) + "\n"
        self._starts = list(itertools.accumulate((len(k) + 1 for k in self.speaker_keys), initial=1))

    def _speaker(self, i: int) -> Choice:
        return Choice(_trim(self._labels[i]), self._values[i])

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

    def _lines(self, needle: str, limit: int, skip: set[int] | None = None) -> list[int]:
        """Indexes of the first ``limit`` speaker keys holding ``needle`` (which may start with
        the line break, for a prefix), in order; those in ``skip`` passed over."""
        found: list[int] = []
        at = self._blob.find(needle)
        while at >= 0 and len(found) < limit:
            i = bisect.bisect_right(self._starts, at + (needle[0] == "\n")) - 1
            if (not found or found[-1] != i) and (skip is None or i not in skip):
                found.append(i)
            at = self._blob.find(needle, self._starts[i + 1] - 1 if i + 1 < len(self._starts) else len(self._blob))
        return found

    def _typo_candidates(self, folded: str) -> list[int]:
        """Keys that share a rare gram with what was typed (a character of a Chinese name, a
        letter pair of a Latin one): the only ones a typo of it can be. Grams held by more
        than TYPO_GRAM_CAP keys are passed over: a miss costs a few str.count calls."""
        grams = list(dict.fromkeys(folded if _HAN.search(folded) else
                                   (folded[i : i + 2] for i in range(len(folded) - 1))))
        counted = sorted((self._blob.count(g), g) for g in grams if g.strip())
        out: dict[int, None] = {}
        for count, gram in counted:
            if count == 0:
                continue
            if count > TYPO_GRAM_CAP or len(out) >= TYPO_CANDIDATES:
                break
            at = self._blob.find(gram)
            while at >= 0:
                out[bisect.bisect_right(self._starts, at) - 1] = None
                at = self._blob.find(gram, at + 1)
        return list(out)

    def speaker_choices(self, typed: str) -> list[Choice]:
        folded = fold(typed or "")
        if not folded:
            return [self._speaker(i) for i in range(min(MAX_CHOICES, len(self._labels)))]
        if "\n" in folded:
            return []
        first = self._lines("\n" + folded, MAX_CHOICES)
        ranked = [(0, i) for i in first]
        if len(ranked) < MAX_CHOICES:
            ranked += [(1, i) for i in self._lines(folded, MAX_CHOICES - len(ranked), set(first))]
        if len(ranked) < MAX_CHOICES:
            taken = {self._speaker(i) for _, i in ranked}
            candidates = self._typo_candidates(folded)
            keys = [self.speaker_keys[i] for i in candidates]
            for _, score, j in process.extract(folded, keys, scorer=fuzz.partial_ratio, limit=MAX_CHOICES,
                                               score_cutoff=60):
                i = candidates[j]
                if self._speaker(i) not in taken:
                    ranked.append((2, i))
        ranked.sort()
        return [self._speaker(i) for _, i in ranked[:MAX_CHOICES]]
