"""Code events: for each verb a pattern fires on, who did what to whom, in CAMEO and PLOVER.

1. every verb is looked up in the verb patterns (``events/data/verbs.yaml``);
2. its source and target actors come from the parse (``events.arguments``); a source that is a
   pronoun or names no actor falls back to the latest actor that was a subject just before;
3. a promise or plan to cooperate becomes an expression of intent (CAMEO 03x, PLOVER AGREE), a
   promise of force a threat (13x), as CAMEO and PLOVER code them;
4. modality (``events.modality``) marks negated, hypothetical, future and hedged events;
5. one event per source x target pair; a governing verb's event absorbs the one it governs
   ("refused to release" is one REJECT, "agreed to provide aid" one AGREE).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from wirewatch.events.arguments import MentionIndex, earlier_subject, source_mentions, target_mentions
from wirewatch.events.codes import CameoCode, lookup
from wirewatch.events.modality import certainty_of, modality_cues, modality_of
from wirewatch.events.patterns import (
    VerbLexicon, VerbPattern, clause_tokens, match_verb, object_core, phrase_set, verb_lexicon,
)
from wirewatch.records import ActorMention, Article, Event, stable_id

_COOPERATIVE_ROOTS = {"04", "05", "06", "07", "08"}
_FORCEFUL_ROOTS = {"14", "16", "17", "18", "19", "20"}


def _intent_code(code: CameoCode, lexicon: VerbLexicon) -> str | None:
    """The 03x/13x code for a promised or planned event of ``code``, or None when it keeps its code."""
    if code.code in lexicon.intent_subcodes:
        return lexicon.intent_subcodes[code.code]
    return lexicon.intent_codes.get(code.root)


def _governing_intent(verb: Token, lexicon: VerbLexicon) -> Token | None:
    tok = verb
    while tok.dep_ in ("xcomp", "ccomp") and tok.head is not tok:
        tok = tok.head
        if tok.lemma_.lower() in lexicon.intent_verbs:
            return tok
        if tok.dep_ != "xcomp":
            break
    # "is ready/prepared/willing to ...": the intent word is an adjective under the copula
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lexicon.intent_verbs:
        return verb.head
    return None


def _contexts(code: CameoCode, mode: str | None, words: set[str], lexicon: VerbLexicon, mentions: list[ActorMention]) -> list[str]:
    out = list(code.plover_contexts)
    for context, cue_words in lexicon.contexts.items():
        if context not in out and any(w in words for w in cue_words):
            out.append(context)
    if "military" not in out and any(m.sector == "MIL" for m in mentions):
        out.append("military")
    if mode in ("misinformation", "cyber") and mode not in out:
        out.append(mode)  # PLOVER: these modes carry the context of the same name
    return out


def _sentence_index(doc: Doc) -> dict[int, int]:
    return {sent.start: n for n, sent in enumerate(doc.sents)}


def code_events(doc: Doc, article: Article, mentions: list[ActorMention]) -> list[Event]:
    """Every event the verb patterns find in ``doc``, with CAMEO and PLOVER codes and modality."""
    return [event for event, _verb in code_events_with_verbs(doc, article, mentions)]


def code_events_with_verbs(doc: Doc, article: Article, mentions: list[ActorMention]) -> list[tuple[Event, Token]]:
    """As ``code_events``, each event with the verb (or event noun) that carries it."""
    lexicon = verb_lexicon()
    index = MentionIndex.build(doc, mentions)
    sentence_of = _sentence_index(doc)
    fired: dict[int, VerbPattern] = {}
    for tok in doc:
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
            if tok.dep_ == "amod":  # "Kremlin-backed campaigns": a description, not an act
                continue
            pattern = match_verb(tok, lexicon)
            if pattern is not None and not (tok.lemma_.lower() in lexicon.light_verbs and not pattern.specific):
                fired[tok.i] = pattern
    absorbed = _absorbed(doc, fired, lexicon)
    pairs: list[tuple[Event, Token]] = []
    for i, pattern in fired.items():
        if i in absorbed:
            continue
        pairs.extend((e, doc[i]) for e in _events_for(doc[i], pattern, article, index, lexicon, sentence_of))
    kept = {id(e) for e in _dedupe([e for e, _ in pairs])}
    return [(e, v) for e, v in pairs if id(e) in kept]


def _absorbed(doc: Doc, fired: dict[int, VerbPattern], lexicon: VerbLexicon) -> set[int]:
    """Verbs whose event another one covers.

    - under xcomp, the governor's event covers the governed one ("refused to release"), except a bare
      intent verb, which the governed event replaces ("agreed to provide aid" -> intent to aid);
    - the content of a demand, appeal or threat did not happen ("demanded that X refuse ...");
    - a reporting verb with no object yields to the coded clause it reports ("..., a group charged").
    """
    out: set[int] = set()
    for i in fired:
        tok = doc[i]
        head = tok.head
        if head.i not in fired or head is tok:
            continue
        if tok.dep_ == "xcomp":
            if head.lemma_.lower() in lexicon.intent_verbs and not fired[head.i].specific:
                out.add(head.i)
            else:
                out.add(i)
        elif tok.dep_ == "ccomp":
            if fired[head.i].code[:2] in ("02", "10", "13"):
                out.add(i)
            elif head.lemma_.lower() in lexicon.reporting_verbs and not any(
                    c.dep_ == "dobj" for c in head.children):
                out.add(head.i)
    return out


def _obligation_speaker(verb: Token) -> Token | None:
    """The reporting verb above "X must/should do ..." when the clause states an obligation."""
    cues = modality_cues()
    tok = verb
    for _ in range(3):  # "must cooperate", "must be ready to mediate", "has to withdraw"
        if any(c.dep_ == "aux" and c.lower_ in cues["obligation"] for c in tok.children):
            break
        if tok.dep_ in ("xcomp", "acomp") and f"{tok.head.lemma_.lower()} to" in cues["obligation"]:
            tok = tok.head
            break
        if tok.dep_ not in ("xcomp", "acomp") or tok.head is tok:
            return None
        tok = tok.head
    else:
        return None
    # The clause must be someone's words: a reported clause, or the content of a noun ("a reminder that ...").
    if tok.dep_ in ("ccomp", "acl") and tok.head is not tok:
        return tok.head
    return None


def _domestic(mention: ActorMention, verb: Token, index: MentionIndex) -> ActorMention | None:
    """An uncoded title or group ("President Gbagbo", "riot police") in a sentence about one country
    is taken to be of that country, as a reader would: the actor keeps its sector."""
    if mention.sector is None and mention.kind != "person":
        return None
    countries = {m.country for i, m in index.by_token.items()
                 if m.country and verb.sent.start <= i < verb.sent.end}
    if len(countries) != 1:
        return None
    country = countries.pop()
    return replace(mention, code=f"{country}{mention.sector or ''}", country=country)


def _final_code(verb: Token, pattern: VerbPattern, modality: str, cues: list[str],
                lexicon: VerbLexicon) -> CameoCode:
    """The pattern's code, turned into intent (03x), threat (13x) or demand (10x) where the wording says so."""
    code = lookup(pattern.code)
    intent = _governing_intent(verb, lexicon)
    # A stated plan ("will give", "plans to send") is an intent; a mere infinitive of aim ("sent X to train") is not.
    planned = intent is not None or (modality == "future" and cues != ["to"])
    # Only a promise or a "will" turns force into a threat; "aims to target" describes, it does not threaten.
    vowed = intent is not None or (modality == "future" and any(c.lower() in modality_cues()["future_aux"] for c in cues))
    unless = any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children if m.dep_ == "mark")
                 for c in verb.children)
    if unless and (planned or modality == "future"):
        return lookup(_intent_code(code, lexicon) if code.root in _FORCEFUL_ROOTS else "130")
    if (planned and code.root in _COOPERATIVE_ROOTS) or (vowed and code.root in _FORCEFUL_ROOTS):
        new = _intent_code(code, lexicon)
        if new:
            return lookup(new)
    return code


