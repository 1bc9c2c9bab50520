"""Verbatim records of meetings (S/PV.…, A/…/PV.…): who said what, in which language and capacity.

Grammar:
  front matter  optional first page (body, 第七十九年 / 第七十五届会议, 第9998次(全体)会议, date and
                place, 主席：…（country）, 成员：…, 议程 + agenda), then "上午11时05分开会。"
  procedure     通过议程 / 议程通过。 / 议程项目… / agenda titles, before the first speaker;
                votes (进行了记录表决。 赞成：…) wherever they fall
  turns         a label opens each: NAME[HONORIFIC] or ROLE, then optional （country）
                and a language tag (（以俄语发言）, （译自俄文）; no tag: Chinese), then "："; paragraphs
                follow until the next label. A tag alone switches the language mid-statement.
                "我现在以…的身份发言。" … "我现在恢复行使安理会主席的职能。" brackets the
                President speaking for their own country.
  close         "下午1时15分散会。" / "会议于下午1时05分结束。"

What each of these looks like in print is a table (bot/parse/cues_record.py), so scanned labels
("主 席："), old tag forms and other clock phrasings are rows, not special cases. The grammar reads
Simplified text: bot.parse hands it a Simplified copy of a record published in Traditional script
and puts the published characters back afterwards.

English records are read by the same grammar from the English table: "The President (spoke in
French):", "Mr. Zas (Collective Security Treaty Organization) (spoke in Russian):", "The meeting
was called to order at 10.05 a.m.", "I shall now make a statement in my capacity as the
representative of France" … "I now resume my functions as President of the Council", rule 37 and
39 invitations as procedure. A table is tried where its hints are (grammars_for), and a record is
read with the first whose labels it has.

Turns are found from the label pattern, not only from line starts: a record converted to one
line (or a few huge lines) is split where a label, a clock line or a language tag follows the
end of a sentence (。！？”) — never inside a sentence, so "…主席：" quoted mid-sentence stays text.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from bot.language import detect as detect_language
from bot.model import Document, Paragraph, ParseError, Speaker, Turn
from bot.parse.cues_record import (
    TABLES,
    ZH,
    RecordGrammar,
    grammar,
    number_value,
    spaced,
    squeeze,
    table_looks_at,
)
from bot.parse.layout import (
    Block,
    Line,
    apply_heads,
    clean_lines,
    display_width,
    is_wrapped,
    paragraphs,
)
from bot.symbols import find_symbols, symbol_kind
from bot.text import strip_markdown

_G = grammar(ZH)
# What other modules read (bot.parse fills an unnamed chair's honorific from HONORIFICS).
HONORIFICS = ZH.honorifics
HEADER = _G.header
HEADER_START = _G.header_start


def country_of_capacity(capacity: str, g: RecordGrammar = _G) -> str:
    """俄罗斯联邦副外长 → 俄罗斯联邦; 法国代表 → 法国; representative of France → France."""
    return g.without_titles(capacity, g.capacity_titles)


def grammars_for(text: str) -> Iterator[RecordGrammar]:
    """The record grammars worth trying on ``text``, in order: Chinese always, another language
    where its hint ("(spoke in Russian)", "The President:") is in the first pages."""
    # The hints are read off the tables before compiling them: a worker process that only
    # meets Chinese never compiles the alphabetic tables (0.17 s for all four).
    return (grammar(c) for c in TABLES if table_looks_at(c, text))


def grammar_for(text: str) -> RecordGrammar:
    """The grammar a record is read with: the one whose labels it has, else its language's."""
    candidates = list(grammars_for(text))
    if len(candidates) > 1:
        if found := next((g for g in candidates if looks_like(text, g)), None):
            return found
        lang = detect_language(text)
        return next((g for g in candidates if lang and g.cues.language == lang.code), candidates[0])
    return candidates[0]


# -- detection --------------------------------------------------------------------------

_LINE_BREAK = re.compile(r"[\n\f]")  # a line ends at a newline or where a page ends


