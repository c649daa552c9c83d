"""Distinct failures stay distinct up to the desk: each reaches the check-in panel (or the start-up message) as its
own Japanese words, not as a generic "could not save" or "eligibility failed" (docs/errors.md)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from reception_app.connect.errors import GatewayTimeout, GatewayTlsError
from reception_app.reception.adapters.store import StoreAdapter
from reception_app.reception.checkin import CheckInSession, SessionDeps
from reception_app.reception.models import Consents, RegistrationForm
from reception_app.reception.ports import StorePort
from reception_app.reception.view import SessionView
from reception_app.store import PassphraseKey, StorageFullError, StorageReadOnlyError, WrongKeyError, open_store
from reception_app.store import sqlcipher as sqlcipher_backend
from reception_app.ui.desk.checkin_panel import CheckInPanel
from reception_app.ui.error_texts import error_text_with_code
from tests.unit.reception_fakes import (
    NOW,
    FakeCard,
    FakeEligibility,
    FakeMerger,
    FakeOutcome,
    InlineBackground,
    ListPrinter,
    MemoryStore,
)
from tests.unit.test_reception_checkin import INS_A, facts

BORN = date(1988, 3, 9)
FORM = RegistrationForm("佐藤　美咲", "サトウ　ミサキ", BORN, "2")
KEY = PassphraseKey("unit-test-passphrase")


class FailingStore(MemoryStore):
    """The in-memory store, except that the visit write raises the store's own typed error."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def add_visit(self, patient_id: str, visit_date: date, channel: str, *, offline: bool, declaration: bool) -> int:
        raise self.error


class FailingEligibility(FakeEligibility):
    """The gateway raises `error` when asked by PIN (after the card signed its challenge)."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def by_pin(self, certificate_der: bytes, sign: Callable[[bytes], bytes], *, timeout: float,
               consents: Consents) -> object:
        sign(b"challenge")
        raise self.error


def _session(store: StorePort, eligibility: FakeEligibility) -> CheckInSession:
    deps = SessionDeps(store=store, eligibility=eligibility, merger=FakeMerger(), printer=ListPrinter(),
                       background=InlineBackground(), clock=lambda: NOW)
    return CheckInSession(deps)


def _register_new(store: StorePort) -> SessionView:
    """A new patient by insurance number, up to the check-in's transaction."""
    eligibility = FakeEligibility()
    eligibility.answers[INS_A.key] = FakeOutcome(facts())
    session = _session(store, eligibility)
    session.by_insurance_number(INS_A, BORN)
    return session.register_new(FORM)


def disk_full(tmp_path: Path) -> SessionView:
    return _register_new(FailingStore(StorageFullError(tmp_path / "r.db")))


def read_only(tmp_path: Path) -> SessionView:
    return _register_new(FailingStore(StorageReadOnlyError(tmp_path / "r.db")))


def locked(tmp_path: Path) -> SessionView:
    """A real SQLCipher file whose write lock another connection (another window, another program) holds."""
    path = tmp_path / "r.db"
    open_store(path, KEY, mode="create").close()
    ours, theirs = open_store(path, KEY), open_store(path, KEY)
    try:
        with theirs.transaction():  # BEGIN IMMEDIATE: the write lock is theirs until the block ends
            return _register_new(StoreAdapter(ours, "staff:1"))
    finally:
        ours.close()
        theirs.close()


def gateway_timeout(tmp_path: Path) -> SessionView:
    session = _session(MemoryStore(), FailingEligibility(GatewayTimeout()))
    session.start_with_card(FakeCard())
    return session.submit_pin("1234")


def tls_failure(tmp_path: Path) -> SessionView:
    session = _session(MemoryStore(), FailingEligibility(GatewayTlsError()))
    session.start_with_card(FakeCard())
    return session.submit_pin("1234")


def card_pulled(tmp_path: Path) -> SessionView:
    session = _session(MemoryStore(), FakeEligibility())
    card = FakeCard()
    session.start_with_card(card)
    card.removed = True  # the patient takes the card while the PIN is asked
    return session.submit_pin("1234")


# failure → the words the desk shows for it (a phrase of the Japanese message)
CASES: dict[str, tuple[Callable[[Path], SessionView], str]] = {
    "disk_full": (disk_full, "ディスクの空きがありません"),
    "read_only": (read_only, "読み取り専用のため保存できません"),
    "locked": (locked, "別のプログラムまたはウィンドウで使用中です"),
    "gateway_timeout": (gateway_timeout, "資格確認ゲートウェイが時間内に応答しませんでした"),
    "tls_failure": (tls_failure, "ゲートウェイの証明書を受け入れられませんでした"),
    "card_pulled": (card_pulled, "カードがリーダーから外されました"),
}


@pytest.fixture()
def short_busy_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlcipher_backend, "BUSY_TIMEOUT_MS", 50)  # a locked file answers in 50 ms, not 5 s


def _desk_message(qtbot: object, view: SessionView) -> str:
    panel = CheckInPanel()
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    panel.show_view(view)
    return panel.message.text()


@pytest.mark.parametrize("failure", sorted(CASES))
def test_each_failure_reaches_the_desk_in_its_own_words(qtbot, ui_lang, tmp_path, short_busy_wait, failure):
    make, words = CASES[failure]
    assert words in _desk_message(qtbot, make(tmp_path))


def _wrong_key_text(tmp_path: Path) -> str:
    """The start-up problem the desk shows when the database does not open with the key given."""
    path = tmp_path / "r.db"
    open_store(path, KEY, mode="create").close()
    with pytest.raises(WrongKeyError) as info:
        open_store(path, PassphraseKey("another passphrase"))
    return error_text_with_code(info.value)


def test_a_wrong_key_at_start_up_names_the_file_in_japanese(ui_lang, tmp_path):
    assert _wrong_key_text(tmp_path) == (
        f"このキーまたはパスフレーズではデータベース {tmp_path / 'r.db'} を開けません。何も変更していません。"
        " (store_wrong_key)"
    )


def test_the_seven_failures_read_differently(qtbot, ui_lang, tmp_path, short_busy_wait):
    messages = {_wrong_key_text(tmp_path)}
    for name, (make, _) in CASES.items():
        folder = tmp_path / name
        folder.mkdir()
        messages.add(_desk_message(qtbot, make(folder)))
    assert len(messages) == len(CASES) + 1
