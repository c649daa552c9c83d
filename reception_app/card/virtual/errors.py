"""Signals the virtual card raises instead of answering, so each transport can act like a real reader would."""

from __future__ import annotations

from reception_app.errors import AppError

# VirtualCardPulled and VirtualCardMute are signals between the virtual card and its transports (the vpcd bridge,
# the in-process simulator), which turn them into what a real reader does: no caller above the transport sees
# them, so they stay outside the AppError tree.


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


class ProfileError(AppError):
    """A card profile is missing or invalid."""

    code = "card_profile_invalid"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
