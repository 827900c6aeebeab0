"""A sentence never runs across a line break: headlines, datelines and paragraphs end there.

The statistical parser sometimes joins a headline to the first paragraph (there is no full
stop after a headline), which would give events an evidence span across both.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "paragraph_breaks"


@Language.component(COMPONENT, assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if token.is_space:
            continue
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc
