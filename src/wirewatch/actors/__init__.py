"""Actors: who is named in an article, resolved to CAMEO-style codes from the dictionary in ``data/``."""
