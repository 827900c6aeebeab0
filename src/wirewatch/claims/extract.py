"""find_claims: who says what in an article, through which outlets, and how surely.

Stages, on one parsed article:

1. drafts: reporting and stance verbs (``reported``), "according to" phrases (``according_to``),
   speakerless hearsay and agentless passives (``unattributed``), owned nouns and light verbs
   ("Clinton's call for", "made the suggestion that", ``noun_cues``) and stance adjectives
   ("voters are worried about", ``adjectives``); and, after the learned model, what the layout
   attributes with no verb: interview turns, a "Name: ..." headline, a dash credit (``layouts``),
   and reporting verbs the tagger read as nouns ("Trump claims that ...", ``misread_verbs``);
2. tidy: an outlet named by "according to" inside someone's claim becomes a relay of that claim;
   hearsay adverbs inside a claim are its hedges, not claims of their own; a quotation that
   carries on after "he said." joins the claim before it; a dateline or credit line
   (``wirewatch.media.credits``) is nobody speaking, and the agencies it credits relay every claim;
3. in text order: resolve each speaker (pronouns and descriptions to names), link the actor
   mention it overlaps, build the reporting chain (a named person's outlets are shared by all
   their claims; an outlet's claim that holds another relays it), find hedges, set the
   certainty and the state-media flag (``wirewatch.media``);
4. drop echoes: a claim inside another claim of the same named speaker.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from wirewatch.actors.datelines import dateline_spans
from wirewatch.claims.according_to import find_according_to
from wirewatch.claims.adjectives import find_adjective_claims
from wirewatch.claims.certainty import claim_certainty
from wirewatch.claims.cues import ClaimCues
from wirewatch.claims.draft import ClaimDraft, subtree_range, whole_words
from wirewatch.claims.hedges import cue_context, find_boosters, find_hedges
from wirewatch.claims.layouts import find_layout_claims, layout_cue
from wirewatch.claims.learned import learned_drafts
from wirewatch.claims.lexicons import ClaimLexicons
from wirewatch.claims.misread_verbs import find_misread_verbs
from wirewatch.claims.noun_cues import find_noun_claims
from wirewatch.claims.quotes import QuoteIndex
from wirewatch.claims.reported import find_reported
from wirewatch.claims.reporting_chain import build_chain, first_reports, recipients, report_words
from wirewatch.claims.speakers import Speaker, SpeakerResolver, speaker_kind
from wirewatch.claims.unattributed import find_unattributed
from wirewatch.media.credits import find_credits
from wirewatch.media.registry import MediaRegistry
from wirewatch.nlp.doc_sents import token_sentence
from wirewatch.nlp.doc_text import doc_text
from wirewatch.records import ActorMention, Article, Claim, stable_id

_CONTINUATION_GAP = re.compile(r"^[\s.,;:]*$")
_SAME_LINE_GAP = re.compile(r"^[ \t.,;:]*$")
_PARAGRAPH = re.compile(r"\n\s*\n")
_MIN_CONTINUATION_WORDS = 3
# A content that opens with a quotation mark is quoted even where the quotation finder found no
# closing mark: a quotation running over paragraphs is left open at each paragraph's end
# ('said, "I think ... game.' then the next paragraph), so "I" in it is the one who said it.
_OPENING_MARKS = {'"', "“", "‘"}


def find_claims(doc: Doc, article: Article, mentions: list[ActorMention], lexicons: ClaimLexicons) -> list[Claim]:
    """The claims in ``article`` (parsed as ``doc``), in text order, offsets into ``article.text``."""
    if doc_text(doc) != article.text:
        raise ValueError(
            f"article {article.article_id}: the parsed text differs from article.text "
            f"({len(doc.text)} vs {len(article.text)} characters); parse article.text itself"
        )
    cues = lexicons.cues
    quotes = QuoteIndex(doc_text(doc))
    media = lexicons.media
    resolver = SpeakerResolver(doc, lexicons, mentions)
    drafts, stages = rule_drafts(doc, quotes, cues, media.registry)
    drafts = learned_drafts(doc, drafts, stages, quotes, cues, lexicons.cue_model, media.registry)
    # After the model: a layout's claims have no verb to score, and the model's features (which
    # verbs sit inside a claim) stay those it was trained on. First, so that a mark the tagger
    # took for a verb ("― Name") keeps the layout's reading (one draft per anchor token).
    drafts = _tidy(doc, find_layout_claims(doc, quotes, cues) + drafts + find_misread_verbs(doc, quotes, cues),
                   quotes, resolver)
    credits = find_credits(doc_text(doc), media.agency_named)
    # Datelines with no agency credit ("BUFFALO, N.Y. — Hours before ...") are nobody speaking too.
    bylines = sorted({(c.start, c.end) for c in credits} | set(dateline_spans(doc_text(doc), media)))
    drafts = _outside_credits(doc, drafts, bylines)
    wires = list(dict.fromkeys(c.outlet for c in credits))
    reports = report_words(doc)
    spoken: list[tuple[ClaimDraft, Speaker]] = []
    outlets: list[tuple[list[str], list[str]]] = []  # per draft: first outlets, relays
    for draft in drafts:
        speaker = _speaker(draft, spoken, resolver)
        spoken.append((draft, speaker or Speaker(None)))
        outlets.append(
            (recipients(draft.anchor, resolver, cues), draft.relays + first_reports(draft.anchor, resolver, reports))
        )
    _outlets_reporting(doc, spoken, outlets)
    shared = _outlets_by_person(spoken, outlets)
    registry = resolver.registry  # the one answer to "is this outlet state media?"
    published_by_state = (
        article.state_media or registry.is_state_media(article.publisher) or registry.is_state_media(article.url)
    )
    claims: list[Claim] = []
    for (draft, speaker), (firsts, relays) in zip(spoken, outlets, strict=False):
        key = _person_key(speaker)
        if key is not None:
            firsts, relays = shared.get(key, (firsts, relays))
        links = firsts + relays + wires
        state_media = published_by_state or any(registry.is_state_media(link) for link in links)
        who = speaker if speaker.name or speaker.kind else None
        claims.append(_claim(doc, article, draft, who, resolver, cues, links, state_media))
    return _without_echoes(claims)


def rule_drafts(doc: Doc, quotes: QuoteIndex, cues: ClaimCues, registry: MediaRegistry
                ) -> tuple[list[ClaimDraft], dict[int, str]]:
    """Stage 1: the rules' drafts, and the stage that took each anchor token as a cue (the
    learned model reads it as a feature, ``claims.learned``)."""
    stages: dict[int, str] = {}
    found: list[ClaimDraft] = []
    for stage, drafts in (
        ("reported", find_reported(doc, quotes, cues, registry)),
        ("according_to", find_according_to(doc, cues)),
        ("unattributed", find_unattributed(doc, cues)),
        ("noun", find_noun_claims(doc, quotes, cues, registry)),
        ("adjective", find_adjective_claims(doc, quotes, cues, registry)),
    ):
        for d in drafts:
            stages.setdefault(d.anchor.i, stage)
        found += drafts
    return found, stages


def _outside_credits(doc: Doc, drafts: list[ClaimDraft], bylines: list[tuple[int, int]]) -> list[ClaimDraft]:
    """A dateline or credit line (character spans) is nobody speaking: "LOS ANGELES, Sept. 28
    (UPI) — In a clip ... show" has no speaker, and a speaker span that starts in a dateline
    starts after it."""
    if not bylines:
        return drafts
    kept = []
    for d in drafts:
        if d.speaker is not None:
            start, end = d.speaker
            while start < end and any(b_start <= doc[start].idx < b_end for b_start, b_end in bylines):
                start += 1
            while start < end and (doc[start].is_punct or doc[start].is_space):
                start += 1
            if start == end:
                # The parser made the dateline the subject ("CARACAS (AP) — The minister said"):
                # the speaker is the verb's other subject, after the credit.
                # A participle cue ("..., saying he ...") speaks with its clause's subject.
                holders = [d.anchor] + ([d.anchor.head] if d.anchor.dep_ in ("advcl", "xcomp", "conj") else [])
                after = [c for h in holders for c in h.children if c.dep_ in ("nsubj", "nsubjpass") and c.i >= end]
                if not after:
                    continue
                start, end = subtree_range(after[0])
            d.speaker = (start, end)
        kept.append(d)
    return kept


def _without_echoes(claims: list[Claim]) -> list[Claim]:
    """A claim inside another claim of the same named speaker adds nothing: in "Budanov added
    that while he's seen no increase ..." the inner "he's seen" is Budanov's own words, already
    held by the outer claim. Nested claims of other speakers are kept, and so are a layout
    claim's (``layouts.layout_cue``)."""
    kept = []
    worded = [o for o in claims if not (o.cue and layout_cue(o.cue))]
    for c in claims:
        echo = c.speaker_name and any(
            o is not c and o.speaker_name == c.speaker_name and o.char_start <= (c.cue_start or c.char_start) < o.char_end
            for o in worded
        )
        if not echo:
            kept.append(c)
    return kept


