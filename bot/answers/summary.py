"""Extractive summaries: every sentence shown comes from the document; only the framing is ours."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from bot import names
from bot.answers.lookup import card, resolve
from bot.answers.quote import is_substantive, sentences
from bot.answers.speakers import speaker_list
from bot.render.labels import date as date_words
from bot.store import Store
from bot.text import chinese_number, fold

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
    zh = (f"{c['body'] or ''}{date_words('zh', c['date'])}在{c['meeting'] or '会议'}"
          f"{c['adoption'] or '通过'}第{chinese_number_form(c['symbol'])}号决议《{c['title']}》" + (f"（草案 {drafts}）" if drafts else ""))
    en = (f"{c['body'] or 'The body'} adopted {c['symbol']} «{c['title']}» on {date_words('en', c['date']) or 'an unknown date'}"
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
            headline_en=f"Letter dated {date_words('en', c['date'])} from the {f.get('sender')} to the {f.get('addressee')}, "
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
            headline=f"{c['body'] or ''}{what}（{c['symbol']}），{date_words('zh', c['date'])}：{c['title']}",
            headline_en=f"{c['symbol']}, {c['date'] or 'undated'}: «{c['title']}»",
            facts={"date": c["date"], "meeting": c["meeting"], "counts": c["counts"],
                   "documents_cited": [x["symbol"] for x in c["cites"]]},
            points=[{"label": p["label"], "text": first_sentence(p["text"])}
                    for p in paras if p["section"] != "procedure"][:_DOCUMENT_POINTS],
        )
    else:
        out.update(_record(store, c, doc_id, paras))
    for p in out["points"]:
        p.pop("full_text", None)
    return out


# -- meetings ---------------------------------------------------------------------------------

# Issues a meeting may turn on, and places that are no country: (Chinese, English) label → the
# forms a record prints (Simplified Chinese, English; matched on folded text).
ISSUES: dict[tuple[str, str], tuple[str, ...]] = {
    ("维持和平", "peacekeeping"): ("维持和平", "维和", "peacekeeping", "peace operations"),
    ("反恐", "counter-terrorism"): ("恐怖主义", "反恐", "恐怖分子", "terrorism", "terrorist"),
    ("毒品", "drugs"): ("毒品", "贩毒", "麻醉品", "narcotic", "drug trafficking", "drugs"),
    ("有组织犯罪", "organized crime"): ("有组织犯罪", "跨国犯罪", "organized crime", "transnational crime"),
    ("人道主义", "humanitarian aid"): ("人道主义", "humanitarian"),
    ("网络安全", "cybersecurity"): ("网络安全", "网络犯罪", "cybersecurity", "cybercrime", "cyber"),
    ("移民与人口贩运", "migration and trafficking"): ("非正常移民", "非法移民", "人口贩运", "贩运人口", "migration",
                                                  "trafficking in persons", "human trafficking"),
    ("生物安全", "biosecurity"): ("生物安全", "生物威胁", "biological", "biosecurity"),
    ("预防外交", "preventive diplomacy"): ("预防外交", "预防冲突", "preventive diplomacy", "conflict prevention"),
    ("裁军与军备控制", "disarmament"): ("裁军", "军备控制", "不扩散", "disarmament", "arms control", "non-proliferation"),
    ("制裁", "sanctions"): ("制裁", "sanctions"),
    ("妇女与和平与安全", "women, peace and security"): ("妇女与和平与安全", "妇女、和平与安全", "women and peace and security",
                                                  "women, peace and security"),
    ("气候与安全", "climate and security"): ("气候变化", "climate change"),
    ("可持续发展", "sustainable development"): ("可持续发展", "sustainable development"),
    ("人权", "human rights"): ("人权", "human rights"),
    ("中亚", "Central Asia"): ("中亚", "central asia"),
    ("欧亚", "Eurasia"): ("欧亚", "eurasia", "eurasian"),
    ("非洲", "Africa"): ("非洲", "africa", "african"),
    ("中东", "Middle East"): ("中东", "middle east"),
}
_SKIP_ENTITIES = {"org:un"}  # the United Nations is every meeting's subject
MAX_THEMES = 8
_STANCE = re.compile(r"支持|呼吁|反对|敦促|必须|应当|应该|坚决|希望|主张|认为|\b(?:urge|call|support|must|should|oppose|believe)",
                     re.IGNORECASE)


@cache
def _theme_patterns() -> list[tuple[str, str, str, re.Pattern[str]]]:
    """(id, zh label, en label, pattern) for every entity and issue, longest names first."""
    out = []
    for e in names.entities():
        if e.id in _SKIP_ENTITIES:
            continue
        forms = {fold(n) for lang in ("zh", "zh-Hant", "en") for n in e.names.get(lang, []) if len(n) >= 2}
        forms = {f for f in forms if f and (not f.isascii() or len(f) >= 4)}
        if not forms:
            continue
        alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        zh = (e.names.get("zh") or [e.id])[0]
        en = (e.names.get("en") or [e.id])[0]
        out.append((e.id, zh, en, re.compile(rf"(?<![a-z])(?:{alternation})(?![a-z])")))
    for (zh, en), forms in ISSUES.items():
        alternation = "|".join(re.escape(fold(f)) for f in sorted(forms, key=len, reverse=True))
        out.append((f"issue:{en}", zh, en, re.compile(rf"(?<![a-z])(?:{alternation})")))
    return out


@cache
def _any_theme() -> re.Pattern[str]:
    """One pattern for every theme's names: a paragraph without any is skipped in one pass."""
    return re.compile("|".join(p.pattern for *_, p in _theme_patterns()))


