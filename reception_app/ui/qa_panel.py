"""The QA panel (`--demo`, or the setting): virtual readers, inserting and removing card profiles, card faults,
the gateway and OQS-terminal simulators' faults, a face result on demand, and the live APDU trace (command headers
and status words only: the trace never holds payloads)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reception_app.ui.worker import Worker

if TYPE_CHECKING:
    from reception_app.card.backends.simulator import SimulatorBackend
    from reception_app.card.virtual import TraceEntry, VirtualMyNumberCard
    from reception_app.connect.simulator import OqsSimulator

MAX_TRACE_LINES = 2000


class QaHooks(Protocol):
    """What the panel drives: the simulator reader backend and the OQS/PMH simulator (the demo services)."""

    # the panel is the one window that drives the simulators themselves (types only: nothing loads at start-up)
    @property
    def simulator_backend(self) -> SimulatorBackend: ...

    @property
    def simulator(self) -> OqsSimulator: ...


def trace_line(entry: TraceEntry) -> str:
    """One APDU as `12:00:01.234  00 A4 04 0C Lc=10 Le=-  → 9000  jpki  0.2 ms`: header and status word only."""
    stamp = time.strftime("%H:%M:%S", time.localtime(entry.timestamp or time.time()))
    millis = int(((entry.timestamp or 0.0) % 1) * 1000)
    sw = f"{entry.sw:04X}" if entry.sw is not None else "----"
    lc = "-" if entry.lc is None else str(entry.lc)
    le = "-" if entry.le is None else str(entry.le)
    flags = []
    if entry.fault:
        flags.append(f"fault={entry.fault}")
    if entry.privacy_violation:
        flags.append("PRIVACY!")
    return (f"{stamp}.{millis:03d}  {entry.cla:02X} {entry.ins:02X} {entry.p1:02X} {entry.p2:02X} Lc={lc} Le={le}"
            f"  → {sw}  {entry.ap or '-'}  {entry.duration_s * 1000:.1f} ms {' '.join(flags)}").rstrip()


def parse_forced_sw(text: str) -> dict[str, str]:
    """`20=6983, 88=6A80` → {"20": "6983", "88": "6A80"}; raises ValueError with the bad part named."""
    out: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.replace(";", ",").split(","))):
        key, sep, sw = part.partition("=")
        if not sep or not key.strip() or len(sw.strip()) != 4:
            raise ValueError(part)
        try:
            int(key.strip(), 16)
            int(sw.strip(), 16)
        except ValueError:
            raise ValueError(part) from None  # name the part the tester wrote, not Python's parse error
        out[key.strip().upper()] = sw.strip().upper()
    return out


class QaPanel(QScrollArea):
    trace_entry = Signal(object)

    def __init__(self, hooks: QaHooks, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hooks = hooks
        self.worker = worker
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("QA panel"))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self._readers_box())
        layout.addWidget(self._card_faults_box())
        self.gateway_box = self._gateway_box()
        self.terminal_box = self._terminal_box()
        layout.addWidget(self.gateway_box)
        layout.addWidget(self.terminal_box)
        layout.addWidget(self._trace_box(), 1)
        self.setWidget(body)
        self._traced_card: VirtualMyNumberCard | None = None
        self.trace_entry.connect(self._append_trace)
        self.refresh_readers()
        # The simulators may still be starting (the app starts them after its first paint): their controls wait,
        # the card controls work at once. Demo services say so with `simulator_if_ready`; other hooks are ready.
        if getattr(hooks, "simulator_if_ready", True) is None:
            for box in (self.gateway_box, self.terminal_box):
                box.setEnabled(False)
        else:
            self.simulators_ready()

    def simulators_ready(self) -> None:
        """The OQS/PMH simulator is up: its controls are filled in and enabled (GUI thread)."""
        if self.face_profile.count() == 0:
            for pid in self.hooks.simulator.profiles.ids():
                self.face_profile.addItem(pid, pid)
        for box in (self.gateway_box, self.terminal_box):
            box.setEnabled(True)

    # --- readers and cards ------------------------------------------------------------------------------------
    def _readers_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Virtual readers and cards"))
        form = QFormLayout(box)
        self.reader = QComboBox()
        self.reader.setAccessibleName(self.tr("Virtual reader"))
        self.reader.currentIndexChanged.connect(self._reader_changed)
        self.profile = QComboBox()
        self.profile.setAccessibleName(self.tr("Card profile"))
        from reception_app.card.virtual import list_profiles

        for pid in list_profiles():
            self.profile.addItem(pid, pid)
        self.insert_button = QPushButton(self.tr("&Insert card"))
        self.insert_button.setAccessibleName(self.tr("Insert the card profile"))
        self.insert_button.clicked.connect(self.insert_card)
        self.remove_button = QPushButton(self.tr("&Remove card"))
        self.remove_button.setAccessibleName(self.tr("Remove the card"))
        self.remove_button.clicked.connect(self.remove_card)
        self.add_reader_button = QPushButton(self.tr("Add a reader"))
        self.add_reader_button.setAccessibleName(self.tr("Add a virtual reader"))
        self.add_reader_button.clicked.connect(self.add_reader)
        self.card_status = QLabel()
        self.card_status.setAccessibleName(self.tr("Card in the reader"))
        row = QHBoxLayout()
        row.addWidget(self.insert_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.add_reader_button)
        form.addRow(self.tr("Reader"), self.reader)
        form.addRow(self.tr("Profile"), self.profile)
        form.addRow(row)
        form.addRow(self.card_status)
        return box

    def refresh_readers(self) -> None:
        current = self.reader.currentText()
        self.reader.blockSignals(True)
        self.reader.clear()
        for info in self.hooks.simulator_backend.list_readers():
            self.reader.addItem(info.name, info.name)
        index = self.reader.findText(current)
        self.reader.setCurrentIndex(index if index >= 0 else 0)
        self.reader.blockSignals(False)
        self._reader_changed()

    def selected_reader(self) -> str | None:
        return self.reader.currentText() or None

    def add_reader(self) -> None:
        name = f"Simulator Reader {self.reader.count():02d}"
        self.hooks.simulator_backend.add_reader(name)
        self.refresh_readers()
        self.reader.setCurrentIndex(self.reader.findText(name))

    def insert_card(self) -> None:
        reader, profile = self.selected_reader(), str(self.profile.currentData())
        backend = self.hooks.simulator_backend

        def insert() -> VirtualMyNumberCard:
            if backend.card_in(reader) is not None:
                backend.remove(reader)
            return backend.insert(profile, reader)

        self.worker.submit(insert, on_result=lambda card: self._card_inserted(card),
                           on_error=self._insert_failed)

    def _insert_failed(self, error: BaseException) -> None:
        self.card_status.setText(self.tr("Insert failed: %1").replace("%1", str(error)))

    def _card_inserted(self, card: VirtualMyNumberCard) -> None:
        self._watch_trace(card)
        self._reader_changed()

    def remove_card(self) -> None:
        self.hooks.simulator_backend.remove(self.selected_reader())
        self._reader_changed()

    def _reader_changed(self) -> None:
        card = self.hooks.simulator_backend.card_in(self.selected_reader()) if self.selected_reader() else None
        if card is None:
            self.card_status.setText(self.tr("No card in this reader."))
        else:
            self.card_status.setText(self.tr("Card: %1").replace("%1", str(card.profile.id)))
            self._watch_trace(card)

    # --- card faults ------------------------------------------------------------------------------------------
    def _card_faults_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Card faults (card in the selected reader)"))
        form = QFormLayout(box)
        self.card_latency = QSpinBox()
        self.card_latency.setRange(0, 10_000)
        self.card_latency.setSuffix(" ms")
        self.card_latency.setAccessibleName(self.tr("Card latency per APDU"))
        self.pull_after = QSpinBox()
        self.pull_after.setRange(0, 500)
        self.pull_after.setSpecialValueText(self.tr("off"))
        self.pull_after.setAccessibleName(self.tr("Pull the card after N APDUs"))
        self.mute = QCheckBox(self.tr("Mute card (never answers)"))
        self.mute.setAccessibleName(self.tr("Mute card"))
        self.garble_every = QSpinBox()
        self.garble_every.setRange(0, 100)
        self.garble_every.setSpecialValueText(self.tr("off"))
        self.garble_every.setAccessibleName(self.tr("Garble every Nth answer"))
        self.forced_sw = QLineEdit()
        self.forced_sw.setPlaceholderText("20=6983, 88=6A80")
        self.forced_sw.setAccessibleName(self.tr("Forced status words"))
        self.card_faults_apply = QPushButton(self.tr("Apply card faults"))
        self.card_faults_apply.setAccessibleName(self.tr("Apply card faults"))
        self.card_faults_apply.clicked.connect(self.apply_card_faults)
        self.card_faults_status = QLabel()
        self.card_faults_status.setAccessibleName(self.tr("Card fault status"))
        form.addRow(self.tr("Latency"), self.card_latency)
        form.addRow(self.tr("Pull after"), self.pull_after)
        form.addRow(self.mute)
        form.addRow(self.tr("Garble every"), self.garble_every)
        form.addRow(self.tr("Forced SW (INS=SW)"), self.forced_sw)
        form.addRow(self.card_faults_apply)
        form.addRow(self.card_faults_status)
        return box

    def apply_card_faults(self) -> bool:
        card = self.hooks.simulator_backend.card_in(self.selected_reader())
        if card is None:
            self.card_faults_status.setText(self.tr("Insert a card first."))
            return False
        try:
            forced = parse_forced_sw(self.forced_sw.text())
        except ValueError as exc:
            self.card_faults_status.setText(self.tr("Not understood: %1 (write INS=SW, e.g. 20=6983)").replace(
                "%1", str(exc)))
            return False
        from reception_app.card.virtual import CardFaults

        card.faults = CardFaults(
            latency_ms=float(self.card_latency.value()),
            pull_after_apdus=self.pull_after.value() or None,
            mute=self.mute.isChecked(),
            garble_every=self.garble_every.value() or None,
            forced_sw=forced,
        )
        self.card_faults_status.setText(self.tr("Card faults applied."))
        return True

    # --- gateway and terminal ---------------------------------------------------------------------------------
    def _gateway_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Gateway simulator"))
        form = QFormLayout(box)
        self.gw_latency = QSpinBox()
        self.gw_latency.setRange(0, 60_000)
        self.gw_latency.setSuffix(" ms")
        self.gw_latency.setAccessibleName(self.tr("Gateway latency"))
        self.gw_status = QComboBox()
        self.gw_status.setAccessibleName(self.tr("Gateway HTTP status"))
        for label, code in ((self.tr("normal"), 0), ("500", 500), ("503", 503)):
            self.gw_status.addItem(label, code)
        self.gw_down = QCheckBox(self.tr("Gateway down (connection dropped)"))
        self.gw_down.setAccessibleName(self.tr("Gateway down"))
        self.gw_malformed = QCheckBox(self.tr("Malformed answers"))
        self.gw_malformed.setAccessibleName(self.tr("Malformed answers"))
        self.gw_hang = QSpinBox()
        self.gw_hang.setRange(0, 600)
        self.gw_hang.setSuffix(" s")
        self.gw_hang.setAccessibleName(self.tr("Gateway hang"))
        self.gw_apply = QPushButton(self.tr("Apply gateway faults"))
        self.gw_apply.setAccessibleName(self.tr("Apply gateway faults"))
        self.gw_apply.clicked.connect(self.apply_gateway_faults)
        self.gw_reset = QPushButton(self.tr("Reset all simulator faults"))
        self.gw_reset.setAccessibleName(self.tr("Reset all simulator faults"))
        self.gw_reset.clicked.connect(self.reset_simulator_faults)
        self.gw_message = QLabel()
        self.gw_message.setAccessibleName(self.tr("Gateway fault status"))
        form.addRow(self.tr("Latency"), self.gw_latency)
        form.addRow(self.tr("HTTP status"), self.gw_status)
        form.addRow(self.tr("Hang"), self.gw_hang)
        form.addRow(self.gw_down)
        form.addRow(self.gw_malformed)
        row = QHBoxLayout()
        row.addWidget(self.gw_apply)
        row.addWidget(self.gw_reset)
        form.addRow(row)
        form.addRow(self.gw_message)
        return box

    def apply_gateway_faults(self) -> None:
        changes = {
            "gateway": {
                "latency_ms": self.gw_latency.value(),
                "http_status": int(self.gw_status.currentData()),
                "hang_s": float(self.gw_hang.value()),
                "drop_connection": self.gw_down.isChecked(),
                "malformed": self.gw_malformed.isChecked(),
            }
        }
        self._update_faults(changes, self.gw_message)

    def reset_simulator_faults(self) -> None:
        self.hooks.simulator.faults.reset()
        self.gw_message.setText(self.tr("Simulator faults reset."))

    def _update_faults(self, changes: Mapping[str, Mapping[str, object]], label: QLabel) -> None:
        try:
            self.hooks.simulator.faults.update({section: dict(values) for section, values in changes.items()})
        except (ValueError, TypeError) as exc:
            label.setText(self.tr("Not applied: %1").replace("%1", str(exc)))
            return
        label.setText(self.tr("Applied."))

    def _terminal_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("OQS terminal simulator (face reader)"))
        form = QFormLayout(box)
        self.face_profile = QComboBox()
        self.face_profile.setAccessibleName(self.tr("Face result profile"))  # filled in by simulators_ready()
        self.face_button = QPushButton(self.tr("Write a &face result"))
        self.face_button.setAccessibleName(self.tr("Write a face result"))
        self.face_button.clicked.connect(self.write_face_result)
        self.term_partial = QSpinBox()
        self.term_partial.setRange(0, 30)
        self.term_partial.setSuffix(" s")
        self.term_partial.setAccessibleName(self.tr("Partial write pause"))
        self.term_duplicate = QCheckBox(self.tr("Write every file twice"))
        self.term_duplicate.setAccessibleName(self.tr("Duplicate face files"))
        self.term_apply = QPushButton(self.tr("Apply terminal faults"))
        self.term_apply.setAccessibleName(self.tr("Apply terminal faults"))
        self.term_apply.clicked.connect(self.apply_terminal_faults)
        self.term_message = QLabel()
        self.term_message.setAccessibleName(self.tr("Terminal status"))
        form.addRow(self.tr("Profile"), self.face_profile)
        form.addRow(self.face_button)
        form.addRow(self.tr("Partial write"), self.term_partial)
        form.addRow(self.term_duplicate)
        form.addRow(self.term_apply)
        form.addRow(self.term_message)
        return box

    def write_face_result(self) -> None:
        profile = str(self.face_profile.currentData())
        terminal = self.hooks.simulator.terminal
        self.worker.submit(
            lambda: terminal.simulate_reader(profile),
            on_result=lambda paths: self.term_message.setText(self.tr("Face result written.")),
            on_error=lambda e: self.term_message.setText(self.tr("Not written: %1").replace("%1", str(e))),
        )

    def apply_terminal_faults(self) -> None:
        self._update_faults(
            {"terminal": {"partial_write_s": float(self.term_partial.value()),
                          "duplicate": self.term_duplicate.isChecked()}},
            self.term_message,
        )

    # --- APDU trace -------------------------------------------------------------------------------------------
    def _trace_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("APDU trace (headers and status words only)"))
        layout = QVBoxLayout(box)
        self.trace = QPlainTextEdit()
        self.trace.setReadOnly(True)
        self.trace.setMaximumBlockCount(MAX_TRACE_LINES)
        self.trace.setAccessibleName(self.tr("APDU trace"))
        self.trace.setMinimumHeight(160)
        self.trace.setStyleSheet("font-family: monospace;")
        clear = QPushButton(self.tr("Clear trace"))
        clear.setAccessibleName(self.tr("Clear the APDU trace"))
        clear.clicked.connect(self.trace.clear)
        layout.addWidget(self.trace)
        layout.addWidget(clear)
        return box

    def _watch_trace(self, card: VirtualMyNumberCard) -> None:
        if card is self._traced_card:
            return
        if self._traced_card is not None:
            self._traced_card.trace.unsubscribe(self._on_trace)
        self._traced_card = card
        card.trace.subscribe(self._on_trace)

    def _on_trace(self, entry: TraceEntry) -> None:  # called on the card's (worker) thread
        self.trace_entry.emit(entry)

    def _append_trace(self, entry: TraceEntry) -> None:
        self.trace.appendPlainText(trace_line(entry))

    def trace_lines(self) -> list[str]:
        return str(self.trace.toPlainText()).splitlines()
