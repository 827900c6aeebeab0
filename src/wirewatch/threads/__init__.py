"""Claim threads: one statement followed across the articles that carry it (docs/threads.md).

``Threader`` assigns new claims to threads against a ``ThreadIndex`` (incremental: nothing
already threaded is matched again); ``relays.hops_and_summary`` orders a thread's appearances
into hops with origin, relays, attribution and drift. The runner (``wirewatch.thread_run``)
loads the index from the store and writes the results.
"""

from wirewatch.threads.appearance import OWN_VOICE, REPRINT, Appearance
from wirewatch.threads.match import Match, Member, ThreadIndex
from wirewatch.threads.relays import HOP_FIELDS, THREAD_FIELDS, hops_and_summary
from wirewatch.threads.threader import ArticleClaims, Threaded, Threader

__all__ = [
    "HOP_FIELDS", "OWN_VOICE", "REPRINT", "THREAD_FIELDS", "Appearance", "ArticleClaims", "Match", "Member",
    "ThreadIndex", "Threaded", "Threader", "hops_and_summary",
]