def _entity_of(where: str | None) -> str | None:
    e = names.resolve(where) if where else None
    return e.id if e else None


def themes(rows: list[dict[str, Any]], lang: str = "zh") -> list[dict[str, Any]]:
    """The places, organisations and issues most discussed: how many speakers name each (a
    delegation naming its own country does not count), then how often; at most MAX_THEMES, each
    named by at least two speakers."""
    by_theme: dict[str, dict[str, Any]] = {}
    patterns = _theme_patterns()
    anything = _any_theme()
    for r in rows:
        text = fold(r["text"])
        if not anything.search(text):
            continue
        own = r.get("own")
        for tid, zh, en, pattern in patterns:
            if tid == own:
                continue
            hits = len(pattern.findall(text))
            if hits:
                t = by_theme.setdefault(tid, {"id": tid, "name": zh if lang == "zh" else en, "name_zh": zh,
                                               "name_en": en, "kind": "issue" if tid.startswith("issue:") else
                                               ("organization" if tid.startswith("org:") else "country"),
                                               "speakers": set(), "mentions": 0})
                t["speakers"].add(r["speaker_id"])
                t["mentions"] += hits
    ranked = sorted(by_theme.values(), key=lambda t: (-len(t["speakers"]), -t["mentions"], t["id"]))
    return [t | {"speakers": len(t["speakers"])} for t in ranked if len(t["speakers"]) >= 2][:MAX_THEMES]


