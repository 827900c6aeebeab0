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


def _old_in_paragraph(text, lo, hi):
    """The character-by-character scan ``find_quotes`` replaced with scans for the marks alone."""
    spans, opened = [], None
    for i in range(lo, hi):
        if text[i] == "“":
            opened = i
        elif text[i] == "”" and opened is not None:
            spans.append((opened, i + 1))
            opened = None
    opened, i = None, lo
    while i < hi:
        width = 2 if text.startswith("''", i) else 1 if text[i] == '"' else 0
        if not width:
            i += 1
            continue
        before = text[i - 1] if i > lo else " "
        opens = before.isspace() or before in "([{—–-:"
        if opened is None:
            if opens:
                opened = i
        elif not opens or i + width >= hi or text[i + width].isspace() or text[i + width] in ".,;:!?)":
            spans.append((opened, i + width))
            opened = None
        else:
            opened = i
        i += width
    opened = None
    for i in range(lo, hi):
        ch, before = text[i], text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch == "‘" and not before.isalnum():
            opened = i
        elif ch == "’" and opened is not None and not after.isalnum() and not before.isspace():
            if i - opened > 2:
                spans.append((opened, i + 1))
            opened = None
    return spans


def test_quotes_as_the_character_scan_found_them(monkeypatch):
    import random

    import wirewatch.claims.quotes as quotes

    rnd = random.Random(5)
    marks = ["“", "”", "‘", "’", '"', "'", "''", " ", "\n", "\n\n", "a", "(", ".", ",", "—", ":"]
    texts = ["".join(rnd.choice(marks) for _ in range(rnd.randint(0, 40))) for _ in range(20000)]
    texts += ["He said ''no deal'' and “yes”.\n\nShe said: ‘maybe’ '' and \"so\"", "x''", "''"]
    new = [find_quotes(t) for t in texts]
    monkeypatch.setattr(quotes, "_in_paragraph", _old_in_paragraph)
    assert new == [find_quotes(t) for t in texts]
