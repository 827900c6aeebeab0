"""State-affiliated media: the registry of outlets a state owns or controls.

``registry.lookup_outlet(name_or_domain)`` answers "which outlet is this, and is it state
media?"; ``matrix_import.import_matrix_csv`` reads the State Media Matrix CSV layout.
"""
