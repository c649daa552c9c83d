"""`reception-app db ... --store postgresql://...` through the real CLI entry point against the test server; the
URL's password is never printed."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from reception_app.cli import main
from reception_app.store import Patient, PostgresLocation, RawKey, open_store, staff_actor
from tests.store_support import drop_pg_schema, new_pg_schema


@pytest.fixture()
def url(pg_dsn: str) -> Iterator[str]:
    schema = new_pg_schema("cli")
    yield f"{pg_dsn}?schema={schema}"
    drop_pg_schema(pg_dsn, schema)


def _password(url: str) -> str:
    password = urlsplit(url).password
    assert password  # the test server's DSN carries one (scripts/with-postgres.sh)
    return password


def test_init_info_verify_and_purge_on_a_server(url: str, pg_dsn: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "init", "--store", url]) == 0
    schema = url.rsplit("schema=", 1)[1]
    with open_store(PostgresLocation(pg_dsn, schema), RawKey(bytes(32))) as store:
        store.register_patient(Patient("100001", "架空 花子", "カクウ ハナコ", dt.date(1985, 4, 12)), staff_actor(1))
    assert main(["db", "info", "--store", url, "--json"]) == 0
    assert main(["db", "verify-audit", "--store", url]) == 0
    assert main(["db", "purge", "--dry-run", "--store", url]) == 0
    assert main(["db", "init", "--store", url]) == 2  # never overwrites
    out, err = capsys.readouterr()
    info = json.loads(out[out.index("{"): out.index("}\n", out.index('"today"')) + 1])
    assert (info["backend"], info["counts"]["patients"], info["schema_version"]) == ("postgresql", 1, 1)
    assert "chain intact" in out and "Would delete 0 " in out and "store_database_exists" in err
    assert _password(url) not in out + err and "架空" not in out


def test_rekey_is_refused_for_a_server_store(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "init", "--store", url]) == 0
    assert main(["db", "rekey", "--to", "passphrase", "--store", url]) == 2
    err = capsys.readouterr().err
    assert "store_unsupported" in err and _password(url) not in err


def test_check_in_refuses_a_server_url_without_repeating_its_password(
    url: str, capsys: pytest.CaptureFixture[str], app_data_dir: object
) -> None:
    assert main(["check-in", "--store", url, "--pin", "1234", "--json"]) != 0
    captured = capsys.readouterr()
    assert "store_unsupported" in captured.out + captured.err and _password(url) not in captured.out + captured.err
