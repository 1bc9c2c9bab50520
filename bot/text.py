"""Text as published versus text as searched.

Display text keeps what the UN printed (superscripts, full-width punctuation,
Traditional characters if a document has them). Search text is a folded copy:
NFKC, Traditional→Simplified, lower case, no footnote superscripts, whitespace
removed except between two Latin words. Queries are folded the same way, so
both sides meet in the middle. ``fold_with_map`` keeps, for every folded
character, the index of the display character it came from, which is what lets
an excerpt highlight the right span of the published text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPTS = set(SUPERSCRIPT_DIGITS)

# Markdown residue left by the PDF/Word → text conversion.
_MD_LINK = re.compile(r"\[([^\[\]]*)\]\((?:#|[^)\s]*)\)")
_MD_BOLD = re.compile(r"\*\*(.+?)\*\*")
_MD_ESCAPE = re.compile(r"\\([()\[\]*_#`.\-])")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_MD_CHARS = re.compile(r"[\[*\\#]")

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
# A letter or digit of an alphabetic script (Latin with accents, Greek, Cyrillic, Arabic), not CJK.
_ALPHA = r"[^\W_\u2e80-\U0010ffff]"
_LATIN_WORD_END = re.compile(rf"{_ALPHA}$")
_LATIN_WORD_START = re.compile(rf"^(?:{_ALPHA}|\()")
_LATIN_PUNCT_END = re.compile(rf"(?:{_ALPHA}|\))[,;:.!?)\]'\"’”%]$")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def has_markdown(line: str) -> bool:
    """Could the line hold conversion residue (links, bold, escapes, heading hashes)?"""
    return _MD_CHARS.search(line) is not None


_CJK_BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


@lru_cache(maxsize=1)
def traditional_chars() -> tuple[re.Pattern[str], dict[int, str]]:
    """A pattern of every character OpenCC makes Simplified one for one, and the table doing
    it: finding or counting Traditional characters runs in C. Character by character, never
    by phrase: OpenCC's phrase table rewrites some Simplified words too (借此 → 藉此). Built
    once, from the CJK blocks (about 30 ms)."""
    convert = _t2s().convert
    table: dict[int, str] = {}
    for start, end in _CJK_BLOCKS:
        for code in range(start, end):
            out = convert(chr(code))
            if len(out) == 1 and out != chr(code):
                table[code] = out
    return re.compile("[" + re.escape("".join(map(chr, table))) + "]"), table


def strip_markdown(line: str) -> str:
    """Remove conversion residue: links to '#', bold markers, escapes, heading hashes."""
    if not _MD_CHARS.search(line):
        return line
    line = _MD_HEADING.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_BOLD.sub(r"\1", line)
    line = _MD_ESCAPE.sub(r"\1", line)
    return line


def heading_level(line: str) -> int:
    """Markdown heading depth of a raw line (0 when it is not a heading)."""
    if "#" not in line:
        return 0
    m = _MD_HEADING.match(line)
    return len(m.group(1)) if m else 0


def bold_spans(line: str) -> list[str]:
    """The texts marked bold in a raw line (an operative verb, usually)."""
    if "**" not in line:
        return []
    return [m.group(1) for m in _MD_BOLD.finditer(line)]


def join_wrapped(parts: list[str]) -> str:
    """Join hard-wrapped lines: CJK runs join directly, Latin words keep one space (also after
    a Latin word's punctuation: "peoples," / "national")."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        # _LATIN_WORD_START on the first character, by hand: most parts open with a CJK one.
        first = part[0]
        # The end patterns are anchored at the end ($, so also before a final newline): looked
        # for in the last characters only, not over the whole paragraph so far at each line.
        if out and first < "\u2e80" and (first == "(" or first.isalnum()) and (
                _LATIN_WORD_END.search(out, len(out) - 2) or _LATIN_PUNCT_END.search(out, len(out) - 3)):
            out += " "
        out += part
    return out


def is_cjk(ch: str) -> bool:
    return bool(_CJK.match(ch))


_SUPERSCRIPT_RUN = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_SUPERSCRIPT_TO_DIGITS = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


def superscript_numbers(text: str) -> list[int]:
    """Footnote markers cited in a paragraph, in order (¹² is two markers only if separated)."""
    # Every paragraph of every file comes here, and most cite nothing: one search in C.
    return [int(run.translate(_SUPERSCRIPT_TO_DIGITS)) for run in _SUPERSCRIPT_RUN.findall(text)]


def _fold_char(ch: str) -> str:
    # Footnote markers must not become digits; control characters (NUL…) mean nothing and
    # would end an FTS5 string early.
    if ch in _SUPERSCRIPTS or (unicodedata.category(ch) == "Cc" and not ch.isspace()):
        return ""
    return unicodedata.normalize("NFKC", ch).lower()


def _spaced_word_char(ch: str) -> bool:
    """A letter or digit of an alphabetic script, which keeps the spaces around its words."""
    return bool(ch) and ch.isalnum() and ord(ch) < 0x2E80


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Folded search form of ``text`` and, per folded char, its index in ``text``."""
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for out in _fold_char(ch):
            chars.append(out)
            index.append(i)
    folded = "".join(chars)
    simplified = _t2s().convert(folded)
    if len(simplified) != len(folded):
        # OpenCC's phrase tables can change length; fall back to char by char so the map holds.
        simplified = "".join(_t2s().convert(c) if len(_t2s().convert(c)) == 1 else c for c in folded)
    # Whitespace carries no meaning between CJK characters (hard wraps, "2021 年 4 月"),
    # but separates Latin words.
    keep_chars: list[str] = []
    keep_index: list[int] = []
    n = len(simplified)
    for j, ch in enumerate(simplified):
        if ch.isspace():
            prev = keep_chars[-1] if keep_chars else ""
            nxt = next((c for c in simplified[j + 1 : n] if not c.isspace()), "")
            latin_gap = _spaced_word_char(prev) and _spaced_word_char(nxt)
            if prev and nxt and latin_gap and keep_chars[-1] != " ":
                keep_chars.append(" ")
                keep_index.append(index[j])
            continue
        keep_chars.append(ch)
        keep_index.append(index[j])
    return "".join(keep_chars), keep_index


class _FoldTable(dict):
    """str.translate table filled on first sight of each character, so folding runs in C."""

    def __missing__(self, code: int) -> str:
        self[code] = out = _fold_char(chr(code))
        return out


_FOLD_TABLE = _FoldTable()
# Whitespace between two letters or digits of an alphabetic script (Latin with its accents,
# Greek, Cyrillic, Arabic) separates words; between CJK characters it means nothing.
_WORD_CHAR = r"[^\W_\u2e80-\U0010ffff]"
_LATIN_GAP = re.compile(rf"(?<={_WORD_CHAR})\s+(?={_WORD_CHAR})")
_WHITESPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Search form of ``text`` (see module docstring); the same as fold_with_map(text)[0],
    without the map, at ingest speed."""
    folded = text.translate(_FOLD_TABLE)
    simplified = _t2s().convert(folded)
    if len(simplified) != len(folded):
        return fold_with_map(text)[0]
    if " " not in simplified and simplified.isprintable():
        # No whitespace at all (most Chinese paragraphs): every other character \s stands for
        # is a control character or a separator, which isprintable() refuses. Tested in C.
        return simplified
    # \x01 can't survive the table (control characters fold to nothing): a safe placeholder.
    return _WHITESPACE.sub("", _LATIN_GAP.sub("\x01", simplified)).replace("\x01", " ")


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_number(text: str) -> int | None:
    """Value of a Chinese numeral (七十五, 六十四, 一百零三), of one written digit by digit
    (二一五九, 一九四八, 二〇一六), or of ASCII digits."""
    text = unicodedata.normalize("NFKC", text).strip()
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in text):
        return None
    if not any(ch in _CN_UNITS for ch in text):
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        else:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
    return total + current


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_number(text: str) -> int | None:
    """Value of a Roman numeral (XXI → 21), or None."""
    text = text.strip().upper()
    if not text or any(ch not in _ROMAN for ch in text):
        return None
    total = 0
    for a, b in zip(text, text[1:] + " "):
        value = _ROMAN[a]
        total += -value if b in _ROMAN and _ROMAN[b] > value else value
    return total


