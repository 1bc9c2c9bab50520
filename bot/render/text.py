"""Terminal renderings of answers: plain text, one answer per function, in English or Chinese
(``lang``; the words come from bot/render/labels.py, the corpus as published)."""

from __future__ import annotations

from typing import Any

from bot.render import labels as L
from bot.render.labels import t


def render_stats(result: dict[str, Any], lang: str = "en") -> str:
    lines = [f"{'symbol':<24} {'lang':<4} {'kind':<11} {'paras':>5}  title"]
    for d in result["documents"]:
        lines.append(f"{d['symbol']:<24} {d.get('language') or '':<4} {L.kind(lang, d['kind']) if lang == 'zh' else d['kind']:<11} "
                     f"{d['paragraphs']:>5}  {d['title']}")
    tot = result["totals"]
    lines.append("")
    if lang == "zh":
        lines.append(f"{tot['documents']} 份文件，{tot['paragraphs']} 段，{tot['speakers']} 位发言者，{tot['turns']} 次发言，"
                     f"{tot['footnotes']} 个脚注，{tot['citations']} 处引用"
                     + (f"；{t(lang, 'last_ingest')} {tot['last_ingest']}" if tot["last_ingest"] else ""))
    else:
        lines.append(
            f"{tot['documents']} documents, {tot['paragraphs']} paragraphs, {tot['speakers']} speakers, "
            f"{tot['turns']} turns, {tot['footnotes']} footnotes, {tot['citations']} citations"
            + (f"; last ingest {tot['last_ingest']}" if tot["last_ingest"] else ""))
    if len(tot.get("languages", {})) > 1:
        lines.append(("语文文本：" if lang == "zh" else "versions by language: ")
                     + ", ".join(f"{code} {n}" for code, n in tot["languages"].items()))
    return "\n".join(lines)


def _where(hit: dict[str, Any]) -> str:
    bits = [hit["symbol"], hit["label"]]
    if hit.get("speaker"):
        bits.append(hit["speaker"] + (f"（{hit['country']}）" if hit.get("country") else ""))
    return " · ".join(bits)


def render_search(result: dict[str, Any], lang: str = "en") -> str:
    if not result["results"]:
        return "\n".join([t(lang, "no_hits", query=result["query"]), *L.hint_lines(result.get("hint"), lang)])
    first = result["offset"] + 1
    lines = [t(lang, "hits_line", total=result["total"], query=result["query"], first=first,
               last=first + len(result["results"]) - 1)]
    for i, h in enumerate(result["results"], start=first):
        lines += ["", f"{i}. {_where(h)}  [{h['score']:.0f}]", f"   {h['excerpt']}"]
        if (par := h.get("parallel")) and par["found"]:
            lines.append(f"   [{par['language']}] {par['label']}: {par['text']}")
    return "\n".join(lines)


def _letter_facts(c: dict[str, Any], facts: dict[str, Any], lang: str) -> list[str]:
    """A letter's sender, signatory, dates, original language, request and annexes."""
    lines = []
    for key, value in (("sender", facts.get("sender")), ("addressee", facts.get("addressee")),
                       ("signatory", facts.get("signatory")), ("letter_date", L.date(lang, c.get("date"))),
                       ("distributed", L.date(lang, c.get("distributed"))),
                       ("original_language", L.language_name(lang, c.get("original_language")))):
        if value:
            lines.append(f"  {t(lang, key)}{L.colon(lang)}{value}")
    if facts.get("request"):
        lines.append(f"  {t(lang, 'request')}{L.colon(lang)}{facts['request']}")
    for a in facts.get("annexes", []):
        lines.append("  " + t(lang, "annex_line", annex=a["annex"], title=a["title"], paragraphs=a["paragraphs"]))
    return lines


