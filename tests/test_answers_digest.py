"""The digest: new by the document's own date, follow-ups due, a substantive spotlight, cheap."""

from datetime import UTC, date, datetime

from bot.answers.digest import Profiles, digest, permuted, session_of
from bot.answers.quote import is_courtesy
from bot.service import Plenary


def test_a_first_ingest_of_old_documents_is_added_not_new(seeded_db):
    d = digest(seeded_db, day=datetime.now(UTC).date())
    assert d["new_documents"] == []
    assert {x["symbol"] for x in d["added_documents"]} >= {"A/RES/75/276", "S/PV.8967"}


def test_new_means_dated_since(seeded_db):
    d = digest(seeded_db, since=datetime(2022, 2, 16, tzinfo=UTC), day=date(2022, 2, 17))
    assert [x["symbol"] for x in d["new_documents"]] == ["S/PV.8967"]


def test_follow_ups_due_in_this_session_or_the_next(seeded_db):
    d = digest(seeded_db, day=date(2022, 10, 1))
    assert d["sessions"] == [77, 78]
    assert [(f["symbol"], f["label"]) for f in d["follow_ups_due"]] == [
        ("A/RES/75/268", "OP4"), ("A/RES/75/268", "OP5"), ("A/RES/75/276", "OP8"), ("A/RES/75/276", "OP9")]
    assert digest(seeded_db, day=date(2026, 11, 24))["follow_ups_due"] == []


def test_the_session_under_way():
    assert (session_of(date(2021, 9, 20)), session_of(date(2022, 3, 1)), session_of(date(2022, 9, 13))) == (76, 76, 77)


def test_the_quote_of_the_day_is_substantive_every_day(seeded_db):
    quotes = [digest(seeded_db, day=date(2026, 1, 1 + k))["spotlight"][1] for k in range(30)]
    assert all(not is_courtesy(q["text"]) and q["capacity"] != "chair" for q in quotes)
    assert len({q["label"] for q in quotes}) == 30


def test_the_permutation_visits_everything_once():
    for size in (1, 2, 19, 100, 997, 1000):
        assert sorted(permuted(n, size) for n in range(size)) == list(range(size))


def test_the_digest_is_computed_once_a_day_for_every_server(seeded_db, monkeypatch):
    from bot import service

    calls = []
    real = service.digest
    monkeypatch.setattr(service, "digest", lambda *a, **k: calls.append(1) or real(*a, **k))
    p = Plenary(seeded_db, warm=False)
    day = date(2026, 11, 24)
    for _ in range(5):  # five servers due at once
        p.digest(None, day)
    assert len(calls) == 1


def test_profiles_are_kept_and_only_new_documents_read(seeded_db, monkeypatch):
    import bot.answers.digest as d

    Profiles.of(seeded_db)
    Profiles._memory.clear()
    read = []
    monkeypatch.setattr(d, "_profile", lambda store, doc: read.append(doc["doc_id"]))
    Profiles.of(seeded_db)  # from the meta table: no document read again
    assert read == []
