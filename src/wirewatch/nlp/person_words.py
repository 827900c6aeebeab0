"""Words for grammatical persons that more than one stage reads.

``FIRST_PERSON`` is a contract between the event coder and claim attribution: an event whose
subject is "I" or "we" is coded with that word as its ``source_text`` and no code, because only
the claim around it says who is speaking; ``claims.attribution`` then gives such an event its
claim's speaker. Both read the set from here, so neither reaches into the other's module.
"""

from __future__ import annotations

FIRST_PERSON: frozenset[str] = frozenset({"i", "we"})
