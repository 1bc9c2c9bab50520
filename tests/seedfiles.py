"""Where the tests find the seeds and fixtures (tests/ is on sys.path under pytest)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

RES_75_276 = "000_f1a9a3be852b4a06.txt"
LETTER = "001_cad8b63664231793.txt"
RES_75_268 = "002_ffb2bd4a5d284aa7.txt"
RECORD = "004_2378875611170316.txt"
