"""Quotes: the best sentence or two a delegate said, with an attribution one can paste."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from rapidfuzz import fuzz, process

from bot.answers.lookup import resolve
from bot.answers.search import resolve_speakers, speakers_of_country
from bot.answers.speakers import similar_speakers, sure_match
from bot.names import country_forms
from bot.references import find_paragraph_refs
from bot.store import Store
from bot.symbols import undocs_url
from bot.text import fold

LANGUAGE_NAMES = {"zh": "中文", "en": "英语", "fr": "法语", "ru": "俄语", "es": "西班牙语", "ar": "阿拉伯语"}
LANGUAGE_NAMES_EN = {"zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish", "ar": "Arabic"}
# A sentence ends at Chinese or Latin end punctuation; a Latin full stop only before a space
# or the end (A/75/L.78, 3.5 and 11.05 a.m. go on), and not after an abbreviation.
_SENTENCE = re.compile(r".*?(?:[。！？!?]+[”’」』\"]?|\.(?=\s|$)[”’\"]?|$)", re.DOTALL)
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|No|Nos|St|para|paras|art|Add|Rev|Corr|Vol|p|pp|cf|e\.g|i\.e)\.)$")
MAX_QUOTE = 180

# Courtesy and procedure, per language: a sentence that opens (or is) one of these says nothing
# a reader would quote. Matched on the folded sentence (lower case, Simplified script).
COURTESY = {
    "zh": [
        r"^(?:我们?|中方|本代表团|我国代表团)?(?:也|还|亦)?(?:谨|要|愿)?(?:衷心|诚挚地|热烈)?(?:感谢|谢谢|欢迎|祝贺|赞赏.{0,20}(?:倡议|召开|举行|主持))",
        r"^(?:主席)?(?:先生|女士)?[，,]?(?:谢谢|感谢您)",
        r"我现在以.{0,40}(?:身份|名义)发言", r"我现在恢复(?:行使)?", r"(?:我现在|现在|我)?请.{0,40}发言[。]?$",
        r"我(?:现在)?邀请.{0,60}参加(?:本次|这次)?会议", r"根据.{0,20}(?:暂行)?议事规则第\d+条",
        r"安全理事会现在开始审议", r"^议程(?:通过|获得通过)", r"[上下]午\d+时(?:\d+分)?(?:开会|散会)",
        r"发言名单上(?:已)?没有(?:其他)?(?:发言者|人)", r"^(?:我|我们)(?:现在)?(?:宣布)?(?:散会|休会)",
    ],
    "en": [
        (r"^(?:i|we)\s+(?:would\s+|should\s+|also\s+|wish\s+to\s+|want\s+to\s+)*(?:like\s+to\s+)?(?:also\s+)?"
         r"(?:thank|welcome|congratulate|commend|express\s+(?:my|our)\s+(?:gratitude|appreciation|thanks))"),
        r"^(?:thank\s+you|thanks)\b", r"\bi\s+(?:now\s+)?(?:give|call\s+on|invite)\b.{0,60}\bfloor\b",
        r"\bi\s+now\s+give\s+the\s+floor\b", r"\bi\s+now\s+call\s+on\b",
        r"\bi\s+(?:shall\s+)?now\s+(?:make\s+a\s+statement|speak)\s+in\s+my\s+(?:national\s+)?capacity",
        r"\bi\s+(?:now\s+)?resume\s+(?:my\s+)?(?:functions|the\s+functions)", r"\bin\s+accordance\s+with\s+rule\s+3[79]\b",
        r"\bi\s+invite\b.{0,80}\bto\s+participate\s+in\s+this\s+meeting", r"\bwill\s+now\s+begin\s+its\s+consideration",
        r"\bthe\s+meeting\s+(?:was\s+called\s+to\s+order|rose|is\s+adjourned)", r"\bno\s+more\s+(?:names|speakers)\s+inscribed",
    ],
    "fr": [r"^(?:je|nous)\s+(?:tiens|tenons\s+)?(?:à\s+)?(?:remercie|remercier|remercions|félicite|salue)",
           r"^merci\b", r"\bje\s+donne\s+(?:maintenant\s+)?la\s+parole"],
    "es": [r"^(?:agradezco|agradecemos|doy\s+las\s+gracias|damos\s+las\s+gracias|felicito|doy\s+la\s+bienvenida)",
           r"^gracias\b", r"\btiene\s+la\s+palabra"],
    "ru": [r"^(?:я\s+)?(?:благодарю|благодарим|поздравляю|приветствую)", r"^спасибо\b", r"\bпредоставляю\s+слово"],
    "ar": [r"^(?:أشكر|نشكر|أود\s+أن\s+أشكر)", r"\bأعطي\s+الكلمة"],
}
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_SCRIPTS = {"zh": ("zh",), "latin": ("en", "fr", "es"), "ru": ("ru",), "ar": ("ar",)}
# One pattern per script: a sentence is tried against its own languages' cues only.
_COURTESY = {script: re.compile("|".join(f"(?:{p})" for lang in langs for p in COURTESY[lang]))
             for script, langs in _SCRIPTS.items()}
_CYRILLIC, _ARABIC = re.compile(r"[\u0400-\u04ff]"), re.compile(r"[\u0600-\u06ff]")


def _script(text: str) -> str:
    if _CJK_CHAR.search(text):
        return "zh"
    if _CYRILLIC.search(text):
        return "ru"
    return "ar" if _ARABIC.search(text) else "latin"
_MIN_SUBSTANCE = {"cjk": 12, "latin": 40}  # characters a substantive sentence has at least


def is_courtesy(sentence: str) -> bool:
    """Thanks, welcomes, congratulations, giving or taking the floor, the chair's procedure."""
    return bool(_COURTESY[_script(sentence)].search(fold(sentence).strip(" “”\"'")))


