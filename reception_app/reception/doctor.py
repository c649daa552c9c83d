"""`reception-app doctor`: checks that a reception PC has everything the app needs and says what is missing.

Each check gives OK / WARNING / FAIL with a result code; the texts (Japanese and English: what was found, what to do)
are in `doctor_messages`. Headless: the font check uses fontconfig (`fc-list :lang=ja`) and takes a probe from the
caller where fontconfig is absent (Windows: the CLI passes a Qt probe). Nothing here reads a card's personal data:
the card check only SELECTs the JPKI application.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from reception_app.config import ConfigValueError, SiteConfig, SiteConfigError, load_config, settings_file
from reception_app.reception.doctor_messages import (
    CHECK_TITLES,
    FOLDER_ROLES,
    MESSAGES,
    NUMBER_REASONS,
    STATUS_LABELS,
    SUMMARY,
    Lang,
)
from reception_app.reception.errors import FontProbeUnavailable

if TYPE_CHECKING:  # pyscard loads with the reader check, not with this module
    from reception_app.card.backends import ReaderBackend, ReaderInfo

SIMULATOR_BACKENDS = ("simulator",)  # the configuration accepts no other spelling


class Status(StrEnum):
    OK = "ok"
    WARNING = "warning"
    FAIL = "fail"


@dataclass(frozen=True)
class CheckResult:
    """One check's outcome. `code` keys the message table; `params` fill its placeholders (never personal data)."""

    check: str
    status: Status
    code: str
    params: Mapping[str, str] = field(default_factory=dict)

    def title(self, lang: Lang) -> str:
        return CHECK_TITLES[self.check][lang]

    def result_text(self, lang: Lang) -> str:
        return MESSAGES[self.code][lang][0].format(**self._params(lang))

    def action_text(self, lang: Lang) -> str:
        return MESSAGES[self.code][lang][1].format(**self._params(lang))

    def _params(self, lang: Lang) -> dict[str, str]:
        params = dict(self.params)
        if "role" in params:
            params["role"] = FOLDER_ROLES[params["role"]][lang]
        if params.get("reason") in NUMBER_REASONS:
            params["detail"] = NUMBER_REASONS[params["reason"]][lang]
        return params

    def to_dict(self, lang: Lang) -> dict[str, str | dict[str, str]]:
        return {
            "check": self.check,
            "status": self.status.value,
            "code": self.code,
            "title": self.title(lang),
            "result": self.result_text(lang),
            "action": self.action_text(lang),
            "params": dict(self.params),
        }


# A font probe returns the families that can show Japanese, or raises FontProbeUnavailable.
FontProbe = Callable[[], list[str]]


@dataclass
class DoctorOptions:
    passphrase: str | None = None  # for a database that uses a passphrase
    timeout_s: float = 3.0  # per network call
    font_probe: FontProbe | None = None  # used when fontconfig is absent
    backend_factory: Callable[[str], ReaderBackend] | None = None  # spec -> card ReaderBackend (tests, other backends)


def exit_code(results: Sequence[CheckResult]) -> int:
    """0 when nothing FAILs (warnings allowed), 1 otherwise."""
    return 1 if any(r.status is Status.FAIL for r in results) else 0


def run_checks(settings: SiteConfig | None = None, options: DoctorOptions | None = None) -> list[CheckResult]:
    """All checks, in the order a person would fix them. Loads the settings file unless `settings` is given."""
    opts = options or DoctorOptions()
    results: list[CheckResult] = []
    if settings is None:
        path = settings_file()
        try:
            settings = load_config(path)
        except SiteConfigError as exc:  # a bad value names its option; the other checks run on the defaults
            code = "settings_invalid" if isinstance(exc, ConfigValueError) else "settings_unreadable"
            results.append(CheckResult("settings", Status.FAIL, code, {"path": str(path), "reason": exc.reason}))
            settings = SiteConfig()
        else:
            exists = path.exists()
            results.append(CheckResult("settings", Status.OK if exists else Status.WARNING,
                                       "settings_ok" if exists else "settings_missing", {"path": str(path)}))
    results.extend(check_pcsc(settings, opts))
    results.append(check_font(opts.font_probe))
    results.extend(check_folders(settings))
    results.append(check_institution_code(settings.institution_code or ""))
    results.append(check_gateway(settings, opts.timeout_s))
    results.append(check_database(settings, opts.passphrase))
    return results


