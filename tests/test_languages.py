"""Documents in each of the six UN languages: detected as written, stored with their language,
and found by a word of their own. The French, Spanish, Russian and Arabic fixtures are short
texts of our own in the UN's style (tests/fixtures/docs/{fr,es,ru,ar}_*.txt); the English ones
mirror the Chinese fixtures."""

import pytest
from seedfiles import FIXTURES

from bot.answers.search import search
from bot.ingest import ingest
from bot.language import detect
from bot.read import read_text
from bot.store import Store

DOCS = FIXTURES / "docs"

# file: (language, script, kind, symbol, a word of its own)
FILES = {
    "fr_note_presidente_conseil.txt": ("fr", "Latn", "document", "S/2024/871", "sécheresse"),
    "es_resolucion_asamblea.txt": ("es", "Latn", "document", "A/RES/79/631", "humedales"),
    "ru_pismo_generalnomu_sekretaryu.txt": ("ru", "Cyrl", "document", "S/2024/872", "водохранилищ"),
    "ar_mothakkira_alamin_alamm.txt": ("ar", "Arab", "document", "A/79/633", "التصحر"),
    "en_sc_record.txt": ("en", "Latn", "record", "S/PV.9998", "cyclones"),
    "en_record_ga_plenary.txt": ("en", "Latn", "record", "A/78/PV.71", "transboundary"),
    "en_prst_numbered.txt": ("en", "Latn", "statement", "S/PRST/2023/7", "peacekeeping"),
    "en_letter_to_council.txt": ("en", "Latn", "letter", "S/2024/432", "unreported"),
    "sc_record.txt": ("zh", "Hans", "record", "S/PV.9998", "冰川"),
    "fr_sc_record.txt": ("fr", "Latn", "record", "S/PV.9998", "glaciers"),
    "es_sc_record.txt": ("es", "Latn", "record", "S/PV.9998", "glaciares"),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("languages") / "plenary.db")
    report = ingest([DOCS / name for name in FILES], store)
    assert report.ok, report.failed
    return store


def stored(store, symbol, language):
    rows = store.query("SELECT doc_id, kind, language FROM documents WHERE symbol = ? AND language = ?", (symbol, language))
    assert len(rows) == 1, (symbol, language)
    return rows[0]


@pytest.mark.parametrize("name", sorted(FILES))
def test_language_and_script_are_detected_from_the_text(name):
    language, script, *_ = FILES[name]
    found = detect(read_text(DOCS / name))
    assert (found.code, found.script) == (language, script)


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_document_is_stored_with_its_language_and_kind(store, name):
    language, _, kind, symbol, _ = FILES[name]
    row = stored(store, symbol, language)
    assert (row["kind"], row["language"]) == (kind, language)
    assert row["doc_id"] == (symbol if language == "zh" else f"{symbol}@{language}")


def test_language_versions_of_one_record_are_documents_of_their_own(store):
    assert {r["doc_id"] for r in store.query("SELECT doc_id FROM documents WHERE symbol = 'S/PV.9998'")} == {
        "S/PV.9998", "S/PV.9998@en", "S/PV.9998@fr", "S/PV.9998@es"}


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_word_of_the_document_finds_it(store, name):
    language, _, _, symbol, word = FILES[name]
    doc_id = symbol if language == "zh" else f"{symbol}@{language}"
    found = search(store, word, limit=20)
    assert doc_id in {h.doc_id for h in found.results}, (word, found.results)


# -- French and Spanish records: the record grammar from their tables ----------------------------


@pytest.mark.parametrize("name", ["fr_sc_record.txt", "es_sc_record.txt", "en_sc_record.txt"])
def test_record_in_each_language_mirrors_the_chinese_turn_for_turn(doc, name):
    zh, other = doc("sc_record.txt"), doc(name)
    assert [(t.speaker, t.language) for t in zh.turns] == [(t.speaker, t.language) for t in other.turns]
    assert [(p.label, p.turn) for p in zh.paragraphs] == [(p.label, p.turn) for p in other.paragraphs]
    assert (other.symbol, other.date, other.facts["opened"], other.facts["closed"]) == (
        "S/PV.9998", "2024-05-14", "10:05", "11:50")


def test_french_record_speakers_first_page_and_national_capacity(doc):
    d = doc("fr_sc_record.txt")
    assert [(s.name, s.honorific, s.country) for s in d.speakers][:3] == [
        ("M. Dupont", "M.", "France"),
        ("Mme Sosa", "Mme", "Organisation des Nations Unies pour l'alimentation et l'agriculture"),
        ("M. Zhang Jun", "M.", "Chine")]
    assert (d.body, d.session, d.meeting) == ("Conseil de sécurité", 79, "9998e séance")
    assert d.facts["members"]["Émirats arabes unis"] == "M. Abdulrahman"
    last = [p for p in d.paragraphs if p.turn == len(d.turns) - 1 and p.section == "statement"]
    assert [(p.capacity, p.country) for p in last] == [
        ("national", "France"), ("national", "France"), ("chair", None), ("chair", None)]


def test_french_and_spanish_switches_say_the_speaker_goes_on_in_another_language(doc):
    for name, switch in (("fr_sc_record.txt", "(l'oratrice poursuit en espagnol)"), ("es_sc_record.txt", "(continúa en español)")):
        d = doc(name)
        p = next(p for p in d.paragraphs if p.note == "language")
        assert (p.text, p.language) == (switch, "es")


def test_spanish_record_front_page_and_speakers(doc):
    d = doc("es_sc_record.txt")
    assert (d.body, d.session, d.meeting, d.facts["president"], d.facts["presidency"]) == (
        "Consejo de Seguridad", 79, "9998ª sesión", "Sr. Dupont", "Francia")
    assert d.facts["members"]["Emiratos Árabes Unidos"] == "Sr. Abdulrahman"
    assert [s.country for s in d.speakers][2:] == ["China", "Ecuador", "Mozambique", "Emiratos Árabes Unidos"]


def test_wrapped_lines_keep_the_space_between_words_of_any_alphabet():
    from bot.text import join_wrapped

    assert join_wrapped(["la sécurité", "internationales"]) == "la sécurité internationales"
    assert join_wrapped(["Emiratos", "Árabes Unidos"]) == "Emiratos Árabes Unidos"
    assert join_wrapped(["Организации", "Объединенных Наций"]) == "Организации Объединенных Наций"
    assert join_wrapped(["الأمم", "المتحدة"]) == "الأمم المتحدة"