def looks_like(text: str, g: RecordGrammar | None = None) -> bool:
    """Is this a verbatim record? Two speaker labels near the top, or one (or one cut by a
    wrap) and a clock line. Labels count at a line's start or after a sentence's end, so a
    record run together on one line is known too. Without a grammar, in any language."""
    if g is None:
        return any(looks_like(text, gr) for gr in grammars_for(text))
    # The head is read as far as needed: a record tells itself in its first few dozen lines.
    head: list[str] = []
    labels = cut = 0
    for raw in _LINE_BREAK.split(text, 400)[:400]:
        if not (k := strip_markdown(raw).strip()):
            continue
        head.append(k)
        if g.label_at(k):
            labels += 1
        elif g.header_start.match(k):
            cut += 1
        if g.may_split(k):
            labels += sum(1 for m in g.sentence_end.finditer(k) if g.label.match(k, m.end()))
        if labels >= 2:
            return True
    if max(labels, cut) < 1:
        # A wrap may have cut the only label inside its name ("…拉米雷斯先" / "生（墨西哥）：").
        # Costly over every line, and useless without a clock line: that is looked for first.
        if not _clock_line(text, g):
            return False
        cut = sum(1 for k in range(len(head) - 1) if not g.sentence_end.search(head[k][-1:])
                  and any(g.header.match(g.join_lines(head[k : k + n])) for n in range(2, g.cues.label_lines + 1)))
        return cut >= 1
    return _clock_line(text, g)


def _clock_line(text: str, g: RecordGrammar) -> bool:
    """Does the text open or close a meeting anywhere ("上午11时05分开会。", "The meeting rose at …")?"""
    if g.clock_hint not in text:
        return False
    raws = text.splitlines()
    for k, raw in enumerate(raws):
        if g.clock_hint in raw:
            line = strip_markdown(raw).strip()
            if _has_clock(line, g):
                return True
            # A Latin clock line the column wrapped: "The meeting was called" / "to order at 10 a.m."
            if g.cues.joiner and k + 1 < len(raws) and _has_clock(g.join(line, strip_markdown(raws[k + 1]).strip()), g):
                return True
    return False


def _has_clock(k: str, g: RecordGrammar) -> bool:
    """A clock line, alone or where running text starts a sentence (or a scan put a space)."""
    if g.clock(k) or g.clock_at(k, 0):
        return True
    return any(g.clock_at(k, m.end()) for rx in (g.sentence_end, g.whitespace) for m in rx.finditer(k))


# -- segments: a paragraph as laid out, or the part of one that running text was split into --

_CLOSES = set("。！？；：…”’」』）)!?;:，,、")  # a line ending so ends its text, not a wrap
_LATIN_END = re.compile(r"[A-Za-z0-9]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9]")


@dataclass(slots=True)
class _Seg:
    text: str
    line: int
    lines: list[Line]
    starts: list[tuple[int, int]] | None = None  # (offset in text, source line) of each line
    whole: bool = True  # not split out of running text

    def _line_starts(self) -> list[tuple[int, int]]:
        starts, pos, prev = [], 0, ""
        for ln in self.lines:
            part = ln.text.strip()
            if not part:
                continue
            if prev and _LATIN_END.search(prev) and _LATIN_START.search(part):
                pos += 1
            starts.append((pos, ln.no))
            pos += len(part)
            prev = part
        return starts or [(0, self.line)]

    def split(self, at: int) -> tuple[_Seg, _Seg]:
        if self.starts is None:
            self.starts = self._line_starts()
        head, tail = self.text[:at], self.text[at:]
        lead = len(tail) - len(tail.lstrip())
        tail = tail.strip()
        offset = at + lead
        line = next((no for pos, no in reversed(self.starts) if pos <= offset), self.line)
        rest = [(pos - offset, no) for pos, no in self.starts if pos > offset]
        lines = [ln for ln in self.lines if ln.no >= line] or self.lines[-1:]
        head = head.rstrip()
        return (
            _Seg(head, self.line, self.lines, self.starts, False),
            _Seg(tail, line, lines, [(0, line)] + rest, False),
        )