# --- PC/SC service, readers, card --------------------------------------------------------------------------------


def _open_pcsc_backend(spec: str) -> ReaderBackend:
    from reception_app.card.backends import open_backend  # imported when needed: pyscard loads libpcsclite

    return open_backend(spec)


def check_pcsc(settings: SiteConfig, opts: DoctorOptions) -> list[CheckResult]:
    """Three results: the PC/SC service, the readers, and a card if one is present."""
    from reception_app.card.errors import CardError, PcscServiceUnavailableError, ReaderUnavailableError

    simulator = settings.reader_backend in SIMULATOR_BACKENDS
    factory = opts.backend_factory or _open_pcsc_backend
    try:
        backend = factory("pcsc")
        readers = backend.list_readers()
    except PcscServiceUnavailableError:
        status = Status.WARNING if simulator else Status.FAIL
        code = "pcsc_unavailable_demo" if simulator else "pcsc_service_unavailable"
        return [
            CheckResult("pcsc_service", status, code),
            CheckResult("readers", status, "readers_skipped"),
            CheckResult("card", Status.OK, "card_skipped"),
        ]
    except ReaderUnavailableError as exc:  # other failures to reach the service
        return [
            CheckResult("pcsc_service", Status.FAIL, "pcsc_error", {"detail": str(exc)}),
            CheckResult("readers", Status.FAIL, "readers_skipped"),
            CheckResult("card", Status.OK, "card_skipped"),
        ]
    except ImportError as exc:
        return [
            CheckResult("pcsc_service", Status.FAIL, "pcscd_module_missing", {"detail": str(exc)}),
            CheckResult("readers", Status.FAIL, "readers_skipped"),
            CheckResult("card", Status.OK, "card_skipped"),
        ]
    results = [CheckResult("pcsc_service", Status.OK, "pcsc_ok")]
    try:
        results.extend(_check_readers_and_card(backend, readers, settings, simulator, CardError))
    finally:
        backend.close()
    return results


def _check_readers_and_card(
    backend: ReaderBackend, readers: list[ReaderInfo], settings: SiteConfig, simulator: bool,
    card_error: type[Exception],
) -> list[CheckResult]:
    from reception_app.card.apdu import ResponseApdu, select_aid
    from reception_app.card.constants import Aid

    names = [info.name for info in readers]
    listed = ", ".join(names)
    if simulator:
        readers_result = CheckResult("readers", Status.OK, "readers_simulator")
    elif not names:
        return [CheckResult("readers", Status.FAIL, "readers_none"), CheckResult("card", Status.OK, "card_skipped")]
    elif settings.reader_name and settings.reader_name not in names:
        readers_result = CheckResult("readers", Status.FAIL, "reader_configured_missing",
                                     {"configured": settings.reader_name, "readers": listed})
    else:
        readers_result = CheckResult("readers", Status.OK, "readers_ok", {"readers": listed})
    if not names:
        return [readers_result, CheckResult("card", Status.OK, "card_skipped")]
    # The card check looks at the configured reader if it is connected, else at the first reader holding a card.
    target = next((info for info in readers if info.name == settings.reader_name), None)
    if target is None:
        target = next((info for info in readers if info.card_present), readers[0])
    if not target.card_present:
        return [readers_result, CheckResult("card", Status.OK, "card_absent", {"reader": target.name})]
    try:
        with backend.connect(target.name) as connection:
            response = ResponseApdu.decode(connection.transmit(select_aid(Aid.JPKI).encode()))
    except card_error as exc:
        return [readers_result,
                CheckResult("card", Status.FAIL, "card_unreadable", {"reader": target.name, "detail": str(exc)})]
    if response.ok:
        return [readers_result, CheckResult("card", Status.OK, "card_ok", {"reader": target.name})]
    return [readers_result, CheckResult("card", Status.WARNING, "card_not_my_number", {"reader": target.name})]