def is_substantive(sentence: str) -> bool:
    """A sentence worth quoting: long enough to say something, and no courtesy or procedure."""
    short = _MIN_SUBSTANCE["cjk" if _CJK_CHAR.search(sentence) else "latin"]
    return len(sentence) >= short and not is_courtesy(sentence)


def substantive(text: str) -> bool:
    """Whether a paragraph says something: its substantive sentences are at least half of it
    (an opening paragraph of thanks with one remark about the briefings is courtesy)."""
    parts = sentences(text)
    said = sum(len(s) for s in parts if is_substantive(s))
    return said > 0 and said * 2 >= sum(len(s) for s in parts)


# A resolution's own courtesy: the routine closing paragraphs (Welcomes, Thanks and Commends are
# decisions there, not courtesy). The spotlight skips these.
ROUTINE = [
    r"决定继续(?:积极)?处理(?:此案|这一问题|该问题)", r"remain\s+(?:actively\s+)?seized\s+of\s+the\s+matter",
    r"reste\s+saisi\s+de\s+la\s+question", r"seguir\s+ocupándose\s+de\s+la\s+cuestión",
]
_ROUTINE = re.compile("|".join(f"(?:{p})" for p in ROUTINE))


def substantive_operative(text: str) -> bool:
    """An operative paragraph worth a spotlight: not a routine closing, long enough to decide."""
    return len(text) >= _MIN_SUBSTANCE["cjk" if _CJK_CHAR.search(text) else "latin"] and not _ROUTINE.search(fold(text))


def sentences(text: str) -> list[str]:
    out: list[str] = []
    for m in _SENTENCE.finditer(text):
        part = m.group(0).strip()
        if not part:
            continue
        if out and (_ABBREVIATION.search(out[-1]) or part[:1].islower()):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def best_passage(text: str, topic: str | None) -> str:
    """One or two sentences: the ones closest to the topic (a substantive one before courtesy
    at the same score), or the paragraph's first substantive sentence."""
    return _best(text, topic)[0]


