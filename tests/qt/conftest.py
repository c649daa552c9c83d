"""Fixtures of the UI tests (defined in ui_helpers.py so the test files can share them)."""

from tests.qt.ui_helpers import demo_desk, ui_lang

__all__ = ["demo_desk", "ui_lang"]
