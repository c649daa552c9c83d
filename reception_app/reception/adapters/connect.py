"""`EligibilityPort` over `connect`: the PIN gateway, the req/res terminal and 照会番号 registration."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from reception_app.config import DEFAULTS
from reception_app.connect import gateway_protocol as proto
from reception_app.connect.reqres import ReqResClient
from reception_app.connect.source import EligibilityOutcome, EligibilityQuery, EligibilitySource
from reception_app.connect.source import InsuranceKey as QueryInsurance
from reception_app.reception import errors
from reception_app.reception.models import Consents, InsuranceKey


@dataclass(frozen=True)
class _Signer:
    """The card side of the gateway's challenge: the PIN was typed once; this signs with it once."""

    sign_fn: Callable[[bytes], bytes]
    certificate_der: bytes

    def sign(self, data: bytes) -> tuple[bytes, bytes]:
        return self.sign_fn(data), self.certificate_der


class ConnectEligibility:
    def __init__(
        self,
        *,
        gateway: EligibilitySource | None,
        reqres: EligibilitySource | None,
        registration: ReqResClient | None,
        today: Callable[[], dt.date] = dt.date.today,
        registration_timeout: float = DEFAULTS.reqres_timeout_s,
    ) -> None:
        self.gateway = gateway
        self.reqres = reqres
        self.registration = registration
        self._today = today
        self._registration_timeout = registration_timeout

    def by_pin(
        self, certificate_der: bytes, sign: Callable[[bytes], bytes], *, timeout: float, consents: Consents
    ) -> EligibilityOutcome:
        if self.gateway is None:
            raise errors.EligibilityOffline("No eligibility gateway is configured.")
        query = EligibilityQuery(
            visit_date=self._today(), signer=_Signer(sign, certificate_der),
            consents=proto.Consents(**dataclasses.asdict(consents)),
        )
        return self.gateway.fetch(query, timeout=timeout)

    def by_insurance_number(
        self, insurance: InsuranceKey, birth_date: dt.date | None, *, timeout: float
    ) -> EligibilityOutcome:
        if self.reqres is None:
            raise errors.EligibilityOffline("No OQS terminal folder is configured.")
        key = QueryInsurance(
            insurer_number=insurance.insurer_number,
            symbol=insurance.symbol or None,
            number=insurance.number,
            branch=insurance.branch or None,
            birth_date=birth_date or "",
        )
        return self.reqres.fetch(EligibilityQuery(visit_date=self._today(), insurance=key), timeout=timeout)

    def register_reference_number(self, reference_number: str, insurance: InsuranceKey) -> None:
        if self.registration is None:
            raise errors.EligibilityOffline("No OQS terminal folder is configured.")
        self.registration.register_reference_number(
            reference_number=reference_number,
            insurer_number=insurance.insurer_number,
            symbol=insurance.symbol or None,
            number=insurance.number,
            branch=insurance.branch or None,
            timeout=self._registration_timeout,
        )
