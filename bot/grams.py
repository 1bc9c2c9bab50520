"""Character unigrams and bigrams: the tokens of the full-text index.

FTS5's trigram tokenizer finds nothing for a one- or two-character query, and a short
phrase with one wrong character may have no trigram free of the error (多功熊机构). Each
paragraph therefore indexes its distinct characters and character pairs as plain tokens
(letters and digits only, so punctuation never splits a pair); a query is turned into the
same tokens, and candidates are paragraphs holding them, confirmed by search (answers/search.py).
"""

from __future__ import annotations

import itertools
import re

from bot.words import index_tokens

_NOT_ALNUM = re.compile(r"[\W_]")  # \w is str.isalnum() plus "_"


def _chars(folded: str) -> str:
    return _NOT_ALNUM.sub("", folded)


def query_grams(folded: str) -> list[str]:
    """The distinct tokens of a folded query: its bigrams, or its one character."""
    chars = _chars(folded)
    if len(chars) == 1:
        return [chars]
    return list(dict.fromkeys(chars[i : i + 2] for i in range(len(chars) - 1)))


SKIP = "·"  # joins the two ends of a skip-bigram; never in a token otherwise (not alnum)


def skip_gram(first: str, last: str) -> str:
    """The token for ``first`` and ``last`` with any one character between them."""
    return first + SKIP + last


def grams_of(folded: str) -> str:
    """The token text stored for a folded paragraph: its characters, character pairs and
    skip-pairs (a·c for "abc"). A skip-pair spans one wrong, extra or missing character, so
    with it a short misspelt phrase still has a rare, intact token to look up."""
    chars = _chars(folded)
    # A set, not an ordered dict: the index keeps no positions (detail='none'), so the order
    # of tokens means nothing, even to a 'delete' (measured: a quarter faster).
    tokens = set(chars)
    tokens.update(map(str.__add__, chars, chars[1:]))
    tokens.update(map(str.__add__, map(str.__add__, chars, itertools.repeat(SKIP)), chars[2:]))
    # Latin-script words as words too (bot/words.py): stems and forms, marked apart from grams.
    tokens |= index_tokens(folded)
    return " ".join(tokens)
