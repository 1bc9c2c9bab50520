"""The answers layer on the seeds: search, look-up, summaries, quotes, speakers, digest, autocomplete."""

from datetime import UTC, date, datetime

import pytest

from bot.answers.complete import Completer
from bot.answers.digest import digest
from bot.answers.lookup import lookup, resolve
from bot.answers.quote import quote
from bot.answers.search import MAX_QUERY, QueryError, search
from bot.answers.speakers import speakers
from bot.answers.summary import summarise
from bot.state import memory_state

MULTI = "满意地注意到集体安全条约组织自《集体安全条约》签署以来已转变成为一个多功能机构"


def top(store, query, **kw):
    return search(store, query, **kw).results[0]


# -- search ------------------------------------------------------------------------------


def test_exact_phrase_finds_its_paragraph_first(seeded_db):
    hit = top(seeded_db, "多功能机构")
    assert (hit.symbol, hit.label, hit.score) == ("A/RES/75/276", "PP7", 100)


def test_excerpt_marks_the_match_in_bold(seeded_db):
    assert "**多功能机构**" in top(seeded_db, "多功能机构").excerpt


def test_one_wrong_character_still_finds_the_paragraph_first(seeded_db):
    hit = top(seeded_db, "多功熊机构")
    assert (hit.symbol, hit.label) == ("A/RES/75/276", "PP7")
    assert hit.excerpt.count("**") == 2


def test_a_missing_character_still_finds_the_paragraph_first(seeded_db):
    assert top(seeded_db, "转变成为一个多功机构").label == "PP7"


def test_an_extra_character_still_finds_the_paragraph_first(seeded_db):
    assert top(seeded_db, "转变成为一个多功能能机构").label == "PP7"


def test_two_wrong_characters_in_a_longer_phrase(seeded_db):
    assert top(seeded_db, "转变成为一个多功熊机沟").label == "PP7"


def test_traditional_characters_find_simplified_text(seeded_db):
    assert top(seeded_db, "多功能機構").label == "PP7"


def test_full_width_and_spaces_are_folded(seeded_db):
    assert top(seeded_db, "第６０／２８８号").symbol in {"A/RES/75/276", "A/RES/75/268"}


def test_keywords_in_another_order_meet_in_one_paragraph(seeded_db):
    hit = top(seeded_db, "北约 演习 边界")
    assert all(w in hit.text for w in ("北约", "演习", "边界"))


def test_one_character_query_works(seeded_db):
    result = search(seeded_db, "毒", limit=50)
    assert result.total > 5 and all("毒" in h.text for h in result.results)


def test_two_character_query_matches_only_paragraphs_with_both(seeded_db):
    result = search(seeded_db, "北约", limit=50)
    assert result.total >= 2 and all("北约" in h.text for h in result.results)


def test_short_term_inside_a_longer_query_is_not_dropped(seeded_db):
    # A trigram index would silently ignore a 2-character term in a MATCH; we must not.
    for h in search(seeded_db, "北约 集安组织", limit=50).results:
        assert "北约" in h.text


def test_fts_syntax_is_searched_as_plain_text(seeded_db):
    for q in ['"', "*", "NEAR(北约 演习)", "北约 OR 演习", "AND", "'; DROP TABLE paragraphs; --", "a:b", "^北约"]:
        search(seeded_db, q)
    assert seeded_db.one("SELECT count(*) AS n FROM paragraphs")["n"] > 0


def test_query_too_long_is_refused_with_a_message(seeded_db):
    with pytest.raises(QueryError, match="limit"):
        search(seeded_db, "联" * (MAX_QUERY + 1))


def test_empty_query_is_refused(seeded_db):
    with pytest.raises(QueryError):
        search(seeded_db, "   ")


def test_speaker_filter(seeded_db):
    hits = search(seeded_db, "阿富汗", speaker="张军", limit=50).results
    assert hits and {h.speaker for h in hits} == {"张军先生"}


def test_country_filter(seeded_db):
    hits = search(seeded_db, "合作", country="中国", limit=50).results
    assert hits and {h.country for h in hits} == {"中国"}


def test_document_filter_accepts_any_symbol_form(seeded_db):
    hits = search(seeded_db, "合作", symbol="75/268", limit=50).results
    assert hits and {h.symbol for h in hits} == {"A/RES/75/268"}


def test_kind_filter(seeded_db):
    assert {h.kind for h in search(seeded_db, "合作", kind="letter", limit=50).results} == {"letter"}


def test_paging_with_offset(seeded_db):
    first = search(seeded_db, "合作", limit=3)
    second = search(seeded_db, "合作", limit=3, offset=3)
    assert first.total == second.total
    assert not {h.paragraph_id for h in first.results} & {h.paragraph_id for h in second.results}


