"""Dates: date expressions resolved against the publication date, and when each event happened."""