def _outlets_reporting(
    doc: Doc, spoken: list[tuple[ClaimDraft, Speaker]], outlets: list[tuple[list[str], list[str]]]
) -> None:
    """"The Kremlin said the talks would go on, Reuters reported": an outlet's claim that holds
    another claim relays it, so Reuters joins the Kremlin's chain (the outlet's claim stays)."""
    for outer, who in spoken:
        if not (who.is_outlet and who.name):
            continue
        start, end = outer.content
        for (inner, _), (_, relays) in zip(spoken, outlets, strict=False):
            if inner is not outer and start <= doc[inner.cue[0]].idx < end and who.name not in relays:
                relays.append(who.name)


def _person_key(speaker: Speaker) -> str | None:
    return speaker.name if speaker.kind == "person" and speaker.name else None


def _outlets_by_person(
    spoken: list[tuple[ClaimDraft, Speaker]], outlets: list[tuple[list[str], list[str]]]
) -> dict[str, tuple[list[str], list[str]]]:
    """A person's statements in one article reach it through the same outlets: "He told The War
    Zone" and "..., according to the Daily Mail" put both outlets on every claim of Budanov's."""
    shared: dict[str, tuple[list[str], list[str]]] = {}
    for (_, speaker), (firsts, relays) in zip(spoken, outlets, strict=False):
        key = _person_key(speaker)
        if key is None:
            continue
        got_firsts, got_relays = shared.setdefault(key, ([], []))
        got_firsts.extend(o for o in firsts if o not in got_firsts)
        got_relays.extend(o for o in relays if o not in got_relays)
    return shared


