"""Claims: who says what, through which outlets, and how surely.

``extract.find_claims`` finds the claims in a parsed article; ``attribution.attach_claims``
hangs events on the claims whose content they sit in.
"""
