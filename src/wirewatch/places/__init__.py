"""Places: an offline gazetteer, toponym resolution, and where each event happened."""
