"""What the first-run wizard does besides asking: list and try readers, check the institution code and the gateway,
create or open the database with the chosen key. Headless, so the wizard (ui) and tests share one implementation;
the results are doctor `CheckResult`s, whose texts are already in Japanese and English.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reception_app.config import KeySource, SiteConfig

if TYPE_CHECKING:
    from reception_app.card.backends import ReaderBackend
from reception_app.reception.doctor import (
    CheckResult,
    DoctorOptions,
    Status,
    check_gateway,
    check_institution_code,
    check_pcsc,
    database_failure,
)
from reception_app.reception.errors import ReaderServiceUnavailable

BackendFactory = Callable[[str], "ReaderBackend"]


def _default_factory(spec: str) -> ReaderBackend:
    from reception_app.card.backends import open_backend

    return open_backend(spec)


def list_reader_names(backend_factory: BackendFactory | None = None) -> list[str]:
    """The PC/SC readers connected now. Raises ReaderServiceUnavailable when the service is down."""
    from reception_app.card.errors import ReaderUnavailableError

    backend = (backend_factory or _default_factory)("pcsc")
    try:
        return [info.name for info in backend.list_readers()]
    except ReaderUnavailableError as exc:
        raise ReaderServiceUnavailable() from exc
    finally:
        backend.close()


def try_reader(name: str, backend_factory: BackendFactory | None = None) -> CheckResult:
    """Reads the card on `name` if one is there (SELECT of the JPKI AP only): the doctor's card check."""
    settings = SiteConfig(reader_backend="pcsc", reader_name=name or None)
    results = check_pcsc(settings, DoctorOptions(backend_factory=backend_factory))
    failing = next((r for r in results if r.status is Status.FAIL), None)
    return failing or next(r for r in results if r.check == "card")


def institution_code_problem(code: str) -> CheckResult | None:
    """None when the 医療機関コード is valid (10 digits, known prefecture, check digit); else the failed check."""
    result = check_institution_code(code.strip())
    return None if result.status is Status.OK else result


def try_gateway(settings: SiteConfig, timeout_s: float = 3.0) -> CheckResult:
    return check_gateway(settings, timeout_s)


def keyring_available() -> bool:
    from reception_app.store import keys

    return keys.keyring_available()


def passphrase_min_length() -> int:
    from reception_app.store import keys

    return keys.PASSPHRASE_MIN_LENGTH


def prepare_database(path: Path, source: KeySource, passphrase: str | None) -> CheckResult:
    """Creates the encrypted database with the chosen key, or checks that an existing one opens with it.

    An existing database is never replaced: a wrong key is reported and nothing changes.
    """
    from reception_app.store import key_source, keys, open_store
    from reception_app.store.errors import StoreError

    params = {"path": str(path), "source": source}
    use_keyring = source == "keyring"
    if use_keyring and not keys.keyring_available():
        return CheckResult("database", Status.FAIL, "database_keyring_unavailable", params)
    try:
        store = open_store(path, key_source(source, passphrase), mode="open" if path.exists() else "create")
        store.close()
    except StoreError as exc:
        return database_failure(exc, params)
    return CheckResult("database", Status.OK, "database_ok", params)
