"""Answers (the dicts bot/service.py returns) → Discord embeds, within Discord's limits."""

from __future__ import annotations

from typing import Any

import discord

from bot.chat.limits import clip, fit
from bot.render.labels import t

COLOUR = discord.Colour.from_rgb(0, 158, 219)  # UN blue
POINTS_PER_PAGE = 10


def md(text: str | None) -> str:
    """Corpus text shown verbatim: no accidental markdown, no mention syntax."""
    return discord.utils.escape_mentions(discord.utils.escape_markdown(text or ""))


def md_excerpt(excerpt: str) -> str:
    """Escape an excerpt but keep the answers layer's **match** markers."""
    parts = excerpt.split("**")
    return "**".join(md(p) for p in parts)


def _embed(title: str, url: str | None = None, description: str | None = None) -> discord.Embed:
    return discord.Embed(title=clip(title, 256), url=url or None, description=description, colour=COLOUR)


def _cite(h: dict[str, Any]) -> str:
    bits = [h["symbol"], h["label"]]
    if h.get("speaker"):
        bits.append(h["speaker"] + (f"（{h['country']}）" if h.get("country") else ""))
    return " · ".join(bits)


def search_embed(result: dict[str, Any], lang: str) -> discord.Embed:
    if not result["results"]:
        return _embed(t(lang, "search_title", query=clip(result["query"], 200)),
                      description=t(lang, "no_hits", query=md(clip(result["query"], 200))))
    first = result["offset"] + 1
    e = _embed(t(lang, "search_title", query=clip(result["query"], 200)))
    lines = []
    for i, h in enumerate(result["results"], start=first):
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
        if c.get(key):
            e.add_field(name=t(lang, key), value=md(str(c[key])), inline=True)
    if c["drafts"]:
        e.add_field(name=t(lang, "drafts"), value="\n".join(c["drafts"]), inline=True)
    e.add_field(name=t(lang, "counts"), value=", ".join(f"{k} {n}" for k, n in c["counts"].items() if n), inline=False)
    if c["cites"]:
        e.add_field(name=t(lang, "cites"), value=", ".join(
            f"[{x['symbol']}]({x['url']})" if not x["in_corpus"] else f"**{x['symbol']}**" for x in c["cites"]),
            inline=False)
    if c["cited_by"]:
        e.add_field(name=t(lang, "cited_by"), value=", ".join(f"{x['symbol']} {x['where']}" for x in c["cited_by"]),
                    inline=False)
    return fit([e])[0]


def summary_pages(s: dict[str, Any], lang: str) -> list[discord.Embed]:
    """A summary as pages of embeds (one embed per page)."""
    if s.get("found") is False:
        return [card_embed(s, lang)]
    head = md(s["headline"] if lang == "zh" else s.get("headline_en") or s["headline"])
    f = s.get("facts", {})
    extra: list[tuple[str, str]] = []
    if s["kind"] == "record":
        lines = [f"`{sp['order']:>2}` {md(sp['name'])}（{md(sp['country'] or sp['role'] or '')}）"
                 f" {'/'.join(sp['languages'])} · {sp['turns']} {t(lang, 'turns')}" for sp in s["speakers"]]
        extra.append((t(lang, "opened_closed", opened=f.get("opened") or "?", closed=f.get("closed") or "?"),
                      f"{t(lang, 'president')}: {md(f.get('president') or '?')}"))
        if f.get("briefers"):
            extra.append((t(lang, "briefers"), md("、".join(f["briefers"]))))
        if f.get("documents_cited"):
            extra.append((t(lang, "cites"), ", ".join(f["documents_cited"])))
    else:
        lines = [f"**{p['label']}** {md(p['text'])}" for p in s["points"]]
        if s["kind"] == "letter" and f.get("request"):
            extra.append((t(lang, "request"), md(f["request"])))
        if s["kind"] == "letter" and f.get("annexes"):
            extra.append((t(lang, "annexes"), md("\n".join(f"{a['annex']}: {a['title']}" for a in f["annexes"]))))
        if f.get("recalls"):
            extra.append((t(lang, "recalls"), md("、".join(f["recalls"]))))
        if s.get("follow_ups"):
            extra.append((t(lang, "follow_ups"), "\n".join(s["follow_ups"])))
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
        return _embed(t(lang, "no_quote", who=clip(result.get("who") or "", 100)))
    q = result["quotes"][0]
    e = _embed(f"{q['speaker']} · {q['symbol']} {q['label']}", q.get("url"),
               f"> {md(q['text'])}\n\n— {md(q['attribution'])}")
    if result.get("of"):
        e.set_footer(text=f"{(result.get('index') or 0) + 1}/{result['of']}")
    return fit([e])[0]


def speakers_embed(result: dict[str, Any] | None, lang: str) -> discord.Embed:
    if not result or not result["speakers"]:
        return _embed(t(lang, "speakers"), description="—")
    lines = [f"`{s['order']:>2}` {md(s['name'])}（{md(s['country'] or s['role'] or '')}） {'/'.join(s['languages'])}"
             f" · {s['turns']} {t(lang, 'turns')} · {s['paragraphs']} {t(lang, 'paragraphs')}" for s in result["speakers"]]
    return fit([_embed(f"{t(lang, 'speakers')} · {result['symbol']} ({result.get('date') or ''})",
                       description="\n".join(lines))])[0]


def corpus_embed(stats: dict[str, Any], lang: str) -> discord.Embed:
    tot = stats["totals"]
    e = _embed(t(lang, "corpus"), description="\n".join(
        f"**{md(d['symbol'])}** · {d['kind']} · {d['paragraphs']} {t(lang, 'paragraphs')} · {md(d['title'])}"
        for d in stats["documents"][:40]))
    e.add_field(name=t(lang, "documents"), value=str(tot["documents"]))
    e.add_field(name=t(lang, "paragraphs"), value=str(tot["paragraphs"]))
    e.add_field(name=t(lang, "speakers"), value=str(tot["speakers"]))
    e.add_field(name=t(lang, "kind"), value=", ".join(f"{k} {n}" for k, n in tot["kinds"].items()) or "—")
    if tot.get("last_ingest"):
        e.add_field(name=t(lang, "last_ingest"), value=tot["last_ingest"])
    return fit([e])[0]


def digest_embeds(d: dict[str, Any], lang: str) -> list[discord.Embed]:
    e = _embed(t(lang, "digest_title", date=d["date"]))
    if d["new_documents"]:
        e.add_field(name=t(lang, "new_documents"), value="\n".join(
            f"**{md(x['symbol'])}** · {x['kind']} · {x['paragraphs']} · {md(x['title'])}" for x in d["new_documents"]),
            inline=False)
    else:
        e.description = t(lang, "nothing_new", since=d["since"])
    tot = d["totals"]
    e.add_field(name=t(lang, "corpus"), value=f"{tot['documents']} · {tot['paragraphs']} {t(lang, 'paragraphs')}"
                f" · {tot['speakers']} {t(lang, 'speakers')}", inline=False)
    for s in d["spotlight"]:
        if s["type"] == "operative":
            e.add_field(name=f"{t(lang, 'spotlight')} · {s['symbol']} {s['label']}", value=md(s["text"]), inline=False)
        else:
            e.add_field(name=t(lang, "quote_of_day"), value=f"> {md(s['text'])}\n— {md(s['attribution'])}", inline=False)
    return fit([e])
