"""Character unigrams and bigrams: the tokens of the full-text index.

FTS5's trigram tokenizer finds nothing for a one- or two-character query, and a short
phrase with one wrong character may have no trigram free of the error (多功熊机构). Each
paragraph therefore indexes its distinct characters and character pairs as plain tokens
(letters and digits only, so punctuation never splits a pair); a query is turned into the
same tokens, and candidates are paragraphs holding them, confirmed by search (answers/search.py).
"""

from __future__ import annotations

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


# grams_of lays its tokens out as 4-byte code units (UTF-32), so that every token is copied
# into place in C by a strided slice, never made a Python string of its own.
_UNIT = "utf-32-le"
_SPACE = " ".encode(_UNIT)
_SKIP = SKIP.encode(_UNIT)


def grams_of(folded: str) -> str:
    """The token text stored for a folded paragraph: its characters, character pairs and
    skip-pairs (a·c for "abc"). A skip-pair spans one wrong, extra or missing character, so
    with it a short misspelt phrase still has a rare, intact token to look up.

    Tokens may repeat: the index keeps no positions nor counts (detail='none'), so a
    paragraph holds a token once however often it is listed, and its entries in the index
    are the same as with each token listed once (nor does order mean anything, even to a
    'delete'). Not sorting them out is most of the gain: on the benchmark corpus, 6 µs a
    paragraph instead of 32, where each token was a string put in a set."""
    chars = _chars(folded)
    n = len(chars)
    if n < 3:
        tokens = [*chars, *map(str.__add__, chars, chars[1:])]
    else:
        # Three runs of rows, as code units: "c␠" per character, "ab␠" per pair, "a·c␠" per skip-pair.
        one, two, three = 2 * n, 3 * (n - 1), 4 * (n - 2)
        out = bytearray(_SPACE * (one + two + three))
        with memoryview(out).cast("I") as units, memoryview(chars.encode(_UNIT, "surrogatepass")).cast("I") as c:
            units[0:one:2] = c
            units[one : one + two : 3] = c[:-1]
            units[one + 1 : one + two : 3] = c[1:]
            skips = one + two
            units[skips::4] = c[:-2]
            with memoryview(_SKIP * (n - 2)).cast("I") as marks:
                units[skips + 1 :: 4] = marks
            units[skips + 2 :: 4] = c[2:]
        tokens = [out.decode(_UNIT, "surrogatepass")]
    # Latin-script words as words too (bot/words.py): stems and forms, marked apart from grams.
    tokens += index_tokens(folded)
    return " ".join(tokens)
