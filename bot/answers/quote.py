"""Quotes: the best sentence or two a delegate said, with an attribution one can paste."""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz, process

from bot.answers.lookup import resolve
from bot.answers.search import resolve_speakers, speakers_of_country
from bot.names import country_forms
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
    """One or two sentences: the ones closest to the topic, or the paragraph's opening."""
    parts = sentences(text) or [text]
    if topic:
        target = fold(topic)
        scores = [fuzz.partial_ratio(target, fold(s)) for s in parts]
        i = max(range(len(parts)), key=lambda k: (scores[k], -k))
    else:
        i = 0
    passage = parts[i]
    if len(passage) < 60 and i + 1 < len(parts) and len(passage) + len(parts[i + 1]) <= MAX_QUOTE:
        passage += parts[i + 1]
    return passage if len(passage) <= MAX_QUOTE else passage[: MAX_QUOTE - 1] + "…"


_FULL_ROW = """SELECT p.id, p.doc_id, p.label, p.text, p.search, p.language, p.capacity, p.country, p.seq, p.page,
                     s.name, s.name_search, s.country AS speaker_country, s.role, s.affiliation,
                     d.symbol, d.date, d.language AS doc_language
              FROM paragraphs p JOIN speakers s ON s.id = p.speaker_id JOIN documents d ON d.doc_id = p.doc_id"""


def _country_speakers(store: Store, who: str) -> list[int]:
    """Speakers for the country or organisation ``who`` names in any language or form: "Russia",
    "RF" and 俄罗斯 find the record's 俄罗斯联邦 (never 白俄罗斯), "CSTO" its 集体安全条约组织;
    text that names no known entity is matched as the record printed it."""
    ids = speakers_of_country(store, who)
    names = store.speaker_names()
    for form in country_forms(who) or []:
        ids += names.of_country(form)
    return list(dict.fromkeys(ids))


def _candidates(store: Store, who: str, doc_id: str | None, lang: str | None = None) -> list[tuple[int, str]]:
    """(paragraph id, search text) of the statements by the speakers ``who`` names, or by a
    country's delegates (not its chair presiding), in the order they were made. Only these two
    columns: a delegate of hundreds of meetings has thousands of statements to score."""
    by_name = resolve_speakers(store, who)
    named = set(by_name)
    by_country = [i for i in _country_speakers(store, who) if i not in named]
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


def attribution(q: dict[str, Any]) -> str:
    if q.get("doc_language") not in (None, "zh"):
        return attribution_en(q)
    who = q["speaker"]
    where = q["role"] if q["capacity"] == "chair" else (q["country"] or q["role"])
    capacity = {"national": f"以{q['country']}代表身份"}.get(q["capacity"] or "", "")
    lang = LANGUAGE_NAMES.get(q["language"] or "zh", q["language"])
    bits = [f"{who}（{where}）" if where and where not in who else who]
    if capacity:
        bits.append(capacity)
    bits.append(f"以{lang}发言")
    page = f"，第{q['page']}页" if q.get("page") else ""
    return "，".join(bits) + f"——{q['symbol']}，{q['date'] or ''}{page}，{q['label']}"


def attribution_en(q: dict[str, Any]) -> str:
    """"— Mr. Zas (Collective Security Treaty Organization), speaking in Russian — S/PV.8967,
    16 February 2022, p. 7", from an English (or other Latin-script) record."""
    where = q["role"] if q["capacity"] == "chair" else (q["country"] or q["role"])
    who = q["speaker"] + (f" ({where})" if where and where not in q["speaker"] else "")
    bits = [who]
    if q["capacity"] == "national" and q["country"]:
        bits.append(f"speaking as the representative of {q['country']}")
    bits.append(f"speaking in {LANGUAGE_NAMES_EN.get(q['language'] or 'en', q['language'])}")
    when = english_date_words(q["date"]) if q["date"] else ""
    where_in = ", ".join(x for x in (q["symbol"], when, f"p. {q['page']}" if q.get("page") else "", q["label"]) if x)
    return f"— {', '.join(bits)} — {where_in}"


def english_date_words(iso: str) -> str:
    """2022-02-16 → 16 February 2022."""
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {_MONTHS[m - 1]} {y}"


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def quote(store: Store, who: str, topic: str | None = None, symbol: str | None = None,
          index: int | None = None, limit: int = 1, lang: str | None = None) -> dict[str, Any]:
    """Quotes by ``who`` (name, country or role). Without a topic, ``index`` picks the
    paragraph; if it is None the store's rotation for this speaker gives the next one."""
    doc_id = resolve(store, symbol) if symbol else None
    if symbol and doc_id is None:
        return {"quotes": [], "who": who, "topic": topic, "message": f"No document {symbol!r} in the corpus."}
    rows = _candidates(store, who or "", doc_id, lang)
    if not rows:
        return {"quotes": [], "who": who, "topic": topic, "message": f"Nobody matching {who!r} spoke in the corpus."}
    if topic:
        target = fold(topic)
        # The topic as typed, earliest first (rows are in date order): a plain substring test.
        picked = [pid for pid, search in rows if target in search][:limit]
        if len(picked) < limit:
            # Else rapidfuzz scores every statement in C; ties go to the earliest.
            scored = process.extract(target, [search for _, search in rows], scorer=fuzz.partial_ratio, limit=None)
            scored.sort(key=lambda m: (-m[1], m[2]))
            picked += [rows[i][0] for _, _, i in scored if rows[i][0] not in picked][: limit - len(picked)]
        position = 0
    else:
        key = "quote:" + fold(who) + ":" + (doc_id or "") + (f":{lang}" if lang else "")
        position = index if index is not None else store.next_rotation(key, len(rows))
        position %= len(rows)
        picked = [rows[(position + k) % len(rows)][0] for k in range(min(limit, len(rows)))]
    chosen = _full_rows(store, picked)
    quotes = []
    for r in chosen:
        q = {
            "speaker": r["name"], "country": r["country"] or r["speaker_country"], "role": r["role"],
            "affiliation": r["affiliation"], "capacity": r["capacity"], "language": r["language"],
            "language_name": LANGUAGE_NAMES_EN.get(r["language"], r["language"]),
            "symbol": r["symbol"] or r["doc_id"], "date": r["date"], "label": r["label"],
            "text": best_passage(r["text"], topic), "paragraph": r["text"], "paragraph_id": r["id"],
            "page": r["page"], "doc_language": r["doc_language"],
            "url": undocs_url(r["symbol"], r["page"], lang=r["doc_language"]) if r["symbol"] else None,
        }
        q["attribution"] = attribution(q)
        quotes.append(q)
    return {"quotes": quotes, "who": who, "topic": topic, "index": position, "of": len(rows)}
