"""A virtual My Number Card that answers raw APDUs like a real one (JPKI AP, text AP, visual AP stub).

Behaviour chosen where real cards leave room (documented in docs/virtual-card.md):
- READ BINARY: offset at or past the end of the file -> 6B00; a read running past the end returns the bytes up to
  the end with 6282 (ISO 7816-4 "end of file reached before Le bytes"); Le=00 means 256.
- VERIFY with no data answers 63Cx and spends nothing (90 00 if already verified in this AP session).
- COMPUTE DIGITAL SIGNATURE answers 6Cxx when the client asks for a wrong Le; 00 (256) and no Le are accepted.
- Security status belongs to the selected AP: any successful SELECT by AID clears it.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass
from datetime import date

from cryptography import x509

from reception_app.card.constants import DEFAULT_ATR, SW1_MORE_DATA, SW1_WRONG_LE, Ins, JpkiFile, StatusWord
from reception_app.card.virtual import pki
from reception_app.card.virtual.errors import VirtualCardMute, VirtualCardPulled
from reception_app.card.virtual.filesystem import (
    Application,
    BinaryFile,
    CardFile,
    KeyFile,
    PinFile,
    build_applications,
)
from reception_app.card.virtual.profile import CardFaults, CardProfile
from reception_app.card.virtual.trace import ApduTrace, TraceEntry

CLA_ISO = 0x00
CLA_PROPRIETARY = 0x80
INS_IPHONE_LAST_COMMAND = 0xFC  # myna-card: iPhone-only `80 FC 00 00`
SW_COMMAND_INCOMPATIBLE = 0x6981  # READ BINARY on a key or PIN file
SELECT_BY_DF_NAME = 0x04
SELECT_BY_FID = (0x00, 0x02)
P2_NO_FCI = 0x0C
P2_WITH_FCI = (0x00, 0x04)

# DigestInfo prefixes the card accepts as COMPUTE DIGITAL SIGNATURE input, with the hash length that must follow.
DIGEST_INFO_PREFIXES = {
    bytes.fromhex("30 21 30 09 06 05 2B 0E 03 02 1A 05 00 04 14"): 20,  # SHA-1
    bytes.fromhex("30 2D 30 0D 06 09 60 86 48 01 65 03 04 02 04 05 00 04 1C"): 28,  # SHA-224
    bytes.fromhex("30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20"): 32,  # SHA-256
    bytes.fromhex("30 41 30 0D 06 09 60 86 48 01 65 03 04 02 02 05 00 04 30"): 48,  # SHA-384
    bytes.fromhex("30 51 30 0D 06 09 60 86 48 01 65 03 04 02 03 05 00 04 40"): 64,  # SHA-512
}


@dataclass(frozen=True)
class Command:
    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes
    le: int | None  # 1..256, None when absent

    @property
    def lc(self) -> int | None:
        return len(self.data) if self.data else None


class MalformedApdu(Exception):  # the virtual card answers it with a status word: not an AppError
    pass


def parse_command(raw: bytes) -> Command:
    """Short APDUs, cases 1-4 (the card does not support extended length)."""
    if len(raw) < 4:
        raise MalformedApdu("shorter than a header")
    cla, ins, p1, p2 = raw[:4]
    body = raw[4:]
    if not body:
        return Command(cla, ins, p1, p2, b"", None)
    if len(body) == 1:
        return Command(cla, ins, p1, p2, b"", body[0] or 256)
    lc = body[0]
    if lc == 0:
        raise MalformedApdu("extended length is not supported")
    if len(body) == 1 + lc:
        return Command(cla, ins, p1, p2, body[1:], None)
    if len(body) == 2 + lc:
        return Command(cla, ins, p1, p2, body[1 : 1 + lc], body[-1] or 256)
    raise MalformedApdu("Lc does not match the command length")


def _sw(word: int) -> bytes:
    return word.to_bytes(2, "big")


def _raw_rsa_pkcs1_sign(file: KeyFile, digest_info: bytes) -> bytes:
    """What the card does: EMSA-PKCS1-v1_5 type-1 padding of the given DigestInfo, then the raw RSA private op."""
    numbers = file.key.private_numbers()
    n = numbers.public_numbers.n
    k = (n.bit_length() + 7) // 8
    encoded = b"\x00\x01" + b"\xff" * (k - 3 - len(digest_info)) + b"\x00" + digest_info
    m = int.from_bytes(encoded, "big")
    # CRT, as a card would: about four times faster than pow(m, d, n).
    s1 = pow(m, numbers.dmp1, numbers.p)
    s2 = pow(m, numbers.dmq1, numbers.q)
    h = (numbers.iqmp * (s1 - s2)) % numbers.p
    return (s2 + h * numbers.q).to_bytes(k, "big")


class VirtualMyNumberCard:
    """One virtual card. `transmit` takes a raw C-APDU and returns a raw R-APDU (data + SW1 SW2).

    Thread-safe: a vpcd bridge thread may transmit while the QA panel changes `faults`.
    """

    def __init__(self, profile: CardProfile, today: date | None = None) -> None:
        self._profile = profile
        self._today = today or pki.utc_today()
        self._apps = build_applications(profile, self._today)
        self.faults: CardFaults = profile.faults.model_copy(deep=True)
        self.trace = ApduTrace()
        self._lock = threading.RLock()
        self._rng = random.Random(self.faults.seed)
        self._apdu_count = 0
        self._pulled = False
        self._ap: Application | None = None
        self._ef: CardFile | None = None
        self._verified: set[int] = set()
        self._pending: tuple[bytes, bytes] | None = None  # (data, SW) waiting for GET RESPONSE

    # -- public API -------------------------------------------------------------------------------------------------

    @property
    def profile(self) -> CardProfile:
        return self._profile

    @property
    def atr(self) -> bytes:
        return DEFAULT_ATR

    @property
    def auth_certificate_der(self) -> bytes:
        """Exactly the DER bytes stored in JPKI EF 000A (without the filler)."""
        return pki.issue_certificate_der(self._profile, "auth", self._today)

    @property
    def auth_certificate(self) -> x509.Certificate:
        return x509.load_der_x509_certificate(self.auth_certificate_der)

    @property
    def signature_certificate_der(self) -> bytes | None:
        if not self._profile.certificate.signature_certificate:
            return None
        return pki.issue_certificate_der(self._profile, "sign", self._today)

    @property
    def apdu_count(self) -> int:
        """APDUs answered since the card was made or re-inserted (the base of the pull/mute-after faults)."""
        return self._apdu_count

    @property
    def pulled(self) -> bool:
        return self._pulled

    @property
    def selected_ap(self) -> str | None:
        return self._ap.name if self._ap else None

    def tries_left(self, ap: str, fid: int) -> int:
        """The counter of a PIN EF, for tests and the QA panel (never the PIN itself)."""
        f = self._apps[ap].files[fid]
        if not isinstance(f, PinFile):
            raise KeyError(f"{fid:04X} is not a PIN file")
        return f.tries_left

    def power_on(self) -> None:
        """Like a cold reset: selection and security status are cleared; PIN counters persist."""
        with self._lock:
            self._ap = None
            self._ef = None
            self._verified.clear()
            self._pending = None

    def reset(self) -> None:
        self.power_on()

    def power_off(self) -> None:
        self.power_on()

    def reinsert(self) -> None:
        """Put a pulled card back: counts APDUs from zero again (a set pull fault will fire again after N)."""
        with self._lock:
            self._pulled = False
            self._apdu_count = 0
            self._rng = random.Random(self.faults.seed)
            self.power_on()

    def transmit(self, command: bytes) -> bytes:
        arrived = time.time()
        start = time.perf_counter()
        with self._lock:
            faults = self.faults
            header = (command + b"\x00\x00\x00\x00")[:4]
            try:
                parsed: Command | None = parse_command(command)
            except MalformedApdu:
                parsed = None
            lc = parsed.lc if parsed else None
            le = parsed.le if parsed else None

            def record(sw: int | None, privacy: bool, fault: str | None) -> None:
                self.trace.add(
                    TraceEntry(
                        cla=header[0],
                        ins=header[1],
                        p1=header[2],
                        p2=header[3],
                        lc=lc,
                        le=le,
                        sw=sw,
                        duration_s=time.perf_counter() - start,
                        ap=self.selected_ap,
                        ef=self._ef.fid if self._ef is not None else None,
                        privacy_violation=privacy,
                        fault=fault,
                        timestamp=arrived,
                    )
                )

            if self._pulled or (faults.pull_after_apdus is not None and self._apdu_count >= faults.pull_after_apdus):
                self._pulled = True
                record(None, False, "pulled")
                raise VirtualCardPulled()
            if faults.mute or (faults.mute_after_apdus is not None and self._apdu_count >= faults.mute_after_apdus):
                record(None, False, "mute")
                raise VirtualCardMute()

            fault: str | None = None
            forced = self._forced_sw(command, faults)
            if forced is not None:
                response, privacy, fault = _sw(forced), self._touches_privacy(parsed), "forced_sw"
            elif parsed is None:
                response, privacy = _sw(StatusWord.WRONG_LENGTH), False
            else:
                response, privacy = self._execute(parsed)
                response = self._chain(parsed, response, faults)
            if faults.latency_ms:
                time.sleep(faults.latency_ms / 1000)
            self._apdu_count += 1
            n = self._apdu_count
            if (faults.garble_every and n % faults.garble_every == 0) or self._chance(faults.garble_probability):
                response = bytes(b ^ self._rng.randint(1, 255) for b in response)
                fault = "garbled"
            elif (faults.truncate_every and n % faults.truncate_every == 0) or self._chance(
                faults.truncate_probability
            ):
                response = response[: len(response) // 2] if len(response) > 2 else response[:1]
                fault = "truncated"
            sw = int.from_bytes(response[-2:], "big") if len(response) >= 2 else None
            record(sw, privacy, fault)
            return response

    # -- faults -----------------------------------------------------------------------------------------------------

    def _chance(self, probability: float) -> bool:
        return probability > 0 and self._rng.random() < probability

    @staticmethod
    def _forced_sw(command: bytes, faults: CardFaults) -> int | None:
        if not faults.forced_sw:
            return None
        hex_cmd = command.hex().upper()
        for key, sw in faults.forced_sw.items():
            hit = (len(key) == 2 and len(command) >= 2 and hex_cmd[2:4] == key) or (
                len(key) > 2 and hex_cmd.startswith(key)
            )
            if hit:
                return int(sw, 16)
        return None

    def _chain(self, cmd: Command, response: bytes, faults: CardFaults) -> bytes:
        """T=0-style response chaining: keep the data back and answer 61xx; GET RESPONSE must follow at once."""
        if cmd.ins == Ins.GET_RESPONSE and cmd.cla == CLA_ISO:
            return response
        self._pending = None
        if not faults.get_response_chaining or len(response) <= 2:
            return response
        data, sw = response[:-2], response[-2:]
        self._pending = (data, sw)
        return bytes([SW1_MORE_DATA, len(data) & 0xFF])

    def _get_response(self, cmd: Command) -> bytes:
        if cmd.p1 or cmd.p2:
            return _sw(StatusWord.INCORRECT_P1P2)
        if self._pending is None:
            return _sw(StatusWord.CONDITIONS_NOT_SATISFIED)
        data, sw = self._pending
        le = cmd.le or 256
        out, rest = data[:le], data[le:]
        if rest:
            self._pending = (rest, sw)
            return out + bytes([SW1_MORE_DATA, len(rest) & 0xFF])
        self._pending = None
        return out + sw

    # -- command execution ------------------------------------------------------------------------------------------

    def _touches_privacy(self, cmd: Command | None) -> bool:
        """Does this command select or use an individual-number file or 照合番号A?"""
        if cmd is None or self._ap is None:
            return False
        sensitive = self._ap.privacy_fids()
        if not sensitive:
            return False
        if cmd.ins == Ins.SELECT and cmd.p1 in SELECT_BY_FID and len(cmd.data) == 2:
            return int.from_bytes(cmd.data, "big") in sensitive
        if cmd.ins == Ins.READ_BINARY and cmd.p1 & 0x80:  # short EF id addressing
            return (cmd.p1 & 0x1F) in sensitive
        return self._ef is not None and self._ef.fid in sensitive and cmd.ins != Ins.SELECT

    def _execute(self, cmd: Command) -> tuple[bytes, bool]:
        privacy = self._touches_privacy(cmd)
        if cmd.cla == CLA_PROPRIETARY and cmd.ins == Ins.COMPUTE_DIGITAL_SIGNATURE:
            return self._sign(cmd), privacy
        if cmd.cla == CLA_PROPRIETARY and cmd.ins == INS_IPHONE_LAST_COMMAND and self._profile.token.value == "iphone":
            return _sw(StatusWord.OK), privacy
        if cmd.cla != CLA_ISO:
            return _sw(StatusWord.CLA_NOT_SUPPORTED), privacy
        handlers = {
            Ins.SELECT: self._select,
            Ins.READ_BINARY: self._read_binary,
            Ins.VERIFY: self._verify,
            Ins.CHANGE_REFERENCE_DATA: self._change_pin,
            Ins.GET_RESPONSE: self._get_response,
        }
        handler = handlers.get(Ins(cmd.ins)) if cmd.ins in set(Ins) else None
        if handler is None:
            return _sw(StatusWord.INS_NOT_SUPPORTED), privacy
        return handler(cmd), privacy

    def _select(self, cmd: Command) -> bytes:
        if cmd.p2 not in (P2_NO_FCI, *P2_WITH_FCI):
            return _sw(StatusWord.INCORRECT_P1P2)
        if cmd.p1 == SELECT_BY_DF_NAME:
            app = next((a for a in self._apps.values() if a.aid == cmd.data), None)
            if app is None:
                return _sw(StatusWord.FILE_NOT_FOUND)
            self._ap, self._ef = app, None
            self._verified.clear()  # security status is tied to the selected AP
            fci = b"\x6f" + bytes([len(app.aid) + 2]) + b"\x84" + bytes([len(app.aid)]) + app.aid
            return (fci if cmd.p2 in P2_WITH_FCI else b"") + _sw(StatusWord.OK)
        if cmd.p1 in SELECT_BY_FID:
            if len(cmd.data) != 2:
                return _sw(StatusWord.WRONG_LENGTH)
            fid = int.from_bytes(cmd.data, "big")
            f = self._ap.files.get(fid) if self._ap else None
            if f is None:
                return _sw(StatusWord.FILE_NOT_FOUND)
            self._ef = f
            if cmd.p2 in P2_WITH_FCI:
                size = len(f.content) if isinstance(f, BinaryFile) else 0
                fcp = b"\x83\x02" + cmd.data + b"\x80\x02" + size.to_bytes(2, "big")
                return b"\x62" + bytes([len(fcp)]) + fcp + _sw(StatusWord.OK)
            return _sw(StatusWord.OK)
        return _sw(StatusWord.INCORRECT_P1P2)

    def _read_binary(self, cmd: Command) -> bytes:
        if cmd.p1 & 0x80:
            return _sw(StatusWord.FUNCTION_NOT_SUPPORTED)  # short EF id addressing: not offered
        if cmd.data:
            return _sw(StatusWord.WRONG_LENGTH)
        f = self._ef
        if f is None:
            return _sw(StatusWord.COMMAND_NOT_ALLOWED)
        if not isinstance(f, BinaryFile):
            return _sw(SW_COMMAND_INCOMPATIBLE)
        if f.read_keys and not self._verified.intersection(f.read_keys):
            return _sw(StatusWord.SECURITY_STATUS_NOT_SATISFIED)
        if cmd.le is None:
            return _sw(StatusWord.WRONG_LENGTH)
        offset = (cmd.p1 << 8) | cmd.p2
        if offset >= len(f.content):
            return _sw(StatusWord.WRONG_P1P2)
        chunk = f.content[offset : offset + cmd.le]
        if len(chunk) < cmd.le and self.faults.strict_le:
            return bytes([SW1_WRONG_LE, len(chunk) & 0xFF])  # "wrong Le: resend with Le=xx"
        status = StatusWord.OK if len(chunk) == cmd.le else StatusWord.END_OF_FILE_WARNING
        return chunk + _sw(status)

    def _current_pin(self, cmd: Command) -> PinFile | bytes:
        if cmd.p1 not in (0x00, 0x01) or cmd.p2 != 0x80:
            return _sw(StatusWord.INCORRECT_P1P2)
        f = self._ef
        if not isinstance(f, PinFile):
            return _sw(StatusWord.COMMAND_NOT_ALLOWED)
        return f

    def _verify(self, cmd: Command) -> bytes:
        pin = self._current_pin(cmd)
        if isinstance(pin, bytes):
            return pin
        if not cmd.data:  # retry-count query: spends nothing
            if pin.tries_left and pin.fid in self._verified:
                return _sw(StatusWord.OK)
            return _sw(0x63C0 | pin.tries_left)
        if pin.tries_left == 0:
            return _sw(StatusWord.AUTH_METHOD_BLOCKED)
        if pin.value is not None and cmd.data == pin.value.encode("ascii"):
            pin.tries_left = pin.max_tries
            self._verified.add(pin.fid)
            return _sw(StatusWord.OK)
        pin.tries_left -= 1
        self._verified.discard(pin.fid)
        return _sw(0x63C0 | pin.tries_left)

    def _change_pin(self, cmd: Command) -> bytes:
        pin = self._current_pin(cmd)
        if isinstance(pin, bytes):
            return pin
        if pin.tries_left == 0:
            return _sw(StatusWord.AUTH_METHOD_BLOCKED)
        if pin.fid not in self._verified or pin.value is None:
            return _sw(StatusWord.SECURITY_STATUS_NOT_SATISFIED)
        new = cmd.data.decode("ascii", errors="replace")
        if pin.fid == JpkiFile.SIGN_PIN:
            well_formed = 6 <= len(new) <= 16 and new.isascii() and new.isalnum() and new == new.upper()
        else:
            well_formed = len(new) == 4 and new.isascii() and new.isdigit()
        if not well_formed:
            return _sw(StatusWord.WRONG_DATA)
        pin.value = new
        return _sw(StatusWord.OK)

    def _sign(self, cmd: Command) -> bytes:
        if cmd.p1 != 0x00 or cmd.p2 != 0x80:
            return _sw(StatusWord.INCORRECT_P1P2)
        f = self._ef
        if not isinstance(f, KeyFile):
            return _sw(StatusWord.COMMAND_NOT_ALLOWED)
        if f.pin_fid not in self._verified:
            return _sw(StatusWord.SECURITY_STATUS_NOT_SATISFIED)
        if not _is_digest_info(cmd.data):
            return _sw(StatusWord.WRONG_DATA)
        if cmd.le is not None and cmd.le != 256:
            return _sw(0x6C00)  # the signature is 256 bytes: resend with Le=00
        return _raw_rsa_pkcs1_sign(f, cmd.data) + _sw(StatusWord.OK)


def _is_digest_info(digest_info: bytes) -> bool:
    return any(digest_info.startswith(p) and len(digest_info) == len(p) + n for p, n in DIGEST_INFO_PREFIXES.items())
