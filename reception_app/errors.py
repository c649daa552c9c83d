"""The app's one error tree: every error a layer raises on purpose derives from `AppError`.

Headless and free of app imports, so every layer (card, eligibility, connect, store, reception, config, ui) can
derive from it (an import-linter contract keeps it so). Each class names its own stable `code`, unique across the
tree (tests/unit/test_error_tree.py checks); the UI shows an error by its code, in Japanese first
(reception_app/ui/error_texts.py), and the English `str()` is for logs and the command line. See docs/errors.md.
"""

from __future__ import annotations

from typing import ClassVar


class AppError(Exception):
    """Base of the tree. Subclasses set `code`; they may name message values and the error they stand for."""

    code: ClassVar[str] = "app_error"

    def message_args(self) -> tuple[str, ...]:
        """The values of the translated message's %1, %2… (a file, an option, a count). Never a PIN, a My Number
        or a full insurance number: these texts reach the screen and the log."""
        return ()

    def specific(self) -> AppError:
        """The most specific error this one stands for. A wrapper (a reception error over the store's) returns the
        lower layer's error, so a full disk stays a full disk up to the screen."""
        return self
