"""English search works by words, as a search engine does: stems, typos, phrases, highlights,
the language filter; Chinese search beside it is unchanged (tests/fixtures/docs/en_search_*.txt,
with a Chinese Security Council resolution in the same corpus)."""

import json
import re
import time

import pytest
from click.testing import CliRunner
from seedfiles import FIXTURES

from bot.answers.search import QueryError, search
from bot.cli import main
from bot.grams import grams_of
from bot.ingest import ingest
from bot.service import Plenary
from bot.shell import answer
from bot.store import Store
from bot.text import fold
from bot.words import STEM_MARK, WORD_MARK

DOCS = FIXTURES / "docs"
RESOLUTION, LETTER, CHINESE = "en_search_resolution.txt", "en_search_letter.txt", "sc_resolution.txt"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = Store(tmp_path_factory.mktemp("en") / "p.db")
    report = ingest([DOCS / RESOLUTION, DOCS / LETTER, DOCS / CHINESE], s)
    assert report.ok, report.failed
    return s


def texts(store, query, **kw):
    return [h.text for h in search(store, query, limit=50, **kw).results]


def top(store, query, **kw):
    return search(store, query, **kw).results[0]


def language_of(store, hit):
    return store.one("SELECT language FROM documents WHERE doc_id = ?", [hit.doc_id])["language"]


# -- words, stems, typos --------------------------------------------------------------------


def test_one_typo_per_word_is_forgiven(store):
    assert top(store, "recaling its resolution").text.startswith("Recalling its resolution 74/135")


def test_a_typo_in_another_letter_of_a_word_is_forgiven(store):
    assert top(store, "coperation treaty").text.startswith("Recalling its resolution 74/135")


def test_two_typos_in_a_long_word_are_forgiven(store):
    assert "sustainable development" in top(store, "sustainable devleopmnet").text


def test_a_transposed_pair_of_letters_is_one_typo(store):
    assert "(CSTO)" in top(store, "collective secutiry").text or "Collective Security" in top(store, "collective secutiry").text


def test_an_inflection_finds_the_word_as_written(store):
    recalled = texts(store, "recall")
    assert any(t.startswith("Recalling its resolution") for t in recalled)
    assert any(t.startswith("Recalling also") for t in recalled)
    assert top(store, "urge").text.startswith("Urges Member States")


def test_the_word_as_typed_ranks_before_its_inflections(store):
    hits = search(store, "recalls", limit=10).results
    assert "recalls" in hits[0].text and {h.text[:9] for h in hits[1:]} >= {"Recalling"}


def test_a_word_inside_another_word_is_not_a_match(store):
    # "urges" is inside "Encourages"; "its" inside "Permits" would be as bad.
    assert not [t for t in texts(store, "urges") if not re.search(r"\burge", t, re.IGNORECASE)]


def test_an_acronym_is_found_as_a_word_not_across_punctuation(store):
    found = texts(store, "CSTO")
    # The acronym, or the organisation's other names (search aliases), never "(c) To".
    assert found and all("CSTO" in t or "Collective Security Treaty Organization" in t for t in found)
    assert not any(t.startswith("(c) To") for t in found)


def test_a_hyphenated_compound_is_found_by_the_word_written_whole(store):
    found = texts(store, "peacekeeping")
    assert any("peace-keeping" in t for t in found) and any("peacekeeping" in t for t in found)


def test_a_word_no_typo_explains_finds_nothing_rather_than_look_alikes(store):
    assert texts(store, "quantum") == []


def test_a_word_missing_from_the_corpus_leaves_the_paragraphs_with_the_others(store):
    hit = top(store, "urges member states quantum")
    assert hit.text.startswith("Urges Member States") and hit.score < 100


# -- phrases, order, ranking ----------------------------------------------------------------


def test_the_phrase_beats_the_same_words_scattered(store):
    hits = search(store, "recalls its resolution", limit=10).results
    scattered = "Noting that the Council recalls, in its report, each resolution on the matter,"
    # The scattered paragraph has "recalls" as typed and is shorter; the phrase still wins.
    assert hits[0].text.startswith("Recalling its resolution 74/135")
    assert scattered in [h.text for h in hits]


def test_keyword_order_does_not_matter(store):
    assert top(store, "states member urges").paragraph_id == top(store, "urges member states").paragraph_id


def test_every_word_matched_ranks_before_fewer(store):
    hits = search(store, "sustainable development meeting", limit=10).results
    assert hits[0].text.startswith("I have the honour")  # the only paragraph with all three


def test_very_common_words_are_not_required(store):
    assert top(store, "the urges of the CSTO").text.startswith("Urges Member States")


# -- short queries, FTS syntax, guards ------------------------------------------------------


@pytest.mark.parametrize("word", ["UN", "EU", "un", "eu"])
def test_a_two_letter_query_matches_that_word_only(store, word):
    found = texts(store, word)
    # The word itself, or (for an organisation's acronym) one of its names: never a word
    # that merely starts with the letters ("United" for UN).
    alias = {"eu": "European Union"}.get(word.lower())
    assert found and all(re.search(rf"\b{word}\b", t, re.IGNORECASE) or (alias and alias in t) for t in found)
    assert not any("United" in t and not re.search(rf"\b{word}\b", t, re.IGNORECASE) for t in found)


