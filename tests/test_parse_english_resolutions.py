"""English resolutions: the same grammar as Chinese with English cues, on fixtures that mirror
the Chinese ones paragraph for paragraph, on the UN-style PDF, and on generated layouts."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from seedfiles import FIXTURES

from bot.parse import parse_text
from bot.read import read_source
from bot.text import english_ordinal


def labels(doc):
    return [p.label for p in doc.paragraphs]


def test_ga_resolution_header_facts(doc):
    d = doc("en_ga_resolution_committee.txt")
    assert (d.kind, d.language, d.symbol, d.body, d.session, d.agenda_item) == (
        "resolution", "en", "A/RES/79/512", "General Assembly", 79, "68(b)")
    assert (d.date, d.distributed, d.meeting) == ("2024-12-17", "2024-12-20", "54th plenary meeting")
    assert (d.drafts, d.adoption) == (["A/79/456/Add.2"], "on the report of the Third Committee")
    assert d.title == "Protection and transmission of digital archives of indigenous languages"


def test_council_resolution_number_adoption_and_meeting(doc):
    d = doc("en_sc_resolution.txt")
    assert (d.symbol, d.date, d.meeting, d.body, d.title) == (
        "S/RES/2999 (2024)", "2024-03-01", "9999th meeting", "Security Council", "Resolution 2999 (2024)")


@pytest.mark.parametrize(("english", "chinese"), [("en_ga_resolution_committee.txt", "ga_resolution_committee.txt"),
                                                  ("en_sc_resolution.txt", "sc_resolution.txt")])
def test_english_fixture_has_the_chinese_fixtures_labels(doc, english, chinese):
    assert labels(doc(english)) == labels(doc(chinese))


def test_operative_verbs_with_a_prefix(doc):
    verbs = [p.verb for p in doc("en_ga_resolution_committee.txt").paragraphs if p.section == "operative" and p.verb]
    assert verbs == ["Welcomes", "Encourages", "Requests", "Also requests", "Decides"]


def test_a_recital_cut_by_a_page_break_after_a_comma_is_one_recital(doc):
    pp3 = next(p for p in doc("en_ga_resolution_committee.txt").paragraphs if p.label == "PP3")
    assert pp3.text.endswith("without common standards of preservation, and that a considerable part of them is at risk of loss,")
    assert pp3.footnotes == [3]


def test_wrapped_latin_lines_join_with_one_space(doc):
    op2a = next(p for p in doc("en_ga_resolution_committee.txt").paragraphs if p.label == "OP2(a)")
    assert op2a.text == ("(a) To develop, in consultation with indigenous peoples, national strategies for the "
                         "protection of archives in indigenous languages;")


def test_the_uns_pdf_of_an_english_resolution(tmp_path):
    path = FIXTURES / "formats" / "en_resolution.pdf"
    d = parse_text(read_source(path).text, path.name)
    assert (d.kind, d.symbol, d.date, d.session, d.meeting) == ("resolution", "A/RES/79/513", "2024-12-17", 79,
                                                                 "54th plenary meeting")
    assert [p.label for p in d.paragraphs if p.section == "preamble"] == ["PP1", "PP2", "PP3", "PP4"]
    assert [p.page for p in d.paragraphs if p.label in ("PP1", "OP4")] == [1, 3]


@pytest.mark.parametrize(("words", "value"), [("Seventy-ninth", 79), ("Twentieth", 20), ("First", 1),
                                              ("Twenty-first", 21), ("Eighty-first", 81), ("session", None)])
def test_english_ordinals(words, value):
    assert english_ordinal(words) == value


RECITALS = ["Recalling its previous resolutions", "Reaffirming its commitment", "Noting with concern the report",
            "Welcoming the efforts of Member States", "Deeply concerned at the situation", "Bearing in mind the Charter"]
OPERATIVE = ["Decides", "Requests", "Encourages", "Calls upon", "Urges", "Also requests"]
FILLER = "the Member States and the entities of the United Nations system to strengthen their cooperation in this field"


def wrap(text, width):
    if width is None:
        return [text]
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


@st.composite
def layouts(draw):
    council = draw(st.booleans())
    pps = draw(st.lists(st.tuples(st.sampled_from(RECITALS), st.integers(0, 60)), min_size=1, max_size=6))
    ops = draw(st.lists(st.tuples(st.sampled_from(OPERATIVE), st.integers(0, 80)), min_size=1, max_size=8))
    numbered = draw(st.booleans())
    blank_lines = draw(st.booleans())
    width = draw(st.one_of(st.none(), st.integers(40, 90))) if blank_lines or numbered else None
    return council, pps, ops, numbered, blank_lines, width


def build(council, pps, ops, numbered, blank_lines, width):
    if council:
        head = ["Resolution 2326 (2016)", "Adopted by the Security Council at its 7838th meeting, on 15 December 2016",
                "The Security Council,"]
    else:
        head = ["Seventy-fifth session", "Resolution adopted by the General Assembly on 28 April 2021",
                "75/9. A generated resolution", "The General Assembly,"]
    paragraphs = [f"{verb} {FILLER[:n].strip()}," for verb, n in pps]
    for k, (verb, n) in enumerate(ops, start=1):
        end = "." if k == len(ops) else ";"
        paragraphs.append(f"{f'{k}. ' if numbered else ''}{verb} {FILLER[:n].strip()}{end}")
    lines = list(head)
    for p in paragraphs:
        lines += wrap(p, width) + ([""] if blank_lines else [])
    return "\n".join(lines) + "\n"


@settings(max_examples=200, deadline=None)
@given(layouts())
def test_generated_english_resolution_parses_to_its_structure(case):
    council, pps, ops, *_ = case
    d = parse_text(build(*case), "generated.txt")
    assert (d.kind, d.language) == ("resolution", "en")
    assert d.symbol == ("S/RES/2326 (2016)" if council else "A/RES/75/9")
    assert d.date == ("2016-12-15" if council else "2021-04-28")
    assert [p.label for p in d.paragraphs if p.section == "preamble"] == [f"PP{i}" for i in range(1, len(pps) + 1)]
    assert [p.label for p in d.paragraphs if p.section == "operative"] == [f"OP{i}" for i in range(1, len(ops) + 1)]
    assert [p.verb for p in d.paragraphs if p.section == "operative"] == [v for v, _ in ops]


@pytest.mark.parametrize(("fixture", "first", "garbled"), [
    ("en_ga_resolution_committee.txt", "Reaffirming the United Nations Declaration on the Rights of Indigenous Peoples,¹",
     "Deeply develop that ozambique could are often not early involved in resolution,"),
    ("ga_resolution_committee.txt", "重申《联合国土著人民权利宣言》，¹", "深切发展莫桑比克常常未及早参与，"),
])
def test_a_first_recital_with_unknown_opening_words_still_leaves_a_resolution(fixture, first, garbled):
    """An OCR'd or mistyped first recital ("Deeply develop…") is a recital among recitals,
    not a reason to store the whole resolution as a plain document."""
    from seedfiles import FIXTURES

    from bot.parse import parse_text

    text = (FIXTURES / "docs" / fixture).read_text(encoding="utf-8")
    assert first in text
    doc = parse_text(text.replace(first, garbled), fixture)
    sections = [p.section for p in doc.paragraphs]
    assert doc.kind == "resolution" and sections.count("preamble") == 4 and sections.count("operative") >= 5