def _best(text: str, topic: str | None) -> tuple[str, int, int]:
    """The passage, and its span in ``text`` (start, end)."""
    parts = sentences(text) or [text]
    good = [is_substantive(p) for p in parts]
    if topic:
        target = fold(topic)
        scores = [fuzz.partial_ratio(target, fold(s)) for s in parts]
        i = max(range(len(parts)), key=lambda k: (scores[k], good[k], -k))
    else:
        i = next((k for k in range(len(parts)) if good[k]), 0)
    passage = parts[i]
    if (len(passage) < 60 and i + 1 < len(parts) and good[i + 1]
            and len(passage) + len(parts[i + 1]) <= MAX_QUOTE):
        joiner = " " if passage[-1:].isascii() and parts[i + 1][:1].isascii() else ""
        passage += joiner + parts[i + 1]
    start = text.find(parts[i])
    end = start + len(passage) if start >= 0 else -1
    return (passage if len(passage) <= MAX_QUOTE else passage[: MAX_QUOTE - 1] + "…"), start, end


# A quotation followed by where it comes from: “…”（大会第75/276号决议序言部分第七段）, "…" (resolution 75/276, para. 4)
_QUOTED_SOURCE = re.compile(r"[“\"「](?P<inner>[^“”\"「」]{8,})[”\"」]\s*[（(](?P<source>[^（）()]{4,120})[）)]")


def quoted_source(text: str, start: int = 0, end: int | None = None) -> dict[str, Any] | None:
    """The document passage a speaker quotes within ``text[start:end]``, credited to the
    paragraph the reference after it names: {"symbol", "label", "text"} or None."""
    end = len(text) if end is None or end < 0 else end
    for m in _QUOTED_SOURCE.finditer(text):
        if m.end("inner") <= start or m.start("inner") >= end:
            continue
        refs = find_paragraph_refs(m.group("source"))
        if refs:
            return {"symbol": refs[0].symbol, "label": refs[0].label, "text": m.group("inner").strip()}
    return None


_OPEN, _CLOSE = "“\"「『‘", "”\"」』’"


def unquoted(text: str) -> str:
    """A passage without the quotation marks around all of it (the renderer adds its own)."""
    body = text.rstrip("。.")
    stop = text[len(body):]
    if (len(body) > 2 and body[0] in _OPEN and body[-1] in _CLOSE
            and not any(c in body[1:-1] for c in _OPEN + _CLOSE)):
        return body[1:-1] + ("" if body[-2:-1] in "。.!?！？" else stop)
    return text


_FULL_ROW = """SELECT p.id, p.doc_id, p.label, p.text, p.search, p.language, p.capacity, p.country, p.seq, p.page,
                     s.name, s.name_search, s.country AS speaker_country, s.role, s.affiliation,
                     d.symbol, d.date, d.language AS doc_language, d.facts
              FROM paragraphs p JOIN speakers s ON s.id = p.speaker_id JOIN documents d ON d.doc_id = p.doc_id"""


def country_speakers(store: Store, who: str) -> list[int]:
    """Speakers for the country or organisation ``who`` names in any language or form: "Russia",
    "RF" and 俄罗斯 find the record's 俄罗斯联邦 (never 白俄罗斯), "CSTO" its 集体安全条约组织;
    text that names no known entity is matched as the record printed it."""
    ids = speakers_of_country(store, who)
    names = store.speaker_names()
    for form in country_forms(who) or []:
        ids += names.of_country(form)
    return list(dict.fromkeys(ids))


def _candidates(store: Store, who: str, doc_id: str | None, lang: str | None = None,
                by_name: list[int] | None = None) -> list[tuple[int, str]]:
    """(paragraph id, search text) of the statements by the speakers ``who`` names, or by a
    country's delegates (not its chair presiding), in the order they were made. Only these two
    columns: a delegate of hundreds of meetings has thousands of statements to score."""
    if by_name is None:
        by_name = resolve_speakers(store, who)
        named = set(by_name)
        by_country = [i for i in country_speakers(store, who) if i not in named]
    else:
        by_country = []
    if not by_name and not by_country:
        return []
    name_marks, country_marks = ",".join("?" * len(by_name)) or "NULL", ",".join("?" * len(by_country)) or "NULL"
    rows = store.db.execute(
        f"""SELECT p.id, p.search, d.language FROM paragraphs p JOIN documents d ON d.doc_id = p.doc_id
           WHERE p.section = 'statement'
             AND (p.speaker_id IN ({name_marks})
                  OR (p.speaker_id IN ({country_marks}) AND coalesce(p.capacity, '') != 'chair'))"""
        + (" AND p.doc_id = ?" if doc_id else "") + " ORDER BY d.date, p.doc_id, p.seq",
        [*by_name, *by_country, *([doc_id] if doc_id else [])],
    ).fetchall()
    # A meeting held in several language versions: the reader's language when the corpus has it.
    preferred = [r for r in rows if r[2] == lang] if lang else []
    return [(pid, search) for pid, search, _ in (preferred or rows)]


