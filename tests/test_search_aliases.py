"""Names people use, in search: a country or organisation is found by any of its names in any
language, and the country filter is exact on the entity it names."""

from bot.answers.search import search


def test_an_acronym_finds_the_chinese_paragraphs_by_their_names(seeded_db):
    texts = [h.text for h in search(seeded_db, "CSTO", limit=50).results]
    assert any("集体安全条约组织" in t for t in texts) and any("集安组织" in t for t in texts)


def test_russia_finds_the_russian_federation_never_belarus_alone(seeded_db):
    hits = search(seeded_db, "Russia", limit=50).results
    assert hits and all("俄罗斯联邦" in h.text or "俄罗斯" in h.text.replace("白俄罗斯", "") for h in hits)


def test_a_name_that_is_not_a_country_searches_as_typed(seeded_db):
    assert search(seeded_db, "多功能机构").results[0].label == "PP7"


def test_the_country_filter_is_exact_on_the_entity(seeded_db):
    ru = search(seeded_db, "集体安全条约组织", country="俄罗斯", limit=50).results
    assert ru and {h.country for h in ru} == {"俄罗斯联邦"}
    by = search(seeded_db, "集体安全条约组织", country="Belarus", limit=50).results
    assert by and {h.country for h in by} == {"白俄罗斯"}


def test_the_country_filter_takes_percent_and_underscore_literally(seeded_db):
    assert search(seeded_db, "集体安全条约组织", country="%").results == []
    assert search(seeded_db, "集体安全条约组织", country="_").results == []


def test_a_query_in_a_language_the_corpus_lacks_says_which_it_holds(seeded_db):
    result = search(seeded_db, "Conseil de sécurité des Nations")
    assert result.total == 0 and result.hint == {"language": "fr", "held": ["zh"], "suggestion": None}


def test_it_suggests_the_name_in_a_language_the_corpus_holds(seeded_db):
    from bot.render.labels import hint_lines

    hint = {"language": "fr", "held": ["zh"], "suggestion": "集体安全条约组织"}
    assert hint_lines(hint, "en") == ["The corpus holds documents in zh, none in fr.", "Try: 集体安全条约组织"]


def test_an_alias_querys_pages_go_on_past_fifty_hits(seeded_db):
    """集安组织 also finds 集体安全条约组织: over a hundred hits in the seeds; every page holds
    new ones until the last (each form's hits past the 50th were dropped before)."""
    from bot.answers.search import search

    seen: list[int] = []
    for offset in range(0, 400, 50):
        page = search(seeded_db, "集安组织", offset=offset, limit=50).results
        seen += [h.paragraph_id for h in page]
        if len(page) < 50:
            break
    assert len(seen) == len(set(seen)) > 100
