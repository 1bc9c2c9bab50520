"""UN document symbols: recognise them in any written form and reduce each to one canonical key.

The store keys documents on the UN's own spelling (``A/RES/75/276``, ``S/RES/1631 (2005)``), but
people and converted documents write the same symbol many ways: Chinese wrappers (第75/276号决议),
full-width characters, lower case, stray spaces, markdown residue. Everything here works on a
normalised copy of the text that keeps a map back to the original offsets.

Pure standard library on purpose: parsing and the bot both import it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class SymbolMatch:
    symbol: str  # canonical form
    start: int  # offsets into the ORIGINAL text given to find_symbols
    end: int
    raw: str  # text[start:end]


# ASCII-only classes: \d and IGNORECASE would otherwise accept Arabic-Indic digits or "ſ" for "s".
_FLAGS = re.ASCII | re.IGNORECASE

# Bodies whose symbols may start a slash-separated symbol; longest first so "ST" beats "S".
_BODIES = ("UNEP", "CEDAW", "CCPR", "CERD", "CRC", "CAT", "DP", "ST", "TD", "A", "S", "E", "T")
_BODY = "(?:" + "|".join(sorted(_BODIES, key=len, reverse=True)) + ")"

# Segments the UN writes in title case; every other letter segment is upper case.
_TITLE_SEGMENTS = {"add": "Add", "rev": "Rev", "corr": "Corr", "amend": "Amend"}

_YEAR = r"(?:194[5-9]|19[5-9][0-9]|20[0-9][0-9])"
_SLASH = r"[ ]?/[ ]?"
# A segment is a number, a word (RES, PRST), or a word with a number (L.78, S-30, CN.4).
# Possessive quantifiers keep a failed match from backtracking into half a word or number.
_SEG = r"(?:[0-9]++|[A-Za-z]{1,8}+(?:[.-][0-9]++)?)"
_DIGIT_SEG = r"(?:[0-9]++|[A-Za-z]{1,8}+[.-][0-9]++)"
# A symbol must end on a segment bearing a number (A/RES alone is not a document), and must not
# be glued to more letters, digits or slashes (then it is some other string, e.g. a path).
_GENERIC = re.compile(
    rf"(?<![0-9A-Za-z/.]){_BODY}(?:{_SLASH}{_SEG})*?{_SLASH}{_DIGIT_SEG}"
    rf"(?![0-9A-Za-z]|{_SLASH}[0-9A-Za-z])",
    _FLAGS,
)
_YEAR_SUFFIX = re.compile(rf"[ ]*\([ ]*({_YEAR})[ ]*\)", _FLAGS)

# Shorthands: GA "75/276", special sessions "S-30/1" / "ES-11/1", SC "1631 (2005)".
_GA_CORE = r"(?:E?S-[0-9]{1,2}|[1-9][0-9]{0,2})[ ]?/[ ]?[1-9][0-9]{0,3}"
_SC_CORE = rf"([1-9][0-9]{{0,3}})[ ]*\([ ]*({_YEAR})[ ]*\)"
_GA_FULL = re.compile(_GA_CORE, _FLAGS)
_SC_FULL = re.compile(_SC_CORE, _FLAGS)
_NOT_AFTER = r"(?<![0-9A-Za-z/.\-])"
_SPECIAL = re.compile(
    rf"{_NOT_AFTER}E?S-[0-9]{{1,2}}[ ]?/[ ]?[1-9][0-9]{{0,3}}(?![0-9A-Za-z]|[ ]?/)", _FLAGS
)
# The shape NNNN(YYYY) means nothing but an SC resolution in UN text, so it needs no wrapper.
_SC_BARE = re.compile(rf"{_NOT_AFTER}{_SC_CORE}", _FLAGS)
_ENGLISH = re.compile(
    rf"(?<![A-Za-z])(resolution|decision)s?[ ]+({_GA_CORE})(?![0-9]|[ ]?/)", _FLAGS
)

# Chinese wrapper 第…号[决议|决定]. Members of one wrapper may each carry 号 and a date
# (…第64/256号、2010年12月13日第65/122号和…号决议), so the links between them allow both.
_OPEN = re.compile(r"第\s*")
_ITEM = re.compile(rf"(?:{_GA_CORE}|{_SC_CORE})(?![0-9]|[ ]?/)", _FLAGS)
_DATE = r"[0-9]{4}\s*年(?:\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?)?"
_LINK = re.compile(rf"\s*(?:号\s*)?(?:以及|、|,|，|和|及)\s*(?:{_DATE}\s*)?(?:第\s*)?")
_CLOSE = re.compile(r"\s*号\s*(决议|决定)?")
_DECISION_AFTER = re.compile(r"\s*号\s*决定")

# Canonical(): an optional wrapper around exactly one symbol.
_WRAPPED = re.compile(
    r"(?:(?P<lead>resolution|decision)s?\s+|第\s*)?(?P<core>.+?)\s*(?:号\s*)?(?P<kind>决议|决定)?",
    _FLAGS,
)

# Markdown left by conversion: link targets "](#)", escapes "\(", brackets. Dropped, not replaced,
# so "[1631\(2005\)](#)" reads as "1631(2005)".
_MARKUP = re.compile(r"\]\([^()\s]*\)|\\(?=[!-/:-@\[-`{-~])|[\[\]]")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2212\ufe63")
_SLASHES = frozenset("\u2044\u2215")


def _fold(ch: str) -> str:
    """One character in, one out, so offsets survive: full-width ASCII, odd dashes, spaces."""
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    if ch in _DASHES:
        return "-"
    if ch in _SLASHES:
        return "/"
    if ch.isspace() and ch not in "\n\r":
        return " "
    return ch


# The one-for-one part of _fold as a translate table, for text with nothing to drop.
_FOLD_TABLE = {
    **{code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)},
    **{ord(c): "-" for c in _DASHES},
    **{ord(c): "/" for c in _SLASHES},
    **{code: " " for code in range(0x10000) if chr(code).isspace() and chr(code) not in "\n\r "},
}
_DROPPED = re.compile(r"[\[\]\\" + "".join(sorted(_INVISIBLE)) + "]")


def _normalise(text: str) -> tuple[str, Sequence[int]]:
    """The text folded and stripped of markup, with each kept character's original offset."""
    if not _DROPPED.search(text):
        # Nothing to drop (the usual case, after ingest stripped markdown): fold in C.
        return text.translate(_FOLD_TABLE), range(len(text))
    dropped = set()
    for m in _MARKUP.finditer(text):
        dropped.update(range(m.start(), m.end()))
    chars, index = [], []
    for i, ch in enumerate(text):
        if i not in dropped and ch not in _INVISIBLE:
            chars.append(_fold(ch))
            index.append(i)
    return "".join(chars), index


