"""Watches (bot/watches.py): new matches alert once, on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import shutil
import threading
from datetime import UTC, datetime, timedelta

import pytest
from seedfiles import SEEDS

from bot import watches
from bot.ingest import ingest
from bot.state import open_state
from bot.store import Store

RECORD = "004_2378875611170316.txt"
T0 = datetime(2026, 11, 1, tzinfo=UTC)


@pytest.fixture
def corpus(tmp_path):
    """The seeds without the record S/PV.8967, which the tests ingest later; the catalog
    comes along (it names the seeds' symbols and dates)."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for f in SEEDS.iterdir():
        if f.name != RECORD:
            shutil.copy(f, folder / f.name)
    store = Store(tmp_path / "plenary.db")
    ingest([folder], store, now=T0)
    return store, folder


def add_record(store, folder, when=T0 + timedelta(days=1)):
    shutil.copy(SEEDS / RECORD, folder / RECORD)
    return ingest([folder / RECORD], store, now=when)


def pending(state):
    return state.pending_alerts()


def test_a_new_match_alerts_once(corpus, state_url):
    store, folder = corpus
    state = open_state(state_url)
    w = watches.add(state, store, "query", "集安组织")
    assert watches.scan(store, state).alerts == {}  # nothing new yet
    add_record(store, folder)
    first = watches.scan(store, state)
    assert first.alerts[w.id] == len(pending(state)) > 0
    assert all(a["symbol"] == "S/PV.8967" and "**" in a["excerpt"] for a in pending(state))
    from bot.answers.search import search

    best = search(store, "集安组织", symbol="S/PV.8967", limit=3).results
    assert [a["label"] for a in pending(state)[:3]] == [h.label for h in best]  # best first, as /search
    assert watches.scan(store, state).alerts == {}


def test_a_watch_made_after_an_ingest_does_not_alert_on_what_was_there(corpus, state_url):
    store, folder = corpus
    add_record(store, folder)
    state = open_state(state_url)
    watches.add(state, store, "query", "集安组织")
    assert watches.scan(store, state).alerts == {} and pending(state) == []


def test_re_ingesting_and_re_parsing_never_alert_again(corpus, state_url):
    store, folder = corpus
    state = open_state(state_url)
    watches.add(state, store, "query", "集安组织")
    add_record(store, folder)
    before = len(watches.scan(store, state).alerts and pending(state))
    assert ingest([folder], store, now=T0 + timedelta(days=2)).unchanged  # the same bytes: nothing to do
    store.set_meta("parser_version", "0")  # as after an upgrade of the grammars: every file re-read
    report = ingest([folder], store, now=T0 + timedelta(days=3))
    assert len(report.replaced) == 4
    assert watches.scan(store, state).alerts == {} and len(pending(state)) == before


def test_a_changed_document_alerts_only_for_its_new_matches(corpus, state_url):
    store, folder = corpus
    state = open_state(state_url)
    w = watches.add(state, store, "query", "集安组织")
    add_record(store, folder)
    watches.scan(store, state)
    before = len(pending(state))
    text = (folder / RECORD).read_text(encoding="utf-8")
    # a statement that did not mention 集安组织 now does (its first words are on one line)
    plain = next(r["text"] for r in store.query(
        "SELECT text FROM paragraphs WHERE doc_id = 'S/PV.8967' AND section = 'statement' AND length(text) > 80 "
        "AND text NOT LIKE '%集安组织%' ORDER BY seq LIMIT 1 OFFSET 10"))
    start = plain[:8]
    assert text.count(start) == 1
    (folder / RECORD).write_text(text.replace(start, "我们欢迎集安组织与联合国之间加强合作。" + start), encoding="utf-8")
    assert ingest([folder / RECORD], store, now=T0 + timedelta(days=2)).replaced
    report = watches.scan(store, state)
    assert report.alerts == {w.id: 1}
    new = [a for a in pending(state)][before:]
    assert len(pending(state)) == before + 1 and "集安组织" in new[0]["excerpt"]


def test_a_symbol_watch_fires_on_a_citing_document(corpus, state_url):
    store, folder = corpus
    state = open_state(state_url)
    w = watches.add(state, store, "symbol", "第75/276号决议")
    assert w.value == "A/RES/75/276"
    add_record(store, folder)
    assert watches.scan(store, state).alerts[w.id] >= 1
    assert {a["why"] for a in pending(state)} == {"cites"} and pending(state)[0]["symbol"] == "S/PV.8967"
    assert [a["label"] for a in pending(state)] == ["¶31", "¶32"]  # in the document's order


def test_a_symbol_watch_fires_on_a_new_version(tmp_path, state_url):
    from seedfiles import FIXTURES

    store = Store(tmp_path / "p.db")
    state = open_state(state_url)
    ingest([FIXTURES / "docs" / "en_sc_resolution.txt"], store, now=T0)
    symbol = store.one("SELECT symbol FROM documents")["symbol"]
    w = watches.add(state, store, "symbol", symbol)
    ingest([FIXTURES / "docs" / "sc_resolution.txt"], store, now=T0 + timedelta(days=1))
    if store.one("SELECT count(*) AS n FROM documents WHERE symbol = ?", [symbol])["n"] < 2:
        pytest.skip("the fixtures are not two versions of one resolution")
    assert watches.scan(store, state).alerts == {w.id: 1} and pending(state)[0]["why"] == "version"


@pytest.mark.parametrize(("kind", "value"), [("speaker", "张军"), ("country", "Russia")])
def test_a_speaker_or_country_watch_fires_when_they_speak_in_a_new_record(corpus, state_url, kind, value):
    store, folder = corpus
    state = open_state(state_url)
    w = watches.add(state, store, kind, value)
    add_record(store, folder)
    assert watches.scan(store, state).alerts[w.id] == 1
    assert pending(state)[0]["why"] == "spoke"


def test_kind_and_language_filters_hold(corpus, state_url):
    store, folder = corpus
    state = open_state(state_url)
    only_resolutions = watches.add(state, store, "query", "集安组织", doc_kind="resolution")
    only_english = watches.add(state, store, "query", "集安组织", language="en")
    add_record(store, folder)
    assert watches.scan(store, state).alerts == {}
    assert only_resolutions.doc_kind == "resolution" and only_english.language == "en"


def test_several_processes_scanning_at_once_raise_each_alert_once(corpus, state_url):
    store, folder = corpus
    watches.add(open_state(state_url), store, "query", "集安组织")
    add_record(store, folder)
    reports = []
    start = threading.Barrier(4)

    def scan():
        own = Store(store.path, readonly=True)
        state = open_state(state_url)
        start.wait()
        reports.append(watches.scan(own, state))

    threads = [threading.Thread(target=scan) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    totals = [sum(r.alerts.values()) for r in reports]
    assert sorted(totals)[:-1] == [0, 0, 0] and totals and max(totals) == len(pending(open_state(state_url)))


def test_delivered_alerts_are_no_longer_pending(corpus, state_url):
    store, folder = corpus
    state = open_state(state_url)
    w = watches.add(state, store, "speaker", "张军")
    add_record(store, folder)
    watches.scan(store, state)
    assert state.mark_delivered(w.id) == 1 and pending(state) == []


@pytest.mark.parametrize(("kind", "value", "said"), [
    ("symbol", "hello", "not a UN document symbol"), ("query", "   ", "needs something"),
    ("query", "x" * 201, "200 characters"), ("weather", "rain", "one of query")])
def test_a_watch_that_cannot_be_made_says_why(corpus, state_url, kind, value, said):
    store, _ = corpus
    with pytest.raises(watches.WatchError, match=said):
        watches.add(open_state(state_url), store, kind, value)


def test_removing_a_watch_removes_its_alerts(corpus, state_url):
    store, folder = corpus
    state = open_state(state_url)
    w = watches.add(state, store, "speaker", "张军")
    add_record(store, folder)
    watches.scan(store, state)
    assert state.remove_watch(w.id) and pending(state) == [] and watches.listed(state) == []
