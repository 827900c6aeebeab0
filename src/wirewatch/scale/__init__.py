"""Running the pipeline on more than one core: local worker processes, or Ray (optional extra)."""
