"""Card profiles: one JSON file per synthetic cardholder in `resources/cards/profiles/<id>.json`.

The format is documented in `docs/virtual-card.md`. PINs here are demo data: they are never logged.
"""

from __future__ import annotations

import json
import re
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from reception_app.card.constants import TokenLabel
from reception_app.card.virtual.errors import ProfileError
from reception_app.paths import resource

PROFILE_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


class TokenType(StrEnum):
    PLASTIC = "plastic"
    ANDROID = "android"
    IPHONE = "iphone"

    @property
    def label(self) -> TokenLabel:
        return _TOKEN_LABELS[self]

    @property
    def is_phone(self) -> bool:
        return self is not TokenType.PLASTIC


_TOKEN_LABELS = {
    TokenType.PLASTIC: TokenLabel.PLASTIC,
    TokenType.ANDROID: TokenLabel.ANDROID,
    TokenType.IPHONE: TokenLabel.IPHONE,
}


class CertificateValidity(StrEnum):
    VALID = "valid"  # issued ~1 year ago, ~4 years left
    EXPIRING = "expiring"  # expires ~30 days from today
    EXPIRED = "expired"  # expired ~60 days ago


class CardFaults(BaseModel):
    """Faults the card applies in `transmit`. Mutable at runtime (QA panel, tests); all off by default."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    latency_ms: float = Field(default=0.0, ge=0, le=60_000, description="sleep before each answer")
    pull_after_apdus: int | None = Field(
        default=None, ge=0, description="the card is pulled when this many APDUs have been answered"
    )
    mute: bool = Field(default=False, description="the card never answers")
    mute_after_apdus: int | None = Field(default=None, ge=0, description="the card goes mute after N APDUs")
    garble_probability: float = Field(default=0.0, ge=0, le=1, description="chance an answer is replaced by noise")
    garble_every: int | None = Field(default=None, ge=1, description="every Nth answer is replaced by noise")
    truncate_probability: float = Field(default=0.0, ge=0, le=1, description="chance an answer loses its tail")
    truncate_every: int | None = Field(default=None, ge=1, description="every Nth answer loses its tail")
    forced_sw: dict[str, str] = Field(
        default_factory=dict,
        description="command -> SW (hex). Key: 2 hex digits = INS, longer = prefix of the C-APDU in hex",
    )
    get_response_chaining: bool = Field(
        default=False, description="T=0 style: answers with data come as 61xx and the host fetches them (GET RESPONSE)"
    )
    strict_le: bool = Field(
        default=False, description="READ BINARY past the end answers 6Cxx (xx = bytes left) instead of data + 6282"
    )
    seed: int = Field(default=0, description="seed of the random garble/truncate faults, for repeatable runs")

    @field_validator("forced_sw")
    @classmethod
    def _check_forced_sw(cls, value: dict[str, str]) -> dict[str, str]:
        clean: dict[str, str] = {}
        for key, sw in value.items():
            k = key.replace(" ", "").upper()
            s = sw.replace(" ", "").upper()
            if not re.fullmatch(r"([0-9A-F]{2})+", k):
                raise ValueError(f"forced_sw key {key!r} is not hex bytes")
            if not re.fullmatch(r"[0-9A-F]{4}", s):
                raise ValueError(f"forced_sw value {sw!r} is not a 2-byte status word")
            clean[k] = s
        return clean

    def is_active(self) -> bool:
        return self != CardFaults()


class PinSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: str = Field(repr=False)  # demo data; kept out of repr so it never lands in a log by accident
    tries_left: int = Field(ge=0)


class Pins(BaseModel):
    model_config = ConfigDict(extra="forbid")

    auth: PinSpec = Field(default_factory=lambda: PinSpec(value="1234", tries_left=3))
    signature: PinSpec = Field(default_factory=lambda: PinSpec(value="ABC123", tries_left=5))
    text: PinSpec = Field(default_factory=lambda: PinSpec(value="1234", tries_left=3))

    @field_validator("auth", "text")
    @classmethod
    def _four_digits(cls, pin: PinSpec) -> PinSpec:
        if not re.fullmatch(r"[0-9]{4}", pin.value) or pin.tries_left > 3:
            raise ValueError("a 4-digit PIN with at most 3 tries")
        return pin

    @field_validator("signature")
    @classmethod
    def _password(cls, pin: PinSpec) -> PinSpec:
        if not re.fullmatch(r"[A-Z0-9]{6,16}", pin.value) or pin.tries_left > 5:
            raise ValueError("a 6-16 character uppercase/digit password with at most 5 tries")
        return pin


Sex = Literal["0", "1", "2", "9"]


class Holder(BaseModel):
    """The basic 4 info printed on the card (plus kana, which the card does not hold: for the other simulators)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, description="family and given name separated by U+3000")
    name_kana: str = ""
    address: str = Field(min_length=1)
    birth_date: date
    sex: Sex


class CertificateSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    validity: CertificateValidity = CertificateValidity.VALID
    prefecture: str = Field(default="Tokyo-to", description="romanised, as in the real CRL distribution point")
    municipality: str = Field(default="Chiyoda-ku")
    signature_certificate: bool = Field(default=True, description="false for children under 15 (no 署名用)")


class CardProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    description: str = ""
    token: TokenType = TokenType.PLASTIC
    pins: Pins = Field(default_factory=Pins)
    holder: Holder
    certificate: CertificateSpec = Field(default_factory=CertificateSpec)
    faults: CardFaults = Field(default_factory=CardFaults)

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        if not PROFILE_ID_PATTERN.fullmatch(value):
            raise ValueError("lowercase letters, digits and '-'")
        return value


def profiles_dir() -> Path:
    return resource("cards", "profiles")


def list_profiles() -> list[str]:
    """Ids of the shipped profiles, sorted."""
    return sorted(p.stem for p in profiles_dir().glob("*.json"))


def load_profile(name_or_path: str | Path) -> CardProfile:
    """A profile by id (from `resources/cards/profiles`) or by path to a JSON file."""
    path = Path(name_or_path)
    if isinstance(name_or_path, str) and PROFILE_ID_PATTERN.fullmatch(name_or_path) and not path.suffix:
        path = profiles_dir() / f"{name_or_path}.json"
    if not path.is_file():
        known = ", ".join(list_profiles()) or "none"
        raise ProfileError(f"No card profile {str(name_or_path)!r} (known profiles: {known}).")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return CardProfile.model_validate(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ProfileError(f"Card profile {path.name} is not valid JSON: {exc}") from exc
    except ValidationError as exc:
        raise ProfileError(f"Card profile {path.name} is invalid: {exc}") from exc
