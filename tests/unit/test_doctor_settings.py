"""The headless settings reader agrees with the UI's QSettings INI file, and every doctor text exists in ja and en."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from reception_app.reception.doctor import CheckResult, Status, check_folder, check_institution_code, exit_code
from reception_app.reception.doctor_messages import CHECK_TITLES, MESSAGES
from reception_app.settings import ReceptionSettings, SettingsError, load_settings

TRICKY = {
    "face_dir": r"C:\OQS\face",  # QSettings doubles backslashes
    "req_dir": "/srv/oqs/req, 2",  # a comma makes QSettings quote the value
    "res_dir": "／共有/res",  # non-ASCII
    "printer_name": '@printer; x=1 "q"',  # a leading @ is escaped as @@, quotes are escaped
    "gateway_url": "https://gw.example:8443/",
    "institution_code": "3410712362",
    "db_key_source": "passphrase",
}


def test_reads_what_qsettings_wrote(tmp_path: Path) -> None:
    path = tmp_path / "reception-app.ini"
    qs = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in TRICKY.items():
        qs.setValue(key, value)
    qs.setValue("setup_complete", True)
    qs.sync()
    loaded = load_settings(path)
    assert {key: getattr(loaded, key) for key in TRICKY} == TRICKY
    assert loaded.setup_complete is True


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.ini") == ReceptionSettings()


@pytest.mark.parametrize("content", [b"\xff\xfe\x00garbage", b"[General]\ndb_key_source=usb-stick\n"])
def test_broken_file_is_named_not_replaced(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "reception-app.ini"
    path.write_bytes(content)
    with pytest.raises(SettingsError) as info:
        load_settings(path)
    assert info.value.code == "settings_unreadable"
    assert str(path) in str(info.value)
    assert path.read_bytes() == content  # nothing lost


def test_every_message_has_both_languages_and_fills_its_placeholders() -> None:
    for code, texts in MESSAGES.items():
        assert set(texts) == {"ja", "en"}, code
        ja_fields = {f for part in texts["ja"] for f in re.findall(r"{(\w+)}", part)}
        en_fields = {f for part in texts["en"] for f in re.findall(r"{(\w+)}", part)}
        assert ja_fields == en_fields, code
        result = CheckResult("settings", Status.FAIL, code, {f: "face" if f == "role" else "x" for f in ja_fields})
        for lang in ("ja", "en"):
            assert result.result_text(lang)
    assert all(set(titles) == {"ja", "en"} for titles in CHECK_TITLES.values())


def test_institution_code_uses_the_eligibility_check_digit() -> None:
    assert check_institution_code("3410712362").status is Status.OK
    bad = check_institution_code("3410712369")
    assert (bad.status, bad.code, bad.params["reason"]) == (Status.FAIL, "institution_invalid", "bad_check_digit")
    assert check_institution_code("").status is Status.WARNING


def test_folder_that_is_a_file(tmp_path: Path) -> None:
    file = tmp_path / "face"
    file.write_text("")
    result = check_folder("face", str(file))
    assert (result.status, result.code) == (Status.FAIL, "folder_not_a_folder")
    assert "face-result (face)" in result.result_text("en")
    assert check_folder("face", str(tmp_path)).status is Status.OK
    assert not list(tmp_path.glob(".reception-app-doctor-*"))  # the write probe cleans up


def test_exit_code_fails_only_on_fail() -> None:
    warn = CheckResult("font", Status.WARNING, "font_unknown", {"detail": "x"})
    fail = CheckResult("font", Status.FAIL, "font_missing")
    assert exit_code([warn]) == 0
    assert exit_code([warn, fail]) == 1
