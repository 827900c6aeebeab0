"""Event clusters: one record per real event across the articles that report it.

``recluster_store(store)`` recomputes every cluster of a store (called at the end of a run);
``events.cluster_events`` is the pure function behind it.
"""

from __future__ import annotations

from wirewatch.clusters.events import cluster_events
from wirewatch.store import Store

__all__ = ["cluster_events", "recluster_store"]


def recluster_store(store: Store) -> int:
    """Cluster every stored event, write ``cluster_id`` and the cluster table; returns the cluster count."""
    summaries, assignment = cluster_events(store.events_for_clustering())
    store.write_event_clusters(summaries, assignment)
    return len(summaries)
