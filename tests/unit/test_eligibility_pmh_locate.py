"""The municipality at the start of an address (PMH participation check): as written, after NFKC, long addresses."""

from __future__ import annotations

import pytest

from reception_app.eligibility.pmh import AddressPlace, locate


@pytest.mark.parametrize(
    "address",
    [
        "東京都調布市試験町①丁目２～３",  # as written
        "東京都　調布市試験町１－１",  # a full-width space: found after NFKC
        "東京都 調布市",
        "東京都調布市" + "試" * 10_000,  # a long address: only its start is looked at
    ],
)
def test_listed_municipality_is_found(address: str) -> None:
    assert locate(address) == AddressPlace("東京都", "調布市")


def test_county_is_skipped() -> None:
    assert locate("北海道河東郡上士幌町字試験１") == AddressPlace("北海道", "上士幌町")


def test_unlisted_municipality_gives_the_prefecture_only() -> None:
    assert locate("東京都試験村１－１") == AddressPlace("東京都", None)


def test_no_prefecture_is_none() -> None:
    assert locate("試験町１－１") is None
