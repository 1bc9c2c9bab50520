"""Whatever a user types, every answer is an answer or a polite refusal, never an exception."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers.lookup import lookup
from bot.answers.quote import quote
from bot.answers.search import QueryError, search
from bot.service import Plenary
from bot.shell import answer

# Characters users actually produce: CJK, full-width, FTS/SQL punctuation, symbols, controls.
typed = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("联合国集体安全条约组织決議第号/()（）*\"'^:-+NEAR AND OR % _ \\ ¹ａ７ \x00\t\n")),
        st.characters(codec="utf-8"),
    ),
    max_size=60,
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(q=typed)
def test_search_never_raises_anything_but_a_refusal(seeded_db, q):
    try:
        result = search(seeded_db, q)
    except QueryError as exc:
        assert str(exc)
    else:
        assert result.total >= len(result.results)


@SETTINGS
@given(q=typed)
def test_lookup_always_answers(seeded_db, q):
    assert lookup(seeded_db, q)["found"] in (True, False)


@SETTINGS
@given(who=typed, topic=st.one_of(st.none(), typed))
def test_quote_always_answers(seeded_db, who, topic):
    assert isinstance(quote(seeded_db, who, topic, index=0)["quotes"], list)


@SETTINGS
@given(line=typed.map(lambda s: "/" + s))
def test_shell_always_replies_with_text(seeded_db, line):
    assert isinstance(answer(Plenary(seeded_db), line), str)