def _mend_headers(blocks: list[Block], g: RecordGrammar, column: Callable[[], tuple[float, int]]) -> list[Block]:
    """Rejoin a label the layout cut in two: a wrap just after a closing bracket ("…（阿尔巴尼亚）" /
    "（以俄语发言）" / "：…"), or inside the name, where the rest of the line looked like a label of
    its own ("德拉富恩特·拉米雷" / "斯先生（墨西哥）：…")."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if prev and g.header_start.match(prev.text) and not g.header.match(prev.text):
            joined = g.join(prev.text, b.text)
            if g.header.match(joined) or g.unfinished.match(joined):
                out[-1] = Block(joined, prev.line, prev.lines + b.lines)
                continue
        if prev and (cut := _cut_name(prev, b, g, column)) is not None:
            last = prev.lines[-1]
            b = Block(g.join(prev.text[cut:], b.text), last.no, [last, *b.lines])
            if cut:
                out[-1] = Block(prev.text[:cut].rstrip(), prev.line, prev.lines)
            else:
                out.pop()
        out.append(b)
    return out


def _cut_name(prev: Block, b: Block, g: RecordGrammar, column: Callable[[], tuple[float, int]]) -> int | None:
    """Where in ``prev`` the label that ``b`` ends begins, when a wrap cut its name: the line
    before ``b``, as wide as the column (in print or in characters), runs on into it."""
    last = prev.lines[-1].text
    if not last or last[-1] in _CLOSES or b.lines[0].no != prev.lines[-1].no + 1 or not g.header.match(b.text):
        return None
    if display_width(last) < column()[0] - 2.5 and len(last) < column()[1] - 1:
        return None
    cut = max((m.end() for m in g.sentence_end.finditer(prev.text)), default=0)
    fragment = prev.text[cut:]
    if fragment and g.header.match(g.join(fragment, b.text)) and len(fragment) <= len(last):
        return cut
    return None


# -- the parser -------------------------------------------------------------------------


class _Reader:
    def __init__(self, g: RecordGrammar) -> None:
        self.g = g
        self.doc = Document(kind="record")
        self.speakers: dict[str, int] = {}
        self.turn: int | None = None
        self.language = g.cues.language
        self.capacity: str | None = None
        self.agenda_open = False
        self.vote_list = False  # the paragraph after "赞成：" lists countries
        self.boundary: re.Pattern[str] | None = None  # known agenda titles, to split running text at

    # -- where running text splits ------------------------------------------------------

    def _chair_speaking(self, s: _Seg) -> bool:
        if m := self.g.header.match(s.text):
            return self.g.capacity_of_role(m.group("role") and self.g.role_name(m.group("role"))) == "chair"
        if self.turn is None:
            return False
        return self.g.capacity_of_role(self.doc.speakers[self.doc.turns[self.turn].speaker].role) == "chair"

    def _lead_cue_end(self, text: str) -> int | None:
        """End of a procedural cue (clock, tag, agenda note or title) the segment opens with."""
        m = self.g.lead_cue.match(text)  # clock_at(text, 0), language_tag, agenda_note_at, procedure_at
        if not m and self.turn is None and self.boundary:
            m = self.boundary.match(text)
        if m and text[m.end():].strip():
            return m.end()
        return None

    def split_point(self, s: _Seg, front: bool = False) -> int | None:
        """Where the segment's first paragraph ends, when running text holds more than one."""
        g, text = self.g, s.text
        if not g.may_split(text) and not (self.boundary and self.turn is None):
            return None
        if not front and (end := self._lead_cue_end(text)):
            return end
        chair: bool | None = None
        found: int | None = None
        for m in g.sentence_end.finditer(text):
            p = m.end()
            if p >= len(text):
                break
            if front:
                if g.clock_at(text, p):
                    found = p
                    break
                continue
            if g.cue_at.match(text, p) or (self.turn is None and self.boundary and self.boundary.match(text, p)):
                found = p
                break
            if chair is None:
                chair = self._chair_speaking(s)
            if chair and g.chair_cue_at.match(text, p):
                found = p
                break
        if front or self.turn is None:
            # Before the first speaker, a scanned page runs its headings together with spaces.
            for m in g.whitespace.finditer(text, 0, found or len(text)):
                p = m.end()
                if 0 < p < len(text) and (g.clock_at(text, p) or (not front and (
                        g.agenda_note_at.match(text, p) or (self.boundary and self.boundary.match(text, p))))):
                    return p
        return found

    # -- front matter -------------------------------------------------------------------

    def front_matter(self, segs: list[_Seg]) -> None:
        g, doc = self.g, self.doc
        in_agenda = in_members = False
        lines = [(ln.text, k) for k, s in enumerate(segs) if s.whole for ln in s.lines]
        agenda_block = None  # the block the last agenda item was read from
        for t, block in lines:
            if g.front_end.match(t):
                break  # the first page's closing note on translation and corrections
            if (syms := [x for x in find_symbols(t) if symbol_kind(x.symbol) == "record"]) and len(
                    squeeze(t.replace(syms[0].raw, ""))) <= 6:
                doc.symbol = doc.symbol or syms[0].symbol
            elif m := g.front_meeting.fullmatch(t.strip()):
                self._meeting(m)
            elif m := g.front_session.fullmatch(t.strip()):
                doc.session = g.ordinal(m.group("n"))
            elif g.front_held.match(t):
                doc.date = g.date(t)
                doc.facts["held"] = t
            elif m := g.front_president.match(t):
                self._president(t, m)
            elif (body := g.body_of(t)) and squeeze(t) == body:
                doc.body = body
            elif g.front_agenda.match(t.strip()):
                in_agenda, in_members = True, False
            elif in_agenda:
                items = doc.facts.setdefault("agenda", [])
                if block == agenda_block and g.continues(items[-1], t):
                    items[-1] = g.join(items[-1], t)  # an English title the column wrapped
                else:
                    items.append(t)
                agenda_block = block
            elif (m := g.front_member.match(t)) and (in_members or m.group("first")):
                in_members = True
                doc.facts.setdefault("members", {})[squeeze(t[m.start("country"):m.end("country")])] = squeeze(
                    t[m.start("name"):m.end("name")])
            elif m := g.acting_chair(t):
                self._acting(t, m)
            elif g.front_skip.match(t) or g.places.match(t):
                continue
            elif g.title_chars.search(t):
                doc.facts.setdefault("front_titles", []).append(t)
        # Printed as a sentence, so a wrap may cut it: read it from whole paragraphs.
        if "acting_president" not in doc.facts and (
                m := next((m for s in segs if s.whole and (m := g.acting_chair(s.text))), None)):
            self._acting(m.string, m)
        running = [s for s in segs if not s.whole]
        if running:
            self._running_front(" ".join(s.text for s in running))

    def _running_front(self, t: str) -> None:
        """The first page run together on one line (a scan): the same facts, found by search."""
        g, doc = self.g, self.doc
        if m := g.front_end.search(t):
            t = t[: m.start()]
        if not doc.symbol:
            doc.symbol = next((x.symbol for x in find_symbols(t) if symbol_kind(x.symbol) == "record"), None)
        if not doc.body:
            doc.body = g.body_of(t)
        if doc.session is None and (m := g.front_session.search(t)):
            doc.session = g.ordinal(m.group("n"))
        if not doc.meeting and (m := g.front_meeting.search(t)):
            self._meeting(m)
        if not doc.date and (m := g.front_held.search(t)):
            doc.date = g.date(t[m.start():m.end()])
            doc.facts["held"] = squeeze(t[m.start():m.end()])
        if "president" not in doc.facts and (m := g.front_president.search(t)):
            self._president(t, m)
        if "acting_president" not in doc.facts and (m := g.acting_chair(t)):
            self._acting(t, m)
        if "agenda" not in doc.facts and (m := g.front_agenda_at.search(t)):
            rest = t[m.end():].strip()
            numbered = re.split(r"(?:^|\s)\d{1,2}\s*[.．]\s*", rest)
            items = numbered[1:] if len(numbered) > 1 else rest.split()
            items = [squeeze(i).rstrip("。.") for i in items if squeeze(i)]
            if items:
                doc.facts["agenda"] = items

    def _meeting(self, m: re.Match[str]) -> None:
        n = number_value(m.group("n"))
        self.doc.meeting = self.g.meeting_name(n, bool(m.group("plenary")))
        self.doc.facts["meeting_number"] = n

    def _president(self, t: str, m: re.Match[str]) -> None:
        self.doc.facts["president"] = squeeze(t[m.start("name"):m.end("name")])
        if m.group("country"):
            self.doc.facts["presidency"] = squeeze(t[m.start("country"):m.end("country")])

    def _acting(self, t: str, m: re.Match[str]) -> None:
        self.doc.facts["acting_president"] = squeeze(t[m.start("name"):m.end("name")])
        if m.group("country"):
            self.doc.facts["acting_presidency"] = squeeze(t[m.start("country"):m.end("country")])

    def set_boundary(self) -> None:
        titles = [squeeze(a) for a in self.doc.facts.get("agenda", []) if len(squeeze(a)) >= 4]
        if titles:
            self.boundary = re.compile(spaced("|".join(re.escape(x) for x in sorted(titles, key=len, reverse=True))))

    # -- the meeting ----------------------------------------------------------------------

    def take(self, s: _Seg) -> None:
        g, doc, t = self.g, self.doc, s.text
        if not t:
            return
        if g.front_notes and g.front_notes.match(t):
            # The first page's note on translation and corrections, where a PDF put it.
            doc.facts.setdefault("front_notes", []).append(t)
            return
        label = f"¶{len(doc.paragraphs) + 1}"
        if self.turn is not None and not self.vote_list and not g.any_cue.match(t):
            self._statement(Paragraph("statement", label, t, s.line, turn=self.turn))
            return
        if m := g.header.match(t):
            self.vote_list = False
            self._turn(s, m)
            if rest := t[m.end():].strip():
                if g.cues.label_rest_procedure and g.procedure.match(rest):
                    doc.paragraphs.append(Paragraph("procedure", label, rest, s.line, turn=self.turn, note="procedure"))
                else:
                    self._statement(Paragraph("statement", label, rest, s.line, turn=self.turn))
            return
        para = Paragraph("procedure", label, t, s.line, turn=self.turn)
        if m := g.clock(t):
            event, time = g.clock_event(m), g.clock_time(m)
            para.note = event if event in ("opened", "closed") else "procedure"
            if event == "opened":
                doc.facts.setdefault(event, time)
            else:
                doc.facts[event] = time
        elif g.agenda_notes.match(t):
            para.note, self.agenda_open = "agenda", True
            if m := g.agenda_item.match(t):
                item = re.sub(r"\s", "", m.group("item")).replace("（", "(").replace("）", ")")
                doc.agenda_item = doc.agenda_item or item
        elif m := g.language_switch.match(t):
            para.note = "language"
            self.language = para.language = self._language(m)
        elif g.procedure.match(t) or self.vote_list:
            para.note = "procedure"
            self.vote_list = bool(g.vote_head.match(t))
            if v := g.vote_count.search(t):
                doc.facts.setdefault("votes", []).append(
                    {key: g.count(v.group(key)) for key in ("yes", "no", "abstain")}
                    | {"drafts": [x.symbol for x in find_symbols(t)]})
        elif self.turn is not None:
            self._statement(Paragraph("statement", label, t, s.line, turn=self.turn))
            return
        elif m := g.acting_chair(t):
            para.note = "procedure"
            self._acting(t, m)
        elif g.agenda_documents.match(t):
            para.note = "procedure"
            doc.facts.setdefault("documents", []).extend(x.symbol for x in find_symbols(t))
        else:
            agenda = doc.facts.get("agenda")
            para.note = "agenda" if self.agenda_open or not agenda else "procedure"
            if para.note == "agenda" and t not in doc.facts.get("agenda", []):
                doc.facts.setdefault("agenda", []).append(t)
                if (sub := g.sub_item.match(t)) and doc.agenda_item and "(" not in doc.agenda_item:
                    doc.agenda_item += f"({sub.group('sub')})"
        doc.paragraphs.append(para)

    def _language(self, m: re.Match[str]) -> str:
        code, name = self.g.language_of(m)
        if name and not code:
            tag = self.g.cues.unknown_tag.replace("{name}", name)
            self.doc.warnings.append(f"language tag not known: {tag} (taken as {self.g.cues.language})")
        return code or self.g.cues.language

    def _turn(self, s: _Seg, m: re.Match[str]) -> None:
        g, doc = self.g, self.doc
        role, name, country, hon = m.group("role", "name", "country", "hon")
        role = g.role_name(role) if role else None
        name = squeeze(name) if name else None
        country = squeeze(country) if country else None
        key = role or name
        if key not in self.speakers:
            self.speakers[key] = len(doc.speakers)
            doc.speakers.append(Speaker(name=key, honorific=squeeze(hon) if hon else None,
                                        country=country, role=role))
        self.language = self._language(m)
        self.capacity = "chair" if g.capacity_of_role(role) == "chair" else (
            "representative" if country else "briefer")
        doc.turns.append(Turn(speaker=self.speakers[key], language=self.language, line=s.line))
        self.turn = len(doc.turns) - 1
        self.agenda_open = False

    def _statement(self, para: Paragraph) -> None:
        g, doc, t = self.g, self.doc, para.text
        who = doc.turns[self.turn].speaker
        speaker = doc.speakers[who]
        if speaker.role in g.chair_roles:
            if m := g.national_capacity(t):
                cap = squeeze(t[m.start("cap"):m.end("cap")])
                if g.chair_word.search(cap):
                    self.capacity = "chair"  # "以安理会主席的身份": the chair, not a country
                else:
                    self.capacity = "national"
                    country = country_of_capacity(cap, g)
                    if country in g.cues.own_country:
                        country = doc.facts.get("presidency") or country
                    speaker.country = speaker.country or country
                    doc.facts.setdefault("national_capacity", cap)
            elif g.resume_chair_anywhere.search(t):
                self.capacity = "chair"
        para.speaker = who
        para.language = self.language
        para.capacity = self.capacity
        para.country = speaker.country if self.capacity in ("national", "representative", "briefer") else None
        doc.paragraphs.append(para)

    # -- after the meeting -------------------------------------------------------------

    def _affiliation(self, text: str, speaker: Speaker) -> None:
        """Who a speaker without a country is, from how the chair invited or welcomed them."""
        g = self.g
        if speaker.role:
            if m := g.person_pattern(speaker.role).search(text):
                speaker.name = squeeze(text[m.start("full"):m.end("full")])
                speaker.honorific = g.honorific_of(speaker.name)
            return
        if m := g.briefer_pattern(g.bare_name(speaker.name)).search(text):
            speaker.affiliation = text[m.start("affil"):m.end("affil")]
            speaker.country = g.without_titles(speaker.affiliation, g.org_titles)

    def finish(self) -> None:
        g, doc = self.g, self.doc
        # The chair's own country is known only once they spoke for it; fill earlier national paragraphs.
        context = g.cues.joiner.join(p.text for p in doc.paragraphs if p.capacity in ("chair", None))
        members = {name: country for country, name in doc.facts.get("members", {}).items()}
        acting = doc.facts.get("acting_president")
        for sp in doc.speakers:
            if acting and sp.role in g.cues.acting_roles and sp.name == sp.role:
                sp.name = acting
                sp.honorific = g.honorific_of(acting)
                sp.country = sp.country or doc.facts.get("acting_presidency")
            if not sp.country and sp.name in members:
                sp.country = members[sp.name]
            if not sp.country or sp.role:
                self._affiliation(context, sp)
        for p in doc.paragraphs:
            if p.capacity in ("national", "briefer", "representative") and p.speaker is not None:
                p.country = doc.speakers[p.speaker].country
        # The chair named by role only ("The President:") is the President of the first page.
        chair = doc.facts.get("president")
        for sp in doc.speakers:
            if chair and sp.role == sp.name and sp.role in g.cues.president_roles:
                sp.name = chair
                sp.honorific = sp.honorific or g.honorific_of(chair)
                sp.country = sp.country or doc.facts.get("presidency")
        if not doc.title:
            agenda = doc.facts.get("agenda") or doc.facts.get("front_titles") or []
            doc.title = g.sub_item.sub("", agenda[-1]) if agenda else ""
        if doc.symbol and not doc.body:
            prefix = doc.symbol.split("/")[0]
            doc.body = next((b for b, p in g.cues.bodies.items() if p == prefix), None)


