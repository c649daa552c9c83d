"""Hand-offs of a check-in to the systems after reception: the FHIR JP Core export (`fhir.py`, `export.py`).

Headless and below the composition root: they read the store's patient and visit and the merged eligibility view
and write what another system takes in. docs/handoff.md says what goes where.
"""
