"""Event coding: CAMEO and PLOVER codes for who did what to whom, with modality."""
