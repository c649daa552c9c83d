"""Every control a person can use has an accessible name (screen readers, and tests that find controls by name),
and the desk works from the keyboard: menu shortcuts for every check-in action, default buttons in dialogs."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from reception_app.config import SiteConfig
from reception_app.reception.models import Candidate, InsuranceKey, PatientRecord, PersonFacts, RegistrationForm
from reception_app.ui.desk.dialogs import InsuranceNumberDialog, MatchDialog, PatientPinDialog, RelinkDialog
from reception_app.ui.desk.settings_dialog import SettingsDialog
from reception_app.ui.kiosk.window import KioskWindow
from reception_app.ui.staff_dialog import StaffLoginDialog
from tests.qt.ui_helpers import DemoDesk

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTextEdit, QPlainTextEdit)


def is_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside a composite control (the spin box's editor, the tab bar's scroll arrows, ...)."""
    if widget.objectName().startswith("qt_") or type(widget).__name__.startswith("QDockWidgetTitle"):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox | QTabBar):
            return True
        if isinstance(parent, QAbstractItemView) and widget is not parent:
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, INTERACTIVE) and not is_internal(widget) and not widget.accessibleName().strip():
            label = getattr(widget, "text", lambda: "")()
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} {label!r}")
    return missing


def facts() -> PersonFacts:
    return PersonFacts("●藤　恵", "ｻｲﾄｳ ﾒｸﾞﾐ", date(1983, 5, 5), "2", "東京都", None,
                       InsuranceKey("01130012", "記号", "番号", "00"), "1")


def checked_controls(root: QWidget) -> int:
    return sum(1 for w in root.findChildren(QWidget) if isinstance(w, INTERACTIVE) and not is_internal(w))


def test_desk_window_with_the_qa_panel(qtbot, demo_desk: DemoDesk):
    assert demo_desk.desk.qa_dock is not None
    assert demo_desk.desk.pin_dialog is not None  # built after the first paint: the walk must reach it too
    assert checked_controls(demo_desk.desk) > 40  # the walk really reaches the panels, tables and the QA panel
    assert unnamed_controls(demo_desk.desk) == []


def test_kiosk_window(qtbot, ui_lang):
    kiosk = KioskWindow(lambda u, p: False)
    qtbot.addWidget(kiosk)
    kiosk.show()
    for show in (kiosk.show_welcome, lambda: kiosk.show_pin(3), lambda: kiosk.show_pin(1), lambda: kiosk.show_done(3),
                 lambda: kiosk.show_ask_staff("offline")):
        show()
        assert unnamed_controls(kiosk) == []
    kiosk.unlock("test")


def test_dialogs(qtbot, ui_lang):
    patient = PatientRecord("000011", "齋藤　恵", "サイトウ　メグミ", date(1983, 5, 5), "2", "東京都")
    candidates = (Candidate(patient, "kana_birth_date", frozenset({"name"})),
                  Candidate(PatientRecord("000012", "斎藤　恵", "サイトウ　メグミ", date(1983, 5, 5), "2"),
                            "kana_birth_date", frozenset({"name", "address"})))
    form = RegistrationForm("齋藤　恵", "サイトウ　メグミ", date(1983, 5, 5), "2", "東京都")
    dialogs = [
        MatchDialog(candidates, facts(), form, read_basic_four=lambda pin: None),
        RelinkDialog("中村　翔", "06130012 ***77", "01130012 ***01"),
        SettingsDialog(SiteConfig()),
        StaffLoginDialog(lambda u, p: False),
        PatientPinDialog(3),
        InsuranceNumberDialog(),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed_controls(dialog) == [], type(dialog).__name__
    match = dialogs[0]
    match.pages.setCurrentWidget(match.form_page)
    assert unnamed_controls(match) == []


def test_desk_is_usable_from_the_keyboard(qtbot, demo_desk: DemoDesk):
    desk = demo_desk.desk
    shortcuts = {a.text(): a.shortcut().toString() for a in desk.actions()}
    for action in (desk.pin_action, desk.face_action, desk.held_faces_action, desk.insurance_action,
                   desk.cancel_action, desk.queue_action, desk.search_action, desk.settings_action, desk.login_action,
                   desk.quit_action):
        assert action.shortcut().toString(), f"{action.text()} has no shortcut ({shortcuts})"
    assert len({a.shortcut().toString() for a in desk.actions() if a.shortcut().toString()}) == len(
        [a for a in desk.actions() if a.shortcut().toString()]), "two actions share a shortcut"
    # dialogs answer Enter: the safe button is the default where a wrong Enter would do harm
    relink = RelinkDialog("中村　翔", "old", "new")
    qtbot.addWidget(relink)
    defaults = [b for b in relink.findChildren(QPushButton) if b.isDefault()]
    assert len(defaults) == 1 and defaults[0] is not relink.confirm  # Enter never relinks by accident
    login = StaffLoginDialog(lambda u, p: False)
    qtbot.addWidget(login)
    assert login.buttons.buttons()[0].isDefault() or login.buttons.buttons()[1].isDefault()


def test_unassigned_face_results_list(qtbot, demo_desk: DemoDesk):
    desk = demo_desk.desk
    assert desk.held_faces_action.shortcut().toString() == "Shift+F3"
    assert desk.held_faces.indicator.accessibleName()
    desk.held_faces_action.trigger()
    dialog = desk.held_faces.dialog
    assert dialog is not None and dialog.isVisible() and dialog.focusWidget() is dialog.view  # keyboard: the list
    assert unnamed_controls(dialog) == []
    # no default button: Enter in the list neither checks in nor discards
    assert not any(b.isDefault() or b.autoDefault() for b in dialog.findChildren(QPushButton))
    dialog.close()


def test_each_settings_page_gives_every_field_its_own_alt_key(qtbot, ui_lang):
    """Alt+letter reaches one field per page (the gateway page had Alt+C twice: client certificate and CA bundle)."""
    dialog = SettingsDialog(SiteConfig())
    qtbot.addWidget(dialog)
    tabs = dialog.findChild(QTabWidget)
    repeated = []
    for index in range(tabs.count()):
        page = tabs.widget(index)
        keys = [label.text().split("&", 1)[1][:1].lower() for label in page.findChildren(QLabel)
                if label.buddy() is not None and "&" in label.text()]
        repeated += [(tabs.tabText(index), key) for key in set(keys) if keys.count(key) > 1]
    assert repeated == []
