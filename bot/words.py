"""Latin-script words: what English (and other Latin-script) text is searched by.

Character grams (bot/grams.py) find a Chinese phrase with a typo in it, but they are a poor way
to search English: "urges" is inside "Encourages", "CSTO" is a substring of "(c) To". So every
Latin-script word of a paragraph's folded text (bot/text.py) is also indexed as a word, in the
same gram index, marked so that no character gram can be mistaken for it:

- ``§`` + its stem (Snowball's English stemmer, PyStemmer): recall, recalls and Recalling meet;
- ``¦`` + the word itself, when it differs from its stem: the vocabulary that typos are
  corrected against (a typo often stems differently from the word it misspells).

Both marks are non-ASCII, so FTS5's ascii tokenizer keeps them inside the token, and no
character gram holds them (grams are letters and digits only). Words of digits only
("2021", "74") are not indexed as words: their character grams find them, and Chinese text
is full of them (dates, symbols), so indexing them would slow every ingest for nothing.
A hyphenated compound counts as its parts and as the parts joined: "peace-keeping" is
found by "peacekeeping" (and by "peace", "keeping").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TypeVar

import Stemmer

T = TypeVar("T")

STEM_MARK = "§"
WORD_MARK = "¦"

# Letters of the Latin script after fold() (lower case, NFKC) and ASCII digits: Basic Latin,
# Latin-1 (but × ÷), Extended-A and -B, Latin Extended Additional (Vietnamese).
_LETTERS = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f\u1e00-\u1eff"
_WORD = re.compile(f"[0-9{_LETTERS}]+")
_LETTER = re.compile(f"[{_LETTERS}]")
_HYPHEN = "-\u2010\u2011"
_COMPOUND = re.compile(f"[0-9{_LETTERS}]+(?:[{_HYPHEN}][0-9{_LETTERS}]+)+")
_SPLIT_HYPHEN = re.compile(f"[{_HYPHEN}]")
_CJK = re.compile(r"[\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
                  r"\U00020000-\U0003134f]")

# Words too common to narrow a search: a query doesn't need them to match (unless it has
# nothing else), but they still count for its phrase. English, plus the few French and
# Spanish articles and prepositions UN texts are full of.
STOP_WORDS = frozenset([
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have",
    "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "not", "of", "on", "or", "our", "s",
    "she", "so", "such", "than", "that", "the", "their", "them", "there", "these", "they", "this",
    "those", "to", "was", "we", "were", "which", "who", "will", "with", "would",
    "de", "des", "du", "la", "le", "les", "et", "l", "d", "el", "los", "las", "y", "en",
])


_stemmer = Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The English Snowball stem of a folded word (a number is its own stem)."""
    if word.isdigit():
        return word
    return _stemmer.stemWord(word)


def has_latin_letter(text: str) -> bool:
    return _LETTER.search(text) is not None


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def find_words(folded: str, by_stem: dict[str, T], by_form: dict[str, T]) -> list[tuple[int, int, int, int, str, T]]:
    """(first, last, start, end, form, value) of each word of a folded text whose stem is in
    ``by_stem`` or whose form is in ``by_form`` (both, twice); a hyphenated compound after its
    parts, as one word whose positions span them. Positions count words, from 0: what a
    ranking needs to tell a phrase and near words, and nothing for the words it doesn't want."""
    out = []
    hyphens = "-" in folded or "\u2010" in folded or "\u2011" in folded
    starts: dict[int, int] = {}
    for pos, m in enumerate(_WORD.finditer(folded)):
        form = m.group()
        if hyphens:
            starts[m.start()] = pos
        value = by_form.get(form)
        if value is not None:
            out.append((pos, pos, m.start(), m.end(), form, value))
        value = by_stem.get(stem(form))
        if value is not None:
            out.append((pos, pos, m.start(), m.end(), form, value))
    if hyphens:
        for m in _COMPOUND.finditer(folded):
            parts = _SPLIT_HYPHEN.split(m.group())
            form = "".join(parts)
            value = by_stem.get(stem(form))
            if value is not None:
                first = starts[m.start()]
                out.append((first, first + len(parts) - 1, m.start(), m.end(), form, value))
    return out


def query_words(folded: str) -> list[str]:
    """The words of a folded query term, a hyphenated compound as one word ("peace-keeping" →
    "peacekeeping"), in order."""
    out: list[str] = []
    i = 0
    for m in _COMPOUND.finditer(folded):
        out += _WORD.findall(folded, i, m.start())
        out.append("".join(_SPLIT_HYPHEN.split(m.group(0))))
        i = m.end()
    out += _WORD.findall(folded, i)
    return out


def stem_token(s: str) -> str:
    return STEM_MARK + s


def word_token(w: str) -> str:
    return WORD_MARK + w


def index_tokens(folded: str) -> set[str]:
    """The word tokens a folded paragraph adds to the gram index (see the module docstring)."""
    tokens: set[str] = set()
    if not has_latin_letter(folded):
        return tokens
    forms = set(_WORD.findall(folded))
    if "-" in folded or "\u2010" in folded or "\u2011" in folded:
        forms.update("".join(_SPLIT_HYPHEN.split(c)) for c in _COMPOUND.findall(folded))
    for form in forms:
        if form.isdigit():
            continue
        s = stem(form)
        tokens.add(STEM_MARK + s)
        if s != form:
            tokens.add(WORD_MARK + form)
    return tokens


def max_edits(word: str) -> int:
    """Typos forgiven in a word: one, two from eight letters on."""
    return 2 if len(word) >= 8 else 1


class Vocabulary:
    """The corpus's stems and word forms (those that differ from their stem), by length, to
    find what a mistyped word stands for."""

    def __init__(self, stems: list[str], forms: list[str]):
        self.stems = _by_length(stems)
        self.forms = _by_length(forms)
        self.size = len(stems) + len(forms)

    def near(self, word: str, limit: int = 16) -> dict[str, int]:
        """Stems of the corpus within max_edits(word) of the word or of its stem (a transposed
        pair is one edit), closest first, each with its distance: at most ``limit`` of them."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        d = max_edits(word)
        found: dict[str, int] = {}
        for query, pool, stemmed in ((stem(word), self.stems, False), (word, self.stems, False),
                                     (word, self.forms, True)):
            for n in range(len(query) - d, len(query) + d + 1):
                choices = pool.get(n)
                if not choices:
                    continue
                for choice, dist, _ in process.extract(query, choices, scorer=OSA.distance, score_cutoff=d,
                                                       limit=None):
                    s = stem(choice) if stemmed else choice
                    if dist < found.get(s, d + 1):
                        found[s] = dist
        return dict(sorted(found.items(), key=lambda kv: (kv[1], kv[0]))[:limit])


def _by_length(terms: list[str]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for t in terms:
        out.setdefault(len(t), []).append(t)
    return out
