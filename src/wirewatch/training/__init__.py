"""Trainers of the learned components. Each rebuilds shipped weights from data the project may
train on (GUM, the PLOVER GSR, sentences we wrote), with a fixed seed, from a script in
``scripts/``. They sit above the stages: a stage only loads the weights a trainer wrote, so a
trainer may read corpora through the eval readers without a stage ever importing ``eval``.
"""
