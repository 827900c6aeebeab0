from wirewatch.claims.quotes import QuoteIndex, find_quotes


def _texts(text):
    return [text[s:e] for s, e in find_quotes(text)]


def test_curly_straight_and_single_quotes():
    text = 'He said: “We will stay. It is a game.” She said "no deal" and called it ‘a strategic misinformation drive’ today.'
    assert _texts(text) == ["“We will stay. It is a game.”", '"no deal"', "‘a strategic misinformation drive’"]


def test_apostrophes_are_not_quotes():
    text = "It’s the Russians’ plan, and Putin’s ‘Equator Task Force’ is in Venezuela."
    assert _texts(text) == ["‘Equator Task Force’"]


def test_unclosed_quote_stops_at_paragraph():
    text = "He said “this never closes\n\nNext paragraph with “a closed one” here."
    assert _texts(text) == ["“a closed one”"]


def test_index_lookups():
    text = "“One two three,” he said. “Four five six.”"
    index = QuoteIndex(text)
    first, second = index.spans
    assert index.covering(1, 5) == first
    assert index.ending_at_or_before(text.index("he")) == first
    assert index.starting_at_or_after(text.index("said")) == second


def test_doubled_apostrophes_and_straight_quotes_pair_by_position():
    text = "''I hope so,'' Mrs. Clinton said.\" He called it \"a big deal\" and left."
    # The stray mark after "said." closes nothing and opens nothing.
    assert _texts(text) == ["''I hope so,''", '"a big deal"']