def test_record_hits_carry_speaker_country_language(seeded_db):
    hit = top(seeded_db, "属于阿富汗的海外资产")
    assert (hit.speaker, hit.country, hit.language) == ("张军先生", "中国", "zh")


def test_annex_paragraphs_are_labelled_as_annex(seeded_db):
    assert top(seeded_db, "对抗自然和人为灾害").label == "Annex II OP1"


def test_nothing_found_is_an_empty_list(seeded_db):
    assert search(seeded_db, "量子计算机").results == []


# -- symbol look-up ------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["75/276", "第75/276号决议", "ａ/ｒｅｓ/７５/２７６", "A/RES/75/276", "a/res/75/276"])
def test_any_written_form_finds_the_resolution(seeded_db, written):
    card = lookup(seeded_db, written)
    assert card["found"] and card["symbol"] == "A/RES/75/276"
    assert card["counts"]["operative"] == 9


def test_card_facts(seeded_db):
    card = lookup(seeded_db, "75/276")
    assert (card["date"], card["meeting"], card["drafts"]) == ("2021-04-28", "第62次全体会议", ["A/75/L.78", "A/75/L.78/Add.1"])
    assert card["url"] == "https://undocs.org/zh/A/RES/75/276"
    assert {"symbol": "S/PV.8967", "where": "¶32"} in card["cited_by"]
    assert any(c["symbol"] == "A/RES/59/50" and not c["in_corpus"] for c in card["cites"])


def test_draft_symbol_leads_to_the_adopted_resolution(seeded_db):
    assert lookup(seeded_db, "A/75/L.69")["symbol"] == "A/RES/75/268"


def test_letter_has_an_id_every_command_accepts(seeded_db):
    assert resolve(seeded_db, "letter-2009-07-14") == resolve(seeded_db, "LETTER-2009-07-14") == "letter-2009-07-14"
    assert resolve(seeded_db, "001_cad8b63664231793.txt") == "letter-2009-07-14"


@pytest.mark.parametrize("symbol", ["59/50", "S/PRST/2013/12", "S/RES/1631 (2005)"])
def test_cited_but_absent_symbol_says_who_cites_it(seeded_db, symbol):
    answer = lookup(seeded_db, symbol)
    assert not answer["found"] and answer["cited_by"] and answer["url"].startswith("https://undocs.org/zh/")


def test_mistyped_symbol_gets_suggestions(seeded_db):
    answer = lookup(seeded_db, "A/RES/75/267")
    assert not answer["found"] and answer["suggestions"][0] in ("A/RES/75/268", "A/RES/75/276")


def test_nonsense_lookup_is_not_found_without_error(seeded_db):
    for q in ["", "   ", "hello", "%", "_", "第号决议", "'; --", "\x00"]:
        assert lookup(seeded_db, q)["found"] is False


# -- summaries ---------------------------------------------------------------------------


def test_resolution_summary_points_and_follow_ups(seeded_db):
    s = summarise(seeded_db, "75/276")
    assert [p["label"] for p in s["points"]] == [f"OP{i}" for i in range(1, 10)]
    assert s["points"][7]["text"] == "请联合国秘书长向大会第七十七届会议提交关于本决议执行情况的报告"
    assert [(f["kind"], f["session"]) for f in s["follow_up_items"]] == [("report", 77), ("agenda_item", 77)]
    assert "A/75/L.78" in s["headline"] and "第62次全体会议" in s["headline"]


def test_summary_is_extractive(seeded_db):
    s = summarise(seeded_db, "75/268")
    texts = [p["text"] for p in seeded_db.query("SELECT text FROM paragraphs WHERE doc_id = 'A/RES/75/268'")]
    for point in s["points"]:
        # Every piece of a point (a long clause is shortened in the middle) is the document's.
        assert all(any(piece in t for t in texts) for piece in point["text"].split("…"))


def test_a_resolution_summary_keeps_the_whole_clause_not_its_first_comma(seeded_db):
    """75/276 OP4 asks the Secretary-General to keep consulting; cut at its first comma the point
    lost the request ("…通过双边接触和各种形式")."""
    op4 = next(p for p in summarise(seeded_db, "75/276")["points"] if p["label"] == "OP4")
    assert op4["text"] == "邀请联合国秘书长通过双边接触和各种形式，包括通过联合国秘书长与各区域组织首长的协商，继续与集体安全条约组织秘书长定期协商"


