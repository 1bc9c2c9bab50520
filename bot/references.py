"""References to one paragraph of a document, in the forms UN texts and people write them.

    大会第75/276号决议序言部分第七段      → A/RES/75/276, PP7
    第1631(2005)号决议执行部分第3段       → S/RES/1631 (2005), OP3
    第1631(2005)号决议第3段               → S/RES/1631 (2005), OP3 (a bare 第K段 is operative)
    75/276 OP4, A/RES/75/276 PP7, OP2(a) → as written
    paragraph 4 of resolution 75/276, resolution 75/276, para. 4, preambular paragraph 7 …

Pure: no store, no chat. Used by the ingest self-check and by look-ups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.symbols import canonical
from bot.text import chinese_number

_CN = "〇零一二三四五六七八九十百"
_SECTION_ZH = {"序言部分": "PP", "执行部分": "OP", "執行部分": "OP"}

_GA = r"(?:E?S-)?\d{1,3}/\d{1,4}"
_SC = r"\d{1,4}\s*[（(]\s*\d{4}\s*[)）]"
_SYMBOL = rf"(?:[AS]/RES/)?(?:{_GA}|{_SC})"

_ZH = re.compile(
    rf"第\s*(?P<symbol>{_SYMBOL})\s*[号號]\s*(?:决议|決議)\s*"
    rf"(?P<section>序言部分|执行部分|執行部分)?\s*第\s*(?P<n>[\d{_CN}]{{1,4}})\s*(?:段|[(（](?P<sub>[a-z]{{1,2}}|[甲乙丙丁戊])[)）]段?)"
    rf"(?:\s*[(（](?P<sub2>[a-z]{{1,2}})[)）])?",
)
_COMPACT = re.compile(
    rf"(?P<symbol>{_SYMBOL})\s*,?\s*(?P<section>OP|PP)\s*(?P<n>\d{{1,3}})(?:\s*\((?P<sub>[a-z]{{1,2}}|[ivx]{{1,5}})\))?",
    re.IGNORECASE,
)
# "A/RES/75/276, para. 4", "S/PV.8967 ¶154": a paragraph number after any symbol (a record's
# paragraphs are numbered ¶, a resolution's operative paragraphs are meant).
_ANY_SYMBOL = r"(?:[A-Z]{1,4}/[A-Z0-9./()\- ]*?[0-9)]|[1-9]\d{0,2}/\d{1,4}|\d{1,4}\s*\(\d{4}\))"
_PARA = re.compile(rf"(?P<symbol>{_ANY_SYMBOL})\s*,?\s*(?:para(?:graph)?s?\.?\s*|¶\s*)(?P<n>\d{{1,4}})"
                   rf"(?:\s*\((?P<sub>[a-z]{{1,2}})\))?", re.IGNORECASE)
_EN_BEFORE = re.compile(
    rf"(?P<section>preambular|operative)?\s*paragraph\s+(?P<n>\d{{1,3}})(?:\s*\((?P<sub>[a-z]{{1,2}})\))?\s+of\s+"
    rf"(?:(?:General Assembly|Security Council)\s+)?resolution\s+(?P<symbol>{_SYMBOL})",
    re.IGNORECASE,
)
_EN_AFTER = re.compile(
    rf"resolution\s+(?P<symbol>{_SYMBOL})\s*,\s*(?P<section>preambular\s+)?(?:para(?:graph)?\.?|¶)\s*(?P<n>\d{{1,3}})"
    rf"(?:\s*\((?P<sub>[a-z]{{1,2}})\))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ParagraphRef:
    symbol: str  # canonical
    label: str  # PP7, OP3, OP2(a)
    start: int
    end: int
    raw: str


def _label(section: str | None, n: str, sub: str | None) -> str | None:
    number = chinese_number(n)
    if not number:
        return None
    prefix = "PP" if section and (section.upper() == "PP" or "序言" in section or section.lower().startswith("preamb")) else "OP"
    return f"{prefix}{number}" + (f"({sub.lower()})" if sub else "")


def find_paragraph_refs(text: str) -> list[ParagraphRef]:
    """Every paragraph reference in ``text``, in order."""
    out: list[ParagraphRef] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_ZH, _COMPACT, _EN_BEFORE, _EN_AFTER, _PARA):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            symbol = canonical(re.sub(r"\s+", " ", m.group("symbol")))
            sub = m.groupdict().get("sub") or m.groupdict().get("sub2")
            if pattern is _PARA and symbol and "/PV." in symbol:
                label = f"¶{int(m.group('n'))}"
            else:
                label = _label(m.groupdict().get("section"), m.group("n"), sub)
            if symbol and label:
                out.append(ParagraphRef(symbol, label, m.start(), m.end(), m.group(0)))
                taken.append((m.start(), m.end()))
    return sorted(out, key=lambda r: r.start)
