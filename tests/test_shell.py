"""plenary shell: the slash commands typed in a terminal get the bot's answers as text."""

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.service import Plenary
from bot.shell import answer, parse


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/quote 张军 阿富汗", ("quote", {"who": "张军", "topic": "阿富汗"})),
        ("/search 北约 演习 边界", ("search", {"query": "北约 演习 边界"})),
        ("/search 合作 speaker:张军 document:S/PV.8967", ("search", {"query": "合作", "speaker": "张军", "document": "S/PV.8967"})),
        ("/doc S/RES/1631 (2005)", ("doc", {"symbol": "S/RES/1631 (2005)"})),
        ("/corpus", ("corpus", {})),
    ],
)
def test_lines_parse_like_discord_options(line, expected):
    assert parse(line) == expected


def test_each_command_answers_on_the_seeds(seeded_db):
    p = Plenary(seeded_db)
    assert "**多功能机构**" in answer(p, "/search 多功熊机构")
    assert answer(p, "/doc 第75/276号决议").startswith("A/RES/75/276 — ")
    assert "cited by" in answer(p, "/doc 59/50")
    assert "session 77 (OP8)" in answer(p, "/summary 75/276")
    assert "张军先生（中国），以中文发言——S/PV.8967" in answer(p, "/quote 张军 阿富汗")
    assert "22. 希克马特先生（塔吉克斯坦）" in answer(p, "/speakers S/PV.8967")
    assert "4 documents" in answer(p, "/corpus")
    assert "Plenary digest" in answer(p, "/digest preview")


def test_mistakes_get_a_hint_not_an_error(seeded_db):
    p = Plenary(seeded_db)
    assert "try /help" in answer(p, "/frobnicate")
    assert "needs who" in answer(p, "/quote")
    assert "/search" in answer(p, "/help")


def test_run_without_a_token_says_what_to_set(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["run", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "DISCORD_TOKEN" in result.output and ".env.example" in result.output and "plenary shell" in result.output
