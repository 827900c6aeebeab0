"""The spaCy stage: one pipeline per process, loaded from the model named in settings."""
