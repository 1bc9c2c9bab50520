"""Where ingest time goes, per paragraph: parse, index (fold, grams, citations), store, and
the pickle hand-over from a worker to the writer, each timed on its own in one process.

    uv run python bench/stages.py /tmp/plenary-bench-100000/corpus
"""

from __future__ import annotations

import pickle
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.files import expand
from bot.parse import parse_text
from bot.read import read_text
from bot.store import Store, index_document


def main() -> None:
    files = expand([Path(sys.argv[1])])
    texts = [(f, read_text(f)) for f in files]
    t = time.perf_counter()
    docs = [parse_text(text, f.name) for f, text in texts]
    parse = time.perf_counter() - t
    n = sum(len(d.paragraphs) for d in docs)
    t = time.perf_counter()
    items = [index_document(d) for d in docs]
    index = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "stages.db")
        t = time.perf_counter()
        with store.transaction():
            for k, (f, item) in enumerate(zip(files, items)):
                store.replace(item, str(f), str(k), "now")
        write = time.perf_counter() - t
        store.close()
    t = time.perf_counter()
    for blob in [pickle.dumps(i) for i in items]:
        pickle.loads(blob)
    handover = time.perf_counter() - t
    print(f"{n} paragraphs, µs per paragraph: parse {parse / n * 1e6:.0f}, fold+grams+citations "
          f"{index / n * 1e6:.0f}, store {write / n * 1e6:.0f}, pickle round trip {handover / n * 1e6:.0f}")


if __name__ == "__main__":
    main()
