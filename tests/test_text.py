"""Folding: the fast fold() used at ingest and for queries agrees with the mapped fold used
to highlight, whatever the text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.text import fold, fold_with_map

mixed = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("聯合國决議联合国 \t\n\u3000ａＢｃ１２３AbC xyz¹²³，。（）·-")),
        st.characters(codec="utf-8"),
    ),
    max_size=80,
)


@settings(max_examples=500, deadline=None)
@given(mixed)
def test_fast_fold_equals_the_mapped_fold(text):
    folded, index = fold_with_map(text)
    assert fold(text) == folded
    assert len(index) == len(folded)


def test_fold_keeps_one_space_between_latin_words_only():
    assert fold("Ａｂ  C 中 文 d\n\ne") == "ab c中文d e"


def test_fold_simplifies_and_drops_superscripts():
    assert fold("聯合國決議¹²") == "联合国决议"
