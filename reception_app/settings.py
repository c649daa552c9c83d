"""The app's settings file read without Qt, for the headless layers (`doctor`, CLI commands).

The file is the one the windows write (`reception_app/ui/settings.py`: QSettings, INI format,
`reception-app.ini` in `paths.user_config_dir()`, every key in `[General]`). This module only READS it, decoding
QSettings' escapes (`\\\\` in Windows paths, quoted values, `\\xHHHH`), so the two never disagree on the format.
Keys the first-run wizard adds beside the window settings (`institution_code`, `db_path`, `db_key_source`) live in
the same file. A file that is missing gives the defaults; a file that cannot be read raises `SettingsError`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Self

from reception_app import paths

SETTINGS_FILE_NAME = "reception-app.ini"
INI_SECTION = "General"

KeySource = Literal["keyring", "passphrase"]
KEY_SOURCES: tuple[KeySource, ...] = ("keyring", "passphrase")


class SettingsError(Exception):
    """The settings file exists but cannot be read. `code` is stable for translation."""

    code = "settings_unreadable"

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"The settings file {path} cannot be read: {reason}")
        self.path = path
        self.reason = reason


@dataclass
class ReceptionSettings:
    """What a reception PC is set up with (first-run wizard) and can change later (settings).

    A plain dataclass, not a pydantic model: every window imports it at start-up, and pydantic's import alone costs
    about as much as the bare Qt window (docs/performance.md, "Cold start"). Every field is a str but
    `db_key_source` (checked in `__post_init__`) and `setup_complete`."""

    language: str = "ja"
    reader_backend: str = "pcsc"  # "pcsc" or "simulator"
    reader_name: str = ""  # the PC/SC reader's name; "" = the first reader found
    face_dir: str = ""  # the OQS terminal's shared folders
    req_dir: str = ""
    res_dir: str = ""
    gateway_url: str = ""
    client_cert: str = ""
    client_key: str = ""
    ca_bundle: str = ""
    printer_name: str = ""
    ticket_pdf_dir: str = ""
    institution_code: str = ""  # 医療機関コード, 10 digits with its check digit
    db_path: str = ""  # "" = reception.db in the per-user data folder
    db_key_source: KeySource = "keyring"
    setup_complete: bool = False

    def __post_init__(self) -> None:
        if self.db_key_source not in KEY_SOURCES:
            raise ValueError(f"db_key_source: expected one of {', '.join(KEY_SOURCES)}, got {self.db_key_source!r}")

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(cls))

    @classmethod
    def from_values(cls, values: dict[str, Any]) -> Self:
        """From a mapping that may hold other keys too (another window's options): those are ignored."""
        names = set(cls.field_names())
        return cls(**{key: value for key, value in values.items() if key in names})

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def updated(self, **changes: Any) -> Self:
        """A copy with `changes` (an unknown name is a TypeError)."""
        return dataclasses.replace(self, **changes)

    def resolved_db_path(self) -> Path:
        return Path(self.db_path) if self.db_path else paths.user_data_dir() / "reception.db"

    def reader_spec(self) -> str:
        """The reader as `open_backend` names it: `simulator`, `pcsc` or `pcsc:NAME`."""
        if self.reader_backend == "simulator":
            return "simulator"
        return f"pcsc:{self.reader_name}" if self.reader_name else "pcsc"

    def folders(self) -> dict[str, str]:
        """The OQS terminal folders by role."""
        return {"face": self.face_dir, "req": self.req_dir, "res": self.res_dir}


def settings_file() -> Path:
    return paths.user_config_dir() / SETTINGS_FILE_NAME


_SIMPLE_ESCAPES = {"\\": "\\", '"': '"', "n": "\n", "t": "\t", "r": "\r", "0": "\0", "a": "\a", "b": "\b",
                   "f": "\f", "v": "\v", "'": "'", "?": "?", ";": ";", ",": ","}


def unescape_qsettings_value(raw: str) -> str:
    """One INI value as QSettings wrote it, back to the string it was given (quotes and backslash escapes)."""
    text = raw.strip()
    out: list[str] = []
    in_quotes = False
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            if nxt == "x":
                j = i + 2
                while j < len(text) and j < i + 6 and text[j] in "0123456789abcdefABCDEF":
                    j += 1
                out.append(chr(int(text[i + 2 : j], 16)) if j > i + 2 else "x")
                i = j
                continue
            out.append(_SIMPLE_ESCAPES.get(nxt, nxt))
            i += 1
        else:
            out.append(ch)
        i += 1
    value = "".join(out)
    return value[1:] if value.startswith("@@") else value


def load_settings(path: Path | None = None) -> ReceptionSettings:
    """The saved settings, or the defaults when none were saved yet."""
    target = path or settings_file()
    import configparser  # here: the windows read the file with QSettings and start without it

    parser = configparser.RawConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive in QSettings
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ReceptionSettings()
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(target, getattr(exc, "strerror", None) or str(exc)) from exc
    try:
        parser.read_string(text, source=str(target))
    except configparser.Error as exc:
        raise SettingsError(target, str(exc).splitlines()[0]) from exc
    values: dict[str, object] = {}
    if parser.has_section(INI_SECTION):
        for key, raw in parser.items(INI_SECTION):
            value = unescape_qsettings_value(raw)
            values[key] = value.lower() in ("1", "true", "yes") if key == "setup_complete" else value
    try:
        return ReceptionSettings.from_values(values)
    except ValueError as exc:
        raise SettingsError(target, str(exc)) from exc