def _tidy(doc: Doc, drafts: list[ClaimDraft], quotes: QuoteIndex, resolver: SpeakerResolver) -> list[ClaimDraft]:
    by_anchor: dict[int, ClaimDraft] = {}
    for d in drafts:
        by_anchor.setdefault(d.anchor.i, d)
    drafts = sorted(by_anchor.values(), key=lambda d: (d.cue[0], d.content[0]))
    attributed = [(d, d.anchor.i) for d in drafts if d.speaker is not None and d.kind != "according_to"]
    kept: list[ClaimDraft] = []
    for d in drafts:
        if d.speaker is not None:
            d.speaker = whole_words(doc, *d.speaker)
        _clip_to_paragraph(doc, d, quotes)
        outer = _enclosing(d, attributed, doc)
        if d.kind == "according_to" and d.speaker and outer is not None:
            span = doc[d.speaker[0] : d.speaker[1]]
            # "according to the Daily Mail" relays; "according to a count by The Associated
            # Press" names a document of the outlet's, a source of its own.
            if resolver.is_outlet(span) and span.root.pos_ == "PROPN":
                outer.relays.append(resolver.outlet_name(span))
                continue
        if d.kind == "unattributed" and outer is not None and (
            d.anchor.pos_ == "ADV" or d.anchor.lemma_.lower() in resolver.cues.evidential_verbs
        ):
            continue  # "reportedly", "appears to" inside someone's claim hedge that claim
        if (outer is not None and outer.kind in ("direct", "mixed") and _first_person(doc, d)
                and not layout_cue(doc[outer.cue[0] : outer.cue[1]].text)):
            continue  # "I think ..." inside a quotation is the quoted speaker's hedge, found as such
        kept.append(d)
    _join_continued_quotes(doc, kept, quotes)
    return kept


