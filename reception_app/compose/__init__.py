"""The composition root: the one place that builds the app from the site's settings.

- `site.py`: a real site's headless stack (reader, gateway, OQS folders, the store: its backend is chosen here).
- `demo.py`: the same stack on the simulators, with synthetic patients (`--demo`, QA, tests).
- `session.py`: `AppSession`, the running GUI: the services, the Qt drivers, the reader monitor, the windows.
- `gui.py`: the GUI entry point (`reception-app`, `--kiosk`, `--demo`, `--self-test`).

Everything below (ui, reception, store, connect, card, eligibility) is handed what it needs and builds nothing of the
app itself. See docs/architecture.md.
"""
