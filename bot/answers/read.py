"""Reading a document at length: a speaker's whole statement in a record (every turn, in
order), a section of a resolution or letter (``75/276 operative``, ``letter-2009-07-14 annex II``),
or the whole document.

The answer holds the text in blocks (a turn, or a section); ``pages`` cuts it into pages of
about the same length for every front end, so page 2 in Discord is page 2 in the shell.
"""

from __future__ import annotations

import re
from typing import Any

from bot.answers.lookup import card, lookup, resolve
from bot.answers.quote import country_speakers
from bot.answers.search import resolve_speakers
from bot.answers.speakers import similar_speakers, sure_match
from bot.store import Store
from bot.text import fold, roman_number, to_roman

PAGE_CHARS = 3000  # text per page: a Discord embed holds 4096

# What a reader may call a part of a document, in English and Chinese.
_SECTION_WORDS = {
    "operative": "operative", "op": "operative", "ops": "operative", "执行部分": "operative", "執行部分": "operative",
    "preamble": "preamble", "preambular": "preamble", "pp": "preamble", "序言部分": "preamble", "序言": "preamble",
    "body": "body", "正文": "body", "statement": "statement", "statements": "statement",
}
_ANNEX = re.compile(r"^(?:annex|附件)\s*(?P<n>[ivxlc]+(?![a-z])|\d+|[一二三四五六七八九十]+)\s*", re.IGNORECASE)


def section_of(words: str) -> tuple[str | None, str | None] | None:
    """("annex", "section") a reader's words name, or None: "operative" → (None, "operative"),
    "annex II" → ("II", None), "附件二 执行部分" → ("II", "operative")."""
    text = fold(words).strip()
    annex = None
    m = _ANNEX.match(text)
    if m:
        n = m.group("n")
        number = int(n) if n.isdigit() else roman_number(n.upper()) if n.isascii() else _zh_number(n)
        if not number:
            return None
        annex, text = to_roman(number), text[m.end():].strip()
    if not text:
        return (annex, None) if annex else None
    section = _SECTION_WORDS.get(text.replace(" ", ""))
    return (annex, section) if section else None


def _zh_number(n: str) -> int | None:
    from bot.text import chinese_number

    return chinese_number(n)


def _paragraph(r: dict[str, Any]) -> dict[str, Any]:
    return {"label": r["label"], "text": r["text"], "page": r["page"]}


def _doc_speakers(store: Store, doc_id: str, who: str) -> tuple[list[int], bool, dict[str, Any] | None]:
    """Speaker ids of ``doc_id`` that ``who`` names: (ids, by_country, correction)."""
    in_doc = {r["id"] for r in store.query("SELECT id FROM speakers WHERE doc_id = ?", [doc_id])}
    by_name = [i for i in resolve_speakers(store, who) if i in in_doc]
    if by_name:
        return by_name, False, None
    by_country = [i for i in country_speakers(store, who) if i in in_doc]
    if by_country:
        return by_country, True, None
    sure = sure_match(similar_speakers(store, who))
    if sure:
        ids = [i for i in sure.ids if i in in_doc]
        if ids:
            return ids, False, {"typed": who, "name": sure.name, "how": sure.how}
    return [], False, None


def read(store: Store, query: str, who: str | None = None, lang: str | None = None) -> dict[str, Any]:
    """The text of the document ``query`` names, or the part of it ``who`` names: a speaker
    (name, country or role, typos and pinyin forgiven) in a record, a section elsewhere."""
    doc_id = resolve(store, query, lang)
    if doc_id is None:
        return lookup(store, query, lang)
    c = card(store, doc_id)
    out: dict[str, Any] = {"found": True, "symbol": c["symbol"], "id": doc_id, "title": c["title"], "kind": c["kind"],
                           "url": c["url"], "language": c["language"], "who": who, "corrected": None,
                           "sections": _sections(store, doc_id)}
    who = (who or "").strip() or None
    part = section_of(who) if who else None
    if who is None:
        out.update(mode="document", blocks=_whole(store, doc_id, c["kind"]))
    elif part is not None:
        annex, section = part
        out.update(mode="section", annex=annex, section=section, blocks=_section(store, doc_id, annex, section))
    elif c["kind"] == "record":
        ids, by_country, corrected = _doc_speakers(store, doc_id, who)
        out.update(mode="statement", corrected=corrected, blocks=_statement(store, doc_id, ids, by_country))
        if out["blocks"]:
            first = out["blocks"][0]
            out["speaker"] = {"name": first["speaker"], "country": first["country"], "role": first["role"]}
    else:
        out.update(mode="section", annex=None, section=None, blocks=[])
    out["paragraphs"] = sum(len(b["paragraphs"]) for b in out["blocks"])
    if not out["paragraphs"]:
        out["found_part"] = False
    out["pages"] = pages(out["blocks"])
    return out


