"""The app's settings: one JSON file in the per-user config folder, read and written by every layer.

Headless (no Qt) and below every layer like `paths`: the first-run wizard writes it, `doctor` checks it, the
desk/kiosk windows read it. A file that is missing gives the defaults; a file that is broken is never overwritten
silently: `load_settings` raises `SettingsError` and the caller says so in plain words.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from reception_app import paths

SETTINGS_FILE_NAME = "settings.json"
SETTINGS_VERSION = 1

KeySource = Literal["keyring", "passphrase"]


class SettingsError(Exception):
    """The settings file exists but cannot be read. `code` is stable for translation."""

    code = "settings_unreadable"

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"The settings file {path} cannot be read: {reason}")
        self.path = path
        self.reason = reason


class Settings(BaseModel):
    """Everything a reception PC is set up with once (first-run wizard) and can change later (settings)."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    version: int = SETTINGS_VERSION
    # Reader: a backend spec for `reception_app.card.open_backend` ("pcsc", "sim", ...) and the PC/SC reader name.
    reader_backend: str = "pcsc"
    reader_name: str = ""
    # The OQS terminal's shared folders (face-reader results, request files, response files).
    face_dir: str = ""
    req_dir: str = ""
    res_dir: str = ""
    # 医療機関コード (10 digits: 都道府県 2 + 点数表 1 + 郡市区 2 + 機関番号 4 + check digit 1).
    institution_code: str = ""
    gateway_url: str = ""
    # Encrypted cache: where it lives and where its key comes from (OS keyring, or a passphrase typed at start).
    db_path: str = ""
    db_key_source: KeySource = "keyring"
    printer: str = ""  # a printer name as Qt lists it; "" = the system default; "pdf" = write PDFs
    language: Literal["ja", "en"] = "ja"
    setup_complete: bool = False
    extra: dict[str, str] = Field(default_factory=dict)

    def resolved_db_path(self) -> Path:
        return Path(self.db_path) if self.db_path else paths.user_data_dir() / "reception.db"

    def folders(self) -> dict[str, str]:
        """The configured OQS folders by role (face/req/res)."""
        return {"face": self.face_dir, "req": self.req_dir, "res": self.res_dir}


def settings_path() -> Path:
    """`settings.json` in the per-user config folder (RECEPTION_APP_CONFIG overrides it)."""
    return paths.user_config_dir() / SETTINGS_FILE_NAME


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings, or the defaults when none were saved yet."""
    target = path or settings_path()
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        raise SettingsError(target, exc.strerror or str(exc)) from exc
    try:
        return Settings.model_validate(json.loads(text))
    except (ValueError, ValidationError) as exc:
        raise SettingsError(target, str(exc).splitlines()[0]) from exc


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Writes the settings atomically (temp file + rename), so a crash never leaves half a file."""
    target = path or settings_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    data = settings.model_dump_json(indent=2)
    fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data + "\n")
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