def _canon_segment(seg: str) -> str:
    seg = seg.replace(" ", "")
    m = re.fullmatch(r"([A-Za-z]+)(.*)", seg, _FLAGS)
    if not m:
        return seg
    word = _TITLE_SEGMENTS.get(m[1].lower(), m[1].upper())
    return word + m[2]


def _generic_at(text: str, pos: int) -> tuple[int, int, str] | None:
    """A slash-separated symbol starting exactly at pos: (start, end, canonical)."""
    m = _GENERIC.match(text, pos)
    return _generic_hit(text, m) if m else None


def _generic_hit(text: str, m: re.Match) -> tuple[int, int, str] | None:
    parts = [p.strip() for p in m[0].split("/")]
    segments = [_canon_segment(p) for p in parts[1:]]
    # "E/2" or "T/1" in prose is arithmetic far more often than a 1940s symbol.
    if len(segments) < 2 and segments[0].isdigit():
        return None
    body, end = parts[0].upper(), m.end()
    if body == "S" and len(segments) == 2 and segments[0] == "RES":
        year = _YEAR_SUFFIX.match(text, end)
        if year:
            segments[-1] += f" ({year[1]})"
            end = year.end()
    return m.start(), end, "/".join([body, *segments])


def _ga_symbol(core: str, decision: bool) -> str:
    return ("A/DEC/" if decision else "A/RES/") + core.replace(" ", "").upper()


def _sc_symbol(number: str, year: str) -> str:
    return f"S/RES/{number} ({year})"


def _item_symbol(m: re.Match, decision: bool) -> str:
    """A 第…号 list member: an SC shorthand has its groups set, a GA one does not."""
    return _sc_symbol(m[1], m[2]) if m[1] else _ga_symbol(m[0], decision)


def _generic_hits(norm: str):
    for m in _GENERIC.finditer(norm):
        hit = _generic_hit(norm, m)
        if hit:
            yield hit


def _chain_hits(norm: str):
    """Members of every 第…号 wrapper; members are dropped unless the wrapper closes with 号."""
    scanned_to = 0
    for opened in _OPEN.finditer(norm):
        # A 第 inside a chain already walked (…号、第…) would walk the same tail again: quadratic.
        if opened.start() < scanned_to:
            continue
        items, pos = [], opened.end()
        while item := _ITEM.match(norm, pos):
            items.append(item)
            pos = item.end()
            link = _LINK.match(norm, pos)
            if not (link and _ITEM.match(norm, link.end())):
                break
            pos = link.end()
        scanned_to = pos
        close = _CLOSE.match(norm, pos) if items else None
        if close:
            decision = close[1] == "决定"
            yield from ((i.start(), i.end(), _item_symbol(i, decision)) for i in items)


