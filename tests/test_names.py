"""bot/names.py: one entity per Member State, observer State and organisation, with all its names
in the six UN languages; and the answers that take any of them (quote's WHO, the country filter)."""

import json
import re
import time

import pytest
from seedfiles import FIXTURES, RECORD, SEEDS

from bot import names
from bot.answers.quote import quote
from bot.names import candidates, country_forms, names_of, official, resolve


def ids(found):
    return [e.id for e in found]


@pytest.mark.parametrize("text", ["Russia", "俄罗斯", "俄罗斯联邦", "Russian Federation", "RF", "russian  federation",
                                  "Fédération de Russie", "Российская Федерация", "РФ", "the Russian Federation"])
def test_every_name_of_russia_resolves_to_the_russian_federation(text):
    assert resolve(text).id == "RUS"


@pytest.mark.parametrize("text", ["白俄罗斯", "Belarus", "Bélarus", "Беларусь"])
def test_belarus_resolves_to_belarus(text):
    assert resolve(text).id == "BLR"


def test_russia_in_chinese_is_never_belarus():
    assert ids(candidates("俄罗斯")) == ["RUS"]
    assert ids(candidates("俄罗斯联邦")) == ["RUS"]
    assert ids(candidates("白俄罗斯")) == ["BLR"]


@pytest.mark.parametrize("text", ["CSTO", "集安组织", "集体安全条约组织", "ОДКБ", "Collective Security Treaty Organization",
                                  "OTSC", "Организация Договора о коллективной безопасности", "集體安全條約組織"])
def test_every_name_of_the_csto_resolves_to_one_organisation(text):
    e = resolve(text)
    assert (e.id, e.kind) == ("org:csto", "organization")


def test_traditional_chinese_resolves_like_simplified():
    assert resolve("俄羅斯聯邦").id == "RUS"
    assert resolve("大不列顛及北愛爾蘭聯合王國").id == "GBR"


@pytest.mark.parametrize("text", ["United States", "美国", "USA", "美利坚合众国", "United States of America", "U.S.", "ＵＳＡ"])
def test_every_name_of_the_united_states_resolves_to_it(text):
    assert resolve(text).id == "USA"


@pytest.mark.parametrize("text", ["Türkiye", "Turkey", "土耳其", "turkiye"])
def test_turkiye_and_its_former_english_name_resolve_to_it(text):
    assert resolve(text).id == "TUR"


@pytest.mark.parametrize("text", ["%", "_", "%%", "%罗%", "俄_斯", "Ru%", "", "   ", "the"])
def test_percent_and_underscore_are_characters_not_wildcards(text):
    assert resolve(text) is None
    assert candidates(text) == []


def test_every_member_state_has_chinese_and_english_names():
    states = names.entities("state")
    assert len(states) == 193
    assert len({e.iso2 for e in states}) == 193
    for e in states:
        assert re.fullmatch(r"[A-Z]{3}", e.id)
        assert names_of(e, "zh") and names_of(e, "en"), e.id


def test_the_two_observer_states_are_observers():
    assert [(e.id, official(e, "en")) for e in names.entities("observer")] == [
        ("VAT", "Holy See"), ("PSE", "State of Palestine")]
    assert official(resolve("巴勒斯坦国"), "fr") == "État de Palestine"


@pytest.mark.parametrize("text, lang, name", [
    ("Russia", "zh", "俄罗斯联邦"),
    ("Russia", "en", "Russian Federation"),
    ("UK", "en", "United Kingdom of Great Britain and Northern Ireland"),
    ("UK", "zh", "大不列颠及北爱尔兰联合王国"),
    ("Bolivia", "en", "Bolivia (Plurinational State of)"),
    ("North Korea", "en", "Democratic People's Republic of Korea"),
    ("DPRK", "zh", "朝鲜民主主义人民共和国"),
    ("Ivory Coast", "en", "Côte d'Ivoire"),
    ("Vatican", "zh", "教廷"),
    ("Russia", "zh-Hant", "俄羅斯聯邦"),
    ("CSTO", "ru", "Организация Договора о коллективной безопасности"),
])
def test_official_gives_the_un_name_not_cldrs(text, lang, name):
    assert official(resolve(text), lang) == name


def test_names_of_gives_every_language_official_first():
    russia = resolve("Russia")
    every = names_of(russia)
    for name in ("俄罗斯联邦", "俄罗斯", "Russian Federation", "Russia", "Fédération de Russie", "Federación de Rusia",
                 "Российская Федерация", "الاتحاد الروسي", "俄羅斯聯邦"):
        assert name in every
    assert every[0] == "俄罗斯联邦"
    assert names_of(russia, "en")[0] == "Russian Federation"
    assert "白俄罗斯" not in every


@pytest.mark.parametrize("text, expected", [
    ("Rusia", "RUS"), ("Belarsu", "BLR"), ("Frnace", "FRA"), ("俄罗期联邦", "RUS"),
    ("Collective Security Treaty Organisaton", "org:csto"), ("Democratic Republic of Congo", "COD"),
])
def test_candidates_forgive_a_typo(text, expected):
    assert ids(candidates(text))[0] == expected


def test_candidates_of_a_part_put_the_name_it_begins_first():
    assert ids(candidates("俄罗")) == ["RUS", "BLR"]
    assert set(ids(candidates("Korea"))) == {"KOR", "PRK"}


def test_a_name_inside_a_longer_name_is_not_found_on_its_own():
    assert ids(candidates("白俄罗斯代表团")) == ["BLR"]
    assert ids(candidates("俄罗斯代表团")) == ["RUS"]


def test_no_two_entities_share_a_name():
    assert names.conflicts() == []


