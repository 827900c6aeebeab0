"""Claim threads: one statement followed across the articles that carry it (docs/threads.md).

``threader.Threader`` assigns new claims to threads against a ``match.ThreadIndex``
(incremental: nothing already threaded is matched again); ``relays.hops_and_summary`` orders a
thread's appearances into hops with origin, relays, attribution and drift. The runner
(``wirewatch.thread_run``) loads the index from the store and writes the results. This package
file imports nothing, so the store can read the field names (``appearance``) without loading
the matching and its language data.
"""
