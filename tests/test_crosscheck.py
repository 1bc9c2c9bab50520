"""The corpus-wide self-check of paragraph references, and the reference forms it reads."""

import json
import shutil

import pytest
from seedfiles import SEEDS

from bot.crosscheck import check_refs
from bot.ingest import ingest
from bot.references import find_paragraph_refs
from bot.store import Store


@pytest.mark.parametrize(
    ("text", "symbol", "label"),
    [
        ("（大会第75/276号决议序言部分第七段）", "A/RES/75/276", "PP7"),
        ("第75/276號決議執行部分第4段", "A/RES/75/276", "OP4"),
        ("第1631(2005)号决议第3段", "S/RES/1631 (2005)", "OP3"),
        ("第1631（2005）号决议执行部分第3段(a)", "S/RES/1631 (2005)", "OP3(a)"),
        ("75/276 OP4", "A/RES/75/276", "OP4"),
        ("A/RES/75/276, OP2(a)", "A/RES/75/276", "OP2(a)"),
        ("paragraph 4 of resolution 75/276", "A/RES/75/276", "OP4"),
        ("preambular paragraph 7 of General Assembly resolution 75/276", "A/RES/75/276", "PP7"),
        ("resolution 75/276, para. 4", "A/RES/75/276", "OP4"),
    ],
)
def test_paragraph_reference_forms(text, symbol, label):
    (ref,) = find_paragraph_refs(text)
    assert (ref.symbol, ref.label) == (symbol, label)


def test_a_symbol_without_a_paragraph_is_not_a_paragraph_reference():
    assert find_paragraph_refs("大会第75/276号决议称赞本组织") == []


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "docs"
    shutil.copytree(SEEDS, folder)
    store = Store(tmp_path / "p.db")
    return folder, store


def test_the_seeds_agree_with_themselves(corpus):
    """S/PV.8967 quotes 75/276's PP7 (多功能机构): with the official numbering, no mismatch."""
    folder, store = corpus
    ingest([folder], store)
    assert check_refs(store) == []


def test_a_quotation_that_is_not_in_the_named_paragraph_is_a_warning(corpus):
    folder, store = corpus
    ingest([folder], store)
    store.db.execute("UPDATE paragraphs SET text = '另一段文字，' WHERE doc_id = 'A/RES/75/276' AND label = 'PP7'")
    store.db.conn.commit()
    (m,) = check_refs(store)
    assert (m.doc_id, m.cited, m.reason) == ("S/PV.8967", "A/RES/75/276 PP7", "the quoted words are not in that paragraph")
    warnings = json.loads(store.one("SELECT warnings FROM documents WHERE doc_id = 'S/PV.8967'")["warnings"])
    assert warnings == [m.message()]


def test_a_reference_to_a_paragraph_the_document_lacks_is_a_warning(corpus):
    folder, store = corpus
    (folder / "note.txt").write_text("一份说明\n\n关于大会第75/276号决议执行部分第12段的说明。\n", encoding="utf-8")
    ingest([folder], store)
    (m,) = check_refs(store)
    assert m.cited == "A/RES/75/276 OP12" and m.reason.startswith("the corpus has no such paragraph")


def test_a_recheck_replaces_earlier_self_check_warnings(corpus):
    folder, store = corpus
    ingest([folder], store)
    store.db.execute("UPDATE paragraphs SET text = '另一段文字，' WHERE doc_id = 'A/RES/75/276' AND label = 'PP7'")
    store.db.conn.commit()
    check_refs(store)
    check_refs(store)
    warnings = json.loads(store.one("SELECT warnings FROM documents WHERE doc_id = 'S/PV.8967'")["warnings"])
    assert len(warnings) == 1


def test_ingest_reports_a_mismatch_found_by_the_self_check(corpus):
    folder, store = corpus
    (folder / "note.txt").write_text("一份说明\n\n关于大会第75/276号决议执行部分第12段的说明。\n", encoding="utf-8")
    report = ingest([folder], store)
    assert [(path.endswith("note.txt"), w.startswith("cites A/RES/75/276 OP12")) for path, w in report.warnings
            if w.startswith("cites")] == [(True, True)]
