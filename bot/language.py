"""Which language, in which script, a text is written in: one of the six UN languages.

Scripts are counted first (Han, Latin, Cyrillic, Arabic); Cyrillic is Russian and Arabic is
Arabic. Latin text is English, French or Spanish by its commonest short words (and a few
letters only one of them uses). Han text is Traditional when OpenCC's Traditional→Simplified
conversion changes a noticeable share of its characters, Simplified otherwise.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bot.text import traditional_chars

SAMPLE = 5_000  # characters looked at: enough to decide (measured: 0.46 ms a file at 20,000)
HAN_SAMPLE = 4_000  # of which, for Simplified versus Traditional

_SCRIPTS = {
    "Han": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"),
    "Latn": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "Cyrl": re.compile(r"[\u0400-\u04ff]"),
    "Arab": re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"),
}
_RUNS = {name: re.compile(pattern.pattern + "+") for name, pattern in _SCRIPTS.items()}
_BY_SCRIPT = {"Cyrl": "ru", "Arab": "ar"}

# Words frequent in one of the three and rare in the others ("de", "que", "la", "en" are
# shared, so they decide nothing and are left out).
_CUES = {
    "en": frozenset({
        "the", "and", "of", "to", "is", "in", "that", "with", "for", "on", "by", "which",
        "be", "are", "has", "have", "this", "its"
    }),
    "fr": frozenset({
        "le", "les", "des", "et", "est", "du", "une", "dans", "pour", "sur", "par", "au",
        "aux", "qui", "avec", "ses", "été", "sont", "ont"
    }),
    "es": frozenset({
        "el", "los", "las", "del", "y", "una", "por", "con", "para", "su", "sus", "al",
        "es", "como", "se", "fue"
    }),
}
_LETTER_CUES = {"es": "ñ¿¡", "fr": "çœèêù"}
_WORD = re.compile(r"[a-z\u00e0-\u00ff\u0153]+")

# Share of Han characters that t2s changes above which a text is Traditional. Simplified
# text changes almost none (a rare variant); Traditional text changes a fifth or more.
TRADITIONAL_FROM = 0.05


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1: zh, en, fr, es, ru, ar; "und" for Latin text none of these fits
    script: str  # ISO 15924: Hans, Hant, Latn, Cyrl, Arab

    @property
    def tag(self) -> str:
        """BCP 47 as Plenary prints it: zh-Hans / zh-Hant, the bare code for the others."""
        return f"{self.code}-{self.script}" if self.code in ("zh", "und") else self.code


# Letters of the alphabets, in one class: Chinese text has few, so one scan finds them all and
# each alphabet is counted over those alone (3 scans of a text → 1 and 3 short ones).
_ALPHABETS = re.compile("[" + "".join(_SCRIPTS[name].pattern[1:-1] for name in ("Latn", "Cyrl", "Arab")) + "]+")


def script_counts(text: str, han_until: int | None = None) -> Counter[str]:
    """Characters of each script; with ``han_until``, also "Han_head": the Han characters
    before that offset."""
    # Runs of each script, not single characters: a few hundred matches, not thousands.
    counts: Counter[str] = Counter()
    if han_until is None:
        counts["Han"] = sum(map(len, _RUNS["Han"].findall(text)))
    else:  # in two pieces, so the head's count comes with the whole's (a run cut in two counts the same)
        counts["Han_head"] = sum(map(len, _RUNS["Han"].findall(text, 0, han_until)))
        counts["Han"] = counts["Han_head"] + sum(map(len, _RUNS["Han"].findall(text, han_until)))
    letters = "".join(_ALPHABETS.findall(text))
    for name in ("Latn", "Cyrl", "Arab"):
        counts[name] = sum(map(len, _RUNS[name].findall(letters)))
    return counts


def chinese_script(han: str) -> str:
    """Hans or Hant for a string of Han characters."""
    return _script_of(len(han), han)


def _script_of(han: int, text: str, end: int | None = None) -> str:
    """Hans or Hant for ``han`` Han characters, the Traditional ones counted in text[:end]."""
    if not han:
        return "Hans"
    changed = len(traditional_chars()[0].findall(text, 0, len(text) if end is None else end))  # counted in C
    return "Hant" if changed / han >= TRADITIONAL_FROM else "Hans"


def latin_language(text: str) -> str:
    lowered = text.lower()
    words = Counter(_WORD.findall(lowered))
    scores = {code: sum(words[w] for w in cues) for code, cues in _CUES.items()}
    for code, letters in _LETTER_CUES.items():
        scores[code] += sum(lowered.count(c) for c in letters)
    best = max(scores, key=lambda c: scores[c])
    return best if scores[best] else "und"


def detect(text: str) -> Language | None:
    """The text's language and script, or None if it has no letters at all."""
    sample = text[:SAMPLE]
    counts = script_counts(sample, HAN_SAMPLE)
    head = counts.pop("Han_head")
    script, n = max(counts.items(), key=lambda kv: kv[1])
    if not n:
        return None
    if script == "Han":
        # Enough Han characters to tell the script: those of the first few thousand characters
        # (every character t2s changes is a Han one, so they are counted in the text itself).
        return Language("zh", _script_of(head, sample, HAN_SAMPLE))
    if script == "Latn":
        return Language(latin_language(sample), "Latn")
    return Language(_BY_SCRIPT[script], script)