def _label_countries() -> set[str]:
    """The （country） of every speaker label in the Chinese Security Council record."""
    text = (SEEDS / RECORD).read_text(encoding="utf-8")
    # A label may wrap inside its （以…发言）: the country's bracket is followed by that or by "：".
    return set(re.findall(r"^\s*[^\s（）：]{1,20}（(?!以)([^（）]{1,20})）(?:（以|：)", text, re.MULTILINE))


def test_every_country_in_the_seed_records_speaker_labels_resolves():
    found = _label_countries()
    assert {"肯尼亚", "印度", "墨西哥", "阿尔巴尼亚", "加纳", "加蓬", "巴西", "挪威", "爱尔兰", "阿拉伯联合酋长国", "中国",
            "美利坚合众国", "联合王国", "法国", "亚美尼亚", "白俄罗斯", "哈萨克斯坦", "吉尔吉斯斯坦", "塔吉克斯坦"} <= found
    for country in found:
        e = resolve(country)
        assert e is not None and e.kind == "state", country
    # The presidency, which speaks from the chair, and the organisation invited to brief.
    assert resolve("俄罗斯联邦").id == "RUS"
    assert resolve("集体安全条约组织").id == "org:csto"


@pytest.mark.parametrize("short, eid", [("集安组织", "org:csto"), ("欧安组织", "org:osce"), ("非盟", "org:au"),
                                        ("美洲组织", "org:oas"), ("联合国", "org:un")])
def test_the_organisations_the_seed_record_abbreviates_resolve(short, eid):
    assert resolve(short).id == eid


def test_derived_file_is_what_babel_and_opencc_give_today():
    """bot/data/derived_names.json is a snapshot; after upgrading Babel or OpenCC, or editing
    un_names.json, regenerate it with `uv run python -m bot.names`."""
    assert json.loads(names.DERIVED.read_text(encoding="utf-8")) == names.derive()


def test_name_files_say_their_sources():
    un = json.loads(names.UN_NAMES.read_text(encoding="utf-8"))
    derived = json.loads(names.DERIVED.read_text(encoding="utf-8"))
    assert "United Nations" in un["source"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", un["date"])
    assert f"CLDR {derived['cldr']}" in derived["source"] and f"Babel {derived['babel']}" in derived["source"]


def test_tables_build_in_well_under_50_ms():
    un = json.loads(names.UN_NAMES.read_text(encoding="utf-8"))
    derived = json.loads(names.DERIVED.read_text(encoding="utf-8"))
    names._build(un, derived)  # warm: fold's converter
    start = time.perf_counter()
    names._build(json.loads(names.UN_NAMES.read_text(encoding="utf-8")),
                 json.loads(names.DERIVED.read_text(encoding="utf-8")))
    assert time.perf_counter() - start < 0.05


def test_quote_takes_a_country_in_english(seeded_db):
    got = quote(seeded_db, "Russia", index=0, limit=50)
    assert {(q["speaker"], q["country"]) for q in got["quotes"]} == {("韦尔希宁先生", "俄罗斯联邦")}
    assert got["of"] == quote(seeded_db, "俄罗斯联邦", index=0)["of"] > 0


def test_quote_takes_an_organisations_acronym(seeded_db):
    for who in ("CSTO", "集安组织", "ОДКБ"):
        got = quote(seeded_db, who, index=0, limit=50)
        assert {q["speaker"] for q in got["quotes"]} == {"扎斯先生"}, who


def test_quote_of_russia_in_chinese_never_quotes_belarus(seeded_db):
    assert {q["country"] for q in quote(seeded_db, "俄罗斯", index=0, limit=50)["quotes"]} == {"俄罗斯联邦"}
    assert {q["country"] for q in quote(seeded_db, "Belarus", index=0, limit=50)["quotes"]} == {"白俄罗斯"}


def test_quote_of_a_short_name_finds_the_records_long_one(seeded_db):
    assert {q["country"] for q in quote(seeded_db, "UK", index=0, limit=50)["quotes"]} == {"联合王国"}
    assert {q["country"] for q in quote(seeded_db, "美国", index=0, limit=50)["quotes"]} == {"美利坚合众国"}


def test_quote_of_a_country_finds_a_traditional_record(tmp_path):
    from bot.ingest import ingest
    from bot.store import Store

    store = Store(tmp_path / "t.db")
    assert ingest([FIXTURES / "docs" / "record_traditional.txt"], store).ok
    assert {q["speaker"] for q in quote(store, "CSTO", index=0, limit=50)["quotes"]} == {"科瓦廖夫先生"}
    assert {q["speaker"] for q in quote(store, "China", index=0, limit=50)["quotes"]} == {"張偉先生"}


def test_country_forms_of_russia_never_include_belarus():
    forms = country_forms("俄罗斯")
    assert {"俄罗斯联邦", "俄羅斯聯邦", "Russian Federation", "Fédération de Russie"} <= set(forms)
    assert not any("白俄" in f or "Belarus" in f for f in forms)
    assert country_forms("Côte d'Ivoire") and "Côte d’Ivoire" in country_forms("Côte d'Ivoire")


def test_country_forms_of_an_unknown_name_is_none():
    assert country_forms("湖区共和国") is None
    assert country_forms("%") is None


def test_country_forms_select_exactly_the_entitys_paragraphs(seeded_db):
    def countries(text):
        forms = country_forms(text)
        rows = seeded_db.db.execute(
            f"SELECT DISTINCT country FROM paragraphs WHERE country IN ({','.join('?' * len(forms))})", forms)
        return {r[0] for r in rows}

    assert countries("俄罗斯") == {"俄罗斯联邦"}
    assert countries("Russia") == {"俄罗斯联邦"}
    assert countries("Belarus") == {"白俄罗斯"}
    assert countries("CSTO") == {"集体安全条约组织"}
    assert countries("United Kingdom") == {"联合王国"}
