"""The store contract suite: every test here runs once per backend in `STORE_BACKENDS`, on a store opened through
`reception_app.store.open_store`, and may use only the `Store` contract (no backend class, no private attribute).
What is true of one backend alone (SQL plans, file encryption, keys, crash safety) is tested in test_sqlcipher_*.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reception_app.store import Store, staff_actor
from tests.store_support import STORE_BACKENDS, StoreUnderTest, store_under_test, synthetic_patients

STAFF = staff_actor(1)


@pytest.fixture(params=STORE_BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreUnderTest]:
    """Where a fresh store of one backend goes (a file, or a schema of its own on the test server); `create()` /
    `open()` go through the factory. A server backend without its server fails under CI and `make test`."""
    dsn = request.getfixturevalue("pg_dsn") if request.param == "postgres" else None
    place = store_under_test(request.param, tmp_path, dsn)
    yield place
    place.cleanup()


@pytest.fixture()
def empty_store(backend: StoreUnderTest) -> Iterator[Store]:
    store = backend.create()
    yield store
    store.close()


@pytest.fixture()
def store(empty_store: Store) -> Store:
    """A store holding the three synthetic patients of tests/store_support.py."""
    for patient, _ in synthetic_patients():
        empty_store.register_patient(patient, STAFF)
    return empty_store
