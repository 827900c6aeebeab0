"""Every name form of every registered outlet flags the claims it speaks, relays or credits, and
carries the outlet's own code (``RUSMED``, never the government's). Generated from the registry
data, so a new outlet or alias is tested as soon as it is added."""

from __future__ import annotations

import pytest
from stage_lexicons import claim_lexicons

from wirewatch.claims.extract import find_claims
from wirewatch.media.registry import built_in_outlets
from wirewatch.records import Article

pytestmark = [pytest.mark.slow]

FORMS = [(o, form) for o in built_in_outlets() for form in (o.name, *o.aliases)]
TEMPLATES = {
    "speaker": "{form} reported that the talks in Caracas had ended without an agreement.",
    "description": "The state news agency {form} said that the talks in Caracas had ended without an agreement.",
    "according_to": "The talks in Caracas ended without an agreement, according to {form}.",
    "credit_line": "The minister said that the talks in Caracas had ended without an agreement. ({form}, March 3, 2024)",
    "dateline": "CARACAS ({form}) — The minister said that the talks had ended without an agreement.",
}


def _claims(nlp, text):
    return find_claims(nlp(text), Article(article_id="t", text=text, publisher="El Universal"), [], claim_lexicons())


@pytest.mark.parametrize("template", list(TEMPLATES))
@pytest.mark.parametrize(("outlet", "form"), FORMS, ids=[f"{o.name}|{f}" for o, f in FORMS])
def test_every_name_form_flags_and_codes(nlp, outlet, form, template):
    claims = _claims(nlp, TEMPLATES[template].format(form=form))
    assert claims, (form, template)
    if template in ("speaker", "description"):
        [c] = claims
        assert c.speaker_name == outlet.name, (form, c.speaker_name)
        assert c.speaker_code == outlet.code
        assert c.speaker_kind == "outlet"
    else:
        assert any(outlet.name in c.chain for c in claims), [c.chain for c in claims]
    assert all(c.chain[-1] == "El Universal" for c in claims)
    assert all(c.state_media == outlet.state_affiliated for c in claims), (form, template)