def render_card(c: dict[str, Any], lang: str = "en") -> str:
    if not c["found"]:
        lines = [t(lang, "not_in_corpus", symbol=c["symbol"]) if c.get("symbol")
                 else t(lang, "not_in_corpus_query", query=c["query"])]
        for ref in c.get("cited_by", []):
            lines.append(f"  {t(lang, 'cited_by').lower()} {ref['symbol']} {ref['where']}")
        if c.get("suggestions"):
            lines.append(f"{t(lang, 'suggestions')}{L.colon(lang)}" + ", ".join(c["suggestions"]) + ("？" if lang == "zh" else "?"))
        if c.get("url"):
            lines.append(f"{t(lang, 'official')}{L.colon(lang)}{c['url']}")
        return "\n".join(lines)
    lines = [f"{c['symbol']} — {c['title']}"]
    if c.get("paragraph"):
        lines += _paragraph(c["symbol"], c["paragraph"], lang) + [""]
    lines.append(f"  {t(lang, 'kind').lower()}{L.colon(lang)}{L.kind(lang, c['kind']) if lang == 'zh' else c['kind']}")
    if c.get("language"):
        held = ", ".join(v["language"] for v in c.get("versions", []) if v["language"])
        missing = ", ".join(c.get("missing_languages", []))
        lines.append(f"  {t(lang, 'language').lower()}{L.colon(lang)}{c['language']} ({t(lang, 'versions_held', held=held or c['language'])}"
                     + (f"; {t(lang, 'not_held', missing=missing)})" if missing else ")"))
    for key in ("body", "session", "agenda_item", "date", "meeting", "adoption"):
        if c.get(key) and not (key == "date" and c["kind"] == "letter"):  # a letter's dates come below
            value = L.date(lang, c[key]) if key == "date" else c[key]
            lines.append(f"  {t(lang, key).lower() if lang == 'en' else t(lang, key)}{L.colon(lang)}{value}")
    if c["drafts"]:
        lines.append(f"  {t(lang, 'drafts').lower()}{L.colon(lang)}{', '.join(c['drafts'])}")
    if c["kind"] == "letter":
        lines += _letter_facts(c, c.get("facts") or {}, lang)
    lines.append(f"  {t(lang, 'counts').lower()}{L.colon(lang)}{L.counts(lang, c['counts'])}")
    if c["cites"]:
        lines.append(f"  {t(lang, 'cites').lower()}{L.colon(lang)}" + ", ".join(x["symbol"] + ("" if x["in_corpus"] else "°") for x in c["cites"]))
        lines.append(f"         {t(lang, 'not_in_corpus_mark')}")
    if c["cited_by"]:
        lines.append(f"  {t(lang, 'cited_by').lower()}{L.colon(lang)}" + ", ".join(f"{x['symbol']} {x['where']}" for x in c["cited_by"]))
    if c.get("url"):
        lines.append(f"  {t(lang, 'official').lower()}{L.colon(lang)}{c['url']}")
    return "\n".join(lines)


def _paragraph(symbol: str, p: dict[str, Any], lang: str = "en") -> list[str]:
    if not p["found"]:
        return ["  " + t(lang, "no_paragraph", label=p["label"], labels=", ".join(p["labels"][:40]))]
    lines = [f"  {p['label']}: {p['text']}"]
    steps = [t(lang, "previous_label", label=p["previous"]) if p["previous"] else "",
             t(lang, "next_label", label=p["next"]) if p["next"] else ""]
    if any(steps):
        lines.append("  (" + ", ".join(x for x in steps if x) + ")")
    if p["cited_by"]:
        lines.append(f"  {t(lang, 'cited_by').lower()}{L.colon(lang)}" + ", ".join(f"{x['symbol']} {x['where']}" for x in p["cited_by"]))
    if p.get("url"):
        lines.append(f"  {t(lang, 'link').lower()}{L.colon(lang)}{p['url']}")
    if par := p.get("parallel"):
        if par["found"]:
            lines.append(f"  [{par['language']}] {par['label']}: {par['text']}")
            if par.get("mismatch"):
                lines.append(f"  ({t(lang, 'alignment_doubtful', why=par['mismatch'])})")
        else:
            lines.append(f"  ({par.get('mismatch') or t(lang, 'no_parallel', language=par['language'])})")
    return lines


def _speaker_line(sp: dict[str, Any], lang: str) -> str:
    where = sp["country"] or sp["role"] or ""
    if lang == "zh":
        return f"{sp['name']}（{where}） {'/'.join(sp['languages'])}，{L.turns(lang, sp['turns'])}，{L.paragraphs(lang, sp['paragraphs'])}"
    return (f"{sp['name']}（{where}） {'/'.join(sp['languages'])}, {L.turns(lang, sp['turns'])}, "
            f"{L.paragraphs(lang, sp['paragraphs'])}")


