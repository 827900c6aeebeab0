"""Event clusters: one record per real event across the articles that report it.

``events.cluster_events`` is the pure function; ``cluster_run.recluster_store`` runs it over a
store at the end of a run (a stage never reads or writes the store itself).
"""

from __future__ import annotations

from wirewatch.clusters.events import cluster_events

__all__ = ["cluster_events"]
