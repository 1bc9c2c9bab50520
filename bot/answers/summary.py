"""Extractive summaries: every sentence shown comes from the document; only the framing is ours."""

from __future__ import annotations

import re
from typing import Any

from bot.answers.lookup import card, resolve
from bot.answers.speakers import speaker_list
from bot.store import Store
from bot.text import chinese_number

_CLAUSE_END = re.compile(r"[，；。：,;]")
_RECALL = re.compile(r"^(?:又|还|并)?(?:提及|回顾|重申|忆及|铭记)")
_INSTRUMENT = re.compile(r"《[^《》]{2,80}》")
_SESSION = re.compile(r"第([一二三四五六七八九十百零〇\d]+)届会议")
_REPORT = re.compile(r"^(?:又|还)?请.*?(?:提交|提出).*报告")
_AGENDA = re.compile(r"^(?:又|还)?决定.*临时议程.*列入")


class NotFound(LookupError):
    pass


_SENTENCE_END = re.compile(r"[。！？]|[.!?](?=\s|$)")
_DOCUMENT_POINTS = 8  # paragraphs a plain document's summary shows


def first_sentence(text: str, limit: int = 120) -> str:
    """The text up to its first full stop (a whole sentence, not its first clause)."""
    m = _SENTENCE_END.search(text)
    sentence = text[: m.end()] if m else text
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def whole_clause(text: str, limit: int = 160) -> str:
    """An operative paragraph's whole clause, its closing punctuation off; a long one shortened
    in the middle, so the verb and what it asks for (at the end) both stay."""
    text = text.strip().rstrip("；;。.")
    if len(text) <= limit:
        return text
    head, tail = text[: limit * 2 // 3], text[-(limit // 3):]
    if " " in text:  # Latin text: cut between words
        head, tail = head.rsplit(" ", 1)[0], tail.split(" ", 1)[-1]
    return f"{head.rstrip(' ,，')} … {tail.lstrip(' ,，')}" if " " in text else f"{head.rstrip('，,')}…{tail.lstrip('，,')}"


def first_clause(text: str, limit: int = 80) -> str:
    m = _CLAUSE_END.search(text)
    clause = text[: m.start()] if m else text
    return clause if len(clause) <= limit else clause[: limit - 1] + "…"


def follow_ups(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for p in points:
        text = p["full_text"]
        m = _SESSION.search(text)
        session = chinese_number(m.group(1)) if m else None
        if _REPORT.search(text):
            out.append({"kind": "report", "session": session, "label": p["label"], "text": text})
        elif _AGENDA.search(text):
            out.append({"kind": "agenda_item", "session": session, "label": p["label"], "text": text})
    return out


def _follow_up_line(f: dict[str, Any]) -> str:
    what = "report requested" if f["kind"] == "report" else "item for the provisional agenda"
    where = f"session {f['session']}" if f["session"] else "a later session"
    return f"{what}, {where} ({f['label']})"


def _paragraphs(store: Store, doc_id: str) -> list[dict[str, Any]]:
    return store.query("SELECT * FROM paragraphs WHERE doc_id = ? ORDER BY seq", [doc_id])


def _cited_symbols(store: Store, paragraph_ids: list[int]) -> list[str]:
    if not paragraph_ids:
        return []
    marks = ",".join("?" * len(paragraph_ids))
    rows = store.query(
        f"""SELECT c.symbol FROM citations c WHERE c.paragraph_id IN ({marks})
            OR c.footnote_id IN (SELECT footnote_id FROM paragraph_footnotes WHERE paragraph_id IN ({marks}))
            ORDER BY c.id""", paragraph_ids * 2)
    return list(dict.fromkeys(r["symbol"] for r in rows))


def _resolution(store: Store, c: dict[str, Any], paras: list[dict[str, Any]], annex: str | None = None) -> dict:
    ops = [p for p in paras if p["section"] == "operative" and p["annex"] == annex]
    points = [{"label": p["label"], "verb": p["verb"], "text": whole_clause(p["text"]), "full_text": p["text"]}
              for p in ops if "(" not in p["label"]]
    recalls = [p for p in paras if p["section"] == "preamble" and p["annex"] == annex and _RECALL.match(p["text"])]
    instruments = list(dict.fromkeys(
        [s for s in _cited_symbols(store, [p["id"] for p in recalls])]
        + [m.group(0) for p in recalls for m in _INSTRUMENT.finditer(p["text"])]))
    return {"points": points, "recalls": instruments, "follow_up_items": follow_ups(points)}


def chinese_number_form(symbol: str) -> str:
    """How Chinese text cites a resolution: 第75/276号决议, 第1631(2005)号决议."""
    m = re.match(r"^(?:A/RES/(.+)|S/RES/(\d+) \((\d{4})\))$", symbol)
    if not m:
        return f" {symbol} 号"
    return m.group(1) if m.group(1) else f"{m.group(2)}({m.group(3)})"


def _headline(c: dict[str, Any]) -> tuple[str, str]:
    drafts = "、".join(c["drafts"])
    zh = (f"{c['body'] or ''}{c['date'] or ''}在{c['meeting'] or '会议'}"
          f"{c['adoption'] or '通过'}第{chinese_number_form(c['symbol'])}号决议《{c['title']}》" + (f"（草案 {drafts}）" if drafts else ""))
    en = (f"{c['body'] or 'The body'} adopted {c['symbol']} «{c['title']}» on {c['date'] or 'an unknown date'}"
          f" at its {c['meeting'] or 'meeting'}, {c['adoption'] or ''}" + (f", from {', '.join(c['drafts'])}" if drafts else ""))
    return zh, en.rstrip(", ")


def summarise(store: Store, query: str) -> dict[str, Any]:
    doc_id = resolve(store, query)
    if doc_id is None:
        raise NotFound(query)
    c = card(store, doc_id)
    paras = _paragraphs(store, doc_id)
    out: dict[str, Any] = {"symbol": c["symbol"], "kind": c["kind"], "title": c["title"], "url": c["url"],
                           "speakers": [], "follow_ups": [], "points": []}
    if c["kind"] == "resolution":
        zh, en = _headline(c)
        body = _resolution(store, c, paras)
        out.update(headline=en if c["language"] not in (None, "zh") else zh, headline_en=en, points=body["points"],
                   facts={k: c[k] for k in ("body", "session", "agenda_item", "date", "meeting", "adoption", "drafts")}
                   | {"recalls": body["recalls"], "counts": c["counts"]},
                   follow_ups=[_follow_up_line(f) for f in body["follow_up_items"]],
                   follow_up_items=body["follow_up_items"])
    elif c["kind"] == "letter":
        f = c["facts"]
        draft = _resolution(store, c, paras, annex="II")
        out.update(
            headline=f"{f.get('heading', c['title'])}（{f.get('signatory', '')}签署）",
            headline_en=f"Letter dated {c['date']} from the {f.get('sender')} to the {f.get('addressee')}, "
                        f"signed {f.get('signatory')}",
            facts={"sender": f.get("sender"), "addressee": f.get("addressee"), "signatory": f.get("signatory"),
                   "date": c["date"], "distributed": c["distributed"], "original_language": c["original_language"],
                   "session": c["session"], "request": f.get("request"), "annexes": f.get("annexes", []),
                   "counts": c["counts"]},
            points=draft["points"],
            follow_ups=[_follow_up_line(x) for x in draft["follow_up_items"]],
            follow_up_items=draft["follow_up_items"],
        )
    elif c["kind"] in ("statement", "document"):
        # A statement or a plain document: what it says, paragraph by paragraph, in its own words.
        what = {"statement": "主席声明", "document": "文件"}[c["kind"]]
        out.update(
            headline=f"{c['body'] or ''}{what}（{c['symbol']}），{c['date'] or ''}：{c['title']}",
            headline_en=f"{c['symbol']}, {c['date'] or 'undated'}: «{c['title']}»",
            facts={"date": c["date"], "meeting": c["meeting"], "counts": c["counts"],
                   "documents_cited": [x["symbol"] for x in c["cites"]]},
            points=[{"label": p["label"], "text": first_sentence(p["text"])}
                    for p in paras if p["section"] != "procedure"][:_DOCUMENT_POINTS],
        )
    else:
        f = c["facts"]
        speakers = speaker_list(store, doc_id)
        briefers = [s for s in speakers if s["capacity"] == "briefer"]
        out.update(
            headline=f"{c['body'] or ''}{c['meeting'] or ''}（{c['symbol']}），{c['date'] or ''}："
                     f"{'；'.join(f.get('agenda', [])) or c['title']}",
            headline_en=f"{c['symbol']}: meeting of {c['date']} on «{c['title']}»",
            facts={"date": c["date"], "opened": f.get("opened"), "closed": f.get("closed"),
                   "president": f.get("president"), "presidency": f.get("presidency"),
                   "agenda": f.get("agenda", []), "briefers": [b["name"] for b in briefers],
                   "documents_cited": [x["symbol"] for x in c["cites"]], "counts": c["counts"]},
            speakers=speakers,
            points=[{"label": s["first_label"], "text": f"{s['name']}（{s['country'] or s['role'] or ''}，"
                     f"{'/'.join(s['languages'])}）：{first_clause(s['first_text'], 60)}"} for s in speakers],
        )
    for p in out["points"]:
        p.pop("full_text", None)
    return out