def _special_hits(norm: str):
    for m in _SPECIAL.finditer(norm):
        decision = bool(_DECISION_AFTER.match(norm, m.end()))
        yield m.start(), m.end(), _ga_symbol(m[0], decision)


def _sc_hits(norm: str):
    for m in _SC_BARE.finditer(norm):
        yield m.start(), m.end(), _sc_symbol(m[1], m[2])


def _english_hits(norm: str):
    for m in _ENGLISH.finditer(norm):
        yield m.start(2), m.end(2), _ga_symbol(m[2], m[1].lower() == "decision")


def _non_overlapping(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    # Several scanners may claim one span (an SC shorthand inside 第…号); the first, longest wins.
    kept, last_end = [], 0
    for start, end, symbol in sorted(hits, key=lambda h: (h[0], h[0] - h[1])):
        if start >= last_end:
            kept.append((start, end, symbol))
            last_end = end
    return kept


# Every symbol has a slash (A/RES/75/276, 75/276, S-30/1) or a bracketed year (1631 (2005)).
_MAY_HOLD_SYMBOL = re.compile(r"[/／⁄∕(（]")


def find_symbols(text: str) -> list[SymbolMatch]:
    """Every symbol cited in free Chinese or Latin text, in order of appearance."""
    if not _MAY_HOLD_SYMBOL.search(text):
        return []  # most paragraphs: skip the scanners
    norm, index = _normalise(text)
    hits = [
        *_chain_hits(norm),  # first: its hits know 决定 from 决议, which the others do not
        *_generic_hits(norm),
        *_special_hits(norm),
        *_sc_hits(norm),
        *_english_hits(norm),
    ]
    out = []
    for start, end, symbol in _non_overlapping(hits):
        a, b = index[start], index[end - 1] + 1
        out.append(SymbolMatch(symbol, a, b, text[a:b]))
    return out


def _canonical_core(core: str, decision: bool) -> str | None:
    hit = _generic_at(core, 0)
    if hit:
        _, end, symbol = hit
        if end == len(core):
            return symbol
        # A joint symbol (A/75/345-S/2020/898) is keyed on its first part.
        second = _generic_at(core, end + 1) if core[end] == "-" else None
        return symbol if second and second[1] == len(core) else None
    if _GA_FULL.fullmatch(core):
        return _ga_symbol(core, decision)
    if m := _SC_FULL.fullmatch(core):
        return _sc_symbol(m[1], m[2])
    return None


def canonical(text: str) -> str | None:
    """One symbol written in any form (the whole input) -> its canonical form, or None."""
    norm, _ = _normalise(text or "")
    # Whole input is one symbol, so spaces around "/" and "." can only be stray.
    s = re.sub(r"\s*([/.])\s*", r"\1", norm).strip().rstrip("。.,，;；:：").strip()
    m = _WRAPPED.fullmatch(s)
    if not m:
        return None
    decision = m["kind"] == "决定" or (m["lead"] or "").lower() == "decision"
    return _canonical_core(m["core"], decision)


def undocs_url(symbol: str, page: int | None = None, lang: str | None = "zh") -> str:
    """The document on undocs.org in ``lang`` (Chinese by default), opened at ``page`` when known;
    a non-symbol is passed through as written."""
    url = f"https://undocs.org/{lang or 'zh'}/" + quote(canonical(symbol) or symbol.strip(), safe="/().")
    return f"{url}#page={page}" if page else url


def symbol_kind(symbol: str) -> str:
    """Coarse family, read off the canonical form."""
    s = canonical(symbol) or symbol
    segments = s.split("/")
    if s.startswith("A/RES/"):
        return "ga_resolution"
    if s.startswith("S/RES/"):
        return "sc_resolution"
    if s.startswith("A/DEC/"):
        return "ga_decision"
    if s.startswith("S/PRST/"):
        return "presidential_statement"
    if any(seg.startswith("L.") for seg in segments):
        return "draft"
    if any(seg.startswith("PV.") for seg in segments):
        return "record"
    return "document"


_LOOSE = re.compile(
    r"(?<![A-Za-z])[A-Za-z]{1,6}/[A-Za-z0-9./\-]*[0-9]"  # A/75, S/PV.89, a/res/75
    r"|[0-9]/[0-9]"  # 75/276
    r"|[0-9][ ]*\([ ]*[0-9]{4}[ ]*\)"  # 1631 (2005)
    r"|第.{1,40}?号\s*(?:决议|决定)",
    _FLAGS,
)


def looks_like_symbol(text: str) -> bool:
    """Cheap guess that a user query is meant as a symbol, even a mistyped or partial one."""
    norm, _ = _normalise(text or "")
    return bool(_LOOSE.search(re.sub(r"\s*/\s*", "/", norm)))
