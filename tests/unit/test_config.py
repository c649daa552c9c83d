"""The site configuration: declared once (docs made from it, defaults valid), one reader/writer of the settings
file (round trip, Windows paths, Japanese, bad values named, missing and unreadable files), the rules."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reception_app.config import (
    DEFAULTS,
    PROBLEM_CODES,
    ConfigFileUnreadable,
    ConfigValueError,
    SiteConfig,
    load_config,
    option_specs,
    save_config,
    validate,
)
from reception_app.config.docs import render_markdown

ROOT = Path(__file__).resolve().parents[2]


def _non_default(spec_name: str, tmp_path: Path) -> object:
    """A value unlike the default for every option, each a valid one."""
    spec = next(s for s in option_specs() if s.name == spec_name)
    if spec.kind == "bool":
        return not spec.default
    if spec.kind == "choice":
        return next(c for c in spec.choices if c != spec.default) if len(spec.choices) > 1 else spec.default
    if spec.kind in ("int", "float"):
        low = spec.info.minimum if spec.info.minimum is not None else 0
        return type(spec.default)(low + 1) if spec.kind == "int" else float(low) + 0.25
    if spec.kind == "path":
        return tmp_path / f"{spec_name} 日本語"
    return {"institution_code": "3410712362", "gateway_url": "https://gw.example:8443/"}.get(spec_name,
                                                                                            f"{spec_name}-値")


def test_the_committed_docs_are_made_from_the_declaration() -> None:
    committed = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert committed == render_markdown(), (
        "docs/configuration.md is stale: run `.venv/bin/python scripts/build_config_docs.py` and commit it")


def test_every_option_has_a_description_and_timeouts_a_unit() -> None:
    assert all(spec.description.strip() for spec in option_specs())
    timed = [spec.name for spec in option_specs() if spec.name.endswith("_s") and spec.unit != "s"]
    assert timed == []


def test_the_defaults_pass_the_value_rules_and_the_site_rules() -> None:
    assert validate(SiteConfig()) == []


def test_round_trip_of_every_option(tmp_path: Path) -> None:
    changed = DEFAULTS.replace(**{spec.name: _non_default(spec.name, tmp_path) for spec in option_specs()})
    assert all(getattr(changed, s.name) != s.default for s in option_specs() if len(s.choices) != 1)
    path = save_config(changed, tmp_path / "reception-app.ini")
    assert load_config(path) == changed


def test_windows_paths_and_japanese_text_are_written_as_they_are(tmp_path: Path) -> None:
    config = DEFAULTS.replace(face_dir=Path(r"\\OQS-PC\共有\face"), req_dir=Path(r"C:\OQS\req, 2"),
                              printer_name='受付プリンタ; "2階" %d @x', kiosk_name="受付機　１")
    path = save_config(config, tmp_path / "reception-app.ini")
    text = path.read_text(encoding="utf-8")
    assert "face_dir = \\\\OQS-PC\\共有\\face\n" in text  # one backslash each: no escapes in the file
    assert load_config(path) == config


def test_a_missing_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "none.ini") == SiteConfig()


def test_a_bad_value_names_the_option_the_problem_and_the_file(tmp_path: Path) -> None:
    path = tmp_path / "reception-app.ini"
    path.write_text("[General]\nkiosk_idle_timeout_s = soon\nreader_backend = usb\ngateway_query_timeout_s = 0\n",
                    encoding="utf-8")
    with pytest.raises(ConfigValueError) as info:
        load_config(path)
    assert {(p.option, p.code) for p in info.value.problems} == {
        ("kiosk_idle_timeout_s", "not_integer"), ("reader_backend", "bad_backend"),
        ("gateway_query_timeout_s", "out_of_range")}
    message = str(info.value)
    assert str(path) in message and "kiosk_idle_timeout_s = 'soon'" in message and "between 1 and 300 s" in message
    assert info.value.code == "settings_invalid"


@pytest.mark.parametrize("content", [b"\xff\xfe\x00garbage", b"no section header\n", b"[General\n"])
def test_an_unreadable_file_is_a_clear_error_and_is_left_alone(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "reception-app.ini"
    path.write_bytes(content)
    with pytest.raises(ConfigFileUnreadable) as info:
        load_config(path)
    assert info.value.code == "settings_unreadable" and str(path) in str(info.value)
    assert path.read_bytes() == content


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_read_permission_is_a_clear_error(tmp_path: Path) -> None:
    path = save_config(DEFAULTS, tmp_path / "reception-app.ini")
    path.chmod(0)
    with pytest.raises(ConfigFileUnreadable, match="Permission denied"):
        load_config(path)


def test_unknown_keys_are_ignored_and_kept_and_db_path_is_read_as_the_store(tmp_path: Path) -> None:
    path = tmp_path / "reception-app.ini"
    path.write_text("\ufeff[General]\nfuture_option = 7\ndb_path = D:\\clinic\\reception.db\n", encoding="utf-8")
    config = load_config(path)
    assert config.store_location == "D:\\clinic\\reception.db"
    save_config(config.replace(language="en"), path)
    assert "future_option = 7" in path.read_text(encoding="utf-8")
    assert load_config(path) == config.replace(language="en")


def test_empty_values_are_unset(tmp_path: Path) -> None:
    path = tmp_path / "reception-app.ini"
    path.write_text("[General]\nface_dir =\ngateway_url = \n", encoding="utf-8")
    assert (load_config(path).face_dir, load_config(path).gateway_url) == (None, None)


def test_a_value_the_file_cannot_hold_is_refused_before_writing(tmp_path: Path) -> None:
    with pytest.raises(ConfigValueError) as info:
        save_config(DEFAULTS.replace(kiosk_name="a\nb"), tmp_path / "reception-app.ini")
    assert [p.code for p in info.value.problems] == ["line_break"]
    assert not (tmp_path / "reception-app.ini").exists()


def test_a_wrong_python_type_is_said_at_once() -> None:
    with pytest.raises(TypeError, match="face_dir"):
        DEFAULTS.replace(face_dir="C:/OQS/face")


def test_site_rules_list_every_problem_with_a_known_code(tmp_path: Path) -> None:
    bad = SiteConfig(reader_backend="usb", face_dir=tmp_path / "missing", gateway_url="http://example.org/",  # type: ignore[arg-type]
                     client_cert=tmp_path / "cert.pem", kiosk_idle_timeout_s=3, kiosk_name=" ",
                     institution_code="12345", store_location="postgresql://db/reception")
    codes = [p.code for p in validate(bad)]
    assert sorted(codes) == sorted(["bad_backend", "bad_timeout", "folder_missing", "http_not_local",
                                    "file_missing", "cert_key_pair", "empty_kiosk_name", "bad_institution_code",
                                    "store_location_not_path"])
    assert set(codes) <= set(PROBLEM_CODES)


def test_helpers_the_callers_use(app_data_dir: Path) -> None:
    assert DEFAULTS.resolved_db_path() == app_data_dir / "reception.db"
    assert DEFAULTS.replace(reader_name="ACS 00").reader_spec() == "pcsc:ACS 00"
    assert DEFAULTS.replace(reader_backend="simulator").reader_spec() == "simulator"
    assert DEFAULTS.folders() == {"face": None, "req": None, "res": None}


def test_a_folder_where_the_file_belongs_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "reception-app.ini"
    path.mkdir()  # also what a root-run test can check (root reads a file without permissions)
    with pytest.raises(ConfigFileUnreadable, match="cannot be read: Is a directory"):
        load_config(path)


def test_the_site_timeouts_reach_the_services(tmp_path: Path) -> None:
    from reception_app.compose.site import ServiceConfig, service_config

    site = DEFAULTS.replace(institution_code="3410712362", store_location=str(tmp_path / "r.db"),
                            gateway_query_timeout_s=20, reqres_timeout_s=40, reconfirm_interval_s=0,
                            gateway_connect_timeout_s=2, gateway_read_timeout_s=8, card_apdu_timeout_s=3)
    got = service_config(site)
    assert (got.query_timeout, got.reqres_timeout, got.reconfirm_interval_s, got.gateway_connect_timeout,
            got.gateway_read_timeout, got.apdu_timeout_s) == (20.0, 40.0, 0.0, 2.0, 8.0, 3.0)
    assert ServiceConfig("3410712362").query_timeout == DEFAULTS.gateway_query_timeout_s == 15.0
