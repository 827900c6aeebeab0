"""PETRARCH/TABARI dictionary compatibility: read the dictionaries, code events with them on spaCy parses.

Entry points: ``dictionaries.load_dictionaries(paths)``, ``coder.code_doc(doc, dictionaries, when)``
(codings as (source, target, code) triples), ``event_records.petrarch_events(...)`` (``records.Event``)
and ``unit_suite.read_unit_suite(path)``. See docs/petrarch.md.
"""
