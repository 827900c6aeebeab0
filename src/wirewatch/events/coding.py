"""Code events: for each verb a pattern fires on, who did what to whom, in CAMEO and PLOVER.

1. every verb is looked up in the verb patterns (``events/data/verbs.yaml``);
2. its source and target actors come from the parse (``events.arguments``); a source that is a
   pronoun or names no actor falls back to the latest actor that was a subject just before;
3. modality (``events.modality``) marks negated, hypothetical, future and hedged events;
4. the wording may reframe the event (``events.framing``): a promise to cooperate is an intent
   (03x, AGREE), a vow of force a threat (13x), "will not" a refusal (12x), "X must" a demand (10x);
   an uncoded group in a one-country sentence takes that country ("riot police" -> LBRCOP);
5. one event per source x target pair (reciprocal events both ways, ``events.dyads``); a governing
   verb's event absorbs the one it governs ("refused to release" is one REJECT, "agreed to provide
   aid" one AGREE), except what a demand asks for, coded besides the demand as a hypothetical act
   of the one asked ("urged Serbia to withdraw": Serbia's withdrawal, hypothetical);
6. event nouns with a named doer ("Russia's deployment of warships to Cuba") are coded like their
   verb (``events.nominal``);
7. what a speaker says another party should or must do is the speaker's demand of it, whatever the
   verb (``events.obligations``);
8. what one actor says another is, disapproval or praise, is ACCUSE or SUPPORT ("called Russia a
   threat", "'He is a racist,' said X", "said Moscow was behind the blast"; ``events.evaluations``).

Not coded at all: verb senses marked ``not_event`` in verbs.yaml ("requested anonymity"),
capabilities ("able to hit") and habits ("frequently meets"), generic "you" subjects.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.attrs import DEP, POS
from spacy.symbols import ADJ, AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from wirewatch.events.arguments import (
    MentionIndex,
    actor_key,
    addressee_mentions,
    domestic_actor,
    earlier_subject,
    exclusion_keys,
    is_participle,
    object_mentions,
    placed_in,
    source_mentions,
    target_mentions,
    unknown_person,
)
from wirewatch.events.codes import CameoCode
from wirewatch.events.dyads import actor_pairs, fallback_targets, governed_targets, governs_act
from wirewatch.events.evaluations import Evaluation, evaluations
from wirewatch.events.framing import demanded_by, final_code, governing_intent, obligation_speaker
from wirewatch.events.lexicons import EventLexicons
from wirewatch.events.modality import is_capability, is_habitual, modality_certainty, modality_of
from wirewatch.events.nominal import NominalEvent, nominal_agents, nominal_events
from wirewatch.events.obligations import Obligation, has_obligation, obligation_of
from wirewatch.events.patterns import (
    VerbLexicon,
    VerbPattern,
    clause_tokens,
    match_verb,
    object_core,
    phrase_set,
)
from wirewatch.events.roles import fill_roles
from wirewatch.nlp.doc_sents import token_sentence
from wirewatch.nlp.doc_text import doc_text
from wirewatch.nlp.person_words import FIRST_PERSON  # stand for whoever says the sentence
from wirewatch.nlp.token_arrays import tokens_at
from wirewatch.records import ActorMention, Article, Event, stable_id

_LOCATIVE = {"in", "at", "on", "into"}
# Clauses that can hold the act a pattern's purpose names.
_PURPOSE_DEPS = {"xcomp", "advcl", "acl", "relcl", "ccomp", "pcomp", "dep"}
_WHERE = {"in"}
# Roots of acts done somewhere (protest, force posture, coercion, assault): their "at"/"on" may be a place.
_MATERIAL_ROOTS = {"14", "15", "17", "18", "19", "20"}
# Roots of appeals and demands (CAMEO 02, 10): addressed to someone, and their content, coded as the
# act of the one asked, did not happen (nor a threat's, 13, which stays part of the threat).
DEMAND_ROOTS = ("02", "10")


def _contexts(code: CameoCode, mode: str | None, words: set[str], lexicon: VerbLexicon,
              mentions: list[ActorMention]) -> list[str]:
    """The mapping's contexts, plus those the event's words or actors point to ("military education")."""
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


def code_events(doc: Doc, article: Article, mentions: list[ActorMention], lexicons: EventLexicons) -> list[Event]:
    """Every event the verb patterns find in ``doc``, with CAMEO and PLOVER codes and modality."""
    return [event for event, _verb in code_events_with_verbs(doc, article, mentions, lexicons)]


def code_events_with_verbs(
    doc: Doc, article: Article, mentions: list[ActorMention], lexicons: EventLexicons
) -> list[tuple[Event, Token]]:
    """As ``code_events``, each event with the verb (or event noun) that carries it."""
    lexicon = lexicons.verbs
    if lexicons.descriptions is not None:
        # The coder's own copy: an organisation or person the dictionary lacks, coded by what the
        # article says of them ("the Dallas Police Department", "Ana Ruiz, a biologist at ...").
        mentions = lexicons.descriptions.described(doc, mentions)
    index = MentionIndex.build(doc, mentions, lexicons.coreference)
    sentence_of = _sentence_index(doc)
    fired: dict[int, VerbPattern] = {}
    obliged: list[Token] = []  # verbs no pattern codes, under "should"/"must"
    for tok in _verbs(doc):
        if tok.dep_ == "amod":  # "Kremlin-backed campaigns": a description, not an act
            continue
        pattern = match_verb(tok, lexicon)
        if pattern is not None and pattern.not_event:  # "requested anonymity", "struck a balance"
            continue
        if pattern is not None and not (tok.lemma_.lower() in lexicon.light_verbs and not pattern.specific):
            fired[tok.i] = pattern
        elif has_obligation(tok, lexicons.modality):
            obliged.append(tok)
    absorbed = _absorbed(doc, fired, lexicon)
    demanded = _demanded(doc, fired, absorbed)
    pairs: list[tuple[Event, Token]] = []
    for i, pattern in fired.items():
        if i in absorbed and i not in demanded:
            continue
        pairs.extend((e, doc[i]) for e in _events_for(doc[i], pattern, article, index, lexicons, sentence_of,
                                                      demanded.get(i)))
    for verb in obliged:  # "China said all sides should work toward ...": China's demand of them
        obligation = obligation_of(verb, index, lexicons.modality)
        if obligation is not None:
            pairs.extend((e, verb) for e in _obligation_events(obligation, article, lexicons, sentence_of))
    for nominal in nominal_events(doc, index, lexicon, lexicons.nouns, set(fired), lexicons.modality):
        pairs.extend((e, nominal.noun) for e in _nominal_to_events(nominal, article, lexicons, sentence_of))
    for judgement in evaluations(doc, index, lexicons.evaluations, lexicons.modality):
        pairs.extend((e, judgement.anchor) for e in _evaluation_events(judgement, article, lexicons, sentence_of))
    kept = {id(e) for e in _dedupe([e for e, _ in pairs])}
    return [(e, v) for e, v in pairs if id(e) in kept]


def _verbs(doc: Doc) -> list[Token]:
    """Verbs, auxiliaries, verbless roots ("Russia's deployment ..." as a headline) and adjectives
    predicated of a subject ("Russia is concerned over ...", "critical of"), which verbs.yaml may code."""
    rows = doc.to_array([POS, DEP])
    pos, dep = rows[:, 0], rows[:, 1]
    return tokens_at(doc, (pos == VERB) | (pos == AUX) | ((pos == NOUN) & (dep == doc.vocab.strings["ROOT"]))
                     | ((pos == ADJ) & (dep == doc.vocab.strings["acomp"])))


def _absorbed(doc: Doc, fired: dict[int, VerbPattern], lexicon: VerbLexicon) -> set[int]:
    """Verbs whose event another one covers.

    - under xcomp, the governor's event covers the governed one ("refused to release"), except a bare
      intent verb, which the governed event replaces ("agreed to provide aid" -> intent to aid);
    - the content of a demand, appeal or threat did not happen ("demanded that X refuse ..."; a
      demand's content is coded on its own as hypothetical, ``_demanded``);
    - a reporting verb with no object yields to the coded clause it reports ("..., a group charged");
    - the act a pattern's purpose names is that pattern's event ("approved a contract to sell").
    """
    out: set[int] = set()
    for i, pattern in fired.items():  # "approved a contract to sell": the sale is what the approval is of
        if pattern.purpose:
            out.update(t.i for t in doc[i].subtree if t.i != i and t.i in fired and t.dep_ in _PURPOSE_DEPS
                       and t.lemma_.lower() in pattern.purpose)
    for i in fired:
        tok, head = _governed_by(doc[i], fired)
        if head.i not in fired or head == tok:
            continue
        if tok.dep_ == "xcomp":
            if head.lemma_.lower() in lexicon.intent_verbs and not fired[head.i].specific:
                out.add(head.i)
            else:
                out.add(i)
        elif tok.dep_ == "ccomp":
            if fired[head.i].code[:2] in (*DEMAND_ROOTS, "13"):
                out.add(i)
            elif head.lemma_.lower() in lexicon.reporting_verbs and not any(
                    c.dep_ == "dobj" for c in head.children):
                out.add(head.i)
    return out


# Verbs of phase and effort through which an act stays the one governed: "called on the UN to
# continue to provide aid" asks for aid as "called on the UN to provide aid" does; "urged Ukraine
# to stop shelling" asks it to refrain (the demanded act is negated, so not coded as one).
_TRANSPARENT = {"continue", "keep", "start", "begin", "resume", "try", "seek", "attempt", "work", "strive",
                "stop", "cease", "halt", "quit"}


def _governed_by(tok: Token, fired: dict[int, VerbPattern]) -> tuple[Token, Token]:
    """The verb ``tok`` hangs on as far as events go, and the token standing for ``tok`` under it:
    its head, or across "to continue to", "to try to" the coded verb above them."""
    while tok.dep_ == "xcomp" and tok.head.i not in fired and tok.head.lemma_.lower() in _TRANSPARENT \
            and tok.head.dep_ in ("xcomp", "ccomp") and tok.head.head != tok.head:
        tok = tok.head
    return tok, tok.head


def _demanded(doc: Doc, fired: dict[int, VerbPattern], absorbed: set[int]) -> dict[int, Token]:
    """Acts a demand or appeal asks for, by verb, with the demand's verb: "called on the United States
    to attack X", "demanded that Israel withdraw". The demand is its own event (REQUEST); what it
    asks for has not happened, and is coded too, as hypothetical, the act of the one asked (the
    news_events convention codes both). A threat's content stays part of the threat."""
    out: dict[int, Token] = {}
    for i in absorbed:
        tok, head = _governed_by(doc[i], fired)
        if head.i in fired and head != tok and tok.dep_ in ("xcomp", "ccomp") \
                and fired[head.i].code[:2] in DEMAND_ROOTS:
            out[i] = head
    return out


def _demanded_sources(verb: Token, demand: Token, index: MentionIndex,
                      passive_source: tuple[str, ...]) -> list[ActorMention]:
    """Who would do what a demand asks: the act's own subject ("demanded that Israel withdraw",
    "called for the United States to send"), else the one the demand is addressed to ("called on
    the government to block", "urged Serbia to withdraw"); never the one demanding."""
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if own:
        found, _ = source_mentions(verb, index, passive_source)
        return [m for m in found if m.code]
    return [m for m in addressee_mentions(demand, index) or [] if m.code]


def _events_for(verb: Token, pattern: VerbPattern, article: Article, index: MentionIndex,
                lexicons: EventLexicons, sentence_of: dict[int, int],
                demanding: Token | None = None) -> list[Event]:
    doc = verb.doc
    lexicon, roles, lookup = lexicons.verbs, lexicons.roles, lexicons.codes.lookup
    # "missiles able to hit Japan", "frequently meets": no event
    if is_capability(verb, lexicons.modality) or is_habitual(verb, lexicons.modality):
        return []
    modality, cues = modality_of(verb, lexicons.modality)
    code, modality = final_code(verb, pattern, modality, cues, lexicons)
    if demanding is not None:
        # what was asked for, by whom it was asked of: not done, and nobody else's act
        # (a demand to refrain, "urged X not to attack", asks for no act; a demand for a demand is one)
        if modality == "negated" or code.root in DEMAND_ROOTS:
            return []
        modality = "hypothetical"
        asked = _demanded_sources(verb, demanding, index, pattern.passive_source)
        if not asked:
            return []
        exclude = exclusion_keys(asked)
        targets, _slot = target_mentions(verb, pattern.targets, index, exclude)
        return _make_events(verb, pattern, code, modality, asked, [m for m in targets if m.code], 0.45,
                            article, lexicon, sentence_of, _evidence_bounds(verb),
                            _trigger_span(verb, pattern, code, lexicons))
    sources, subject = source_mentions(verb, index, pattern.passive_source)
    # "the U.S. benchmark index hit a record": another sense of the verb, done by no one. Only the
    # verb's own subject: one reached through a chain of verbs may be a misparse's ("forecast that
    # the economy would rebound and praised X": the economy praises nobody)
    if subject is not None and subject.head == verb and subject.dep_ == "nsubj" \
            and subject.lemma_.lower() in lexicon.thing_subjects:
        return []
    start_char, end_char = _evidence_bounds(verb)
    # Actors across a blank line belong to another paragraph (a headline run into the first sentence).
    sources = [m for m in sources if start_char <= m.char_start < end_char]
    confidence = 0.55 + (0.15 if pattern.specific else 0.0)
    coded_sources = [m for m in sources if m.code]
    if not coded_sources and sources:
        # "President Bush threatened Russia": the one country named is the other side, not his
        recipients, slot = target_mentions(verb, pattern.targets, index, set())
        # (a country as such; "Ugandan opposition candidates" are as domestic as the president banning them)
        # ("at"/"on" are places only for acts done somewhere: "lashed out at Japan" is aimed at it)
        where = _LOCATIVE if code.root in _MATERIAL_ROOTS else _WHERE
        other_side = frozenset(m.country for m in recipients
                               if m.country and m.sector is None and slot not in where)
        home = domestic_actor(sources[0], verb, index, other_side)
        if home is not None:
            coded_sources, confidence = [home], confidence - 0.1
    placeholder = False  # a first-person subject waits for the claim's speaker
    lender: ActorMention | None = None  # the earlier actor whose country an uncoded subject took
    if not coded_sources and subject is not None and subject.lower_ in GENERIC_SUBJECTS:
        return []  # "You cannot let Iran have a nuclear weapon": anyone, nobody in particular
    if not coded_sources and subject is not None and subject.lower_ in FIRST_PERSON:
        # "We will not negotiate," Araghchi said: the quote's speaker acts, not the last subject
        # before it; claims.attach_claims gives the event the speaker's code.
        sources = [speaker_placeholder(subject, article)]
        placeholder = True
        confidence -= 0.1
    elif not coded_sources:
        # A passive without an agent names no doer: do not guess one.
        passive_without_agent = subject is None and (
            any(c.dep_ == "nsubjpass" for c in verb.children) or is_participle(verb, pattern.passive_source))
        # "besieged by terrorists": the doer is named, only not an actor we know; not the last subject
        named_agent = subject is not None and subject.dep_ == "pobj" and subject.head.dep_ == "agent"
        fallback = None if passive_without_agent or named_agent else earlier_subject(doc, index, verb)
        if fallback is not None and not fallback.code:
            fallback = domestic_actor(fallback, verb, index)
        named = sources[0] if sources and (sources[0].sector or unknown_person(sources[0])) else None
        if named is not None and fallback is not None and fallback.country and (
                fallback.sector != named.sector or unknown_person(named)):
            # "The Rada passed the law ... The president criticized it": the president is not the
            # Rada, and "Mueller was tasked with investigating" is no act of the Schiff named before;
            # the story's actor lends its country to the role or person the subject names (and is
            # no more a target than it would have been as the source)
            lender = fallback
            fallback = placed_in(named, fallback.country)
        sources = [fallback] if fallback is not None else []
        confidence -= 0.15
    else:
        sources = coded_sources
    exclude = exclusion_keys(sources + ([lender] if lender is not None else []))
    addressed = addressee_mentions(verb, index) if code.root in DEMAND_ROOTS else None
    if addressed is not None:
        # "called on the government to block X's visit": the demand is made of the government, not X
        targets = [m for m in addressed if m.code and actor_key(m) not in exclude]
        if not targets:  # an uncoded "government" is not of the country the demanded act is aimed at
            aimed_at = frozenset(m.country for m in governed_targets(verb, index, exclude) if m.country)
            placed = [p for m in addressed[:1] if (p := domestic_actor(m, verb, index, aimed_at)) is not None]
            targets = [m for m in placed if actor_key(m) not in exclude]
    else:
        targets = governed_targets(verb, index, exclude) if governs_act(verb) else []
    if not targets and addressed is None:
        targets, _slot = target_mentions(verb, pattern.targets, index, exclude)
    if not targets and is_participle(verb, pattern.passive_source):  # "diplomats expelled from Turkey"
        targets = [m for m in index.in_phrase(verb.head) if m.code and actor_key(m) not in exclude]
    if not targets and addressed is None:
        targets = fallback_targets(verb, code, pattern.targets, index, exclude, sources, cues=lexicons.modality)
    targets = [m for m in targets if start_char <= m.char_start < end_char]
    # "arrested 12 demonstrators" in a report about one country; but troops mobilised or arms sent are
    # what moves, not who it is aimed at.
    if not targets and code.root not in ("07", "15"):
        placed = [p for m in object_mentions(verb, index)[:1] if (p := domestic_actor(m, verb, index)) is not None]
        targets = [m for m in placed if actor_key(m) not in exclude]
    # A side the rules left empty: the role ranker's best-scored actor of the sentence, if any is likely.
    # (Not for a verb that is no event unless someone is met: whether it is one is not the ranker's call.)
    if not placeholder and not pattern.needs_other:
        sources, targets, ranked = fill_roles(verb, code.root, index, sources, targets, roles,
                                              named_target=addressed is not None)
        if ranked:
            confidence -= 0.05
            pattern = replace(pattern, id=f"{pattern.id}+ranker")
    speaker = obligation_speaker(verb, lexicons.modality)
    if speaker is not None:  # "Russia said Sudan must return the helicopter": Russia demands it of Sudan
        speakers, _ = source_mentions(speaker, index)
        speakers = [m for m in speakers if m.code]
        if speakers:
            demand = lexicon.demand_codes.get(code.code) or lexicon.demand_codes.get(code.root) or "100"
            asked = [m for m in sources if m.code]
            if {m.code for m in asked} & {m.code for m in speakers}:
                # "a reminder to Iraq that it must cooperate": "it" is the one told, not the speaker
                said = {m.code for m in speakers if m.code}
                told, _ = target_mentions(speaker, ("iobj", "to", "dobj"), index, said)
                if not told and speaker.pos_ == "NOUN":  # "issued a reminder to Iraq that ..."
                    told, _ = target_mentions(speaker.head, ("iobj", "to"), index, said)
                asked = told or []
            code, targets, sources = lookup(demand), asked, speakers
            modality = "asserted"  # the demand was made, whatever becomes of it
    demand_noun = demanded_by(verb, lexicon)
    if demand_noun is not None and speaker is None:
        # "its demand that Israel ease restrictions": the easing is what is demanded, of Israel
        demand = lexicon.demand_codes.get(code.code) or lexicon.demand_codes.get(code.root) or "100"
        # who demands: the noun's possessor ("Russia's demand"), else the subject of the verb it is the object of
        asking = nominal_agents(demand_noun, index)
        if not asking and demand_noun.head != demand_noun:
            asking = [m for m in source_mentions(demand_noun.head, index)[0] if m.code]
        code, targets, sources = lookup(demand), [m for m in sources if m.code], asking
        modality = "asserted"
    if code.root == "18" and _states_as_such(sources, doc) and _states_as_such(targets, doc):
        return []  # "Russia beat Croatia", "Wales beat Hungary 2-0": a match; beatings are done by people
    if pattern.needs_other and not targets and len(sources) < 2:
        return []  # "we talk about ...": nobody talked with
    if targets:
        confidence += 0.1
    if not sources and not targets:
        confidence -= 0.3  # an event nobody is named in: kept, but hardly worth a dashboard row
    return _make_events(verb, pattern, code, modality, sources, targets, confidence, article, lexicon,
                        sentence_of, (start_char, end_char), _trigger_span(verb, pattern, code, lexicons))


# Generic subjects name nobody: "you can't let that happen", "one cannot negotiate with terrorists".
GENERIC_SUBJECTS = frozenset({"you", "one"})


def speaker_placeholder(subject: Token, article: Article) -> ActorMention:
    """An actor with no code yet for a first-person subject ("we"), filled from the claim's speaker."""
    return ActorMention(
        mention_id=stable_id(article.article_id, "first-person", subject.idx),
        article_id=article.article_id, sentence_index=0, char_start=subject.idx,
        char_end=subject.idx + len(subject.text), text=subject.text, code=None,
    )


def _states_as_such(mentions: list[ActorMention], doc: Doc) -> bool:
    """A side named only as a country ("Russia"; not "Russian police", nor "Bulgarian agents", whose
    demonym only modifies the people who act): a state as a whole."""
    def as_such(m: ActorMention) -> bool:
        span = doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
        return m.kind == "state" and m.sector is None and span is not None \
            and span.root.dep_ not in ("amod", "compound", "nmod", "poss")
    return bool(mentions) and all(as_such(m) for m in mentions)

# How far (in tokens) the event noun of a light verb may stand from it: "held a mass rally", "a vigil held by".
_NOUN_REACH = 6


def _trigger_span(verb: Token, pattern: VerbPattern, code: CameoCode, lexicons: EventLexicons) -> tuple[int, int]:
    """The words an event is read from: the verb, and with it the promise it hangs on when that makes
    it an intent or a threat ("vowed to free", "is ready to meet": 03x, 13x), or the event noun of a
    light verb ("held a rally", "launched a probe", "a general strike called by")."""
    start, end = verb.idx, verb.idx + len(verb.text)
    if code.root in ("03", "13"):
        intent = governing_intent(verb, lexicons.verbs)
        if intent is not None:
            start, end = min(start, intent.idx), max(end, intent.idx + len(intent.text))
    if pattern.objects and not pattern.not_event:
        light = verb.lemma_.lower() in lexicons.verbs.light_verbs
        for tok in object_core(verb):
            if abs(tok.i - verb.i) > _NOUN_REACH or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            lemma = tok.lemma_.lower()
            if (lemma in pattern.objects or tok.lower_ in pattern.objects) and (light or lemma in lexicons.nouns):
                start, end = min(start, tok.idx), max(end, tok.idx + len(tok.text))
                break
    return start, end


def _make_events(verb: Token, pattern: VerbPattern, code: CameoCode, modality: str, sources: list[ActorMention],
                 targets: list[ActorMention], confidence: float, article: Article, lexicon: VerbLexicon,
                 sentence_of: dict[int, int], bounds: tuple[int, int],
                 trigger: tuple[int, int] | None = None) -> list[Event]:
    """One event per (source, target) pair of the verb (or event noun), with codes and modality;
    ``trigger``: the words it was read from, when more than the verb."""
    doc = verb.doc
    start_char, end_char = bounds
    trigger_start, trigger_end = trigger or (verb.idx, verb.idx + len(verb.text))
    words = phrase_set(clause_tokens(verb, skip_subjects=False) + object_core(verb))
    events = []
    ptype = pattern.plover if pattern.plover and code.code == pattern.code else code.plover_type
    if ptype is None:
        return []
    for source, target, mutual in actor_pairs(sources, targets, code, pattern):
        mode = pattern.mode if pattern.mode_set and code.code == pattern.code else code.plover_mode
        contexts = _contexts(code, mode, words, lexicon, [m for m in (source, target) if m is not None])
        events.append(Event(
            event_id=stable_id(article.article_id, verb.idx, code.code,
                               source.mention_id if source else "", target.mention_id if target else ""),
            article_id=article.article_id,
            sentence_index=sentence_of.get(token_sentence(verb).start, 0),
            char_start=start_char,
            char_end=end_char,
            evidence=doc_text(doc)[start_char:end_char],
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
            certainty=modality_certainty(modality),
            rule=f"{pattern.id}:{pattern.verb}" + (" reciprocal" if mutual else ""),
            confidence=round(max(0.05, min(0.95, confidence)), 2),
            trigger_start=trigger_start,
            trigger_end=trigger_end,
        ))
    return events


_OBLIGATION = VerbPattern(id="obligation", verb="should", extra=(), objects=(), purpose=(), targets=(),
                          code="100", mode=None, mode_set=False, plover=None, requires=(), needs_other=False)


def _obligation_events(obligation: Obligation, article: Article, lexicons: EventLexicons,
                       sentence_of: dict[int, int]) -> list[Event]:
    """A demand stated as what another should do: asserted (the demand was made), less sure than a verb."""
    verb = obligation.verb
    confidence = 0.45 + (0.1 if obligation.asked else 0.0)
    return _make_events(verb, _OBLIGATION, lexicons.codes.lookup("100"), "asserted", obligation.speakers,
                        obligation.asked, confidence, article, lexicons.verbs, sentence_of, _evidence_bounds(verb))


def _evaluation_events(judgement: Evaluation, article: Article, lexicons: EventLexicons,
                       sentence_of: dict[int, int]) -> list[Event]:
    """A judgement of one actor by another: as sure as an event noun with its target named."""
    anchor = judgement.anchor
    pattern = replace(_OBLIGATION, id=f"evaluation_{judgement.construction}", verb=anchor.lemma_.lower(),
                      code=judgement.code, needs_other=True)
    return _make_events(anchor, pattern, lexicons.codes.lookup(judgement.code), judgement.modality,
                        judgement.sources, judgement.targets, 0.55, article, lexicons.verbs, sentence_of,
                        _evidence_bounds(anchor))


def _nominal_to_events(nominal: NominalEvent, article: Article, lexicons: EventLexicons,
                       sentence_of: dict[int, int]) -> list[Event]:
    """Events of an event noun: coded like its verb, less sure than a verb (0.45 base)."""
    noun = nominal.noun
    code, modality = final_code(noun, nominal.pattern, nominal.modality, nominal.cues, lexicons)
    confidence = 0.45 + (0.1 if nominal.targets else 0.0)
    return _make_events(noun, nominal.pattern, code, modality, nominal.sources, nominal.targets, confidence,
                        article, lexicons.verbs, sentence_of, _evidence_bounds(noun))


def _evidence_bounds(verb: Token) -> tuple[int, int]:
    """The verb's sentence, cut at blank lines: parsers sometimes run a headline into the first paragraph."""
    sent = token_sentence(verb)
    text = doc_text(verb.doc)
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
