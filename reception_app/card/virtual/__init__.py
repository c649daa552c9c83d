"""A virtual My Number Card, faithful at the APDU level, built from a synthetic cardholder profile.

Used in-process by the simulator reader backend and over pcscd's vpcd driver by `reception-app vcard serve`.
See docs/virtual-card.md.


The names below load on first use (PEP 562): the simulator backend is imported at the app's start, while the card
itself (cryptography for its keys, pydantic for its profile: ~200 ms) is only needed once a card is inserted.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from reception_app.card.virtual.errors import ProfileError, VirtualCardMute, VirtualCardPulled

if TYPE_CHECKING:
    from reception_app.card.virtual.card import VirtualMyNumberCard
    from reception_app.card.virtual.pki import (
        ca_certificate,
        ca_certificate_der,
        issue_certificate_der,
        opaque_subject_id,
        test_ca_certificate,
        test_ca_certificate_der,
    )
    from reception_app.card.virtual.profile import (
        CardFaults,
        CardProfile,
        CertificateValidity,
        Holder,
        TokenType,
        list_profiles,
        load_profile,
    )
    from reception_app.card.virtual.trace import ApduTrace, TraceEntry

_LAZY = {
    "VirtualMyNumberCard": "card",
    **dict.fromkeys(("ca_certificate", "ca_certificate_der", "issue_certificate_der", "opaque_subject_id",
                     "test_ca_certificate", "test_ca_certificate_der"), "pki"),
    **dict.fromkeys(("CardFaults", "CardProfile", "CertificateValidity", "Holder", "TokenType", "list_profiles",
                     "load_profile"), "profile"),
    **dict.fromkeys(("ApduTrace", "TraceEntry"), "trace"),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value

__all__ = [
    "ApduTrace",
    "CardFaults",
    "CardProfile",
    "CertificateValidity",
    "Holder",
    "ProfileError",
    "TokenType",
    "TraceEntry",
    "VirtualCardMute",
    "VirtualCardPulled",
    "VirtualMyNumberCard",
    "ca_certificate",
    "ca_certificate_der",
    "issue_certificate_der",
    "list_profiles",
    "load_profile",
    "opaque_subject_id",
    "test_ca_certificate",
    "test_ca_certificate_der",
]