def parse_record(text: str, g: RecordGrammar | None = None) -> Document:
    """A verbatim record, read with ``g`` or with the grammar of the record's language."""
    g = g or grammar_for(text)
    lines, footnotes, heads = clean_lines(text)
    reader = _Reader(g)
    doc = reader.doc
    doc.footnotes = footnotes
    apply_heads(doc, heads)
    wrapped = is_wrapped(lines)

    @cache
    def column() -> tuple[float, int]:
        """A wrapped line's width, in print and in characters (wanted only for a cut label)."""
        texts = [ln.text for ln in lines if ln.text and not ln.heading] or [""]
        widths, counts = sorted(map(display_width, texts)), sorted(map(len, texts))
        return widths[int(len(widths) * 0.9)], counts[int(len(counts) * 0.9)]

    blocks = _mend_headers(paragraphs(lines, wrapped, starts=g.starts.match), g, column)
    segs = deque([_Seg(b.text, b.line, b.lines) for b in blocks])

    # The meeting opens at its clock line; before it, the first page's "主席：…（法国）" looks
    # like a speaker's label but says who presided. Without a clock line, at the first label.
    front: list[_Seg] = []
    opened = _take_front(segs, front, reader, lambda s: bool(g.clock(s.text) or g.clock_at(s.text, 0)), front_split=True)
    if not opened:
        segs = deque(front)
        front = []
        opened = _take_front(segs, front, reader, lambda s: bool(g.header.match(s.text)), front_split=False)
    if not opened:
        raise ParseError(f"no speaker headers such as '{g.cues.example}'")
    reader.front_matter(front)
    reader.set_boundary()

    while segs:
        s = segs.popleft()
        if (p := reader.split_point(s)) is not None:
            s, tail = s.split(p)
            segs.appendleft(tail)
        reader.take(s)
    if not doc.turns:
        raise ParseError(f"no speaker headers such as '{g.cues.example}'")
    reader.finish()
    return doc


def _take_front(segs: deque[_Seg], front: list[_Seg], reader: _Reader, opens, front_split: bool) -> bool:
    """Move segments into ``front`` until one ``opens`` the meeting (left in ``segs``)."""
    while segs:
        s = segs.popleft()
        if opens(s):
            segs.appendleft(s)
            return True
        p = reader.split_point(s, front=True) if front_split else _label_split(reader.g, s)
        if p is not None:
            s, tail = s.split(p)
            segs.appendleft(tail)
        front.append(s)
    return False


def _label_split(g: RecordGrammar, s: _Seg) -> int | None:
    for m in g.sentence_end.finditer(s.text):
        if m.end() < len(s.text) and g.label.match(s.text, m.end()):
            return m.end()
    return None
