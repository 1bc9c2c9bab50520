"""Answers (the dicts bot/service.py returns) → Discord embeds, within Discord's limits."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import discord

from bot.chat.limits import clip, fit
from bot.render import labels as L
from bot.render.labels import hint_lines, t
from bot.render.text import read_heading, read_what

COLOUR = discord.Colour.from_rgb(0, 158, 219)  # UN blue
POINTS_PER_PAGE = 10


def md(text: str | None) -> str:
    """Corpus text shown verbatim: no accidental markdown, no mention syntax."""
    return discord.utils.escape_mentions(discord.utils.escape_markdown(text or ""))


def md_excerpt(excerpt: str) -> str:
    """Escape an excerpt but keep the answers layer's **match** markers."""
    parts = excerpt.split("**")
    return "**".join(md(p) for p in parts)


def stamp(iso: str | None, style: str = "f") -> str:
    """An ISO date-time as a Discord timestamp (<t:1700000000:f>), shown in the reader's own
    time zone and language; anything unparsable as it is."""
    if not iso:
        return ""
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return f"<t:{int(when.timestamp())}:{style}>"


def _embed(title: str, url: str | None = None, description: str | None = None) -> discord.Embed:
    return discord.Embed(title=clip(title, 256), url=url or None, description=description, colour=COLOUR)


def _cite(h: dict[str, Any]) -> str:
    bits = [h["symbol"], h["label"]]
    if h.get("speaker"):
        bits.append(h["speaker"] + (f"（{h['country']}）" if h.get("country") else ""))
    return " · ".join(bits)


def search_embed(result: dict[str, Any], lang: str) -> discord.Embed:
    if not result["results"]:
        why = "\n".join(md(x) for x in hint_lines(result.get("hint"), lang))
        return _embed(t(lang, "search_title", query=clip(result["query"], 200)),
                      description=t(lang, "no_hits", query=md(clip(result["query"], 200))) + (f"\n{why}" if why else ""))
    first = result["offset"] + 1
    e = _embed(t(lang, "search_title", query=clip(result["query"], 200)))
    lines = []
    for i, h in enumerate(result["results"], start=first):
        par = h.get("parallel")
        if par and par["found"]:
            # The language button's view: the hit's paragraph in the other version.
            other = "" if par["label"] == h["label"] else f" {md(par['label'])}"
            link = f"[{md(_cite(h))} · {par['language']}{other}]({par['url']})"
            lines.append(f"**{i}.** {link}\n> {md(clip(par['text'], 700))}")
            continue
        link = f"[{md(_cite(h))}]({h['url']})" if h.get("url") else md(_cite(h))
        lines.append(f"**{i}.** {link}\n> {clip(md_excerpt(h['excerpt']), 700)}")
    e.description = "\n\n".join(lines)
    e.set_footer(text=t(lang, "hits", total=result["total"], first=first, last=first + len(result["results"]) - 1))
    return fit([e])[0]


def _paragraph_text(p: dict[str, Any] | None, lang: str) -> str | None:
    """A referenced paragraph, its neighbours and its parallel, as an embed description."""
    if not p:
        return None
    if not p["found"]:
        return t(lang, "no_paragraph", label=md(p["label"]), labels=md(", ".join(p["labels"][:30])))
    lines = [f"**{md(p['label'])}** {md(clip(p['text'], 1800))}"]
    steps = " · ".join(x for x in (f"← {p['previous']}" if p["previous"] else "", f"{p['next']} →" if p["next"] else "") if x)
    if steps:
        lines.append(steps)
    if p["cited_by"]:
        lines.append(f"{t(lang, 'cited_by')}: " + ", ".join(f"{x['symbol']} {x['where']}" for x in p["cited_by"]))
    par = p.get("parallel")
    if par and par["found"]:
        lines.append(f"\n[{par['language']}] **{md(par['label'])}** {md(clip(par['text'], 1500))}")
    return "\n".join(lines)