def render_summary(s: dict[str, Any], lang: str = "en") -> str:
    headline = s["headline"] if lang == "zh" else s.get("headline_en") or s["headline"]
    lines = [headline, ""]
    f = s["facts"]
    if s["kind"] == "record":
        president = f"{f.get('president') or '?'}{'（' + f['presidency'] + '）' if f.get('presidency') else ''}"
        lines.append(t(lang, "opened_closed", opened=f.get("opened") or "?", closed=f.get("closed") or "?")
                     + ("；" if lang == "zh" else "; ") + f"{t(lang, 'president')} {president}")
        if f.get("briefers"):
            lines.append(f"{t(lang, 'briefers')}{L.colon(lang)}" + "、".join(f["briefers"]))
        if s.get("themes"):
            lines.append(f"{t(lang, 'themes')}{L.colon(lang)}" + L.t(lang, "list_sep").join(
                f"{th['name']} ({th['speakers']})" for th in s["themes"]))
        lines.append(f"{t(lang, 'speakers')}{L.colon(lang).strip()}")
        for sp in s["speakers"]:
            lines.append(f"  {sp['order']:>2}. {_speaker_line(sp, lang)}")
            if sp.get("key_sentence"):
                lines.append(f"      {sp['key_sentence']['label']}: {sp['key_sentence']['text']}")
        if nat := s.get("national_statement"):
            lines += ["", f"{t(lang, 'national_statement')} ({nat['capacity_text']}, {nat['labels']}):",
                      f"  {nat['key_sentence']['label']}: {nat['key_sentence']['text']}" if nat.get("key_sentence") else ""]
            lines.append("  " + t(lang, "chair_procedure", turns=L.turns(lang, nat["chair_turns"])))
        if f.get("documents_cited"):
            lines.append(f"{t(lang, 'documents_cited')}{L.colon(lang)}" + ", ".join(f["documents_cited"]))
        return "\n".join(x for x in lines if x is not None)
    if s["kind"] == "letter":
        lines += [x.strip() for x in _letter_facts(f, f, lang)] + [""]
    for p in s["points"]:
        lines.append(f"{p['label']:>12}  {p['text']}")
    if f.get("recalls"):
        lines += ["", f"{t(lang, 'recalls')}{L.colon(lang)}" + "、".join(f["recalls"])]
    items = s.get("follow_up_items") or []
    if items:
        lines += ["", f"{t(lang, 'follow_ups')}:"] + [f"  - {L.follow_up(lang, x)}" for x in items]
    return "\n".join(lines)


def _dash(attribution: str) -> str:
    return attribution if attribution.startswith("—") else f"— {attribution}"


def render_quotes(result: dict[str, Any], lang: str = "en") -> str:
    if not result["quotes"]:
        if result.get("suggestions"):
            return t(lang, "did_you_mean_who", who=result["who"], names=L.t(lang, "list_sep").join(result["suggestions"]))
        if result.get("reason") == "no_document":
            return t(lang, "no_document", symbol=result.get("symbol"))
        return t(lang, "nobody", who=result.get("who") or "")
    out = []
    if c := result.get("corrected"):
        out += [t(lang, "corrected", typed=c["typed"], name=c["name"]), ""]
    for q in result["quotes"]:
        out += [f"“{q['text']}”", f"  {_dash(q['attribution'])}", ""]
    if result.get("of", 0) > 1:
        out.append(f"({(result.get('index') or 0) + 1}/{result['of']})")
    return "\n".join(out).rstrip()


def render_speakers(result: dict[str, Any], lang: str = "en") -> str:
    if not result["speakers"]:
        return result.get("message") or t(lang, "no_speakers")
    lines = [f"{result['symbol']} ({L.date(lang, result.get('date'))}) — {result.get('title') or ''}"]
    for s in result["speakers"]:
        lines.append(f"{s['order']:>3}. {_speaker_line(s, lang)}")
    return "\n".join(lines)


