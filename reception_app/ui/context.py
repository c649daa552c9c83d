"""What the windows are given to work with. Built by the composition root (`compose/session.py`: real or demo
services). Every callable here may block, so the windows only call them through the worker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from reception_app.config import SiteConfig
from reception_app.ui.worker import Worker

if TYPE_CHECKING:  # (start-up time: the windows' modules load when they are built)
    from reception_app.reception.checkin import CheckInSession
    from reception_app.reception.held_faces import HeldFaceRow
    from reception_app.reception.ports import CardPort
    from reception_app.reception.reconfirm import ReconfirmReport
    from reception_app.reception.staff_calls import StaffCall
    from reception_app.reception.usecases import PatientSummary, QueueEntry
    from reception_app.reception.view import SessionView
    from reception_app.ui.driver import QtSessionDriver
    from reception_app.ui.qa_panel import QaHooks
    from reception_app.ui.reader_monitor import ReaderMonitor
    from reception_app.ui.staff_dialog import StaffVerifier


@dataclass
class UiContext:
    worker: Worker
    settings: SiteConfig
    driver: QtSessionDriver | None = None
    monitor: ReaderMonitor | None = None
    connect_card: Callable[[str], CardPort] | None = None  # reader name -> the card on it (blocking)
    queue_fetch: Callable[[], list[QueueEntry]] | None = None
    search: Callable[[str, str], list[PatientSummary]] | None = None
    # (name, kana, birth date) -> charts a new registration may duplicate (blocking)
    likely_duplicates: Callable[[str, str, date | None], list[PatientSummary]] | None = None
    staff_verifier: StaffVerifier | None = None
    gateway_check: Callable[[], bool] | None = None  # True when the gateway/terminal answers (blocking)
    reconfirm: Callable[[], ReconfirmReport] | None = None  # re-confirms offline check-ins (blocking)
    qa: QaHooks | None = None  # the demo's simulators, for the QA panel
    # blocks until the eligibility connections are up (they may still start after the window shows); None: they are
    network_wait: Callable[[], None] | None = None
    # the services load after the window shows (AppSession's background start): everything above that needs them
    # is None until they attach and the window's services_ready() is called
    services_pending: bool = False
    demo: bool = False
    save_settings: Callable[[SiteConfig], None] | None = None
    on_language_changed: Callable[[str], None] | None = None
    on_staff_login: Callable[[str], None] | None = None  # the audit actor of the next check-ins
    # face-reader results the router held for the staff (reception/held_faces.py)
    held_face_count: Callable[[], int] | None = None
    held_face_results: Callable[[], list[HeldFaceRow]] | None = None
    discard_face_result: Callable[[str], bool] | None = None  # reference -> False if no longer held
    # (reference, session) -> SessionView; runs the check-in: call it on the driver's command thread (run_with)
    checkin_from_face_result: Callable[[str, CheckInSession], SessionView] | None = None
    # 「職員を呼ぶ」 (reception/staff_calls.py): the kiosk raises and ends its call, the desk lists and answers them
    call_staff: Callable[[str], None] | None = None  # step -> None (the kiosk's name is bound)
    end_staff_call: Callable[[str], None] | None = None  # outcome -> None
    staff_calls: Callable[[], list[StaffCall]] | None = None  # the open calls, oldest first
    answer_staff_call: Callable[[str], None] | None = None  # kiosk name -> None (the staff member is bound)