def card_embed(c: dict[str, Any], lang: str) -> discord.Embed:
    if not c["found"]:
        title = t(lang, "not_in_corpus", symbol=c["symbol"]) if c.get("symbol") else \
            t(lang, "not_in_corpus_query", query=clip(c["query"], 150))
        e = _embed(title, c.get("url"))
        if c.get("cited_by"):
            e.add_field(name=t(lang, "cited_by"), value="\n".join(f"{x['symbol']} {x['where']}" for x in c["cited_by"]),
                        inline=False)
        if c.get("suggestions"):
            e.add_field(name=t(lang, "suggestions"), value="\n".join(c["suggestions"]), inline=False)
        if c.get("url"):
            e.add_field(name=t(lang, "official"), value=c["url"], inline=False)
        return fit([e])[0]
    e = _embed(f"{c['symbol']} · {c['title']}", c.get("url"), _paragraph_text(c.get("paragraph"), lang))
    for key in ("kind", "body", "session", "agenda_item", "date", "meeting", "adoption"):
        if c.get(key) and not (key == "date" and c["kind"] == "letter"):  # a letter's dates come below
            value = L.kind(lang, c[key]) if key == "kind" else L.date(lang, c[key]) if key == "date" else str(c[key])
            e.add_field(name=t(lang, key), value=md(value), inline=True)
    if c["drafts"]:
        e.add_field(name=t(lang, "drafts"), value="\n".join(c["drafts"]), inline=True)
    if c["kind"] == "letter":
        for name, value in _letter_fields(c, c.get("facts") or {}, lang):
            e.add_field(name=name, value=value, inline=name not in (t(lang, "request"), t(lang, "annexes")))
    e.add_field(name=t(lang, "counts"), value=L.counts(lang, c["counts"]) or "—", inline=False)
    if c["cites"]:
        e.add_field(name=t(lang, "cites"), value=", ".join(
            f"[{x['symbol']}]({x['url']})" if not x["in_corpus"] else f"**{x['symbol']}**" for x in c["cites"]),
            inline=False)
    if c["cited_by"]:
        e.add_field(name=t(lang, "cited_by"), value=", ".join(f"{x['symbol']} {x['where']}" for x in c["cited_by"]),
                    inline=False)
    return fit([e])[0]


