"""`SiteConfig`: every option of a reception PC declared once, with its type (the annotation), default, unit and a
one-line description. `docs/configuration.md` is made from these declarations (`reception_app.config.docs`).

A frozen dataclass, not a pydantic model: every window reads it at start-up, and pydantic's import alone costs about
as much as the bare Qt window (docs/performance.md, "Cold start"). Constructing one checks only the Python types;
the rules (ranges, choices, folders that exist…) are `reception_app.config.validate`'s.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from reception_app import paths
from reception_app.config.options import OptionSpec, option, specs_of

Language = Literal["ja", "en"]
ReaderBackendKind = Literal["pcsc", "simulator"]
KeySource = Literal["keyring", "passphrase"]
StoreBackend = Literal["sqlcipher"]  # PostgreSQL comes with the multi-desk work: its URL goes in store_location

LANGUAGES: tuple[Language, ...] = ("ja", "en")
READER_BACKENDS: tuple[ReaderBackendKind, ...] = ("pcsc", "simulator")
KEY_SOURCES: tuple[KeySource, ...] = ("keyring", "passphrase")

DB_FILE_NAME = "reception.db"


@dataclass(frozen=True)
class SiteConfig:
    """What a reception PC is set up with (first-run wizard) and can change later (settings dialog, the file).

    Unset optional values are None. Get the saved one with `reception_app.config.load_config()`, a changed copy
    with `replace(**changes)`."""

    # --- site ---
    institution_code: str | None = option(
        None, "医療機関コード: 10 digits, the last a check digit (from the designation notice)", group="Site")
    language: Language = option(
        "ja", "Language of the windows and the kiosk", group="Site", problem_code="bad_language")
    setup_complete: bool = option(False, "Set by the first-run wizard when it finished", group="Site")
    # --- card reader ---
    reader_backend: ReaderBackendKind = option(
        "pcsc", "The card reader: a PC/SC reader, or the simulator (demo and QA only)", group="Card reader",
        problem_code="bad_backend")
    reader_name: str | None = option(
        None, "The PC/SC reader's name; unset: the first reader found", group="Card reader")
    card_apdu_timeout_s: float = option(
        5.0, "How long one command to the card may take before the card counts as mute", group="Card reader",
        unit="s", minimum=0.5, maximum=60)
    # --- database ---
    store_backend: StoreBackend = option("sqlcipher", "The database kind: an encrypted SQLCipher file",
                                         group="Database")
    store_location: str | None = option(
        None, "Where the database is: for sqlcipher a file path; unset: reception.db in the per-user data folder",
        group="Database")
    db_key_source: KeySource = option(
        "keyring", "Where the database key comes from: the OS keyring, or a passphrase typed at start",
        group="Database")
    # --- eligibility gateway (PIN path) ---
    gateway_url: str | None = option(
        None, "The eligibility gateway's address (https://; http:// only on this computer); unset: no PIN path",
        group="Eligibility gateway")
    client_cert: Path | None = option(None, "Client certificate (PEM) for the gateway's TLS",
                                      group="Eligibility gateway")
    client_key: Path | None = option(None, "The client certificate's private key (PEM)", group="Eligibility gateway")
    ca_bundle: Path | None = option(None, "CA bundle that signs the gateway's certificate; unset: the system's",
                                    group="Eligibility gateway")
    gateway_query_timeout_s: float = option(
        15.0, "Upper bound of one eligibility query through the gateway, retries included",
        group="Eligibility gateway", unit="s", minimum=1, maximum=300)
    gateway_connect_timeout_s: float = option(
        3.0, "Time to open the connection to the gateway", group="Eligibility gateway", unit="s",
        minimum=0.5, maximum=60)
    gateway_read_timeout_s: float = option(
        10.0, "Time to wait for the gateway's answer to one request", group="Eligibility gateway", unit="s",
        minimum=0.5, maximum=300)
    # --- OQS terminal ---
    face_dir: Path | None = option(None, "The OQS terminal's shared folder of face-reader results (face)",
                                   group="OQS terminal")
    req_dir: Path | None = option(None, "The OQS terminal's request folder (req)", group="OQS terminal")
    res_dir: Path | None = option(None, "The OQS terminal's result folder (res)", group="OQS terminal")
    reqres_timeout_s: float = option(
        30.0, "How long a request file waits for its result from the OQS terminal", group="OQS terminal", unit="s",
        minimum=1, maximum=600)
    reconfirm_interval_s: float = option(
        60.0, "How often check-ins made offline are confirmed again; 0: never automatically",
        group="OQS terminal", unit="s", minimum=0, maximum=86400)
    # --- printer ---
    printer_name: str | None = option(None, "The printer of the 受付票; unset: the system's default printer",
                                      group="Printer")
    ticket_pdf_dir: Path | None = option(None, "Folder of the 受付票 PDF files; unset: tickets in the data folder",
                                         group="Printer")
    # --- kiosk ---
    kiosk_name: str = option("kiosk-1", "The kiosk's name in the audit log", group="Kiosk")
    kiosk_idle_timeout_s: int = option(
        60, "Idle time after which the kiosk wipes the screen", group="Kiosk", unit="s", minimum=10, maximum=600,
        problem_code="bad_timeout")
    kiosk_face_wait_s: int = option(
        60, "How long the kiosk waits for the face reader's result before sending the patient to the staff",
        group="Kiosk", unit="s", minimum=10, maximum=600)
    show_qa_panel: bool = option(False, "Show the QA panel at the desk (QA machines)", group="Kiosk")

    def __post_init__(self) -> None:
        # The Python types only (a str where a Path belongs is a caller's bug, said at once); rules are validate()'s
        for spec in option_specs():
            value = getattr(self, spec.name)
            if not spec.type_ok(value):
                raise TypeError(f"SiteConfig.{spec.name}: expected {spec.type_label()}, got {value!r}")
            if spec.kind == "float" and isinstance(value, int):
                object.__setattr__(self, spec.name, float(value))  # 5 and 5.0 written and compared alike

    def replace(self, **changes: object) -> SiteConfig:
        """A copy with `changes` (an unknown name or a wrong type is a TypeError)."""
        # Any: the names and types are checked when the copy is made (the constructor, then __post_init__)
        typed: dict[str, Any] = changes
        return dataclasses.replace(self, **typed)

    def as_dict(self) -> dict[str, object]:
        return {spec.name: getattr(self, spec.name) for spec in option_specs()}

    # --- what callers ask of it ------------------------------------------------------------------------------
    def resolved_db_path(self) -> Path:
        """The SQLCipher file: `store_location`, or reception.db in the per-user data folder."""
        return Path(self.store_location) if self.store_location else paths.user_data_dir() / DB_FILE_NAME

    def reader_spec(self) -> str:
        """The reader as `open_backend` names it: `simulator`, `pcsc` or `pcsc:NAME`."""
        if self.reader_backend == "simulator":
            return "simulator"
        return f"pcsc:{self.reader_name}" if self.reader_name else "pcsc"

    def folders(self) -> dict[str, Path | None]:
        """The OQS terminal folders by role."""
        return {"face": self.face_dir, "req": self.req_dir, "res": self.res_dir}


@functools.cache
def option_specs() -> tuple[OptionSpec, ...]:
    """Every declared option, in declaration order (resolved once: it reads the annotations)."""
    return specs_of(SiteConfig)


def option_spec(name: str) -> OptionSpec:
    for spec in option_specs():
        if spec.name == name:
            return spec
    raise KeyError(name)


DEFAULTS = SiteConfig()
"""The defaults, for code that needs one (`DEFAULTS.gateway_query_timeout_s`): declared above, nowhere else."""
