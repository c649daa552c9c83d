"""The privacy guard: no APDU that could reach the individual number (My Number) ever leaves this process.

Forbidden (PRODUCT.md, the legal line): selecting the visual AP (券面事項確認AP), selecting or reading text-AP EF 0001
(the number) or visual-AP EF 0005 (its image), and any use of 照合番号A (text-AP PIN EF 0014, visual-AP PIN EF 0013),
whose value *is* the number. The guard tracks which AP is selected, because the same FID is harmless in the JPKI AP
(EF 0001 there is the signature certificate). Where it cannot tell where it is, it refuses.
"""

from __future__ import annotations

from reception_app.card.apdu import CommandApdu
from reception_app.card.constants import Aid, Ins, TextFile, VisualFile
from reception_app.card.errors import PrivacyGuardError

# FIDs forbidden while each AP is selected. None = no AP known to be selected (after power-on, reset or a failed
# SELECT): every FID forbidden anywhere is refused there too.
FORBIDDEN_FIDS: dict[Aid | None, frozenset[int]] = {
    Aid.JPKI: frozenset(),
    Aid.TEXT: frozenset({TextFile.MY_NUMBER, TextFile.COLLATION_A}),
    Aid.VISUAL: frozenset({VisualFile.MY_NUMBER_IMAGE, VisualFile.COLLATION_A}),
    None: frozenset({TextFile.MY_NUMBER, TextFile.COLLATION_A, VisualFile.MY_NUMBER_IMAGE, VisualFile.COLLATION_A}),
}
FORBIDDEN_AIDS = frozenset({Aid.VISUAL})
_KNOWN_AIDS = {bytes(a): a for a in Aid}

SELECT_BY_DF_NAME = 0x04
SELECT_BY_FID = (0x00, 0x02)
SELECT_BY_PATH = (0x08, 0x09)
SFI_FLAG = 0x80  # READ BINARY P1 bit 8: bits 5-1 are a short EF identifier


class PrivacyGuard:
    """Checks each command against the selected AP; told the outcome of SELECTs to keep track."""

    def __init__(self) -> None:
        self.selected_ap: Aid | None = None
        self.selected_fid: int | None = None

    def reset(self) -> None:
        """Power-on, reset or reconnect: nothing is known to be selected."""
        self.selected_ap = None
        self.selected_fid = None

    def _forbidden(self) -> frozenset[int]:
        return FORBIDDEN_FIDS[self.selected_ap if self.selected_ap in FORBIDDEN_FIDS else None]

    def _where(self) -> str:
        return f"in the {self.selected_ap.name} AP" if self.selected_ap is not None else "with no AP selected"

    def check(self, cmd: CommandApdu) -> None:
        """Raises PrivacyGuardError if `cmd` may not be sent."""
        if cmd.ins == Ins.SELECT:
            self._check_select(cmd)
            return
        if self.selected_fid is not None and self.selected_fid in self._forbidden():
            raise PrivacyGuardError(f"EF {self.selected_fid:04X} is selected {self._where()}")
        if cmd.ins == Ins.READ_BINARY and cmd.p1 & SFI_FLAG:
            self._check_fid(cmd.p1 & 0x1F, "READ BINARY by short EF id")
        if cmd.ins == Ins.VERIFY and cmd.p2 & SFI_FLAG and cmd.p2 & 0x1F:
            self._check_fid(cmd.p2 & 0x1F, "VERIFY by key reference")

    def _check_fid(self, fid: int, what: str) -> None:
        if fid in self._forbidden():
            raise PrivacyGuardError(f"{what} {fid:04X} {self._where()}")

    def _check_select(self, cmd: CommandApdu) -> None:
        if cmd.p1 == SELECT_BY_DF_NAME:
            known = _KNOWN_AIDS.get(cmd.data)
            if known in FORBIDDEN_AIDS:
                raise PrivacyGuardError(f"SELECT of the {known.name} AP")
            # A partial DF name could select the visual AP by prefix matching on the card.
            if known is None and any(bytes(aid).startswith(cmd.data) for aid in FORBIDDEN_AIDS):
                raise PrivacyGuardError("SELECT by a partial DF name that matches the visual AP")
            return
        if cmd.p1 in SELECT_BY_FID and len(cmd.data) == 2:
            self._check_fid(int.from_bytes(cmd.data, "big"), "SELECT of EF")
            return
        if cmd.p1 in SELECT_BY_PATH and cmd.data and len(cmd.data) % 2 == 0:
            for i in range(0, len(cmd.data), 2):
                self._check_fid(int.from_bytes(cmd.data[i : i + 2], "big"), "SELECT by path through")
            return
        raise PrivacyGuardError(f"a SELECT form the guard cannot check (P1={cmd.p1:02X}, {len(cmd.data)} bytes)")

    def observe(self, cmd: CommandApdu, success: bool) -> None:
        """Tracks the selection after the card answered `cmd`."""
        if cmd.ins != Ins.SELECT:
            return
        if cmd.p1 == SELECT_BY_DF_NAME:
            # A failed SELECT leaves the state unknown to us: the strictest rules apply until the next success.
            self.selected_ap = _KNOWN_AIDS.get(cmd.data) if success else None
            self.selected_fid = None
            return
        if cmd.p1 != 0x02:
            # By FID from the MF or by path: the current DF may have changed, so the AP is no longer known.
            self.selected_ap = None
        self.selected_fid = int.from_bytes(cmd.data[-2:], "big") if success and len(cmd.data) >= 2 else None
