"""A real PostgreSQL for the tests that need one (marked ``postgres``); never a mock.

PLENARY_TEST_POSTGRES_URL, when set (CI sets it: .ci/run starts Debian's cluster), names a
database the tests may create schemas in. Otherwise a private server is started for the run
from the installed PostgreSQL binaries (initdb and pg_ctl in a temporary folder, on a Unix
socket; as root, through ``runuser -u postgres``, since PostgreSQL refuses to run as root).
If neither works the tests fail, saying what to install: they are never skipped quietly.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote


class NoPostgres(RuntimeError):
    pass


def _bin(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if not found:
        raise NoPostgres(f"PostgreSQL's {name} is not installed: install PostgreSQL (apt-get install postgresql) "
                         f"or set PLENARY_TEST_POSTGRES_URL to a database the tests may use")
    return found


@contextmanager
def private_server() -> Iterator[str]:
    """Start a throw-away server; yield its URL; stop and remove it."""
    root = os.geteuid() == 0
    as_owner = ["runuser", "-u", "postgres", "--"] if root else []
    folder = Path(tempfile.mkdtemp(prefix="plenary-pg-"))
    data, sock = folder / "data", folder / "sock"
    sock.mkdir()
    if root:
        shutil.chown(folder, "postgres")
        shutil.chown(sock, "postgres")
        folder.chmod(0o755)
    user = "postgres" if root else os.environ.get("USER", "postgres")

    def run(*cmd: str) -> None:
        done = subprocess.run([*as_owner, *cmd], capture_output=True, text=True)
        if done.returncode:
            raise NoPostgres(f"{' '.join(cmd[:1])} failed: {done.stderr.strip() or done.stdout.strip()}")

    run(_bin("initdb"), "-D", str(data), "-U", user, "--auth=trust", "-E", "UTF8", "--no-sync")
    run(_bin("pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"),
        "-o", f"-k {sock} -c listen_addresses='' -c fsync=off", "start")
    try:
        yield f"postgresql://{user}@/postgres?host={quote(str(sock))}"
    finally:
        subprocess.run([*as_owner, _bin("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def server_url() -> Iterator[str]:
    url = os.environ.get("PLENARY_TEST_POSTGRES_URL", "").strip()
    if url:
        yield url
    else:
        with private_server() as started:
            yield started


def with_schema(url: str, schema: str) -> str:
    """The URL with every connection's search_path set to ``schema``."""
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={schema}')}"


@contextmanager
def fresh_schema(url: str) -> Iterator[str]:
    """A schema of its own for one test, dropped after; yields a URL that uses it."""
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield with_schema(url, schema)
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
