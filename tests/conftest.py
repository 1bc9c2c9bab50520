import json

import pytest
from seedfiles import FIXTURES, SEEDS


@pytest.fixture(scope="session")
def catalog():
    return json.loads((SEEDS / "catalog.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed(catalog):
    """Parse a seed by file name (cached per session: parsing is pure)."""
    from bot.parse import parse_text

    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = parse_text((SEEDS / name).read_text(encoding="utf-8"), name, catalog)
        return cache[name]

    return get


@pytest.fixture(scope="session")
def doc():
    """Parse a fixture document (tests/fixtures/docs/NAME) by name (cached per session)."""
    from bot.parse import parse_text
    from bot.read import read_text

    cache = {}

    def load(name):
        if name not in cache:
            cache[name] = parse_text(read_text(FIXTURES / "docs" / name), name)
        return cache[name]

    return load


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory):
    """A database built from the seeds once per test session (read-only for tests)."""
    from bot.ingest import ingest
    from bot.store import Store

    path = tmp_path_factory.mktemp("db") / "plenary.db"
    store = Store(path)
    report = ingest([SEEDS], store)
    assert report.ok, report.failed
    return store


@pytest.fixture(scope="session")
def seed_db_bytes(tmp_path_factory):
    """The seeds' database, built once per session, as bytes to copy where a test may write."""
    from bot.ingest import ingest
    from bot.store import Store

    path = tmp_path_factory.mktemp("seed-db") / "plenary.db"
    store = Store(path)
    assert ingest([SEEDS], store).ok
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path.read_bytes()


@pytest.fixture
def db_path(tmp_path, seed_db_bytes):
    """A writable copy of the seeds' database."""
    path = tmp_path / "plenary.db"
    path.write_bytes(seed_db_bytes)
    return path


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server's URL (tests/pgserver.py): PLENARY_TEST_POSTGRES_URL, or one
    started for this run. A run that can't have one fails; it does not skip."""
    from pgserver import NoPostgres, server_url

    try:
        with server_url() as url:
            yield url
    except NoPostgres as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture
def postgres_url(postgres_server):
    """A schema of its own in that server, for one test."""
    from pgserver import fresh_schema

    with fresh_schema(postgres_server) as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def state_url(request, tmp_path):
    """The same state tests on both backends."""
    if request.param == "sqlite":
        return str(tmp_path / "state.db")
    return request.getfixturevalue("postgres_url")
