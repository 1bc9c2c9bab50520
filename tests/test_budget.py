"""The work budget: no query runs past its deadline or its caps; past them it is refused as too
broad, in the user's language (issue 12, "No query stalls the bot")."""

import time

import pytest

import bot.answers.search as search_module
import bot.store as store_module
from bot.answers.search import TOO_BROAD, QueryError, TooBroad, budget, search
from bot.render.labels import refusal, t
from bot.service import Plenary
from bot.store import OverBudget

# The case: a query of 200 one-character words (18 s on 150k paragraphs before).
TWO_HUNDRED = " ".join("联合国安全理事会大会决议第号执行部分序言段落发言主席先生女士代表团国家政府组织和平发展人权"
                       "合作支持欢迎关切重申呼吁请秘书长报告会议议程项目届会通过草案附件信函常驻日期中国俄罗斯联邦"
                       "美国法英阿富汗乌克兰叙利亚以色列巴勒斯坦伊朗朝鲜苏丹南索马里利比亚也门伊拉克黎巴嫩马里刚果"
                       "民主共和中非海地哥伦比亚委内瑞拉缅甸塞浦路斯科索沃波斯尼亚黑塞哥维那西撒哈拉东帝汶尼泊尔"
                       "几内亚比绍塞拉利昂布隆迪卢旺达埃塞俄比亚厄立特里亚乍得尼日尔"[:200])


def test_a_runaway_statement_is_interrupted_at_the_deadline(seeded_db):
    # Ten million rows of a recursive CTE: over a second of SQLite work without the handler.
    runaway = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000) SELECT count(*) FROM c"
    started = time.monotonic()
    with pytest.raises(OverBudget), seeded_db.budget(0.05):
        seeded_db.db.execute(runaway).fetchone()
    assert time.monotonic() - started < 0.5
    # The handler is gone after the budget: the same connection answers in full again.
    assert seeded_db.db.execute("SELECT count(*) FROM paragraphs").fetchone()[0] > 0


def test_budgets_nest_and_none_means_no_limit(seeded_db):
    with seeded_db.budget(None):
        seeded_db.check_budget()
    with seeded_db.budget(0.01), seeded_db.budget(60):
        time.sleep(0.02)
        with pytest.raises(OverBudget):
            seeded_db.check_budget()  # the outer, earlier deadline holds
    seeded_db.check_budget()  # and is gone after


def test_two_hundred_one_character_words_are_refused_at_once(seeded_db):
    assert len(TWO_HUNDRED.split()) == 200
    started = time.monotonic()
    with pytest.raises(TooBroad):
        search(seeded_db, TWO_HUNDRED)
    assert time.monotonic() - started < 0.5
    # Beside a Latin word the Chinese terms are capped as well.
    with pytest.raises(TooBroad):
        search(seeded_db, "resolution " + TWO_HUNDRED)


def test_a_query_within_the_caps_still_answers(seeded_db):
    assert search(seeded_db, " ".join("联合国安全理事会决议")).total >= 0  # 10 terms
    assert search(seeded_db, "多功能机构").total > 0


def test_python_work_past_the_deadline_is_stopped(seeded_db, monkeypatch):
    """Scoring runs in Python, where SQLite's progress handler can't see it: the loop itself
    looks at the deadline."""
    monkeypatch.setattr(store_module, "PROGRESS_PERIOD", 10**9)  # the handler out of the way
    monkeypatch.setattr(search_module, "MAX_TERMS", 10**6)
    monkeypatch.setattr(search_module, "RANK_WORK", 10**12)
    real = search_module._score

    def slow(terms, text):
        time.sleep(0.005)
        return real(terms, text)

    monkeypatch.setattr(search_module, "_score", slow)
    started = time.monotonic()
    with pytest.raises(TooBroad), budget(seeded_db, 0.1):
        search(seeded_db, "合作")  # hundreds of candidates: seconds of scoring, unguarded
    assert time.monotonic() - started < 0.6


def test_too_many_candidates_to_score_is_too_broad(seeded_db, monkeypatch):
    monkeypatch.setattr(search_module, "RANK_WORK", 10)
    with pytest.raises(TooBroad):
        search(seeded_db, "合作")


def test_too_broad_is_a_refusal_in_the_users_language(seeded_db):
    assert issubclass(TooBroad, QueryError) and str(TooBroad()) == TOO_BROAD
    assert refusal("en", TOO_BROAD) == t("en", "query_too_broad")
    assert refusal("zh", TOO_BROAD) == t("zh", "query_too_broad") and "缩小" in refusal("zh", TOO_BROAD)


def test_every_answer_of_the_facade_runs_within_its_budget(seeded_db, monkeypatch):
    p = Plenary(seeded_db, warm=False, budget=0.05)
    monkeypatch.setattr(search_module, "MAX_TERMS", 10**6)
    monkeypatch.setattr(search_module, "RANK_WORK", 10**12)
    monkeypatch.setattr(search_module, "_score", lambda terms, text: time.sleep(0.01) or 100.0)
    with pytest.raises(TooBroad):
        p.search("合作")
    assert p.doc("75/276")["found"]  # the next answer has a budget of its own
    assert seeded_db._deadline is None
