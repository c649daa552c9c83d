"""The configuration's errors: the file cannot be read or written, or a value in it is unusable. Each has a stable
`code` and a message that names the file (and the option): shown as such, never as a stack trace."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reception_app.config.validate import ConfigProblem
from reception_app.errors import AppError


class SiteConfigError(AppError):
    """The settings file could not be used. `code` is stable for translation; `path` is the file."""

    code = "settings_error"

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason

    def message_args(self) -> tuple[str, ...]:
        return (str(self.path),)


class ConfigFileUnreadable(SiteConfigError):
    """The file exists but is not readable text in INI form."""

    code = "settings_unreadable"

    def __str__(self) -> str:
        return f"The settings file {self.path} cannot be read: {self.reason}"


class ConfigFileUnwritable(SiteConfigError):
    code = "settings_unwritable"

    def __str__(self) -> str:
        return f"The settings file {self.path} cannot be written: {self.reason}"


class ConfigValueError(SiteConfigError):
    """One or more values in the file are unusable; `problems` names each option (every one, not the first)."""

    code = "settings_invalid"

    def __init__(self, path: Path, problems: Sequence[ConfigProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__(path, "; ".join(str(p) for p in self.problems))

    def message_args(self) -> tuple[str, ...]:
        """The file, then the options with a bad value (their names: the values themselves may be anything)."""
        return (str(self.path), ", ".join(dict.fromkeys(p.option for p in self.problems)))

    def __str__(self) -> str:
        return f"The settings file {self.path} has a bad value: {self.reason}"