def _letter_fields(c: dict[str, Any], f: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """A letter's sender, signatory, dates, original language, request and annexes."""
    out = []
    for key, value in (("sender", f.get("sender")), ("signatory", f.get("signatory")),
                       ("letter_date", L.date(lang, c.get("date"))), ("distributed", L.date(lang, c.get("distributed"))),
                       ("original_language", L.language_name(lang, c.get("original_language")))):
        if value:
            out.append((t(lang, key), md(value)))
    if f.get("request"):
        out.append((t(lang, "request"), md(f["request"])))
    if f.get("annexes"):
        out.append((t(lang, "annexes"), md("\n".join(
            t(lang, "annex_line", annex=a["annex"], title=a["title"], paragraphs=a["paragraphs"]) for a in f["annexes"]))))
    return out


def summary_pages(s: dict[str, Any], lang: str) -> list[discord.Embed]:
    """A summary as pages of embeds (one embed per page)."""
    if s.get("found") is False:
        return [card_embed(s, lang)]
    head = md(s["headline"] if lang == "zh" else s.get("headline_en") or s["headline"])
    f = s.get("facts", {})
    extra: list[tuple[str, str]] = []
    if s["kind"] == "record":
        lines = []
        for sp in s["speakers"]:
            line = (f"`{sp['order']:>2}` **{md(sp['name'])}**（{md(sp['country'] or sp['role'] or '')}）"
                    f" {'/'.join(sp['languages'])} · {L.turns(lang, sp['turns'])}")
            if sp.get("key_sentence"):
                line += f"\n> {md(sp['key_sentence']['text'])} ({sp['key_sentence']['label']})"
            lines.append(line)
        extra.append((t(lang, "opened_closed", opened=f.get("opened") or "?", closed=f.get("closed") or "?"),
                      f"{t(lang, 'president')}: {md(f.get('president') or '?')}"
                      + (f"（{md(f['presidency'])}）" if f.get("presidency") else "")))
        if s.get("themes"):
            extra.append((t(lang, "themes"), md(t(lang, "list_sep").join(f"{x['name']} ({x['speakers']})"
                                                                         for x in s["themes"]))))
        if nat := s.get("national_statement"):
            said = f"> {md(nat['key_sentence']['text'])} ({nat['key_sentence']['label']})\n" if nat.get("key_sentence") else ""
            extra.append((f"{t(lang, 'national_statement')} · {md(nat['capacity_text'])} · {nat['labels']}",
                          said + t(lang, "chair_procedure", turns=L.turns(lang, nat["chair_turns"]))))
        if f.get("briefers"):
            extra.append((t(lang, "briefers"), md("、".join(f["briefers"]))))
        if f.get("documents_cited"):
            extra.append((t(lang, "cites"), ", ".join(f["documents_cited"])))
    else:
        lines = [f"**{p['label']}** {md(p['text'])}" for p in s["points"]]
        if s["kind"] == "letter":
            extra += _letter_fields(f, f, lang)
        if f.get("recalls"):
            extra.append((t(lang, "recalls"), md("、".join(f["recalls"]))))
        if s.get("follow_up_items"):
            extra.append((t(lang, "follow_ups"), "\n".join(md(L.follow_up(lang, x)) for x in s["follow_up_items"])))
    chunks = [lines[i : i + POINTS_PER_PAGE] for i in range(0, len(lines), POINTS_PER_PAGE)] or [[]]
    pages = []
    for n, chunk in enumerate(chunks, start=1):
        e = _embed(f"{s['symbol']} · {s['title']}", s.get("url"), head + "\n\n" + "\n".join(chunk))
        if n == 1:
            for name, value in extra:
                e.add_field(name=name, value=value, inline=False)
        if len(chunks) > 1:
            e.set_footer(text=t(lang, "page", page=n, pages=len(chunks)))
        pages.append(fit([e])[0])
    return pages


def quote_embed(result: dict[str, Any], lang: str) -> discord.Embed:
    if not result["quotes"]:
        who = md(clip(result.get("who") or "", 100))
        if result.get("suggestions"):
            return _embed(t(lang, "did_you_mean_who", who=who, names="、".join(result["suggestions"])
                            if lang == "zh" else ", ".join(result["suggestions"])))
        if result.get("reason") == "no_document":
            return _embed(t(lang, "no_document", symbol=clip(result.get("symbol") or "", 100)))
        return _embed(t(lang, "no_quote", who=who))
    q = result["quotes"][0]
    attribution = q["attribution"] if q["attribution"].startswith("—") else f"— {q['attribution']}"
    note = f"*{md(t(lang, 'corrected', typed=result['corrected']['typed'], name=result['corrected']['name']))}*\n\n" \
        if result.get("corrected") else ""
    e = _embed(f"{q['speaker']} · {q['symbol']} {q['label']}", q.get("url"),
               f"{note}> {md(q['text'])}\n\n{md(attribution)}")
    if result.get("of"):
        e.set_footer(text=f"{(result.get('index') or 0) + 1}/{result['of']}")
    return fit([e])[0]


def read_pages(r: dict[str, Any], lang: str) -> list[discord.Embed]:
    """What /read answers, a page an embed (the pages bot/answers/read.py cut)."""
    if not r["found"]:
        return [card_embed(r, lang)]
    title = t(lang, "read_title", symbol=r["symbol"], what=read_what(r, lang))
    if not r["paragraphs"]:
        text = t(lang, "read_nothing", symbol=r["symbol"], who=md(clip(r.get("who") or "", 100)))
        if r.get("sections"):
            text += "\n" + t(lang, "read_sections", sections=", ".join(L.section(lang, x) for x in r["sections"]))
        return [_embed(title, r.get("url"), text)]
    out = []
    note = f"*{md(t(lang, 'corrected', typed=r['corrected']['typed'], name=r['corrected']['name']))}*\n" \
        if r.get("corrected") else ""
    for n, page in enumerate(r["pages"], start=1):
        parts = [note] if n == 1 and note else []
        for b in page:
            parts.append(f"__{md(read_heading(b, lang))}__")
            parts += [f"**{md(p['label'])}** {md(p['text'])}" for p in b["paragraphs"]]
        e = _embed(title, r.get("url"), "\n".join(parts))
        if len(r["pages"]) > 1:
            e.set_footer(text=t(lang, "page", page=n, pages=len(r["pages"])))
        out.append(fit([e])[0])
    return out


def speakers_embed(result: dict[str, Any] | None, lang: str) -> discord.Embed:
    if not result or not result["speakers"]:
        return _embed(t(lang, "speakers"), description="—")
    lines = [f"`{s['order']:>2}` {md(s['name'])}（{md(s['country'] or s['role'] or '')}） {'/'.join(s['languages'])}"
             f" · {L.turns(lang, s['turns'])} · {L.paragraphs(lang, s['paragraphs'])}" for s in result["speakers"]]
    return fit([_embed(f"{t(lang, 'speakers')} · {result['symbol']} ({L.date(lang, result.get('date'))})",
                       description="\n".join(lines))])[0]


def corpus_embed(stats: dict[str, Any], lang: str) -> discord.Embed:
    tot = stats["totals"]
    e = _embed(t(lang, "corpus"), description="\n".join(
        f"**{md(d['symbol'])}** · {L.kind(lang, d['kind'])} · {L.paragraphs(lang, d['paragraphs'])} · {md(d['title'])}"
        for d in stats["documents"][:40]))
    e.add_field(name=t(lang, "documents"), value=str(tot["documents"]))
    e.add_field(name=t(lang, "paragraphs"), value=str(tot["paragraphs"]))
    e.add_field(name=t(lang, "speakers"), value=str(tot["speakers"]))
    e.add_field(name=t(lang, "kind"), value=t(lang, "list_sep").join(
        f"{L.kind(lang, k)} {n}" for k, n in tot["kinds"].items()) or "—")
    if tot.get("last_ingest"):
        e.add_field(name=t(lang, "last_ingest"), value=stamp(tot["last_ingest"]))
    return fit([e])[0]


def _doc_line(x: dict[str, Any], lang: str) -> str:
    return f"**{md(x['symbol'])}** · {L.kind(lang, x['kind'])} · {L.date(lang, x.get('date'))} · {md(x['title'])}"


def digest_embeds(d: dict[str, Any], lang: str) -> list[discord.Embed]:
    e = _embed(t(lang, "digest_title", date=L.date(lang, d["date"])))
    if d["new_documents"]:
        e.add_field(name=t(lang, "new_documents"), value="\n".join(_doc_line(x, lang) for x in d["new_documents"]),
                    inline=False)
    else:
        e.description = t(lang, "nothing_new", since=stamp(d["since"], "D"))
    if d.get("added_documents"):
        shown = d["added_documents"][:10]
        more = len(d["added_documents"]) - len(shown)
        e.add_field(name=t(lang, "added_documents"), value="\n".join(_doc_line(x, lang) for x in shown)
                    + (f"\n… +{more}" if more > 0 else ""), inline=False)
    if d.get("follow_ups_due"):
        e.add_field(name=t(lang, "follow_ups_due", sessions="–".join(str(x) for x in d["sessions"])),
                    value="\n".join(f"**{md(f['symbol'])}** {md(L.follow_up(lang, f))}" for f in d["follow_ups_due"]),
                    inline=False)
    tot = d["totals"]
    e.add_field(name=t(lang, "corpus"), value=t(lang, "corpus_line", documents=tot["documents"],
                                                 paragraphs=tot["paragraphs"], speakers=tot["speakers"]), inline=False)
    for s in d["spotlight"]:
        if s["type"] == "operative":
            e.add_field(name=f"{t(lang, 'spotlight')} · {s['symbol']} {s['label']}", value=md(s["text"]), inline=False)
        else:
            attribution = s["attribution"] if s["attribution"].startswith("—") else f"— {s['attribution']}"
            e.add_field(name=t(lang, "quote_of_day"), value=f"> {md(s['text'])}\n{md(attribution)}", inline=False)
    return fit([e])
