"""Traditional script: grammars read Simplified text, answers show what was published.

``simplified_text`` converts character for character (same length, same line breaks), so
offset i of the converted text is offset i of the source. After parsing, ``restore_published``
walks each paragraph's characters through the source from the line it starts on and puts
back the published character; strings without a line (titles, names, facts) go through the
document's own character map (the Traditional form each Simplified character came from most
often in this document).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from bot.language import TRADITIONAL_FROM
from bot.model import Document
from bot.text import traditional_chars

_HAN = re.compile("[\u4e00-\u9fff]")

_NEAR = 64  # how far ahead a character may be when the next few do not line up
_FAR = 5000  # how far ahead a run of characters may be (footnotes printed between two halves)
_RUN = 4


def simplified_text(text: str) -> str:
    """``text`` with Traditional characters made Simplified, one character for one."""
    pattern, table = traditional_chars()
    if pattern.search(text) is None:  # most texts: Simplified already, found in C
        return text
    return text.translate(table)


def is_traditional(text: str, simplified: str) -> bool:
    """Does the text read as Traditional (not a Simplified text with a stray variant)?"""
    han = len(_HAN.findall(simplified))
    changed = len(traditional_chars()[0].findall(text))
    return bool(han) and changed / han >= TRADITIONAL_FROM


def _line_offsets(text: str) -> dict[int, int]:
    """Line number (as the layout counts them) → offset of the line in ``text``."""
    offsets: dict[int, int] = {}
    no = 0
    page_start = 0
    for page in text.split("\f"):
        pos = page_start
        for piece in page.splitlines(keepends=True):
            no += 1
            offsets[no] = pos
            pos += len(piece)
        page_start += len(page) + 1
    return offsets


class _Restorer:
    def __init__(self, published: str, simplified: str):
        self.published = published
        self.simplified = simplified
        self.offsets = _line_offsets(published)
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for a, b in zip(simplified, published):
            if a != b:
                counts[a][b] += 1
        self.char_map = {a: c.most_common(1)[0][0] for a, c in counts.items()}

    def by_map(self, text: str) -> str:
        return "".join(self.char_map.get(ch, ch) for ch in text)

    def by_position(self, text: str, line: int) -> str:
        """``text`` as published, found in the source from ``line`` on."""
        j = self.offsets.get(line)
        if j is None:
            return self.by_map(text)
        src, out = self.simplified, []
        for i, ch in enumerate(text):
            k = src.find(ch, j, j + _NEAR)
            if k < 0 or (i + _RUN <= len(text) and src.find(text[i:i + _RUN], j, j + _NEAR + _RUN) < 0):
                far = src.find(text[i:i + _RUN], j, j + _FAR)
                k = far if far >= 0 else k
            if k < 0:
                out.append(self.char_map.get(ch, ch))
                continue
            out.append(self.published[k])
            j = k + 1
        return "".join(out)


def _restore_value(value: Any, restore: _Restorer) -> Any:
    if isinstance(value, str):
        return restore.by_map(value)
    if isinstance(value, list):
        return [_restore_value(v, restore) for v in value]
    if isinstance(value, dict):
        return {restore.by_map(k) if isinstance(k, str) else k: _restore_value(v, restore) for k, v in value.items()}
    return value


def restore_published(doc: Document, published: str, simplified: str) -> None:
    """Put the published (Traditional) characters back into a document parsed from Simplified."""
    restore = _Restorer(published, simplified)
    for p in doc.paragraphs:
        p.text = restore.by_position(p.text, p.line)
    for f in doc.footnotes:
        f.text = restore.by_position(f.text, f.line)
    # Names and titles as published; a body and a country stay in the form filters match on.
    for sp in doc.speakers:
        sp.name = restore.by_map(sp.name)
        if sp.affiliation:
            sp.affiliation = restore.by_map(sp.affiliation)
    for attr in ("title", "meeting", "adoption"):
        if getattr(doc, attr):
            setattr(doc, attr, restore.by_map(getattr(doc, attr)))
    doc.facts = _restore_value(doc.facts, restore)
    if is_traditional(published, simplified):
        doc.facts["script"] = "Hant"

