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
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> StoreUnderTest:
    """Where a fresh store of one backend goes; `create()` / `open()` go through the factory."""
    return store_under_test(request.param, tmp_path)


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
