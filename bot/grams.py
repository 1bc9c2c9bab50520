"""Character unigrams and bigrams: the second full-text index, for what trigrams can't reach.

FTS5's trigram tokenizer finds nothing for a one- or two-character query, and a short
phrase with one wrong character may have no trigram free of the error (多功熊机构). Each
paragraph therefore also indexes its distinct characters and character pairs as plain
tokens (letters and digits only, so punctuation never splits a pair); a query is turned
into the same tokens and candidates are paragraphs holding enough of them.
"""

from __future__ import annotations

import re

_NOT_ALNUM = re.compile(r"[\W_]")  # \w is str.isalnum() plus "_"


def _chars(folded: str) -> str:
    return _NOT_ALNUM.sub("", folded)


def query_grams(folded: str) -> list[str]:
    """The distinct tokens of a folded query: its bigrams, or its one character."""
    chars = _chars(folded)
    if len(chars) == 1:
        return [chars]
    return list(dict.fromkeys(chars[i : i + 2] for i in range(len(chars) - 1)))


def grams_of(folded: str) -> str:
    """The token text stored for a folded paragraph."""
    chars = _chars(folded)
    tokens = dict.fromkeys(chars)
    tokens.update(dict.fromkeys(map(str.__add__, chars, chars[1:])))
    return " ".join(tokens)
