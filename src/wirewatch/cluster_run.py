"""Clustering a store's events into real events: the runner's wiring of the ``clusters`` stage to the store.

The stage (``clusters.cluster_events``) is a pure function over rows; reading them from the
store and writing the clusters back is the runner's part, as ``thread_run`` is for claim threads.
"""

from __future__ import annotations

from wirewatch.clusters import cluster_events
from wirewatch.store import Store


def recluster_store(store: Store) -> int:
    """Cluster every stored event, write ``cluster_id`` and the cluster table; returns the cluster count."""
    summaries, assignment = cluster_events(store.events_for_clustering())
    store.write_event_clusters(summaries, assignment)
    return len(summaries)