def key_sentence(rows: list[dict[str, Any]], theme_ids: set[str], limit: int = 160) -> dict[str, Any] | None:
    """A speaker's sentence that says most: substantive (no thanks, no procedure), naming the
    meeting's themes and taking a stance (supports, calls for, must); the earliest of the best."""
    patterns = [(tid, p) for tid, _, _, p in _theme_patterns() if tid in theme_ids]
    best: tuple[float, int, str, str] | None = None
    order = 0
    for r in rows:
        for sentence in sentences(r["text"]):
            order += 1
            if not is_substantive(sentence):
                continue
            folded = fold(sentence)
            score = sum(1 for _, p in patterns if p.search(folded)) + (1.5 if _STANCE.search(sentence) else 0)
            score += 1.5 * min(len(sentence), limit * 3 // 4) / (limit * 3 // 4) - (0.5 if len(sentence) > 2 * limit else 0)
            if best is None or score > best[0]:
                best = (score, -order, r["label"], sentence)
    if best is None:
        return None
    text = best[3]
    return {"label": best[2], "text": text if len(text) <= limit else text[: limit - 1] + "…"}


def _labels_span(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else f"{labels[0]}–{labels[-1]}"


def _record(store: Store, c: dict[str, Any], doc_id: str, paras: list[dict[str, Any]]) -> dict[str, Any]:
    f = c["facts"]
    speakers = speaker_list(store, doc_id)
    briefers = [s for s in speakers if s["capacity"] == "briefer"]
    lang = c["language"] or "zh"
    rows = store.query(
        """SELECT p.id, p.label, p.text, p.turn, p.capacity, p.speaker_id, s.country, s.affiliation, s.seq
           FROM paragraphs p JOIN speakers s ON s.id = p.speaker_id
           WHERE p.doc_id = ? AND p.section = 'statement' ORDER BY p.seq""", [doc_id])
    for r in rows:
        r["own"] = _entity_of(r["country"])
    said = [r for r in rows if r["capacity"] != "chair"]
    found = themes(said, "zh" if lang == "zh" else "en")
    theme_ids = {t["id"] for t in found}
    by_speaker: dict[int, list[dict[str, Any]]] = {}
    for r in said:
        by_speaker.setdefault(r["seq"], []).append(r)
    national = None
    for sp in speakers:
        own = by_speaker.get(sp["order"], [])
        if sp["capacity"] == "chair":
            nat = [r for r in own if r["capacity"] == "national"]
            chair_turns = len({r["turn"] for r in rows if r["seq"] == sp["order"] and r["capacity"] == "chair"})
            if nat:
                named = f.get("national_capacity") or sp["country"]
                national = {"speaker": sp["name"], "country": sp["country"], "capacity": named,
                            "capacity_text": (f"以{named}的身份" if lang == "zh" else f"as {named}"),
                            "labels": _labels_span([r["label"] for r in nat]), "paragraphs": len(nat),
                            "key_sentence": key_sentence(nat, theme_ids), "chair_turns": chair_turns}
            sp["key_sentence"] = None
            sp["chair_turns"] = chair_turns
        else:
            sp["key_sentence"] = key_sentence(own, theme_ids)
    sep = "；" if lang == "zh" else "; "
    return {
        "headline": f"{c['body'] or ''}{c['meeting'] or ''}（{c['symbol']}），{date_words('zh', c['date'])}："
                    f"{sep.join(f.get('agenda', [])) or c['title']}",
        "headline_en": f"{c['symbol']}: meeting of {date_words('en', c['date'])} on «{c['title']}»",
        "facts": {"date": c["date"], "opened": f.get("opened"), "closed": f.get("closed"),
                  "president": f.get("president"), "presidency": f.get("presidency"),
                  "agenda": f.get("agenda", []), "briefers": [b["name"] for b in briefers],
                  "documents_cited": [x["symbol"] for x in c["cites"]], "counts": c["counts"]},
        "speakers": speakers,
        "themes": found,
        "national_statement": national,
        "points": [_point(s, national) for s in speakers],
    }


def _point(s: dict[str, Any], national: dict[str, Any] | None) -> dict[str, Any]:
    """A speaker in one line: who, and their key sentence (the chair's national one)."""
    key = s["key_sentence"] or (national or {}).get("key_sentence") if s["capacity"] == "chair" else s["key_sentence"]
    who = f"{s['name']}（{s['country'] or s['role'] or ''}，{'/'.join(s['languages'])}）"
    return {"label": (key or {}).get("label") or s["first_label"],
            "text": f"{who}：{(key or {}).get('text') or first_clause(s['first_text'], 60)}"}
