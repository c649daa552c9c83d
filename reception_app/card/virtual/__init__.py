"""A virtual My Number Card, faithful at the APDU level, built from a synthetic cardholder profile.

Used in-process by the simulator reader backend and over pcscd's vpcd driver by `reception-app vcard serve`.
See docs/virtual-card.md.
"""

from reception_app.card.virtual.card import VirtualMyNumberCard
from reception_app.card.virtual.errors import ProfileError, VirtualCardMute, VirtualCardPulled
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