def test_a_long_clause_is_shortened_in_the_middle_keeping_verb_and_end():
    from bot.answers.summary import whole_clause

    text = "请秘书长" + "在现有资源范围内" * 30 + "提交报告；"
    short = whole_clause(text)
    assert short.startswith("请秘书长") and short.endswith("提交报告") and "…" in short and len(short) <= 161


def test_record_summary(seeded_db):
    s = summarise(seeded_db, "S/PV.8967")
    assert (s["facts"]["opened"], s["facts"]["closed"]) == ("11:05", "13:15")
    assert s["facts"]["briefers"] == ["安东尼奥·古特雷斯先生", "扎斯先生"]
    assert len(s["speakers"]) == 22 and s["speakers"][-1]["country"] == "塔吉克斯坦"


def test_letter_summary(seeded_db):
    s = summarise(seeded_db, "letter-2009-07-14")
    assert s["facts"]["signatory"] == "维塔利·丘尔金"
    assert [a["annex"] for a in s["facts"]["annexes"]] == ["I", "II"]
    assert len(s["points"]) == 5


# -- quotes and speakers -----------------------------------------------------------------


def test_quote_by_name_gives_china_in_chinese(seeded_db):
    q = quote(seeded_db, "张军")["quotes"][0]
    assert (q["country"], q["language"], q["symbol"], q["date"]) == ("中国", "zh", "S/PV.8967", "2022-02-16")
    assert q["text"] in q["paragraph"] or q["text"].endswith("…")
    assert "张军先生（中国）" in q["attribution"] and "S/PV.8967" in q["attribution"]


def test_quote_with_topic_picks_the_matching_sentence(seeded_db):
    q = quote(seeded_db, "中国", "阿富汗")["quotes"][0]
    assert "阿富汗" in q["text"] and len(q["text"]) <= 180


def test_quote_without_topic_rotates(seeded_db):
    rotate = memory_state().next_rotation
    a = quote(seeded_db, "黑梅尔巴克", rotate=rotate)["quotes"][0]["paragraph_id"]
    b = quote(seeded_db, "黑梅尔巴克", rotate=rotate)["quotes"][0]["paragraph_id"]
    assert a != b


def test_quote_by_role(seeded_db):
    q = quote(seeded_db, "秘书长", "伙伴关系")["quotes"][0]
    assert q["role"] == "秘书长" and q["language"] in ("en", "fr")


def test_quote_by_country_finds_the_president_in_national_capacity(seeded_db):
    q = quote(seeded_db, "俄罗斯联邦", "北约")["quotes"][0]
    assert q["capacity"] == "national" and q["country"] == "俄罗斯联邦"


def test_quote_of_nobody_is_empty(seeded_db):
    assert quote(seeded_db, "无名氏")["quotes"] == []


def test_speakers_of_the_meeting_in_order(seeded_db):
    s = speakers(seeded_db, "S/PV.8967")["speakers"]
    assert [x["order"] for x in s] == list(range(1, 23))
    assert s[0]["role"] == "主席" and s[0]["turns"] == 8
    assert s[1]["languages"] == ["en", "fr"]


# -- digest and autocomplete ---------------------------------------------------------------


def test_digest_lists_documents_ingested_since(seeded_db):
    d = digest(seeded_db, since=datetime(2000, 1, 1, tzinfo=UTC), day=date(2026, 11, 24))
    assert len(d["new_documents"]) == 4 and d["totals"]["documents"] == 4
    assert digest(seeded_db, since=datetime(2999, 1, 1, tzinfo=UTC))["new_documents"] == []


def test_digest_spotlight_is_deterministic_and_rotates(seeded_db):
    day = date(2026, 11, 24)
    assert digest(seeded_db, day=day)["spotlight"] == digest(seeded_db, day=day)["spotlight"]
    spots = [digest(seeded_db, day=date.fromordinal(day.toordinal() + k))["spotlight"][0] for k in range(20)]
    ops = [(s["symbol"], s["label"]) for s in spots]
    # 19 operative paragraphs in the seeds: each has its day before any repeats.
    assert len(set(ops[:19])) == 19 and ops[19] == ops[0]


def test_autocomplete_symbols_by_prefix(seeded_db):
    choices = Completer(seeded_db).symbol_choices("A/RES/75/2")
    assert [c.value for c in choices][:2] == ["A/RES/75/276", "A/RES/75/268"]
    assert all(len(c.name) <= 100 for c in choices) and len(choices) <= 25


def test_autocomplete_speakers_by_part_of_name(seeded_db):
    assert Completer(seeded_db).speaker_choices("张")[0].value == "张军先生"
    assert any(c.value == "中国" for c in Completer(seeded_db).speaker_choices("中国"))
