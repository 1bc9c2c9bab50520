"""Terminal renderings of answers: plain text, one answer per function."""

from __future__ import annotations

from typing import Any


def render_stats(result: dict[str, Any]) -> str:
    lines = [f"{'symbol':<24} {'kind':<11} {'paras':>5}  title"]
    for d in result["documents"]:
        lines.append(f"{d['symbol']:<24} {d['kind']:<11} {d['paragraphs']:>5}  {d['title']}")
    t = result["totals"]
    lines.append("")
    lines.append(
        f"{t['documents']} documents, {t['paragraphs']} paragraphs, {t['speakers']} speakers, "
        f"{t['turns']} turns, {t['footnotes']} footnotes, {t['citations']} citations"
        + (f"; last ingest {t['last_ingest']}" if t["last_ingest"] else "")
    )
    return "\n".join(lines)


def _where(hit: dict[str, Any]) -> str:
    bits = [hit["symbol"], hit["label"]]
    if hit.get("speaker"):
        bits.append(hit["speaker"] + (f"（{hit['country']}）" if hit.get("country") else ""))
    return " · ".join(bits)


def render_search(result: dict[str, Any]) -> str:
    if not result["results"]:
        return f"Nothing found for «{result['query']}»."
    first = result["offset"] + 1
    lines = [f"{result['total']} hits for «{result['query']}» (showing {first}–{first + len(result['results']) - 1})"]
    for i, h in enumerate(result["results"], start=first):
        lines += ["", f"{i}. {_where(h)}  [{h['score']:.0f}]", f"   {h['excerpt']}"]
    return "\n".join(lines)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {k}" for k, n in counts.items() if n)


def render_card(c: dict[str, Any]) -> str:
    if not c["found"]:
        lines = [f"«{c['query']}» is not in the corpus."]
        if c.get("symbol"):
            lines[0] = f"{c['symbol']} is not in the corpus."
        for ref in c.get("cited_by", []):
            lines.append(f"  cited by {ref['symbol']} {ref['where']}")
        if c.get("suggestions"):
            lines.append("Did you mean: " + ", ".join(c["suggestions"]) + "?")
        if c.get("url"):
            lines.append(f"Official text: {c['url']}")
        return "\n".join(lines)
    lines = [f"{c['symbol']} — {c['title']}"]
    if c.get("paragraph"):
        lines += _paragraph(c["symbol"], c["paragraph"]) + [""]
    lines.append(f"  kind: {c['kind']}")
    if c.get("language"):
        held = ", ".join(v["language"] for v in c.get("versions", []) if v["language"])
        missing = ", ".join(c.get("missing_languages", []))
        lines.append(f"  language: {c['language']} (versions held: {held or c['language']}"
                     + (f"; not held: {missing})" if missing else ")"))
    for key in ("body", "session", "agenda_item", "date", "meeting", "adoption"):
        if c.get(key):
            lines.append(f"  {key.replace('_', ' ')}: {c[key]}")
    if c["drafts"]:
        lines.append(f"  drafts: {', '.join(c['drafts'])}")
    lines.append(f"  paragraphs: {_counts(c['counts'])}")
    if c["cites"]:
        lines.append("  cites: " + ", ".join(x["symbol"] + ("" if x["in_corpus"] else "°") for x in c["cites"]))
        lines.append("         (° not in the corpus)")
    if c["cited_by"]:
        lines.append("  cited by: " + ", ".join(f"{x['symbol']} {x['where']}" for x in c["cited_by"]))
    if c.get("url"):
        lines.append(f"  official text: {c['url']}")
    return "\n".join(lines)


