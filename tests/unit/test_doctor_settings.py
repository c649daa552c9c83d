"""The doctor reads the settings through the one reader (a broken file is named, never replaced), and every doctor
text exists in ja and en."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reception_app.reception.doctor import (
    CheckResult,
    Status,
    check_folder,
    check_institution_code,
    exit_code,
    run_checks,
)
from reception_app.reception.doctor_messages import CHECK_TITLES, MESSAGES


@pytest.mark.parametrize(("content", "code"), [
    (b"\xff\xfe\x00garbage", "settings_unreadable"),
    (b"[General]\ndb_key_source=usb-stick\n", "settings_invalid"),
])
def test_broken_file_is_named_not_replaced(app_data_dir: Path, content: bytes, code: str) -> None:
    from reception_app.config import settings_file

    path = settings_file()
    path.write_bytes(content)
    results = run_checks(options=_no_hardware_options())
    settings = next(r for r in results if r.check == "settings")
    assert (settings.status, settings.code) == (Status.FAIL, code)
    assert str(path) in settings.action_text("en")
    if code == "settings_invalid":
        assert "db_key_source = 'usb-stick'" in settings.result_text("en")
    assert path.read_bytes() == content  # nothing lost


def _no_hardware_options():
    from reception_app.card.errors import PcscServiceUnavailableError
    from reception_app.reception.doctor import DoctorOptions

    def no_pcsc(spec: str):
        raise PcscServiceUnavailableError("no pcscd in this test")

    return DoctorOptions(backend_factory=no_pcsc, font_probe=lambda: ["Noto Sans CJK JP"])


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
