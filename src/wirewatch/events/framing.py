"""How the wording reframes an event: a promise is an intent, a vow of force a threat, "will not"
a refusal, and what someone says another "must" do, that speaker's demand.

These follow CAMEO and PLOVER 2.0 practice: PLOVER codes future cooperation as AGREE, a conditional
use of force as THREATEN (the single category, not the act plus "hypothetical"), and a demand
voiced as an obligation as REQUEST.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.events.codes import CameoCode
from wirewatch.events.lexicons import EventLexicons
from wirewatch.events.modality import ModalityCues
from wirewatch.events.patterns import VerbLexicon, VerbPattern

COOPERATIVE_ROOTS = {"04", "05", "06", "07", "08"}
_WILL = {"will", "shall", "'ll", "wo"}  # the plain future, not the reported or conditional "would"
FORCEFUL_ROOTS = {"14", "16", "17", "18", "19", "20"}


def _intent_code(code: CameoCode, lexicon: VerbLexicon) -> str | None:
    """The 03x/13x code for a promised or planned event of ``code``, or None when it keeps its code."""
    if code.code in lexicon.intent_subcodes:
        return lexicon.intent_subcodes[code.code]
    return lexicon.intent_codes.get(code.root)


def governing_intent(verb: Token, lexicon: VerbLexicon) -> Token | None:
    """The promise, offer or readiness word the verb's act hangs on ("agreed to free", "is ready to meet")."""
    tok = verb
    while tok.dep_ in ("xcomp", "ccomp") and tok.head != tok:
        tok = tok.head
        if tok.lemma_.lower() in lexicon.intent_verbs:
            return tok
        if tok.dep_ != "xcomp":
            break
    # "is ready/prepared/willing to ...": the intent word is an adjective under the copula
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lexicon.intent_verbs:
        return verb.head
    return None


def obligation_speaker(verb: Token, cues: ModalityCues) -> Token | None:
    """The reporting verb above "X must/should do ..." when the clause states an obligation."""
    tok = verb
    for _ in range(3):  # "must cooperate", "must be ready to mediate", "has to withdraw"
        if any(c.dep_ == "aux" and c.lower_ in cues["obligation"] for c in tok.children):
            break
        if tok.dep_ in ("xcomp", "acomp") and f"{tok.head.lemma_.lower()} to" in cues["obligation"]:
            tok = tok.head
            break
        if tok.dep_ not in ("xcomp", "acomp") or tok.head == tok:
            return None
        tok = tok.head
    else:
        return None
    # The clause must be someone's words: a reported clause, or the content of a noun ("a reminder that ...").
    if tok.dep_ in ("ccomp", "acl") and tok.head != tok:
        return tok.head
    return None


def final_code(verb: Token, pattern: VerbPattern, modality: str, cues: list[str],
               lexicons: EventLexicons) -> tuple[CameoCode, str]:
    """The pattern's code and the modality, turned into intent (03x), threat (13x) or refusal (12x)
    where the wording says so."""
    lexicon, lookup, modality_cues = lexicons.verbs, lexicons.codes.lookup, lexicons.modality
    code = lookup(pattern.code)
    future = modality_cues["future_aux"]
    if modality == "negated" and (verb.dep_ == "xcomp" or any(
            c.dep_ == "aux" and c.lower_ in future for c in verb.children)):
        # "would not meet the demands", "will not release": the refusal itself is what happened
        refusal = lexicon.refusal_codes.get(code.code) or lexicon.refusal_codes.get(code.root)
        if refusal:
            return lookup(refusal), "asserted"
    if modality == "hypothetical" and cues and cues[0].lower() in modality_cues["conditional_modals"]:
        # "would meet the mediator if ...", "would attack if ...": a conditional offer or threat (PLOVER
        # codes the single category, AGREE or THREATEN, not the act plus "hypothetical")
        if code.root in COOPERATIVE_ROOTS | FORCEFUL_ROOTS:
            new = _intent_code(code, lexicon)
            if new:
                return lookup(new), modality
        return code, modality
    intent = governing_intent(verb, lexicon)
    # A stated plan ("will give", "plans to send") is an intent; a mere infinitive of aim ("sent X to train") is not.
    planned = intent is not None or (modality == "future" and cues != ["to"])
    # Only a promise or a "will" turns force into a threat; "aims to target" describes, it does not threaten.
    future_aux = modality_cues["future_aux"]
    vowed = intent is not None or (modality == "future" and any(c.lower() in future_aux for c in cues))
    unless = any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children if m.dep_ == "mark")
                 for c in verb.children)
    if unless and (planned or modality == "future"):
        # Force on a condition ("unless they withdraw, we will strike") threatens: 130, or the
        # forceful root's own threat code when the lexicon names one.
        intended = _intent_code(code, lexicon) if code.root in FORCEFUL_ROOTS else None
        return lookup(intended or "130"), modality
    # "will meet Trump later this month": a scheduled meeting is still the meeting (CONSULT, future);
    # a promise, offer or plan to meet is the intent (036), and so is a reported "would meet" (the PLOVER
    # GSR codes "said they would meet the mediator next week" AGREE)
    scheduled = intent is None and code.code in ("040", "041", "046") and any(c.lower() in _WILL for c in cues)
    if (planned and code.root in COOPERATIVE_ROOTS and not scheduled) or (vowed and code.root in FORCEFUL_ROOTS):
        new = _intent_code(code, lexicon)
        if new:
            return lookup(new), modality
    return code, modality


def demanded_by(verb: Token, lexicon: VerbLexicon) -> Token | None:
    """The demand noun whose content the verb's clause is ("its demand that Israel ease ...", "calls for
    Russia to withdraw"): what is demanded has not happened; the demand has."""
    head = verb.head
    if verb.dep_ == "ccomp" and head.pos_ in ("VERB", "AUX"):
        # parsers often hang the clause on the verb: "reiterated its demand today that Israel ease ..."
        head = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), head)
    if verb.dep_ not in ("acl", "ccomp", "relcl") or head == verb or head.pos_ != "NOUN":
        return None
    if verb.dep_ == "relcl" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None  # a relative clause describes the noun; a demand's content has its own subject
    return head if head.lemma_.lower() in lexicon.demand_nouns else None