# --- font --------------------------------------------------------------------------------------------------------


def fontconfig_japanese_families() -> list[str]:
    """Families fontconfig says can show Japanese (`fc-list :lang=ja family`)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        raise FontProbeUnavailable("fc-list not found")
    try:
        out = subprocess.run([fc_list, ":lang=ja", "family"], capture_output=True, text=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError) as exc:
        raise FontProbeUnavailable(f"fc-list failed: {exc}") from exc
    families = {name.strip() for line in out.stdout.splitlines() for name in line.split(",") if name.strip()}
    return sorted(families)


PREFERRED_FAMILIES = ("Noto Sans CJK JP", "IPAGothic", "IPAexGothic", "Yu Gothic UI", "Meiryo", "MS UI Gothic")


def check_font(fallback_probe: FontProbe | None = None) -> CheckResult:
    try:
        families = fontconfig_japanese_families()
    except FontProbeUnavailable as exc:
        if fallback_probe is None:
            return CheckResult("font", Status.WARNING, "font_unknown", {"detail": str(exc)})
        try:
            families = fallback_probe()
        except FontProbeUnavailable as inner:
            return CheckResult("font", Status.WARNING, "font_unknown", {"detail": str(inner)})
    if not families:
        return CheckResult("font", Status.FAIL, "font_missing")
    family = next((f for f in PREFERRED_FAMILIES if f in families), families[0])
    return CheckResult("font", Status.OK, "font_ok", {"family": family})


# --- folders -----------------------------------------------------------------------------------------------------


def check_folder(role: str, value: str) -> CheckResult:
    check = f"folder_{role}"
    if not value:
        return CheckResult(check, Status.WARNING, "folder_not_set", {"role": role})
    path = Path(value)
    params = {"role": role, "path": str(path)}
    if not path.exists():
        return CheckResult(check, Status.FAIL, "folder_missing", params)
    if not path.is_dir():
        return CheckResult(check, Status.FAIL, "folder_not_a_folder", params)
    try:
        # Writing is the only honest test (permission bits lie for root, network shares and read-only mounts).
        with tempfile.NamedTemporaryFile(dir=path, prefix=".reception-app-doctor-", suffix=".tmp"):
            pass
        os.listdir(path)
    except OSError as exc:
        return CheckResult(check, Status.FAIL, "folder_read_only", {**params, "detail": exc.strerror or str(exc)})
    return CheckResult(check, Status.OK, "folder_ok", params)


def check_folders(settings: SiteConfig) -> list[CheckResult]:
    return [check_folder(role, "" if path is None else str(path)) for role, path in settings.folders().items()]


# --- institution code --------------------------------------------------------------------------------------------


def check_institution_code(code: str) -> CheckResult:
    from reception_app.eligibility.numbers import check_institution_code as check_number

    if not code:
        return CheckResult("institution_code", Status.WARNING, "institution_not_set")
    result = check_number(code)
    if not result.ok:
        return CheckResult("institution_code", Status.FAIL, "institution_invalid",
                           {"code": code, "detail": result.message, "reason": result.reason})
    return CheckResult("institution_code", Status.OK, "institution_ok", {"code": result.value})


# --- gateway -----------------------------------------------------------------------------------------------------


def check_gateway(settings: SiteConfig, timeout_s: float) -> CheckResult:
    """TLS handshake and one challenge call, bounded by `timeout_s`, without retries."""
    from reception_app.connect.errors import GatewayError, GatewayProtocolError, GatewayTlsError
    from reception_app.connect.gateway_client import GatewayClient, GatewayConfig
    from reception_app.connect.tls import TlsConfig

    url = (settings.gateway_url or "").strip()
    if not url:
        return CheckResult("gateway", Status.WARNING, "gateway_not_set")
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        return CheckResult("gateway", Status.FAIL, "gateway_bad_url", {"url": url})
    tls = TlsConfig(
        ca_bundle=settings.ca_bundle, client_cert=settings.client_cert, client_key=settings.client_key,
    )
    config = GatewayConfig(
        base_url=url, institution_code=settings.institution_code or "", connect_timeout=timeout_s,
        read_timeout=timeout_s, total_timeout=timeout_s, challenge_retries=0, tls=tls,
    )
    started = time.monotonic()
    try:
        with GatewayClient(config) as client:
            client.get_challenge()
    except GatewayTlsError as exc:
        return CheckResult("gateway", Status.FAIL, "gateway_tls", {"url": url, "detail": str(exc)})
    except GatewayProtocolError as exc:
        return CheckResult("gateway", Status.FAIL, "gateway_protocol", {"url": url, "detail": str(exc)})
    except (GatewayError, OSError) as exc:
        return CheckResult("gateway", Status.FAIL, "gateway_unreachable", {"url": url, "detail": str(exc)})
    elapsed_ms = round((time.monotonic() - started) * 1000)
    return CheckResult("gateway", Status.OK, "gateway_ok", {"url": url, "ms": str(elapsed_ms)})


# --- database ----------------------------------------------------------------------------------------------------


def check_database(settings: SiteConfig, passphrase: str | None) -> CheckResult:
    from reception_app.store import key_source, keys, open_store
    from reception_app.store.errors import StoreError

    path = settings.resolved_db_path()
    params = {"path": str(path), "source": settings.db_key_source}
    if not path.exists():
        return CheckResult("database", Status.WARNING, "database_missing", params)
    # Check the key source the settings name, alone: the app will use that one at start.
    use_keyring = settings.db_key_source == "keyring"
    if use_keyring and not keys.keyring_available():
        return CheckResult("database", Status.FAIL, "database_keyring_unavailable", params)
    if not use_keyring and passphrase is None:
        return CheckResult("database", Status.WARNING, "database_passphrase_needed", params)
    try:
        # migrate=False: the doctor only looks; it never changes a database.
        store = open_store(path, key_source(settings.db_key_source, passphrase), migrate=False)
        store.close()
    except StoreError as exc:
        return database_failure(exc, params)
    return CheckResult("database", Status.OK, "database_ok", params)


# The store's key errors that mean "this database's key is not where the settings say": named as a missing key.
_KEY_MISSING_CODES = frozenset({"store_keyring_entry_missing", "store_no_keyring_no_passphrase",
                                "store_passphrase_required"})


def database_failure(exc: Exception, params: dict[str, str]) -> CheckResult:
    """A store error opening or creating the database, as the doctor and the set-up wizard both report it."""
    from reception_app.store.errors import KeyUnavailableError, WrongKeyError

    if isinstance(exc, WrongKeyError):
        return CheckResult("database", Status.FAIL, "database_wrong_key", params)
    if isinstance(exc, KeyUnavailableError) and exc.code == "store_keyring_unavailable":
        return CheckResult("database", Status.FAIL, "database_keyring_unavailable", params)
    if isinstance(exc, KeyUnavailableError) and exc.code in _KEY_MISSING_CODES:
        return CheckResult("database", Status.FAIL, "database_key_missing", params)
    return CheckResult("database", Status.FAIL, "database_error", {**params, "detail": str(exc)})


# --- report ------------------------------------------------------------------------------------------------------


def format_report(results: Sequence[CheckResult], lang: Lang) -> str:
    """The plain-text report: one block per check, then a one-line summary."""
    lines: list[str] = []
    for r in results:
        lines.append(f"[{STATUS_LABELS[r.status.value][lang]}] {r.title(lang)}: {r.result_text(lang)}")
        action = r.action_text(lang)
        if action and r.status is not Status.OK:
            lines.append(f"    {SUMMARY['what_to_do'][lang]}: {action}")
    failures = sum(r.status is Status.FAIL for r in results)
    warnings = sum(r.status is Status.WARNING for r in results)
    if failures:
        lines.append(SUMMARY["failures"][lang].format(n=failures))
    elif warnings:
        lines.append(SUMMARY["warnings"][lang].format(n=warnings))
    else:
        lines.append(SUMMARY["all_ok"][lang])
    return "\n".join(lines)
