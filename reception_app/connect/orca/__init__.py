"""The ORCA (日医標準レセプトソフト) API connector: one client class over httpx in ORCA's JSON format
(`client.py`), its typed errors (`errors.py`). The simulator for tests and the demo is
`connect/simulator/orca_server.py`; the field mapping ours → ORCA is in docs/handoff.md ("ORCA").
"""
