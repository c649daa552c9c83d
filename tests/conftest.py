"""Shared test set-up.

Qt runs offscreen unless a test starts its own Xvfb. Services the tests need (pcscd with vpcd) are started by
`make test`; when they are missing, tests fail in CI and are skipped with a reason only on a developer's machine.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


def _service_required() -> bool:
    """In CI and under `make test` a missing service is a failure, never a silent skip."""
    return any(os.environ.get(name) for name in ("CI", "RECEPTION_APP_PCSCD", "RECEPTION_APP_POSTGRES"))


def require_service(ok: bool, what: str) -> None:
    if ok:
        return
    if _service_required():
        pytest.fail(f"required service missing: {what}")
    pytest.skip(f"{what} (run through `make test`, which starts it)")


@pytest.fixture(scope="session")
def pcscd_available() -> bool:
    has_socket = Path("/run/pcscd/pcscd.comm").exists()
    require_service(has_socket and Path("/etc/reader.conf.d/vpcd").exists(), "pcscd with the vpcd driver")
    return True


@pytest.fixture(scope="session")
def pg_dsn() -> str:
    """The DSN of the private PostgreSQL cluster `make test` starts (scripts/with-postgres.sh)."""
    from tests.store_support import pg_test_dsn

    dsn = pg_test_dsn()
    require_service(dsn is not None, "a PostgreSQL server (RECEPTION_APP_TEST_PG_DSN, scripts/with-postgres.sh)")
    assert dsn is not None
    return dsn


@pytest.fixture(scope="session")
def opensc_tool() -> str:
    path = shutil.which("pkcs15-tool")
    require_service(path is not None, "OpenSC's pkcs15-tool (Debian opensc)")
    assert path is not None
    return path


@pytest.fixture()
def app_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty per-user data folder, so no test touches the real one."""
    data = tmp_path / "data"
    config = tmp_path / "config"
    monkeypatch.setenv("RECEPTION_APP_DATA", str(data))
    monkeypatch.setenv("RECEPTION_APP_CONFIG", str(config))
    yield data
