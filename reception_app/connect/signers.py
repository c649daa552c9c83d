"""Signers for the PIN path: the real card (over any reader backend) and a software stand-in for demos and tests."""

from __future__ import annotations

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from reception_app.card.session import MyNumberCard
from reception_app.card.virtual.pki import issue_certificate_der, load_card_key
from reception_app.card.virtual.profile import load_profile


class CardSigner:
    """Signs with the card's authentication key after verifying the PIN (the PIN is kept only for this call)."""

    def __init__(self, card: MyNumberCard, pin: str, *, allow_last_try: bool = False) -> None:
        self._card = card
        self._pin = pin
        self._allow_last_try = allow_last_try

    def sign(self, data: bytes) -> tuple[bytes, bytes]:
        signed = self._card.sign_challenge(data, self._pin, allow_last_try=self._allow_last_try)
        return signed.signature, signed.certificate_der

    def __repr__(self) -> str:  # never show the PIN
        return "CardSigner(<card>)"


class SoftwareCardSigner:
    """A demo cardholder's certificate and key without a card (QA panel, unit tests). `key_of` signs with another
    person's key to test that the gateway rejects a mismatched signature."""

    def __init__(self, profile_id: str, *, key_of: str | None = None) -> None:
        self.certificate_der = issue_certificate_der(load_profile(profile_id), "auth")
        self._key = load_card_key(key_of or profile_id, "auth")

    def sign(self, data: bytes) -> tuple[bytes, bytes]:
        return self._key.sign(data, padding.PKCS1v15(), hashes.SHA256()), self.certificate_der
