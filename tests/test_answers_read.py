"""plenary read / /read: a speaker's whole statement, a section, or the whole document, in pages."""

from bot.answers.read import pages, read, section_of


def test_a_speakers_whole_statement_is_every_turn_in_order(seeded_db):
    r = read(seeded_db, "S/PV.8967", "韦尔希宁")
    turns = [b["turn"] for b in r["blocks"]]
    assert turns == sorted(turns) and len(set(turns)) == 8 and r["paragraphs"] == 30
    labels = [p["label"] for b in r["blocks"] for p in b["paragraphs"]]
    assert labels == sorted(labels, key=lambda x: int(x[1:]))


def test_a_country_reads_its_delegates_statement_not_the_chair(seeded_db):
    r = read(seeded_db, "S/PV.8967", "俄罗斯")
    assert r["mode"] == "statement" and r["paragraphs"] == 16
    assert {b["capacity"] for b in r["blocks"]} == {"national"}


def test_a_statement_forgives_a_typo_in_the_name(seeded_db):
    r = read(seeded_db, "S/PV.8967", "张君")
    assert r["corrected"]["name"] == "张军先生" and r["paragraphs"] == 11


def test_a_resolution_section(seeded_db):
    r = read(seeded_db, "75/276", "operative")
    assert [p["label"] for p in r["blocks"][0]["paragraphs"]] == [f"OP{i}" for i in range(1, 10)]


def test_a_section_in_chinese_and_an_annex(seeded_db):
    assert read(seeded_db, "75/276", "执行部分")["paragraphs"] == 9
    annex = read(seeded_db, "letter-2009-07-14", "附件二 执行部分")
    assert [p["label"] for p in annex["blocks"][0]["paragraphs"]] == [f"Annex II OP{i}" for i in range(1, 6)]


def test_the_whole_document_when_nothing_more_is_asked(seeded_db):
    r = read(seeded_db, "S/PV.8967")
    assert r["mode"] == "document" and r["paragraphs"] == 251 and len(r["pages"]) > 1


def test_pages_never_cut_a_paragraph_and_keep_the_order(seeded_db):
    r = read(seeded_db, "S/PV.8967")
    flat = [p["label"] for page in r["pages"] for b in page for p in b["paragraphs"]]
    assert flat == [p["label"] for b in r["blocks"] for p in b["paragraphs"]]
    assert any(b["continued"] for page in r["pages"][1:] for b in page[:1])


def test_pages_of_a_given_size():
    blocks = [{"turn": 1, "paragraphs": [{"label": f"¶{i}", "text": "字" * 100} for i in range(10)]}]
    assert [sum(len(b["paragraphs"]) for b in page) for page in pages(blocks, size=350)] == [3, 3, 3, 1]


def test_nothing_to_read_names_the_sections(seeded_db):
    r = read(seeded_db, "75/276", "nobody here")
    assert r["paragraphs"] == 0 and "operative" in r["sections"]


def test_an_unknown_document_is_not_found_with_suggestions(seeded_db):
    r = read(seeded_db, "A/RES/75/277")
    assert r["found"] is False and r["suggestions"]


def test_section_words():
    assert section_of("annex II") == ("II", None) and section_of("OP") == (None, "operative")
    assert section_of("序言部分") == (None, "preamble") and section_of("张军") is None


def test_plenary_read_on_the_command_line(seeded_db):
    import json

    from click.testing import CliRunner

    from bot.cli import main

    r = CliRunner().invoke(main, ["read", "S/PV.8967", "张军", "--db", str(seeded_db.path), "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["paragraphs"] == 11
    text = CliRunner().invoke(main, ["read", "75/276", "operative", "--db", str(seeded_db.path)])
    assert "OP9" in text.output
    nothing = CliRunner().invoke(main, ["read", "75/276", "nobody", "--db", str(seeded_db.path)])
    assert nothing.exit_code == 1 and "Sections" in nothing.output