def _full_rows(store: Store, ids: list[int]) -> list[dict[str, Any]]:
    rows = {r["id"]: r for r in store.query(f"{_FULL_ROW} WHERE p.id IN ({','.join('?' * len(ids))})", ids)}
    return [rows[i] for i in ids]


def _on_topic(rows: list[tuple[int, str]], topic: str) -> list[int]:
    """Statements on ``topic``, best first: those holding it as typed (earliest first), else
    rapidfuzz's closest (score ≥ 60, ties to the earliest), else the single closest."""
    target = fold(topic)
    exact = [pid for pid, search in rows if target in search]
    if exact:
        return exact
    scored = process.extract(target, [search for _, search in rows], scorer=fuzz.partial_ratio, limit=None)
    scored.sort(key=lambda m: (-m[1], m[2]))
    good = [rows[i][0] for _, score, i in scored if score >= 60]
    return good or [rows[i][0] for _, _, i in scored[:1]]


def _substantive_rows(store: Store, rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The statements a quote without a topic may come from: not courtesy, not procedure."""
    texts: dict[int, str] = {}
    ids = [pid for pid, _ in rows]
    for i in range(0, len(ids), 900):
        chunk = ids[i: i + 900]
        texts.update(store.db.execute(
            f"SELECT id, text FROM paragraphs WHERE id IN ({','.join('?' * len(chunk))})", chunk).fetchall())
    return [r for r in rows if substantive(texts.get(r[0], ""))]


def quote(store: Store, who: str, topic: str | None = None, symbol: str | None = None,
          index: int | None = None, limit: int = 1, lang: str | None = None,
          rotate: Callable[[str, int], int] | None = None) -> dict[str, Any]:
    """Quotes by ``who`` (name, country or role). Without a topic only substantive statements
    (never thanks or procedure), ``index`` picks one, else ``rotate`` (the bot's state: the next
    position of a rotation kept per speaker) gives the next, or the first without it; with a topic ``index`` is the rank among the statements on it (0 = best).
    A name nobody bears is matched by sound and spelling: the same pinyin (张君, "Zhang Jun" →
    张军先生) answers for that speaker (``corrected``); a near miss is offered (``suggestions``)."""
    doc_id = resolve(store, symbol) if symbol else None
    base = {"quotes": [], "who": who, "topic": topic}
    if symbol and doc_id is None:
        return base | {"message": f"No document {symbol!r} in the corpus.", "reason": "no_document", "symbol": symbol}
    rows = _candidates(store, who or "", doc_id, lang)
    corrected = None
    if not rows and (who or "").strip():
        matches = similar_speakers(store, who)
        sure = sure_match(matches)
        if sure is None:
            names = [m.name for m in matches]
            return base | {"message": f"Nobody matching {who!r} spoke in the corpus."
                           + (f" Did you mean {', '.join(names)}?" if names else ""),
                           "reason": "nobody", "suggestions": names}
        corrected = {"typed": who, "name": sure.name, "how": sure.how}
        rows = _candidates(store, sure.name, doc_id, lang, by_name=list(sure.ids))
    if not rows:
        return base | {"message": f"Nobody matching {who!r} spoke in the corpus.", "reason": "nobody", "suggestions": []}
    if topic:
        ranked = _on_topic(rows, topic)
        position = (index or 0) % len(ranked)
        picked = ranked[position: position + limit]
        of = len(ranked)
    else:
        rows = _substantive_rows(store, rows) or rows
        key = "quote:" + fold(who) + ":" + (doc_id or "") + (f":{lang}" if lang else "")
        position = index if index is not None else rotate(key, len(rows)) if rotate else 0
        position %= len(rows)
        picked = [rows[(position + k) % len(rows)][0] for k in range(min(limit, len(rows)))]
        of = len(rows)
    quotes = [_quote_of(r, topic) for r in _full_rows(store, picked)]
    return base | {"quotes": quotes, "index": position, "of": of, "corrected": corrected}


def _quote_of(r: dict[str, Any], topic: str | None) -> dict[str, Any]:
    passage, start, end = _best(r["text"], topic)
    source = quoted_source(r["text"], start, end)
    if source:  # the speaker quotes a document: the words are the document's, credited to it
        inner = source["text"]
        passage = inner if len(inner) <= MAX_QUOTE else inner[: MAX_QUOTE - 1] + "…"
    facts = json.loads(r["facts"] or "{}")
    q = {
        "speaker": r["name"], "country": r["country"] or r["speaker_country"], "role": r["role"],
        "affiliation": r["affiliation"], "capacity": r["capacity"], "language": r["language"],
        "language_name": LANGUAGE_NAMES_EN.get(r["language"], r["language"]),
        # "以俄罗斯联邦副外长的身份": the capacity the chair named when speaking for a country
        "national_capacity": facts.get("national_capacity") if r["capacity"] == "national" else None,
        "symbol": r["symbol"] or r["doc_id"], "date": r["date"], "label": r["label"],
        "text": unquoted(passage), "paragraph": r["text"], "paragraph_id": r["id"],
        "page": r["page"], "doc_language": r["doc_language"], "quoting": source,
        "url": undocs_url(r["symbol"], r["page"], lang=r["doc_language"]) if r["symbol"] else None,
    }
    q["attribution"] = attribution(q)
    return q


def attribution(q: dict[str, Any]) -> str:
    if q.get("doc_language") not in (None, "zh"):
        return attribution_en(q)
    who = q["speaker"]
    where = q["role"] if q["capacity"] == "chair" else (q["country"] or q["role"])
    capacity = ""
    if q["capacity"] == "national":
        # The capacity as the chair named it (以俄罗斯联邦副外长的身份), else the country's
        named = q.get("national_capacity")
        capacity = f"以{named}的身份" if named else f"以{q['country']}代表身份"
    lang = LANGUAGE_NAMES.get(q["language"] or "zh", q["language"])
    bits = [f"{who}（{where}）" if where and where not in who else who]
    if capacity:
        bits.append(capacity)
    bits.append(f"以{lang}发言")
    if q.get("quoting"):
        bits.append(f"引述 {q['quoting']['symbol']} {q['quoting']['label']}")
    page = f"，第{q['page']}页" if q.get("page") else ""
    when = chinese_date_words(q["date"]) if q["date"] else ""
    return "，".join(bits) + f"——{q['symbol']}，{when}{page}，{q['label']}"


def chinese_date_words(iso: str) -> str:
    """2022-02-16 → 2022年2月16日, as a Chinese attribution writes it."""
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日"


def attribution_en(q: dict[str, Any]) -> str:
    """"— Mr. Zas (Collective Security Treaty Organization), speaking in Russian — S/PV.8967,
    16 February 2022, p. 7", from an English (or other Latin-script) record."""
    where = q["role"] if q["capacity"] == "chair" else (q["country"] or q["role"])
    who = q["speaker"] + (f" ({where})" if where and where not in q["speaker"] else "")
    bits = [who]
    named = q.get("national_capacity")
    if q["capacity"] == "national" and named and named.lower() != "national":
        bits.append(f"speaking as {named}")
    elif q["capacity"] == "national" and q["country"]:
        bits.append(f"speaking as the representative of {q['country']}")
    bits.append(f"speaking in {LANGUAGE_NAMES_EN.get(q['language'] or 'en', q['language'])}")
    if q.get("quoting"):
        bits.append(f"quoting {q['quoting']['symbol']} {q['quoting']['label']}")
    when = english_date_words(q["date"]) if q["date"] else ""
    where_in = ", ".join(x for x in (q["symbol"], when, f"p. {q['page']}" if q.get("page") else "", q["label"]) if x)
    return f"— {', '.join(bits)} — {where_in}"


def english_date_words(iso: str) -> str:
    """2022-02-16 → 16 February 2022."""
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {_MONTHS[m - 1]} {y}"


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]

