"""The installer scripts agree with the bundle the spec makes. The Windows installer cannot be compiled or run here
(no Inno Setup on Debian), so these checks are static: names, paths, languages, tasks, shortcuts."""

from __future__ import annotations

import configparser
import re
import subprocess

import pytest

from tests.integration.installer_support import REPO_ROOT

INSTALLER = REPO_ROOT / "installer"
ISS = INSTALLER / "windows" / "reception-app.iss"
SPEC = INSTALLER / "reception-app.spec"
BUILTIN_MESSAGES = {"CreateDesktopIcon", "AdditionalIcons", "UninstallProgram", "LaunchProgram"}


def iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match.group(1)
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


def iss_defines() -> dict[str, str]:
    return dict(re.findall(r'#define (\w+) "([^"]*)"', ISS.read_text(encoding="utf-8")))


def spec_exe_names() -> set[str]:
    return set(re.findall(r'name="([\w-]+)",\n\s+debug=', SPEC.read_text(encoding="utf-8")))


def entry(line: str) -> dict[str, str]:
    """One Inno Setup entry line `Key: "value"; Key: value` as a dict."""
    return {k: v.strip().strip('"') for k, v in re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]+)', line)}


def test_windows_installer_installs_the_bundle_folder() -> None:
    defines = iss_defines()
    dist_dir = (ISS.parent / defines["DistDir"].replace("\\", "/")).resolve()
    assert dist_dir == REPO_ROOT / "dist" / "reception-app"  # where the spec's COLLECT(name="reception-app") goes
    assert 'name="reception-app",\n)' in SPEC.read_text(encoding="utf-8")
    files = [entry(line) for line in iss_sections()["Files"]]
    bundle = next(f for f in files if f["Source"] == "{#DistDir}\\*")
    assert "recursesubdirs" in bundle["Flags"] and "createallsubdirs" in bundle["Flags"]
    assert bundle["DestDir"] == "{app}"


def test_windows_installer_names_the_spec_executables() -> None:
    defines = iss_defines()
    assert {defines["GuiExe"], defines["CliExe"]} == {f"{name}.exe" for name in spec_exe_names()}
    icons = [entry(line) for line in iss_sections()["Icons"]]
    targets = {i["Filename"] for i in icons} | {i.get("Parameters", "") for i in icons}
    assert any("{#GuiExe}" in t for t in targets) and any("{#CliExe}" in t for t in targets)


def test_windows_installer_setup_options() -> None:
    setup = dict(line.split("=", 1) for line in iss_sections()["Setup"])
    assert setup["PrivilegesRequired"] == "admin"  # per-machine
    assert setup["DefaultDirName"].startswith("{autopf}")
    icon = (ISS.parent / setup["SetupIconFile"].replace("\\", "/")).resolve()
    assert icon.read_bytes()[:4] == b"\x00\x00\x01\x00"  # a real .ico
    languages = [entry(line) for line in iss_sections()["Languages"]]
    assert [lang["Name"] for lang in languages] == ["japanese", "english"]  # Japanese first
    assert languages[0]["MessagesFile"] == "compiler:Languages\\Japanese.isl"
    assert "UNTESTED HERE" in ISS.read_text(encoding="utf-8")


def test_windows_installer_shortcuts_and_kiosk_task() -> None:
    sections = iss_sections()
    tasks = {entry(line)["Name"] for line in sections["Tasks"]}
    assert {"kiosk", "desktopicon"} <= tasks
    icons = [entry(line) for line in sections["Icons"]]
    start_menu = [i for i in icons if i["Name"].startswith("{group}")]
    assert any(i.get("Parameters") == "--kiosk" for i in start_menu)
    assert any(i["Filename"] == "{uninstallexe}" for i in start_menu)
    autostart = [i for i in icons if i["Name"].startswith("{commonstartup}")]
    assert autostart and all(i["Parameters"] == "--kiosk" and i["Tasks"] == "kiosk" for i in autostart)
    assert "Registry" not in sections  # settings live in the user's AppData, never in the registry


def test_windows_installer_messages_exist_in_both_languages() -> None:
    text = ISS.read_text(encoding="utf-8")
    used = set(re.findall(r"\{cm:(\w+)", text)) - BUILTIN_MESSAGES
    custom = iss_sections()["CustomMessages"]
    for name in used:
        assert any(line.startswith(f"japanese.{name}=") for line in custom), name
        assert any(line.startswith(f"english.{name}=") for line in custom), name


@pytest.mark.parametrize("name", ["reception-app.desktop", "reception-app-kiosk.desktop"])
def test_linux_desktop_entries(name: str) -> None:
    parser = configparser.RawConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(INSTALLER / "linux" / name, encoding="utf-8")
    entry_ = parser["Desktop Entry"]
    assert entry_["Type"] == "Application"
    assert entry_["Name"] and entry_["Name[ja]"]
    # The .deb installs the bundle to /opt/reception-app: the entries must start that program.
    assert entry_["Exec"].split()[0] == "/opt/reception-app/reception-app"
    assert "/opt/reception-app" in (INSTALLER / "linux" / "build-package.sh").read_text(encoding="utf-8")
    if "kiosk" in name:
        assert "--kiosk" in entry_["Exec"].split()


def test_package_script_is_valid_bash_and_never_pulls_vpcd() -> None:
    script = INSTALLER / "linux" / "build-package.sh"
    subprocess.run(["bash", "-n", str(script)], check=True)
    control = script.read_text(encoding="utf-8").split("DEBIAN/control")[1]
    depends = next(line for line in control.splitlines() if line.startswith("Depends:"))
    assert "pcscd" in depends and "fonts-noto-cjk" in depends
    assert "vpcd" not in control.split("EOF")[1]  # never a dependency of the clinic package
