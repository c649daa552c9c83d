"""`CardPort` over `card.MyNumberCard`: translates the card layer's typed errors into `reception.errors`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

from reception_app.card import errors as card_errors
from reception_app.card.backends import DEFAULT_APDU_TIMEOUT_S, BackendConnection, ReaderBackend
from reception_app.card.certificate import parse_certificate
from reception_app.card.session import MyNumberCard
from reception_app.card.transport import CardConnection
from reception_app.reception import errors
from reception_app.reception.models import BasicFour, CertificateFacts, CertificateStatus

# A card that says "already verified" (no counter) has a fresh counter: the PIN was just accepted.
_VERIFIED_TRIES = 3


@contextmanager
def _translated() -> Iterator[None]:
    try:
        yield
    except (card_errors.CardRemovedError, card_errors.NoCardError) as exc:
        raise errors.CardRemoved() from exc
    except card_errors.NotAMyNumberCardError as exc:
        raise errors.NotMyNumberCard() from exc
    except card_errors.ApplicationNotFoundError as exc:  # e.g. a phone token has no card-information AP
        raise errors.CardFault(
            "This card has no card-information application (a smartphone token): enter the data by hand."
        ) from exc
    except card_errors.WrongPinError as exc:
        raise errors.WrongPin(exc.tries_left, str(exc)) from exc
    except card_errors.PinBlockedError as exc:
        raise errors.PinBlocked(str(exc)) from exc
    except card_errors.LastPinTryRefusedError as exc:
        raise errors.LastTryRefused(str(exc)) from exc
    except card_errors.InvalidPinFormatError as exc:
        raise errors.InvalidInput(str(exc), field="pin") from exc
    except card_errors.CardError as exc:
        raise errors.CardFault(str(exc)) from exc


class MyNumberCardAdapter:
    """One card on one reader, for one check-in."""

    def __init__(
        self, connection: BackendConnection, now: Callable[[], dt.datetime] | None = None, *,
        apdu_timeout_s: float = DEFAULT_APDU_TIMEOUT_S,
    ) -> None:
        self._connection = connection
        self._card = MyNumberCard(CardConnection(connection, timeout_s=apdu_timeout_s))
        self._now = now or (lambda: dt.datetime.now(dt.UTC))

    @classmethod
    def connect(
        cls, backend: ReaderBackend, reader: str | None = None, *, apdu_timeout_s: float = DEFAULT_APDU_TIMEOUT_S
    ) -> MyNumberCardAdapter:
        """`apdu_timeout_s`: how long one command may take before the card counts as mute (a site setting)."""
        with _translated():
            return cls(backend.connect(reader), apdu_timeout_s=apdu_timeout_s)

    def identify(self) -> str:
        """The card-in path in the minimum APDUs: a plastic card's certificate is read (and kept for
        read_certificate) while identifying; only a token that withholds it until the PIN has its label read."""
        with _translated():
            try:
                identity, _ = self._card.identify_and_read_certificate()
            except card_errors.SecurityStatusNotSatisfiedError:
                if self._card.identity is None or not self._card.identity.is_phone:
                    raise
                identity = self._card.identity
            return identity.token_type.value

    def read_certificate(self, pin: str | None = None, *, allow_last_try: bool = False) -> CertificateFacts:
        with _translated():
            if pin is not None:  # a phone token: verify once (the typed PIN), then read
                self._card.verify_auth_pin(pin, allow_last_try)
            der = self._card.read_auth_certificate()
            info = parse_certificate(der, self._now())
        return CertificateFacts(info.subject_cn, der, info.not_after, CertificateStatus(info.status.value))

    def pin_tries_left(self) -> int:
        with _translated():
            status = self._card.auth_pin_status()
        if status.blocked:
            return 0
        return status.tries_left if status.tries_left is not None else _VERIFIED_TRIES

    def sign(self, challenge: bytes, pin: str, *, allow_last_try: bool = False) -> bytes:
        with _translated():
            return self._card.sign_challenge(challenge, pin, allow_last_try).signature

    def read_basic_four(self, text_pin: str) -> BasicFour:
        with _translated():
            info = self._card.read_basic_four(text_pin)
        return BasicFour(info.name, info.address, info.birth_date, info.sex.value)

    def close(self) -> None:
        with suppress(card_errors.CardError):  # already gone: nothing to release
            self._connection.disconnect()
