"""PySide6 user interface: staff desk, kiosk, QA panel. The only layer that imports Qt."""