def _first_person(doc: Doc, d: ClaimDraft) -> bool:
    return d.speaker is not None and doc[d.speaker[0] : d.speaker[1]].text.lower() in ("i", "we")


def _enclosing(d: ClaimDraft, attributed: list[tuple[ClaimDraft, int]], doc: Doc) -> ClaimDraft | None:
    """The attributed claim (given with its anchor's index) whose content holds ``d``'s cue, or
    whose verb ``d`` modifies."""
    cue_start = doc[d.cue[0]].idx
    start, end = d.content
    half = 0.5 * max(1, end - start)
    head = d.anchor.head.i
    for other, anchor in attributed:
        if other is d:
            continue
        other_start, other_end = other.content
        if (
            other_start <= cue_start < other_end
            or head == anchor
            # "X added that ..., according to the Daily Mail." (the two contents overlap)
            or min(end, other_end) - max(start, other_start) >= half
        ):
            return other
    return None


def _clip_to_paragraph(doc: Doc, d: ClaimDraft, quotes: QuoteIndex) -> None:
    """A reported content stops at a blank line: the parser sometimes joins a heading to the
    next paragraph, and a statement does not run on across paragraphs unless quoted."""
    start, end = d.content
    if quotes.covering(start, end):
        return
    text = doc_text(doc)
    cue = doc[d.cue[0]].idx
    for brk in _PARAGRAPH.finditer(text, start, end):
        if brk.end() <= cue:
            start = brk.end()
        elif brk.start() >= cue:
            end = min(end, brk.start())
            break
    if start < end:
        d.content = (start, end)


def _join_continued_quotes(doc: Doc, drafts: list[ClaimDraft], quotes: QuoteIndex) -> None:
    """“A,” he said on Tuesday. “B.” -- and “A,” he said, “B.” -- are one claim whose content
    runs over both quotations (scorers subtract the speaker and cue between them)."""
    text = doc_text(doc)
    # Only contents grow here: each draft's anchor and the character bounds of its cue and
    # speaker are read once, not per quotation.
    anchors = {id(d): d.anchor.idx for d in drafts}
    fixed = {id(d): _cue_and_speaker(doc, d) for d in drafts}

    def start(d: ClaimDraft) -> int:  # where the draft's content, cue and speaker begin
        return min(d.content[0], fixed[id(d)][0])

    def end(d: ClaimDraft) -> int:
        return max(d.content[1], fixed[id(d)][1])

    for q in quotes.spans:
        if len(text[q[0] : q[1]].split()) < _MIN_CONTINUATION_WORDS:
            continue
        # Claims reported inside the quotation itself ("Our partners know ...") do not own it,
        # unless their content is the whole quotation (a credit whose token holds the closing
        # mark: "”― Tom Becker").
        owners = [d for d in drafts if not q[0] <= anchors[id(d)] < q[1] or d.content[0] <= q[0] and q[1] <= d.content[1]]
        if any(d.content[0] < q[1] and q[0] < d.content[1] for d in owners):
            continue
        quoted = [d for d in owners if d.kind in ("direct", "mixed")]
        after = [d for d in quoted if end(d) <= q[0] and _continues(text, d, end(d), q[0])]
        # A quotation before a claim joins it only within its paragraph line ("“A,” he said, “B.”").
        before = [d for d in quoted if q[1] <= start(d) and _SAME_LINE_GAP.match(text[q[1] : start(d)])]
        if after:
            last = max(after, key=end)
            last.content = (last.content[0], q[1])
        elif before:
            first = min(before, key=start)
            first.content = (q[0], first.content[1])
        else:
            continue
        (last if after else first).continued = True


