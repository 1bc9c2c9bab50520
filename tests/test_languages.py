"""Documents in each of the six UN languages: detected as written, stored with their language,
and found by a word of their own. The French, Spanish, Russian and Arabic fixtures are short
texts of our own in the UN's style (tests/fixtures/docs/{fr,es,ru,ar}_*.txt); the English ones
mirror the Chinese fixtures."""

import pytest
from seedfiles import FIXTURES

from bot.answers.search import search
from bot.ingest import ingest
from bot.language import detect
from bot.parse import read_text
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


def test_two_language_versions_of_one_record_are_two_documents(store):
    assert {r["doc_id"] for r in store.query("SELECT doc_id FROM documents WHERE symbol = 'S/PV.9998'")} == {
        "S/PV.9998", "S/PV.9998@en"}


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_word_of_the_document_finds_it(store, name):
    language, _, _, symbol, word = FILES[name]
    doc_id = symbol if language == "zh" else f"{symbol}@{language}"
    found = search(store, word, limit=20)
    assert doc_id in {h.doc_id for h in found.results}, (word, found.results)