def _events_for(verb: Token, pattern: VerbPattern, article: Article, index: MentionIndex,
                lexicon: VerbLexicon, sentence_of: dict[int, int]) -> list[Event]:
    doc = verb.doc
    modality, cues = modality_of(verb)
    code = _final_code(verb, pattern, modality, cues, lexicon)
    sources, subject = source_mentions(verb, index)
    confidence = 0.55 + (0.15 if pattern.specific else 0.0)
    coded_sources = [m for m in sources if m.code]
    if not coded_sources and sources:
        placed = _domestic(sources[0], verb, index)
        if placed is not None:
            coded_sources, confidence = [placed], confidence - 0.1
    if not coded_sources:
        # A passive without an agent names no doer: do not guess one.
        passive_without_agent = subject is None and any(c.dep_ == "nsubjpass" for c in verb.children)
        fallback = None if passive_without_agent else earlier_subject(doc, index, verb)
        sources = [fallback] if fallback is not None else []
        confidence -= 0.15
    else:
        sources = coded_sources
    start_char, end_char = _evidence_bounds(verb)
    # Actors across a blank line belong to another paragraph (a headline run into the first sentence).
    sources = [m for m in sources if m is None or start_char <= m.char_start < end_char]
    exclude = {m.code for m in sources if m.code}
    targets, _slot = target_mentions(verb, pattern.targets, index, exclude)
    targets = [m for m in targets if start_char <= m.char_start < end_char]
    speaker = _obligation_speaker(verb)
    if speaker is not None:  # "Russia said Sudan must return the helicopter": Russia demands it of Sudan
        speakers, _ = source_mentions(speaker, index)
        speakers = [m for m in speakers if m.code]
        if speakers:
            demand = lexicon.demand_codes.get(code.code) or lexicon.demand_codes.get(code.root) or "100"
            code, targets, sources = lookup(demand), [m for m in sources if m.code], speakers
            modality, pattern = "asserted", pattern
    if targets:
        confidence += 0.1
    if not sources and not targets:
        confidence -= 0.3  # an event nobody is named in: kept, but hardly worth a dashboard row
    words = phrase_set(clause_tokens(verb, skip_subjects=False) + object_core(verb))
    events = []
    ptype = pattern.plover if pattern.plover and code.code == pattern.code else code.plover_type
    if ptype is None:
        return []
    for source in sources or [None]:
        for target in targets or [None]:
            mode = pattern.mode if pattern.mode_set and code.code == pattern.code else code.plover_mode
            contexts = _contexts(code, mode, words, lexicon, [m for m in (source, target) if m is not None])
            events.append(Event(
                event_id=stable_id(article.article_id, verb.idx, code.code,
                                   source.mention_id if source else "", target.mention_id if target else ""),
                article_id=article.article_id,
                sentence_index=sentence_of.get(verb.sent.start, 0),
                char_start=start_char,
                char_end=end_char,
                evidence=doc.text[start_char:end_char],
                source_text=source.text if source else None,
                source_code=source.code if source else None,
                source_country=source.country if source else None,
                source_sector=source.sector if source else None,
                target_text=target.text if target else None,
                target_code=target.code if target else None,
                target_country=target.country if target else None,
                target_sector=target.sector if target else None,
                cameo_code=code.code,
                cameo_root=code.root,
                quad_class=code.quad_class,
                goldstein=code.goldstein,
                plover_type=ptype,
                plover_mode=mode,
                plover_contexts=contexts,
                modality=modality,
                certainty=certainty_of(modality),
                rule=f"{pattern.id}:{pattern.verb}",
                confidence=round(max(0.05, min(0.95, confidence)), 2),
            ))
    return events


def _evidence_bounds(verb: Token) -> tuple[int, int]:
    """The verb's sentence, cut at blank lines: parsers sometimes run a headline into the first paragraph."""
    sent = verb.sent
    text = verb.doc.text
    start, end = sent.start_char, sent.end_char
    before = text.rfind("\n\n", start, verb.idx)
    if before != -1:
        start = before + 2
    after = text.find("\n\n", verb.idx, end)
    if after != -1:
        end = after
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per sentence, code and actor pair; an event without a target yields to one with."""
    by_key: dict[tuple, Event] = {}
    for e in events:
        key = (e.sentence_index, e.cameo_code, e.source_code, e.target_code)
        if key not in by_key or e.confidence > by_key[key].confidence:
            by_key[key] = e
    kept = list(by_key.values())
    with_target = {(e.sentence_index, e.cameo_code, e.source_country) for e in kept if e.target_code}
    return [e for e in kept
            if e.target_code or (e.sentence_index, e.cameo_code, e.source_country) not in with_target]
