"""Acceptance 2: the GUI thread never stalls longer than 50 ms during a check-in with the card and the gateway at
realistic latencies (card: 44 ms per APDU, as measured through pcscd + vpcd without TCP_QUICKACK; gateway: 150 ms).
A 5 ms QTimer records when it fires; the largest gap between two ticks (the stall plus at most one interval) is what
is held to 50 ms. The test waits with qtbot.waitUntil, which runs the event loop itself, so the waiting adds no sleep
of its own to the gaps.

The measure is wall-clock, so other processes competing for the CPU (a shared 2-vCPU machine) show up as stalls
too. A failed attempt is therefore measured again with the next profile, at most twice, and every attempt is printed:
a stall of the app's own making (work on the GUI thread) comes back in every attempt and fails the test, and no
attempt may reach GROSS_STALL_MS while the machine has a core to spare (the first check-in's one-time costs included;
with more runnable processes than cores the scheduler alone makes such gaps, and the attempt is measured again).
"""

from __future__ import annotations

import itertools
import os
import threading
import time

from PySide6.QtCore import QTimer

from tests.qt.ui_helpers import DEMO_PIN, DemoDesk, type_pin

CARD_LATENCY_MS = 44
GATEWAY_LATENCY_MS = 150
MAX_STALL_MS = 50.0
GROSS_STALL_MS = 100.0
TICK_MS = 5
PROFILES = ("adult-seishin-21", "adult-nanbyo-54", "elder-kouki-10pct")


def one_check_in(qtbot, h: DemoDesk, profile: str) -> tuple[float, float, int]:
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    try:
        # the card arrives from outside the GUI (here: a thread playing the patient's hand)
        def place_card() -> None:
            card = h.services.insert_card(profile)
            card.faults.latency_ms = CARD_LATENCY_MS

        before = h.view.session_id if h.view is not None else None
        hand = threading.Thread(target=place_card)
        hand.start()
        qtbot.waitUntil(lambda: h.view is not None and h.view.session_id != before
                        and str(h.view.state) == "awaiting_pin", timeout=20_000)
        hand.join()
        # the patient types the PIN on the desk's PIN pad
        qtbot.waitUntil(lambda: h.desk.current_dialog is h.desk.pin_dialog, timeout=20_000)
        started = time.perf_counter()
        type_pin(qtbot, h.desk.pin_dialog.keypad, DEMO_PIN)
        qtbot.waitUntil(lambda: str(h.view.state) == "completed", timeout=20_000)
        took = time.perf_counter() - started
        qtbot.wait(100)  # the queue refresh and the last repaints belong to the check-in too
    finally:
        timer.stop()
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
    return max(gaps), took, len(ticks)


def test_event_loop_never_stalls_during_a_check_in(qtbot, demo_desk: DemoDesk):
    h = demo_desk
    h.services.simulator.faults.update({"gateway": {"latency_ms": GATEWAY_LATENCY_MS}})
    # warm-up, not part of a check-in: the first HTML layout, and the simulated cards' certificates (the virtual
    # card issues one on first use, ~150 ms of CPU in the test's own process; a real card costs the host nothing)
    h.desk.eligibility.show_result(None)
    for profile in PROFILES:
        h.services.insert_card(profile)
        h.services.remove_card()
    attempts = []
    for attempt, profile in enumerate(PROFILES):
        worst, took, ticks = one_check_in(qtbot, h, profile)
        load = os.getloadavg()[0]
        attempts.append((profile, round(worst, 1), round(took * 1000), round(load, 2)))
        print(f"event loop: {profile}: {ticks} ticks, worst gap {worst:.1f} ms, after the PIN {took * 1000:.0f} ms, "
              f"load {load:.2f}")
        assert took > GATEWAY_LATENCY_MS / 1000, "the check-in really waited for the gateway"
        assert ticks > 30, "the timer must have run through the check-in"
        # More runnable processes than cores: the scheduler alone can hold the GUI thread for 100 ms and more, so a
        # gross gap then says nothing about the app; the attempt is measured again like any other.
        if load <= (os.cpu_count() or 1):
            assert worst < GROSS_STALL_MS, f"the GUI thread stalled: {attempts}"
        if worst < MAX_STALL_MS:
            return
        assert attempt < len(PROFILES) - 1, f"the GUI thread stalled in every attempt: {attempts}"
        h.finish()
