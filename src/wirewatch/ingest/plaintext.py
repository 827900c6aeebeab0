"""Plain-text articles: normalise line breaks, drop boilerplate, split off the headline.

Scraped text files put the headline on the first line (as the seed article does): a short
line with no sentence-final full stop, followed by the body. That line becomes the title
and leaves the body, so the text the NLP stages see is the article itself.
"""

from __future__ import annotations

import re
import unicodedata

from wirewatch.ingest.boilerplate import collapse_blank_lines, remove_boilerplate
from wirewatch.ingest.document import ExtractedDocument

# Headlines are short; a longer first line is the opening paragraph.
TITLE_MAX_CHARS = 200
TITLE_MAX_WORDS = 30
# A first line ending like this is a sentence or a lead-in, not a headline.
_SENTENCE_END = re.compile(r"""[.,;:…]["'”’)\]]*$""")
_HAS_LETTER = re.compile(r"[^\W\d_]")
# Bylines and date stamps also open scraped files; they are not headlines.
_BYLINE_OR_STAMP = re.compile(r"^(by|updated|published|posted|last modified)[\s:]", re.IGNORECASE)


# Unicode's control characters (category Cc, fixed by its stability policy) but tab and newline.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalise_text(text: str) -> str:
    """NFC, Unix line ends, no control characters except tab and newline."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub("", text)


def looks_like_headline(line: str) -> bool:
    line = line.strip()
    return (
        0 < len(line) <= TITLE_MAX_CHARS
        and len(line.split()) <= TITLE_MAX_WORDS
        and not _SENTENCE_END.search(line)
        and bool(_HAS_LETTER.search(line))
        and not _BYLINE_OR_STAMP.match(line)
    )


def split_title(text: str, title: str | None = None) -> tuple[str | None, str]:
    """Return (title, body). A known ``title`` is removed from the top of the body if repeated
    there; otherwise the first line is taken as the title when it looks like a headline and
    more text follows it."""
    first, _, rest = text.strip().partition("\n")
    if title is not None:
        if " ".join(first.split()) == " ".join(title.split()):
            return title, rest.strip()
        return title, text.strip()
    if rest.strip() and looks_like_headline(first):
        return first.strip(), rest.strip()
    return None, text.strip()


def parse_plain_text(text: str, *, title: str | None = None) -> ExtractedDocument:
    cleaned = remove_boilerplate(normalise_text(text))
    found_title, body = split_title(cleaned.text, title)
    return ExtractedDocument(
        text=collapse_blank_lines(body),
        title=found_title,
        boilerplate_removed=cleaned.removed,
        kind="text",
    )
