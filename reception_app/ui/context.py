"""What the windows are given to work with. Built by `ui.session.AppSession` (real or demo services); tests build
their own. Every callable here may block, so the windows only call them through the worker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reception_app.config import SiteConfig
from reception_app.ui.worker import Worker

if TYPE_CHECKING:  # (start-up time: the windows' modules load when they are built)
    from reception_app.reception.held_faces import HeldFaceRow
    from reception_app.ui.desk.tables import PatientRow, QueueRow
    from reception_app.ui.staff_dialog import StaffVerifier


@dataclass
class UiContext:
    worker: Worker
    settings: SiteConfig
    driver: Any = None  # QtSessionDriver
    monitor: Any = None  # ReaderMonitor
    connect_card: Callable[[str], Any] | None = None  # reader name -> CardPort (blocking)
    queue_fetch: Callable[[], list[QueueRow]] | None = None
    search: Callable[[str, str], list[PatientRow]] | None = None
    staff_verifier: StaffVerifier | None = None
    gateway_check: Callable[[], bool] | None = None  # True when the gateway/terminal answers (blocking)
    reconfirm: Callable[[], Any] | None = None  # re-confirms offline check-ins (blocking), returns a report
    qa: Any = None  # demo services for the QA panel
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
    checkin_from_face_result: Callable[[str, Any], Any] | None = None
    extras: dict[str, Any] = field(default_factory=dict)
