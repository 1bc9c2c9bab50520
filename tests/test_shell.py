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
    assert result.exit_code == 2  # a setting missing: bad usage
    assert "DISCORD_TOKEN" in result.output and ".env.example" in result.output and "plenary shell" in result.output


def test_an_unknown_option_is_named_not_ignored(seeded_db):
    reply = answer(Plenary(seeded_db, warm=False), "/search 合作 colour:red")
    assert "colour" in reply and "document:" in reply and "hits" not in reply


def test_page_turns_the_pages_of_a_search(seeded_db):
    p = Plenary(seeded_db, warm=False)
    assert "showing 6–10" in answer(p, "/search 合作 page:2")
    assert "page must be a number" in answer(p, "/search 合作 page:zero")


def test_read_in_the_shell_pages_like_discord(seeded_db):
    p = Plenary(seeded_db, warm=False)
    first = answer(p, "/read S/PV.8967")
    assert "page:2" in first and "Page 1/" in first
    second = answer(p, "/read S/PV.8967 page:2")
    assert "Page 2/" in second and second != first
    assert "Turn 14 · 张军先生（中国）" in answer(p, "/read S/PV.8967 张军")


def test_the_shell_answers_in_chinese(seeded_db):
    p = Plenary(seeded_db, warm=False)
    assert "摘要" in answer(p, "/digest preview", "zh")
    assert "没有 /frobnicate 命令" in answer(p, "/frobnicate", "zh")
    assert "“张君” → 张军先生" in answer(p, "/quote 张君", "zh")


def test_a_refusal_is_said_in_the_shells_language(seeded_db):
    assert answer(Plenary(seeded_db, warm=False), "/search ' '", "zh") == "请输入要搜索的词语。"


def test_line_editing_with_history_on_a_terminal(tmp_path, monkeypatch):
    import readline

    from bot.shell import line_editing

    history = tmp_path / "history"
    history.write_text("/corpus\n")
    save = line_editing(history)
    assert save is not None and readline.get_current_history_length() >= 1
    readline.add_history("/doc 75/276")
    save()
    assert "/doc 75/276" in history.read_text()



def test_the_repl_turns_line_editing_on_only_for_a_terminal(monkeypatch):
    import builtins

    from bot.shell import repl

    seen = []
    monkeypatch.setattr("bot.shell.line_editing", lambda: seen.append("on") or (lambda: seen.append("saved")))
    lines = iter(["/help", "/quit"])
    monkeypatch.setattr(builtins, "input", lambda prompt="": next(lines))
    repl(None, write=lambda x: None, interactive=True)  # type: ignore[arg-type]
    assert seen == ["on", "saved"]
    seen.clear()
    repl(None, read=lambda prompt: "/quit", write=lambda x: None, interactive=False)  # type: ignore[arg-type]
    assert seen == []
