"""A paragraph from a paged source (a PDF, or text with form feeds) keeps its page, and
answers link to it."""

from bot.answers.quote import quote
from bot.answers.search import search
from bot.ingest import ingest
from bot.store import Store
from bot.symbols import undocs_url

RESOLUTION = "75/9. 标题\n\n大会，\n\n回顾其以往决议，\n\f注意到湖区综合支助团的报告，\n\n1. 决定继续审议。\n"
RECORD = ("S/PV.9990\n\n上午10时开会。\n\n主席：我宣布会议开始。\n\n张伟先生（中国）：我们支持和平进程。\n\f"
          "李娜女士（法国）（以法语发言）：法国赞赏湖区综合支助团的工作。\n\n下午1时散会。\n")


def test_a_link_opens_the_page():
    assert undocs_url("A/RES/75/9", 2) == "https://undocs.org/zh/A/RES/75/9#page=2"
    assert undocs_url("A/RES/75/9") == "https://undocs.org/zh/A/RES/75/9"


def test_a_search_hit_knows_its_page_and_links_to_it(tmp_path):
    (tmp_path / "A_RES_75_9.txt").write_text(RESOLUTION, encoding="utf-8")
    store = Store(tmp_path / "p.db")
    ingest([tmp_path / "A_RES_75_9.txt"], store)
    hit = search(store, "湖区综合支助团").results[0]
    assert (hit.label, hit.page, hit.url) == ("PP2", 2, "https://undocs.org/zh/A/RES/75/9#page=2")


def test_a_quote_cites_its_page(tmp_path):
    (tmp_path / "S_PV.9990.txt").write_text(RECORD, encoding="utf-8")
    store = Store(tmp_path / "p.db")
    ingest([tmp_path / "S_PV.9990.txt"], store)
    q = quote(store, "李娜")["quotes"][0]
    assert q["page"] == 2 and "第2页" in q["attribution"] and q["url"].endswith("#page=2")