def _continues(text: str, d: ClaimDraft, end: int, quote_start: int) -> bool:
    """The quotation follows the claim (which ends at ``end``) with only punctuation between
    ("he said, “B.”"), or opens the sentence after the cue's ("he said on Tuesday. “B.”")."""
    sent = token_sentence(d.anchor)
    if quote_start < sent.end_char:
        return _CONTINUATION_GAP.match(text[end:quote_start]) is not None
    return text[sent.end_char : quote_start].strip() == ""


def _opens_quotation(text: str, start: int) -> bool:
    """The content starting at ``start`` opens with a quotation mark (at it or just before it)."""
    before = text[max(0, start - 3) : start + 1].rstrip()
    return bool(before) and (before[-1] in _OPENING_MARKS or before[:-1].rstrip()[-1:] in _OPENING_MARKS)


def _cue_and_speaker(doc: Doc, d: ClaimDraft) -> tuple[int, int]:
    """The first and last character of the draft's cue and (when it has one) speaker."""
    start, end = d.cue_chars(doc)
    speaker = d.speaker_chars(doc)
    if speaker:
        start, end = min(start, speaker[0]), max(end, speaker[1])
    return start, end


def _speaker(
    draft: ClaimDraft, spoken: list[tuple[ClaimDraft, Speaker]], resolver: SpeakerResolver
) -> Speaker | None:
    if draft.speaker is None:
        return None
    quoted_by = None
    cue_start = draft.anchor.idx
    text = doc_text(draft.anchor.doc)
    for other, who in reversed(spoken):  # "I think ..." inside Budanov's quotation is Budanov's
        quoted = other.kind in ("direct", "mixed") or _opens_quotation(text, other.content[0])
        if quoted and other.content[0] <= cue_start < other.content[1]:
            quoted_by = who
            break
    return resolver.resolve(draft.speaker[0], draft.speaker[1], quoted_by)


def _claim(
    doc: Doc,
    article: Article,
    draft: ClaimDraft,
    speaker: Speaker | None,
    resolver: SpeakerResolver,
    cues: ClaimCues,
    links: list[str],
    state_links: bool,
) -> Claim:
    """One claim; ``state_links`` says whether the publisher or an outlet in ``links`` is state media."""
    text = article.text
    c_start, c_end = draft.content
    cue_start, cue_end = draft.cue_chars(doc)
    content = text[c_start:c_end]
    cue_text = text[cue_start:cue_end]
    qualifiers = f"{cue_context(draft.anchor)} {cue_text}"
    hedges = find_hedges(f"{qualifiers} {content}", cues)
    boosters = find_boosters(f"{qualifiers} {content}", cues)
    speaker_chars = draft.speaker_chars(doc)
    speaker_text = text[speaker_chars[0] : speaker_chars[1]] if speaker_chars else None
    anonymous = bool(
        speaker_text and draft.speaker and doc[draft.speaker[1] - 1].lower_ in cues.collective_speakers
    )
    name = speaker.name if speaker else None
    chain = build_chain(name or speaker_text, links, article.publisher)
    state_media = (
        bool(speaker and speaker.state_media) or resolver.registry.is_state_media(name or speaker_text) or state_links
    )
    return Claim(
        claim_id=stable_id(article.article_id, "claim", c_start, c_end, cue_start),
        article_id=article.article_id,
        kind=draft.kind,
        speaker_text=speaker_text,
        speaker_name=name,
        speaker_code=speaker.code if speaker else None,
        speaker_kind=speaker_kind(speaker, anonymous),
        cue=cue_text,
        content=content,
        char_start=c_start,
        char_end=c_end,
        certainty=claim_certainty(
            draft.verb_certainty, kind=draft.kind, hedges=hedges, boosters=boosters, anonymous=anonymous
        ),
        hedges=hedges,
        chain=chain,
        state_media=state_media,
        speaker_start=speaker_chars[0] if speaker_chars else None,
        speaker_end=speaker_chars[1] if speaker_chars else None,
        cue_start=cue_start,
        cue_end=cue_end,
    )