def read_heading(b: dict[str, Any], lang: str) -> str:
    """A block's heading: "Turn 5 · 韦尔希宁先生（俄罗斯联邦）" or "annex II operative"."""
    if b.get("speaker") is not None or b.get("turn") is not None:
        who = b.get("speaker") or ""
        where = b["role"] if b.get("capacity") == "chair" else (b.get("country") or b.get("role") or "")
        bits = [t(lang, "read_turn", turn=b["turn"]) if b.get("turn") is not None else ""]
        if who:
            bits.append(f"{who}（{where}）" if where and where not in who else who)
        return " · ".join(x for x in bits if x) + (" …" if b.get("continued") else "")
    parts = L.section(lang, f"annex {b['annex']} {b['section']}") if b.get("annex") else L.section(lang, b.get("section") or "")
    return parts + (" …" if b.get("continued") else "")


def read_what(r: dict[str, Any], lang: str) -> str:
    if r["mode"] == "document":
        return t(lang, "read_whole")
    if r["mode"] == "statement" and r.get("speaker"):
        return t(lang, "read_statement", name=r["speaker"]["name"])
    if r.get("annex"):
        return L.section(lang, f"annex {r['annex']} {r.get('section') or ''}".strip()) if r.get("section") else \
            ("附件" + r["annex"] if lang == "zh" else f"annex {r['annex']}")
    return L.section(lang, r.get("section") or "")


def render_read(r: dict[str, Any], lang: str = "en", page: int | None = None) -> str:
    """The text read, page ``page`` (1-based) or every page."""
    if not r["found"]:
        return render_card(r, lang)
    if not r["paragraphs"]:
        lines = [t(lang, "read_nothing", symbol=r["symbol"], who=r.get("who") or "")]
        if r.get("sections"):
            lines.append(t(lang, "read_sections", sections=", ".join(r["sections"])))
        return "\n".join(lines)
    pages = r["pages"]
    chosen = range(len(pages)) if page is None else [min(max(page, 1), len(pages)) - 1]
    lines = [f"{r['symbol']} — {read_what(r, lang)}" + (f"  ({r['title']})" if r.get("title") else "")]
    if c := r.get("corrected"):
        lines.append(t(lang, "corrected", typed=c["typed"], name=c["name"]))
    for i in chosen:
        for b in pages[i]:
            lines += ["", read_heading(b, lang)]
            lines += [f"  {p['label']}  {p['text']}" for p in b["paragraphs"]]
    if page is not None and len(pages) > 1:
        n = chosen[0] + 1
        lines += ["", t(lang, "page_hint", page=n, pages=len(pages), next=n + 1 if n < len(pages) else 1)]
    if r.get("url"):
        lines.append(r["url"])
    return "\n".join(lines)


def render_digest(d: dict[str, Any], lang: str = "en") -> str:
    lines = [t(lang, "digest_title", date=L.date(lang, d["date"]))]
    if d["new_documents"]:
        lines.append(f"{t(lang, 'new_documents')}:")
        lines += [f"  {x['symbol']} ({L.kind(lang, x['kind'])}, {L.date(lang, x.get('date'))}) {x['title']}"
                  for x in d["new_documents"]]
    else:
        lines.append(t(lang, "nothing_new", since=L.date(lang, d["since"][:10])))
    if d.get("added_documents"):
        lines.append(f"{t(lang, 'added_documents')}:")
        lines += [f"  {x['symbol']} ({L.kind(lang, x['kind'])}, {L.date(lang, x.get('date'))}) {x['title']}"
                  for x in d["added_documents"][:10]]
        if len(d["added_documents"]) > 10:
            lines.append(f"  … +{len(d['added_documents']) - 10}")
    if d.get("follow_ups_due"):
        lines.append(t(lang, "follow_ups_due", sessions="–".join(str(s) for s in d["sessions"])) + ":")
        lines += [f"  {f['symbol']} {L.follow_up(lang, f)}" for f in d["follow_ups_due"]]
    tot = d["totals"]
    lines.append(f"{t(lang, 'corpus')}{L.colon(lang)}" + t(lang, "corpus_line", documents=tot["documents"], paragraphs=tot["paragraphs"],
                                                speakers=tot["speakers"]))
    for s in d["spotlight"]:
        if s["type"] == "operative":
            lines += ["", f"{t(lang, 'spotlight')} — {s['symbol']} {s['label']}:", f"  {s['text']}"]
        else:
            lines += ["", f"{t(lang, 'quote_of_day')}:", f"  “{s['text']}”", f"  {_dash(s['attribution'])}"]
    return "\n".join(lines)