_EN_UNITS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
_EN_TENS = {w: 10 * i for i, w in enumerate(["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]) if i > 1}
_EN_ORDINAL_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                     "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                     "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                     "nineteenth": 19}


def english_ordinal(text: str) -> int | None:
    """Value of an English ordinal in words: Seventy-ninth → 79, Twentieth → 20, First → 1."""
    words = text.strip().lower().replace("-", " ").split()
    total = 0
    for k, w in enumerate(words):
        last = k == len(words) - 1
        if last and w in _EN_ORDINAL_UNITS:
            total += _EN_ORDINAL_UNITS[w]
        elif last and w.endswith("ieth") and w[:-4] + "y" in _EN_TENS:
            total += _EN_TENS[w[:-4] + "y"]
        elif not last and w in _EN_TENS:
            total += _EN_TENS[w]
        elif not last and w in _EN_UNITS:
            total += _EN_UNITS[w]
        else:
            return None
    return total or None


def to_roman(n: int) -> str:
    out = ""
    for value, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


_CN_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# Older texts write dates in Chinese numerals: 一九四八年十二月十日.
_CN_NUMERAL_DATE = re.compile(r"([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日")
_EN_MONTHS = {
    m: i
    for i, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
        start=1,
    )
}
_EN_DATE = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})")


def chinese_date(text: str) -> str | None:
    """ISO date of the first 2021 年 4 月 28 日 style date in ``text``."""
    m = _CN_DATE.search(unicodedata.normalize("NFKC", text)) or _CN_NUMERAL_DATE.search(text)
    if not m:
        return None
    y, mo, d = (chinese_number(g) for g in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def english_date(text: str) -> str | None:
    """ISO date of a '29 April 2021' style date (the Distr. line)."""
    m = _EN_DATE.search(text)
    if not m or m.group(2).lower() not in _EN_MONTHS:
        return None
    return f"{int(m.group(3)):04d}-{_EN_MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