def _paragraph(symbol: str, p: dict[str, Any]) -> list[str]:
    if not p["found"]:
        return [f"  {symbol} has no paragraph {p['label']}; it has {', '.join(p['labels'][:40])}"]
    lines = [f"  {p['label']}: {p['text']}"]
    steps = [f"previous {p['previous']}" if p["previous"] else "", f"next {p['next']}" if p["next"] else ""]
    if any(steps):
        lines.append("  (" + ", ".join(x for x in steps if x) + ")")
    if p["cited_by"]:
        lines.append("  cited by: " + ", ".join(f"{x['symbol']} {x['where']}" for x in p["cited_by"]))
    if p.get("url"):
        lines.append(f"  link: {p['url']}")
    if par := p.get("parallel"):
        if par["found"]:
            lines.append(f"  [{par['language']}] {par['label']}: {par['text']}")
            if par.get("mismatch"):
                lines.append(f"  (alignment doubtful: {par['mismatch']})")
        else:
            lines.append(f"  ({par.get('mismatch') or 'no ' + par['language'] + ' paragraph stands here'})")
    return lines


def render_summary(s: dict[str, Any]) -> str:
    lines = [s["headline"], ""]
    if s["kind"] == "record":
        f = s["facts"]
        lines.append(f"Opened {f.get('opened') or '?'}, closed {f.get('closed') or '?'}; president "
                     f"{f.get('president') or '?'}{'（' + f['presidency'] + '）' if f.get('presidency') else ''}")
        if f.get("briefers"):
            lines.append("Briefers: " + "、".join(f["briefers"]))
        lines.append("Speakers:")
        for sp in s["speakers"]:
            lines.append(f"  {sp['order']:>2}. {sp['name']}（{sp['country'] or sp['role'] or ''}）"
                         f" {'/'.join(sp['languages'])}, {sp['turns']} turns, {sp['paragraphs']} paragraphs")
        if f.get("documents_cited"):
            lines.append("Documents cited: " + ", ".join(f["documents_cited"]))
        return "\n".join(lines)
    if s["kind"] == "letter":
        f = s["facts"]
        lines.append(f"Request: {f.get('request') or '—'}")
        for a in f.get("annexes", []):
            lines.append(f"Annex {a['annex']}: {a['title']} ({a['paragraphs']} paragraphs)")
        lines.append("")
    for p in s["points"]:
        lines.append(f"{p['label']:>12}  {p['text']}")
    if s["facts"].get("recalls"):
        lines += ["", "Recalls: " + "、".join(s["facts"]["recalls"])]
    if s["follow_ups"]:
        lines += ["", "Follow-ups:"] + [f"  - {f}" for f in s["follow_ups"]]
    return "\n".join(lines)


def render_quotes(result: dict[str, Any]) -> str:
    if not result["quotes"]:
        return result.get("message") or "No quote found."
    out = []
    for q in result["quotes"]:
        out += [f"“{q['text']}”", f"  — {q['attribution']}", ""]
    return "\n".join(out).rstrip()


def render_speakers(result: dict[str, Any]) -> str:
    if not result["speakers"]:
        return result.get("message") or "No speakers."
    lines = [f"{result['symbol']} ({result.get('date') or ''}) — {result.get('title') or ''}"]
    for s in result["speakers"]:
        lines.append(f"{s['order']:>3}. {s['name']}（{s['country'] or s['role'] or ''}）"
                     f" {'/'.join(s['languages'])}, {s['turns']} turns, {s['paragraphs']} paragraphs")
    return "\n".join(lines)


def render_digest(d: dict[str, Any]) -> str:
    lines = [f"Plenary digest for {d['date']}"]
    if d["new_documents"]:
        lines.append(f"New or changed since {d['since']}:")
        lines += [f"  {x['symbol']} ({x['kind']}, {x['paragraphs']} paragraphs) {x['title']}" for x in d["new_documents"]]
    else:
        lines.append(f"Nothing new since {d['since']}.")
    t = d["totals"]
    lines.append(f"Corpus: {t['documents']} documents, {t['paragraphs']} paragraphs, {t['speakers']} speakers.")
    for s in d["spotlight"]:
        if s["type"] == "operative":
            lines += ["", f"Spotlight — {s['symbol']} {s['label']}:", f"  {s['text']}"]
        else:
            lines += ["", "Quote of the day:", f"  “{s['text']}”", f"  — {s['attribution']}"]
    return "\n".join(lines)
