"""Signals the virtual card raises instead of answering, so each transport can act like a real reader would."""

from __future__ import annotations


class VirtualCardPulled(Exception):
    """The card left the reader (pull fault). The vpcd bridge closes its socket; the simulator removes the card."""

    code = "virtual_card_pulled"

    def __str__(self) -> str:
        return "The virtual card was pulled from the reader."


class VirtualCardMute(Exception):
    """The card does not answer (mute fault). The bridge sends nothing; in-process this becomes a timeout."""

    code = "virtual_card_mute"

    def __str__(self) -> str:
        return "The virtual card does not answer."


class ProfileError(Exception):
    """A card profile is missing or invalid."""

    code = "card_profile_invalid"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