def test_a_one_letter_query_matches_that_word_only(store):
    found = texts(store, "c")
    assert found and all(re.search(r"\(c\)", t) for t in found)


@pytest.mark.parametrize("query", ['"CSTO"', "CSTO*", "^CSTO", "(CSTO)", "CSTO OR", "NEAR(CSTO)", "CSTO AND",
                                   "CSTO:", "'; DROP TABLE paragraphs; --"])
def test_fts_syntax_in_a_query_is_plain_text(store, query):
    result = search(store, query, limit=50)
    if "DROP" not in query:
        assert result.results and all("CSTO" in h.text or "Collective Security Treaty Organization" in h.text
                                      for h in result.results)
    assert store.one("SELECT count(*) AS n FROM paragraphs")["n"] > 0


def test_two_hundred_one_letter_words_are_answered_quickly(store):
    query = " ".join("abcdefghijklmnopqrstuvwxyz"[i % 26] for i in range(200))
    started = time.perf_counter()
    try:
        search(store, query)
    except QueryError:
        pass
    assert time.perf_counter() - started < 2


def test_a_nul_inside_a_word_is_ignored(store):
    assert top(store, "CS\x00TO").text == top(store, "CSTO").text


# -- highlighting ---------------------------------------------------------------------------


def test_every_matched_word_is_highlighted(store):
    hit = top(store, "treaty recalling cooperation")
    bold = re.findall(r"\*\*(.+?)\*\*", hit.excerpt)
    assert {b.lower() for b in bold} >= {"recalling", "cooperation", "treaty"}
    assert hit.match == hit.matches[0] and len(hit.matches) == len(bold)
    assert [hit.text[a:b] for a, b in hit.matches] == bold


def test_a_phrase_is_highlighted_as_one(store):
    assert "**Recalling its resolution**" in top(store, "recaling its resolution").excerpt


def test_matches_are_in_the_json(store):
    d = top(store, "treaty recalling").as_json()
    assert d["match"] == d["matches"][0] and all(len(m) == 2 for m in d["matches"])


# -- languages ------------------------------------------------------------------------------


def test_the_language_filter_keeps_one_language(store):
    both = search(store, "S/PRST/2023/4", limit=50).results
    assert {language_of(store, h) for h in both} == {"en", "zh"}
    for lang in ("en", "zh"):
        hits = search(store, "S/PRST/2023/4", language=lang, limit=50).results
        assert hits and {language_of(store, h) for h in hits} == {lang}


def test_the_command_line_takes_the_language_filter(store):
    r = CliRunner().invoke(main, ["search", "S/PRST/2023/4", "--lang", "en", "--json", "--db", str(store.path)])
    assert r.exit_code == 0, r.output
    assert {h["doc_id"] for h in json.loads(r.output)["results"]} == {"A/79/902@en"}


def test_the_shell_takes_the_language_filter(store):
    assert "A/79/902" not in answer(Plenary(store), "/search S/PRST/2023/4 language:zh")


def test_the_language_filter_applies_to_chinese_queries_too(store):
    assert texts(store, "湖区", language="en") == [] and texts(store, "湖区", language="zh")


def test_a_chinese_query_in_a_mixed_corpus_finds_chinese_first(store):
    hit = top(store, "湖区支助团")
    assert language_of(store, hit) == "zh" and "湖区支助团" in hit.text


def test_a_chinese_query_with_a_typo_still_finds_its_paragraph(store):
    assert "人道主义援助" in top(store, "人道主义援功").text


def test_chinese_and_english_in_one_query_meet_in_one_paragraph(store):
    hit = top(store, "PRST 主席声明")
    assert "S/PRST/2023/4" in hit.text and "主席声明" in hit.text and "**主席声明**" in hit.excerpt


# -- the index -------------------------------------------------------------------------------


def test_word_tokens_are_marked_apart_from_character_grams():
    tokens = set(grams_of(fold("Recalling its resolutions")).split())
    words = {t for t in tokens if t[0] in (STEM_MARK, WORD_MARK)}
    assert words == {"§recal", "¦recalling", "§it", "¦its", "§resolut", "¦resolutions"}
    assert all(t.isalnum() or "·" in t for t in tokens - words)


def test_chinese_text_gets_no_word_tokens():
    tokens = grams_of(fold("满意地注意到集体安全条约组织已转变成为一个多功能机构"))
    assert STEM_MARK not in tokens and WORD_MARK not in tokens


def test_grams_are_the_same_every_time_so_a_paragraph_can_be_deleted():
    text = fold("The peace-keeping operations of the CSTO, 2019")
    assert set(grams_of(text).split()) == set(grams_of(text).split())


def test_a_replaced_document_leaves_no_word_behind(tmp_path):
    path = tmp_path / "A_RES_79_903-EN.txt"
    original = (DOCS / RESOLUTION).read_text(encoding="utf-8").replace("79/901", "79/903")
    path.write_text(original, encoding="utf-8")
    s = Store(tmp_path / "p.db")
    ingest([path], s)
    assert texts(s, "crime")
    path.write_text(original.replace("crime", "piracy"), encoding="utf-8")
    ingest([path], s)
    assert texts(s, "piracy") and texts(s, "crime") == []
    # Nothing of the old version is left in the index either.
    (n,) = s.db.execute("SELECT count(*) FROM paragraphs_grams WHERE paragraphs_grams MATCH '\"§crime\"'").fetchone()
    assert n == 0
