"""A sentence never runs across a line break: headlines, datelines and paragraphs end there.

The statistical parser sometimes joins a headline to the first paragraph (there is no full
stop after a headline), which would give events an evidence span across both.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "paragraph_breaks"


@Language.component(COMPONENT, assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    # spaCy keeps at most one plain space as a token's trailing whitespace: a line break is
    # always (part of) a whitespace token, so only those tokens need looking at.
    if len(doc) < 2:
        return doc
    attrs = doc.to_array([ORTH, IS_SPACE])
    spaces = np.flatnonzero(attrs[:-1, 1])
    strings = doc.vocab.strings
    for i in spaces:
        if not attrs[i + 1, 1] and "\n" in strings[int(attrs[i, 0])]:
            doc[int(i) + 1].is_sent_start = True
    return doc