def _sections(store: Store, doc_id: str) -> list[str]:
    """The parts a reader may ask for: "preamble", "operative", "annex II operative"…"""
    rows = store.query("SELECT annex, section FROM paragraphs WHERE doc_id = ? AND section != 'procedure' "
                       "GROUP BY annex, section ORDER BY min(seq)", [doc_id])
    return [f"annex {r['annex']} {r['section']}" if r["annex"] else r["section"] for r in rows]


_ROWS = """SELECT p.label, p.text, p.page, p.turn, p.section, p.annex, p.capacity, s.name, s.country, s.role
           FROM paragraphs p LEFT JOIN speakers s ON s.id = p.speaker_id"""


def _by_turn(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    for r in rows:
        key = (r["turn"], r["name"], r["capacity"] == "chair")
        if not blocks or blocks[-1]["key"] != key:
            blocks.append({"key": key, "turn": r["turn"], "speaker": r["name"], "country": r["country"],
                           "role": r["role"], "capacity": r["capacity"], "paragraphs": []})
        blocks[-1]["paragraphs"].append(_paragraph(r))
    for b in blocks:
        b.pop("key")
    return blocks


def _whole(store: Store, doc_id: str, kind: str) -> list[dict[str, Any]]:
    rows = store.query(f"{_ROWS} WHERE p.doc_id = ? ORDER BY p.seq", [doc_id])
    if kind == "record":
        return _by_turn(rows)
    return _by_section(rows)


def _by_section(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    for r in rows:
        key = (r["annex"], r["section"])
        if not blocks or (blocks[-1]["annex"], blocks[-1]["section"]) != key:
            blocks.append({"annex": r["annex"], "section": r["section"], "paragraphs": []})
        blocks[-1]["paragraphs"].append(_paragraph(r))
    return blocks


def _section(store: Store, doc_id: str, annex: str | None, section: str | None) -> list[dict[str, Any]]:
    where, args = ["p.doc_id = ?"], [doc_id]
    if section:
        where.append("p.section = ?")
        args.append(section)
    if annex:
        where.append("p.annex = ?")
        args.append(annex)
    rows = store.query(f"{_ROWS} WHERE {' AND '.join(where)} AND p.section != 'procedure' ORDER BY p.seq", args)
    if section and not annex:  # the document's own section first (a letter's draft is in an annex)
        own = [r for r in rows if not r["annex"]]
        rows = own or rows
    return _by_section(rows)


def _statement(store: Store, doc_id: str, ids: list[int], by_country: bool) -> list[dict[str, Any]]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    chair = " AND coalesce(p.capacity, '') != 'chair'" if by_country else ""
    rows = store.query(f"{_ROWS} WHERE p.doc_id = ? AND p.speaker_id IN ({marks}) AND p.section = 'statement'{chair} "
                       "ORDER BY p.seq", [doc_id, *ids])
    return _by_turn(rows)


def pages(blocks: list[dict[str, Any]], size: int = PAGE_CHARS) -> list[list[dict[str, Any]]]:
    """The blocks cut into pages of about ``size`` characters, never inside a paragraph (a
    longer paragraph is a page of its own). Each page is a list of blocks holding the page's
    paragraphs; a block carried over from the page before says so with ``continued``."""
    out: list[list[dict[str, Any]]] = [[]]
    used = 0
    for b in blocks:
        head = {k: v for k, v in b.items() if k != "paragraphs"}
        current: dict[str, Any] | None = None
        for p in b["paragraphs"]:
            cost = len(p["text"]) + len(p["label"] or "") + 4
            if used and used + cost > size:
                out.append([])
                used = 0
                current = head | {"paragraphs": [], "continued": True} if current is not None else None
                if current is not None:
                    out[-1].append(current)
            if current is None:
                current = head | {"paragraphs": [], "continued": False}
                out[-1].append(current)
            current["paragraphs"].append(p)
            used += cost
    return [p for p in out if p] or [[]]
