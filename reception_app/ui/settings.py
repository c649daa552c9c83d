"""The window's view of the settings: the headless `ReceptionSettings` (one schema for the whole app) plus the
kiosk's own options, persisted with QSettings (the INI file `reception_app.settings` reads without Qt) and validated
with clear messages before they are saved."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from PySide6.QtCore import QCoreApplication, QSettings

from reception_app.settings import ReceptionSettings, settings_file

LANGUAGES = ("ja", "en")
READER_BACKENDS = ("simulator", "pcsc")
DEFAULT_IDLE_TIMEOUT_S = 60


@dataclass
class AppSettings(ReceptionSettings):
    """Everything the windows edit: the site settings plus the kiosk's options (ignored by headless readers)."""

    kiosk_idle_timeout_s: int = DEFAULT_IDLE_TIMEOUT_S
    kiosk_name: str = "kiosk-1"
    show_qa_panel: bool = False


@dataclass(frozen=True)
class SettingsProblem:
    """One invalid field: `code` is stable (tests, logs), `message` is translated for the person."""

    field: str
    code: str
    message: str


def validate(settings: AppSettings) -> list[SettingsProblem]:
    """Every problem at once, so the person fixes them in one go."""
    problems: list[SettingsProblem] = []
    if settings.language not in LANGUAGES:
        problems.append(
            SettingsProblem(
                "language", "bad_language", QCoreApplication.translate("Settings", "Choose Japanese or English.")
            )
        )
    if settings.reader_backend not in READER_BACKENDS:
        problems.append(
            SettingsProblem(
                "reader_backend",
                "bad_backend",
                QCoreApplication.translate("Settings", "Choose the PC/SC reader or the simulator."),
            )
        )
    for name in ("face_dir", "req_dir", "res_dir", "ticket_pdf_dir"):
        value = getattr(settings, name)
        if value and not Path(value).is_dir():
            problems.append(
                SettingsProblem(
                    name,
                    "folder_missing",
                    QCoreApplication.translate("Settings", "This folder does not exist: %1").replace("%1", value),
                )
            )
    if settings.gateway_url:
        parsed = urlparse(settings.gateway_url)
        if parsed.scheme not in ("https", "http") or not parsed.netloc:
            problems.append(
                SettingsProblem(
                    "gateway_url",
                    "bad_url",
                    QCoreApplication.translate("Settings", "The gateway address must look like https://host:port/."),
                )
            )
        elif parsed.scheme == "http" and parsed.hostname not in ("127.0.0.1", "localhost", "::1"):
            problems.append(
                SettingsProblem(
                    "gateway_url",
                    "http_not_local",
                    QCoreApplication.translate("Settings", "Use https:// for a gateway on another computer."),
                )
            )
    for name in ("client_cert", "client_key", "ca_bundle"):
        value = getattr(settings, name)
        if value and not Path(value).is_file():
            problems.append(
                SettingsProblem(
                    name,
                    "file_missing",
                    QCoreApplication.translate("Settings", "This file does not exist: %1").replace("%1", value),
                )
            )
    if bool(settings.client_cert) != bool(settings.client_key):
        problems.append(
            SettingsProblem(
                "client_key",
                "cert_key_pair",
                QCoreApplication.translate("Settings", "A client certificate needs its key, and the other way round."),
            )
        )
    if not 10 <= settings.kiosk_idle_timeout_s <= 600:
        problems.append(
            SettingsProblem(
                "kiosk_idle_timeout_s",
                "bad_timeout",
                QCoreApplication.translate("Settings", "The kiosk timeout must be between 10 and 600 seconds."),
            )
        )
    if not settings.kiosk_name.strip():
        problems.append(
            SettingsProblem(
                "kiosk_name", "empty_kiosk_name", QCoreApplication.translate("Settings", "Give the kiosk a name.")
            )
        )
    return problems


def _store() -> QSettings:
    return QSettings(str(settings_file()), QSettings.Format.IniFormat)


def load_settings() -> AppSettings:
    qs = _store()
    loaded = AppSettings()
    for name in AppSettings.field_names():
        if not qs.contains(name):
            continue
        raw = qs.value(name)
        default = getattr(loaded, name)
        try:
            if isinstance(default, bool):
                value: object = str(raw).lower() in ("1", "true", "yes")
            elif isinstance(default, int):
                value = int(str(raw))
            else:
                value = str(raw)
        except ValueError:
            continue  # a hand-edited bad value falls back to the default rather than stopping the app
        setattr(loaded, name, value)
    return loaded


def save_settings(settings: AppSettings) -> None:
    qs = _store()
    for name in AppSettings.field_names():
        qs.setValue(name, getattr(settings, name))
    qs.sync()
