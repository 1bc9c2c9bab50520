"""Symbols: every written form reduces to the store's key, and citations are found in free text."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.symbols import (
    SymbolMatch,
    canonical,
    find_symbols,
    looks_like_symbol,
    symbol_kind,
    undocs_url,
)


def symbols_in(text):
    return [m.symbol for m in find_symbols(text)]


def full_width(text):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


# --- canonical: General Assembly resolutions --------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "A/RES/75/276",
        "75/276",
        "第75/276号决议",
        "第 75/276 号决议",
        "a/res/75/276",
        "ａ/ｒｅｓ/７５/２７６",
        "A / RES / 75 / 276",
        "第７５／２７６号决议",
        "  A/RES/75/276  ",
        "第 [75/276](#) 号决议",
    ],
)
def test_ga_resolution_forms_are_canonical(written):
    assert canonical(written) == "A/RES/75/276"


def test_full_width_lower_case_resolution_is_canonical():
    assert canonical("ａ/ｒｅｓ/７５/２７６") == "A/RES/75/276"


@pytest.mark.parametrize("written", ["S-30/1", "第S-30/1号决议", "A/RES/S-30/1", "a/res/s-30/1"])
def test_special_session_resolution_is_canonical(written):
    assert canonical(written) == "A/RES/S-30/1"


def test_emergency_special_session_resolution_is_canonical():
    assert canonical("ES-11/1") == "A/RES/ES-11/1"


def test_ga_decision_in_chinese_wrapper_is_canonical():
    assert canonical("第75/552号决定") == "A/DEC/75/552"


def test_english_resolution_word_is_accepted():
    assert canonical("resolution 75/276") == "A/RES/75/276"


# --- canonical: Security Council resolutions --------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "S/RES/1631 (2005)",
        "S/RES/1631(2005)",
        "1631(2005)",
        "1631 (2005)",
        "第1631(2005)号决议",
        "第1631（2005）号决议",
        "第 1631(2005) 号决议",
        "s/res/1631 (2005)",
        "[1631\\(2005\\)](#)",
    ],
)
def test_sc_resolution_forms_are_canonical(written):
    assert canonical(written) == "S/RES/1631 (2005)"


# --- canonical: everything else ---------------------------------------------------------------

OTHER_SYMBOLS = [
    "A/75/L.78",
    "A/75/L.78/Add.1",
    "A/75/L.69/Rev.1",
    "A/75/345/Corr.2",
    "S/PRST/2010/1",
    "S/PV.8967",
    "A/64/PV.5",
    "E/2009/28",
    "S/INF/65",
    "S/2020/898",
    "A/75/345",
    "A/C.3/75/L.12",
    "E/CN.4/2005/L.10",
    "A/HRC/RES/46/1",
    "A/HRC/46/1",
    "E/RES/2009/1",
    "ST/SGB/2019/8",
    "S/2022/123/Add.1",
    "A/DEC/75/552",
]


@pytest.mark.parametrize("symbol", OTHER_SYMBOLS)
def test_canonical_symbol_is_its_own_canonical_form(symbol):
    assert canonical(symbol) == symbol


@pytest.mark.parametrize("symbol", OTHER_SYMBOLS)
def test_lower_case_symbol_gets_standard_segment_casing(symbol):
    assert canonical(symbol.lower()) == symbol


@pytest.mark.parametrize("symbol", OTHER_SYMBOLS)
def test_full_width_symbol_is_canonical(symbol):
    assert canonical(full_width(symbol)) == symbol


def test_stray_spaces_around_slashes_and_dots_are_ignored():
    assert canonical("a / 75 / l. 78 / add .1") == "A/75/L.78/Add.1"


def test_upper_case_addendum_is_title_cased():
    assert canonical("S/2022/123/ADD.1") == "S/2022/123/Add.1"


def test_joint_symbol_canonical_is_first_part():
    assert canonical("A/75/345-S/2020/898") == "A/75/345"


def test_sentence_final_full_stop_is_not_part_of_symbol():
    assert canonical("A/75/345.") == "A/75/345"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "第37条",
        "2021/22",
        "6 800吨",
        "2021 年 4 月 28 日",
        "2021–2025年",
        "A/RES",
        "hello",
        "A/75/345 和 S/2020/898",
        "1631 (1900)",
        "补编第8号",
        "E/2",
        "and/or",
    ],
)
def test_non_symbols_have_no_canonical_form(text):
    assert canonical(text) is None


def test_arabic_indic_digits_are_not_read_as_ascii_digits():
    assert canonical("٧٥/٢٧٦") is None


# --- find_symbols on seed lines ---------------------------------------------------------------

SEED_RESOLUTIONS = (
    "又提及 2004 年 12 月 2 日第 [59/50](#) 号决议, 其中大会给予集体安全条约组织大会观察员地位,"
    "还提及题为“联合国同集体安全条约组织的合作”的 2010 年 3 月 2 日第 [64/256](#) 号、"
    "2010 年 12 月 13 日第 [65/122](#) 号、2012 年 11 月 19 日第 [67/6](#) 号、"
    "2014 年 11 月 11 日第 [69/12](#) 号、2016 年 11 月 21 日第 [71/12](#) 号和 "
    "2019 年 7 月 25 日第 [73/331](#) 号决议以及《关于增进联合国与区域安排或机构之间在维护国际"
    "和平与安全领域的合作的宣言》,²提及安全理事会以往所有相关决议, 包括 2005 年 10 月 17 日第 "
    "[1631\\(2005\\)](#) 号决议"
)


def test_seed_line_with_dated_resolution_list_yields_each_resolution():
    assert symbols_in(SEED_RESOLUTIONS) == [
        "A/RES/59/50",
        "A/RES/64/256",
        "A/RES/65/122",
        "A/RES/67/6",
        "A/RES/69/12",
        "A/RES/71/12",
        "A/RES/73/331",
        "S/RES/1631 (2005)",
    ]


def test_markdown_link_residue_leaves_raw_as_symbol_characters():
    raws = [m.raw for m in find_symbols(SEED_RESOLUTIONS)]
    assert raws[:2] == ["59/50", "64/256"]
    assert raws[-1] == "1631\\(2005\\)"


def test_presidential_statement_footnote_with_markdown():
    text = "³ [S/PRST/2010/1](#); 见《安全理事会决议及决定, 2009 年 8 月 1 日至 2010 年 7 月 31 日》([S/INF/65](#))。"
    assert symbols_in(text) == ["S/PRST/2010/1", "S/INF/65"]


def test_symbols_before_chinese_punctuation_do_not_swallow_it():
    text = "⁴ S/PRST/2013/12；见《安全理事会决议及决定，2013年8月1日至2014年7月31日》(S/INF/69)。"
    found = find_symbols(text)
    assert [m.symbol for m in found] == ["S/PRST/2013/12", "S/INF/69"]
    assert [m.raw for m in found] == ["S/PRST/2013/12", "S/INF/69"]


def test_supplement_number_is_not_a_symbol():
    text = "⁶ 见《经济及社会理事会正式记录，2009年，补编第8号》(E/2009/28)，第一章，C节。"
    assert symbols_in(text) == ["E/2009/28"]


def test_special_session_shorthand_needs_no_wrapper():
    assert symbols_in("⁷ 见S-30/1号决议，附件。") == ["A/RES/S-30/1"]


def test_drafts_in_markdown_links_are_found():
    text = "[未经发交主要委员会而通过([A/75/L.78](#) 和 [A/75/L.78/Add.1](#))]"
    assert symbols_in(text) == ["A/75/L.78", "A/75/L.78/Add.1"]


def test_sc_resolution_with_full_width_parentheses_in_text():
    assert symbols_in("活动可能会增加。第2593（2021）号决议反映了国际") == ["S/RES/2593 (2021)"]


def test_symbol_in_full_width_parentheses():
    assert symbols_in("我的报告《我们的共同议程》（A/75/982）的主要") == ["A/75/982"]


def test_article_number_is_not_a_symbol():
    assert find_symbols("根据安理会暂行议事规则第37条，我邀请") == []


# --- find_symbols: shapes ---------------------------------------------------------------------


def test_joint_symbol_yields_both_parts():
    text = "¹ [A/75/345-S/2020/898](#)。"
    found = find_symbols(text)
    assert [m.symbol for m in found] == ["A/75/345", "S/2020/898"]
    assert [m.raw for m in found] == ["A/75/345", "S/2020/898"]


def test_sc_list_sharing_one_wrapper_yields_each_member():
    assert symbols_in("第2042(2012)、2043(2012)和2449(2018)号决议") == [
        "S/RES/2042 (2012)",
        "S/RES/2043 (2012)",
        "S/RES/2449 (2018)",
    ]


def test_ga_list_with_own_hao_yields_each_member():
    assert symbols_in("第64/256号、65/122号和67/6号决议") == [
        "A/RES/64/256",
        "A/RES/65/122",
        "A/RES/67/6",
    ]


@pytest.mark.parametrize("sep", ["、", ",", "，", "和", "及", "以及"])
def test_each_list_separator_joins_members(sep):
    assert symbols_in(f"第70/1号{sep}71/14号决议") == ["A/RES/70/1", "A/RES/71/14"]


def test_decision_wrapper_applies_to_whole_list():
    assert symbols_in("第75/551号和75/552号决定") == ["A/DEC/75/551", "A/DEC/75/552"]


def test_bare_ga_shape_outside_wrapper_is_not_a_symbol():
    assert find_symbols("2021/22 年度预算, 比例 3/4") == []


def test_wrapper_without_closing_hao_is_not_a_symbol():
    assert find_symbols("第75/276页") == []


def test_bare_sc_shape_is_a_resolution_anywhere():
    assert symbols_in("Security Council resolution 1631 (2005) was adopted") == [
        "S/RES/1631 (2005)"
    ]


def test_sc_full_symbol_keeps_its_year():
    found = find_symbols("see S/RES/1631(2005), para. 2")
    assert [(m.symbol, m.raw) for m in found] == [("S/RES/1631 (2005)", "S/RES/1631(2005)")]


def test_year_in_parentheses_after_other_symbol_is_not_swallowed():
    found = find_symbols("A/75/345 (2020)")
    assert [(m.symbol, m.raw) for m in found] == [("A/75/345", "A/75/345")]


def test_sentence_final_dot_is_excluded_but_segment_dots_kept():
    found = find_symbols("see A/75/345. Also S/PV.8967. And A/75/L.78.")
    assert [m.raw for m in found] == ["A/75/345", "S/PV.8967", "A/75/L.78"]


@pytest.mark.parametrize("text", ["6 800吨", "2021 年 4 月 28 日", "2021–2025年", "and/or", "E/2"])
def test_numbers_dates_and_slashed_words_are_not_symbols(text):
    assert find_symbols(text) == []


def test_full_width_symbol_in_text_maps_back_to_original_offsets():
    text = "见Ａ／７５／Ｌ．７８号文件"
    [m] = find_symbols(text)
    assert m == SymbolMatch("A/75/L.78", 1, 10, "Ａ／７５／Ｌ．７８")


def test_symbols_are_returned_in_order_of_appearance():
    text = "S/2020/898 与第1631(2005)号决议及 A/75/345"
    assert symbols_in(text) == ["S/2020/898", "S/RES/1631 (2005)", "A/75/345"]


def test_symbol_inside_url_path_is_not_cited():
    assert find_symbols("files/A/75/345") == []


# --- undocs_url, symbol_kind, looks_like_symbol -----------------------------------------------


def test_undocs_url_quotes_space_but_keeps_slashes_and_parentheses():
    assert undocs_url("S/RES/1631 (2005)") == "https://undocs.org/zh/S/RES/1631%20(2005)"


def test_undocs_url_canonicalises_first():
    assert undocs_url("第75/276号决议") == "https://undocs.org/zh/A/RES/75/276"


def test_undocs_url_keeps_dots():
    assert undocs_url("A/75/L.78/Add.1") == "https://undocs.org/zh/A/75/L.78/Add.1"


@pytest.mark.parametrize(
    ("symbol", "kind"),
    [
        ("A/RES/75/276", "ga_resolution"),
        ("S-30/1", "ga_resolution"),
        ("S/RES/1631 (2005)", "sc_resolution"),
        ("A/DEC/75/552", "ga_decision"),
        ("A/75/L.78", "draft"),
        ("A/75/L.78/Add.1", "draft"),
        ("A/C.3/75/L.12", "draft"),
        ("S/PV.8967", "record"),
        ("A/64/PV.5", "record"),
        ("S/PRST/2010/1", "presidential_statement"),
        ("A/75/345", "document"),
        ("E/2009/28", "document"),
        ("A/HRC/RES/46/1", "document"),
    ],
)
def test_symbol_kind_reads_family_from_canonical_form(symbol, kind):
    assert symbol_kind(symbol) == kind


@pytest.mark.parametrize(
    "query",
    ["A/75", "s/pv.89", "75/276", "1631 (2005)", "第75/276号决议", "A / RES / 75", "ES-11/1"],
)
def test_symbol_like_queries_are_recognised(query):
    assert looks_like_symbol(query)


@pytest.mark.parametrize("query", ["气候变化", "and/or", "women peace security", "第37条", ""])
def test_ordinary_queries_do_not_look_like_symbols(query):
    assert not looks_like_symbol(query)


# --- properties -------------------------------------------------------------------------------

_session = st.integers(1, 80)
_number = st.integers(1, 3000)
_year = st.integers(1946, 2030)

# (canonical symbol, Chinese wrappers that fit its family)
_family = st.one_of(
    st.builds(
        lambda s, n: (f"A/RES/{s}/{n}", [f"{s}/{n}", f"第{s}/{n}号决议", f"第 {s}/{n} 号决议"]),
        _session,
        _number,
    ),
    st.builds(
        lambda s, n: (f"A/RES/S-{s}/{n}", [f"S-{s}/{n}", f"第S-{s}/{n}号决议"]),
        st.integers(1, 30),
        st.integers(1, 9),
    ),
    st.builds(
        lambda n, y: (
            f"S/RES/{n} ({y})",
            [f"{n}({y})", f"第{n}({y})号决议", f"第 {n} ({y}) 号决议"],
        ),
        _number,
        _year,
    ),
    st.builds(lambda s, n: (f"A/DEC/{s}/{n}", [f"第{s}/{n}号决定"]), _session, _number),
    st.builds(lambda s, n: (f"A/{s}/L.{n}", []), _session, _number),
    st.builds(lambda s, n, k: (f"A/{s}/L.{n}/Add.{k}", []), _session, _number, st.integers(1, 9)),
    st.builds(lambda n: (f"S/PV.{n}", []), _number),
    st.builds(lambda y, n: (f"S/PRST/{y}/{n}", []), _year, st.integers(1, 60)),
    st.builds(lambda y, n: (f"S/{y}/{n}", []), _year, _number),
    st.builds(lambda s, n, k: (f"A/{s}/{n}/Corr.{k}", []), _session, _number, st.integers(1, 9)),
    st.builds(lambda y, n: (f"E/CN.4/{y}/L.{n}", []), _year, _number),
)


@st.composite
def written_variants(draw):
    symbol, wrappers = draw(_family)
    text = draw(st.sampled_from([symbol, *wrappers]))
    if draw(st.booleans()):
        text = text.lower()
    if draw(st.booleans()):
        text = re.sub("/", draw(st.sampled_from([" /", "/ ", " / "])), text)
    if draw(st.booleans()):
        text = full_width(text)
    return symbol, text


@settings(max_examples=150, deadline=None)
@given(written_variants())
def test_any_written_variant_is_canonical(pair):
    symbol, variant = pair
    assert canonical(variant) == symbol


# Characters that can neither form nor wrap a symbol (no 第, 号, 和, 及, 决, digits or Latin).
_filler = st.text(alphabet="大会安全理事秘书长报告文件审通过的是在了国家发展", max_size=12)


@settings(max_examples=150, deadline=None)
@given(written_variants(), _filler, _filler)
def test_symbol_between_cjk_filler_is_found_with_true_offsets(pair, before, after):
    symbol, variant = pair
    if re.match("[0-9０-９]", variant) and not symbol.startswith("S/RES/"):
        # a bare GA shorthand is only a symbol inside its Chinese wrapper
        variant = f"第{variant}号{'决定' if '/DEC/' in symbol else '决议'}"
    text = before + variant + after
    [m] = find_symbols(text)
    assert m.symbol == symbol
    assert text[m.start : m.end] == m.raw
    assert len(before) <= m.start and m.end <= len(before) + len(variant)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), written_variants().map(lambda p: p[1])))
def test_canonical_is_idempotent(text):
    once = canonical(text)
    if once is not None:
        assert canonical(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_find_symbols_never_raises_and_raw_slices_original(text):
    for m in find_symbols(text):
        assert text[m.start : m.end] == m.raw
        assert canonical(m.symbol) == m.symbol


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="A/RES-0123456789 ()第号决议、和.Lr", max_size=40))
def test_find_symbols_never_raises_on_symbol_like_noise(text):
    for m in find_symbols(text):
        assert text[m.start : m.end] == m.raw


def test_long_wrapper_list_is_scanned_in_linear_time():
    # each member carries its own 第, which once made every member rescan the rest of the list
    text = "第1/1号、" * 3000 + "决议"
    assert len(find_symbols(text)) == 3000
