"""`reception-app doctor` names each missing piece: every test takes ONE thing away from a healthy set-up and runs
the real command in a subprocess (real pcscd + vpcd, real fontconfig, real folders, real HTTP gateway simulator, a real
SQLCipher file), then checks that exactly that piece is named and the others stay as they were.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reception_app.card.virtual import VirtualMyNumberCard, load_profile
from reception_app.card.vpcd import VpcdBridge
from tests.conftest import require_service
from tests.integration.installer_support import (
    DoctorRun,
    PrivatePcscd,
    doctor_env,
    private_pcscd_possible,
    refused_port,
    run_doctor,
    write_settings,
)

pytestmark = pytest.mark.pcsc

VALID_INSTITUTION_CODE = "3410712362"  # MHLW's worked example (check digit 2), online_qualification.md §3
PASSPHRASE = "synthetic-test-passphrase"  # a test database's passphrase, not a secret
PASS_ENV = "RECEPTION_DOCTOR_TEST_PASS"
ALL_CHECKS = ("settings", "pcsc_service", "readers", "card", "font", "folder_face", "folder_req", "folder_res",
              "institution_code", "gateway", "database")


@pytest.fixture(scope="module")
def pcscd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivatePcscd]:
    require_service(private_pcscd_possible(), "a private pcscd (root, unshare, pcscd and vsmartcard-vpcd)")
    daemon = PrivatePcscd(tmp_path_factory.mktemp("pcscd")).start()
    yield daemon
    daemon.stop()


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from reception_app.connect.simulator import OqsSimulator

    sim = OqsSimulator(tmp_path_factory.mktemp("oqs")).start()
    yield sim
    sim.stop()


class Setup:
    """A healthy reception PC in a temp folder; tests change one thing and run the doctor."""

    def __init__(self, root: Path, pcscd: PrivatePcscd, gateway_url: str) -> None:
        self.root = root
        self.config = root / "config"
        self.data = root / "data"
        self.pcscd = pcscd
        folders = {}
        for role in ("face", "req", "res"):
            folder = root / "oqs" / role
            folder.mkdir(parents=True)
            folders[f"{role}_dir"] = str(folder)
        self.db_path = root / "db" / "reception.db"
        self.values: dict[str, Any] = {
            "reader_backend": "pcsc",
            "reader_name": "Virtual PCD 00 00",
            **folders,
            "institution_code": VALID_INSTITUTION_CODE,
            "gateway_url": gateway_url,
            "db_path": str(self.db_path),
            "db_key_source": "passphrase",
            "setup_complete": True,
        }
        self.extra_env: dict[str, str] = {PASS_ENV: PASSPHRASE, **pcscd.env()}

    def create_database(self) -> None:
        from reception_app.store import PassphraseKey, open_store

        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        open_store(self.db_path, PassphraseKey(PASSPHRASE), mode="create").close()

    def run(self, *, prefix: list[str] | None = None, lang: str = "en", **changes: Any) -> DoctorRun:
        write_settings(self.config, {**self.values, **changes})
        env = doctor_env(self.config, self.data, self.extra_env)
        return run_doctor(env, "--passphrase-env", PASS_ENV, "--timeout", "5", prefix=prefix, lang=lang)


@pytest.fixture(scope="module")
def healthy_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from reception_app.store import PassphraseKey, open_store

    path = tmp_path_factory.mktemp("db") / "reception.db"
    open_store(path, PassphraseKey(PASSPHRASE), mode="create").close()
    return path


@pytest.fixture()
def setup(tmp_path: Path, pcscd: PrivatePcscd, gateway: Any, healthy_db: Path) -> Setup:
    s = Setup(tmp_path, pcscd, gateway.base_url)
    s.values["db_path"] = str(healthy_db)
    return s


@pytest.fixture(scope="module")
def baseline(
    tmp_path_factory: pytest.TempPathFactory, pcscd: PrivatePcscd, gateway: Any, healthy_db: Path
) -> DoctorRun:
    s = Setup(tmp_path_factory.mktemp("baseline"), pcscd, gateway.base_url)
    s.values["db_path"] = str(healthy_db)
    return s.run()


def assert_only(run: DoctorRun, baseline: DoctorRun, changed: dict[str, tuple[str, str]]) -> None:
    """`changed` checks have the given (status, code); every other check is exactly as in the healthy baseline."""
    assert set(run.checks) == set(ALL_CHECKS)
    for check, (status, code) in changed.items():
        assert (run.status(check), run.code(check)) == (status, code), run.checks[check]
    for check in ALL_CHECKS:
        if check not in changed:
            assert (run.status(check), run.code(check)) == (baseline.status(check), baseline.code(check)), check


def test_healthy_pc_is_all_ok(baseline: DoctorRun) -> None:
    assert baseline.returncode == 0
    assert {c: baseline.status(c) for c in ALL_CHECKS} == dict.fromkeys(ALL_CHECKS, "ok")
    assert baseline.code("card") == "card_absent"
    assert "Virtual PCD 00 00" in baseline.checks["readers"]["result"]
    assert baseline.code("gateway") == "gateway_ok"
    assert baseline.code("database") == "database_ok"


def test_pcscd_unreachable_is_named_in_plain_words(setup: Setup, baseline: DoctorRun) -> None:
    setup.extra_env["PCSCLITE_CSOCK_NAME"] = "/nonexistent/socket"
    run = setup.run()
    assert run.returncode == 1
    assert_only(run, baseline, {
        "pcsc_service": ("fail", "pcsc_service_unavailable"),
        "readers": ("fail", "readers_skipped"),
        "card": ("ok", "card_skipped"),
    })
    service = run.checks["pcsc_service"]
    assert "pcscd" in service["result"] and "is not running" in service["result"]
    assert "Start it" in service["action"]
    assert "0x8010001D" not in run.stdout  # plain words, not the PC/SC error number


def test_pcscd_unreachable_in_japanese(setup: Setup) -> None:
    setup.extra_env["PCSCLITE_CSOCK_NAME"] = "/nonexistent/socket"
    run = setup.run(lang="ja")
    service = run.checks["pcsc_service"]
    assert "スマートカード サービス" in service["result"] and "動いていません" in service["result"]
    assert "開始" in service["action"]


def test_no_readers(setup: Setup, baseline: DoctorRun, tmp_path: Path) -> None:
    empty = PrivatePcscd(tmp_path / "empty-pcscd", with_vpcd=False).start()
    try:
        setup.extra_env.update(empty.env())
        run = setup.run()
    finally:
        empty.stop()
    assert run.returncode == 1
    assert_only(run, baseline, {"readers": ("fail", "readers_none"), "card": ("ok", "card_skipped")})
    assert "No card reader was found" in run.checks["readers"]["result"]


def test_configured_reader_unplugged(setup: Setup, baseline: DoctorRun) -> None:
    run = setup.run(reader_name="ACME USB Reader 0")
    assert run.returncode == 1
    assert_only(run, baseline, {"readers": ("fail", "reader_configured_missing")})
    result = run.checks["readers"]["result"]
    assert "ACME USB Reader 0" in result and "Virtual PCD 00 00" in result


def test_card_present_is_read(setup: Setup, baseline: DoctorRun, tmp_path: Path) -> None:
    daemon = PrivatePcscd(tmp_path / "card-pcscd").start()
    try:
        setup.extra_env.update(daemon.env())
        bridge = VpcdBridge(VirtualMyNumberCard(load_profile("elder-70-74")), port=daemon.port)
        bridge.start()
        try:
            assert bridge.wait_connected(10), "the virtual card could not reach vpcd"
            run = setup.run()
            for _ in range(20):  # pcscd marks the card present just after the ATR; poll, never sleep blindly
                if run.code("card") != "card_absent":
                    break
                run = setup.run()
            applied = bridge.card.apdu_count
        finally:
            bridge.stop()
    finally:
        daemon.stop()
    assert_only(run, baseline, {"card": ("ok", "card_ok")})
    assert applied >= 1  # the doctor really talked to the card (one SELECT of the JPKI AP)


def test_no_japanese_font(setup: Setup, baseline: DoctorRun, tmp_path: Path) -> None:
    candidates = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype"))
    latin = next((p for p in candidates if p.is_dir()), None)
    require_service(latin is not None and shutil.which("fc-list") is not None, "fontconfig and a Latin font folder")
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?><fontconfig><dir>{latin}</dir><cachedir>{tmp_path / "fc-cache"}</cachedir></fontconfig>'
    )
    setup.extra_env["FONTCONFIG_FILE"] = str(conf)
    run = setup.run()
    assert run.returncode == 1
    assert_only(run, baseline, {"font": ("fail", "font_missing")})
    assert "fonts-noto-cjk" in run.checks["font"]["action"]


def test_folder_missing(setup: Setup, baseline: DoctorRun, tmp_path: Path) -> None:
    run = setup.run(face_dir=str(tmp_path / "not-mounted" / "face"))
    assert run.returncode == 1
    assert_only(run, baseline, {"folder_face": ("fail", "folder_missing")})
    assert "not-mounted" in run.checks["folder_face"]["result"]


def test_folder_read_only(setup: Setup, baseline: DoctorRun) -> None:
    res = Path(setup.values["res_dir"])
    prefix: list[str] = []
    if os.geteuid() == 0:
        # Permission bits do not stop root: make the folder really read-only with a bind mount in a namespace.
        script = f'mount --bind -o ro "{res}" "{res}" && exec "$0" "$@"'
        prefix = ["unshare", "-m", "sh", "-c", script]
    else:
        res.chmod(0o555)
    try:
        run = setup.run(prefix=prefix)
    finally:
        res.chmod(0o755)
    assert run.returncode == 1
    assert_only(run, baseline, {"folder_res": ("fail", "folder_read_only")})
    assert str(res) in run.checks["folder_res"]["result"]


def test_gateway_down(setup: Setup, baseline: DoctorRun) -> None:
    run = setup.run(gateway_url=f"http://127.0.0.1:{refused_port()}")
    assert run.returncode == 1
    assert_only(run, baseline, {"gateway": ("fail", "gateway_unreachable")})


def test_gateway_tls_handshake(setup: Setup, baseline: DoctorRun, tmp_path: Path) -> None:
    from reception_app.connect.simulator import OqsSimulator

    with OqsSimulator(tmp_path / "oqs-tls", tls=True) as sim:
        assert sim.base_url.startswith("https://")
        untrusted = setup.run(gateway_url=sim.base_url)
        assert sim.identity is not None
        trusted = setup.run(gateway_url=sim.base_url, ca_bundle=str(sim.identity.cert_pem))
    assert_only(untrusted, baseline, {"gateway": ("fail", "gateway_tls")})
    assert_only(trusted, baseline, {})


def test_database_wrong_key(setup: Setup, baseline: DoctorRun) -> None:
    setup.extra_env[PASS_ENV] = "not-the-passphrase"
    run = setup.run()
    assert run.returncode == 1
    assert_only(run, baseline, {"database": ("fail", "database_wrong_key")})
    assert "wrong key or passphrase" in run.checks["database"]["result"]


def test_database_missing_is_a_warning(setup: Setup, baseline: DoctorRun) -> None:
    run = setup.run(db_path=str(setup.root / "nowhere" / "reception.db"))
    assert run.returncode == 0
    assert_only(run, baseline, {"database": ("warning", "database_missing")})


def test_database_keyring_missing(setup: Setup, baseline: DoctorRun) -> None:
    run = setup.run(db_key_source="keyring")
    assert run.returncode == 1
    assert_only(run, baseline, {"database": ("fail", "database_keyring_unavailable")})
    assert "No OS keyring" in run.checks["database"]["result"]


def test_bad_institution_code(setup: Setup, baseline: DoctorRun) -> None:
    run = setup.run(institution_code="3410712363")
    assert run.returncode == 1
    assert_only(run, baseline, {"institution_code": ("fail", "institution_invalid")})
    assert "check digit" in run.checks["institution_code"]["result"]


def test_unreadable_settings_file(setup: Setup) -> None:
    setup.run()  # writes a good file first
    (setup.config / "reception-app.ini").write_bytes(b"\xff\xfe not an ini file [")
    env = doctor_env(setup.config, setup.data, setup.extra_env)
    run = run_doctor(env)
    assert run.returncode == 1
    assert (run.status("settings"), run.code("settings")) == ("fail", "settings_unreadable")


def test_plain_text_report_is_japanese_by_default(setup: Setup) -> None:
    write_settings(setup.config, {**setup.values, "gateway_url": f"http://127.0.0.1:{refused_port()}"})
    env = doctor_env(setup.config, setup.data, setup.extra_env)
    proc = subprocess.run([sys.executable, "-m", "reception_app", "doctor", "--passphrase-env", PASS_ENV],
                          env=env, capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 1
    assert "[失敗] 資格確認ゲートウェイ" in proc.stdout
    assert "対処:" in proc.stdout
    assert "[OK] 日本語フォント" in proc.stdout


def test_database_key_missing_from_keyring(setup: Setup, baseline: DoctorRun) -> None:
    setup.extra_env["PYTHON_KEYRING_BACKEND"] = "tests.integration.installer_support.MemoryKeyring"
    run = setup.run(db_key_source="keyring")  # a keyring exists, but not with this database's key
    assert run.returncode == 1
    assert_only(run, baseline, {"database": ("fail", "database_key_missing")})
    assert "has no key for this database" in run.checks["database"]["result"]


def test_font_check_without_fc_list_asks_qt(setup: Setup, baseline: DoctorRun, tmp_path: Path) -> None:
    """Where fontconfig's fc-list is absent (Windows, minimal Linux), the CLI asks Qt's font database instead."""
    no_tools = tmp_path / "empty-bin"
    no_tools.mkdir()
    setup.extra_env["PATH"] = str(no_tools)
    with_font = setup.run()
    assert_only(with_font, baseline, {})
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir>'
                    f'<cachedir>{tmp_path / "fc-cache"}</cachedir></fontconfig>')
    setup.extra_env["FONTCONFIG_FILE"] = str(conf)
    without_font = setup.run()
    assert_only(without_font, baseline, {"font": ("fail", "font_missing")})
