"""The rules of the options: every problem of a `SiteConfig` at once, each with a stable `code` (the UI has the
translated words for each code: `reception_app.ui.settings.problem_text`).

Two kinds of rules. *Value rules* (a choice that is not one, a number out of range, a line break in a value) make
a value unusable: the settings file reader refuses a file that breaks one (`ConfigValueError`). *Site rules* (a
folder that does not exist, a certificate without its key, an http:// gateway on another computer, an institution
code that is not 10 digits, an empty kiosk name) are about the site: the reader accepts them, so the desk still
opens and says what is wrong, and the dialogs, the wizard and the doctor report them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reception_app.config.options import OptionSpec
from reception_app.config.site import SiteConfig, option_specs

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
FOLDER_OPTIONS = ("face_dir", "req_dir", "res_dir", "ticket_pdf_dir")
FILE_OPTIONS = ("client_cert", "client_key", "ca_bundle")

# Every code a problem may carry (a test checks the UI has words for each).
PROBLEM_CODES = (
    # the file's text is not of the option's type (reader only)
    "not_integer", "not_number", "not_boolean",
    # value rules
    "unknown_choice", "bad_language", "bad_backend", "out_of_range", "bad_timeout", "line_break",
    # site rules
    "folder_missing", "file_missing", "cert_key_pair", "bad_url", "http_not_local", "empty_kiosk_name",
    "bad_institution_code", "store_location_not_path",
)


@dataclass(frozen=True)
class ConfigProblem:
    """One invalid option. `code` is stable (tests, logs, the UI's words); `detail` is English for logs and the
    CLI; `value` is the offending value as text (never personal data: settings hold none)."""

    option: str
    code: str
    value: str
    detail: str

    def __str__(self) -> str:
        return f"{self.option} = {self.value!r}: {self.detail}"


def value_problems(config: SiteConfig) -> list[ConfigProblem]:
    """Problems that make a value unusable: a choice that is not one, a number out of range, a line break."""
    problems: list[ConfigProblem] = []
    for spec in option_specs():
        problem = _value_problem(spec, getattr(config, spec.name))
        if problem is not None:
            problems.append(problem)
    return problems


def _value_problem(spec: OptionSpec, value: object) -> ConfigProblem | None:
    if value is None:
        return None
    text = spec.format(value)
    info = spec.info
    if spec.kind == "choice" and value not in spec.choices:
        return ConfigProblem(spec.name, info.problem_code or "unknown_choice", text,
                             f"expected one of {', '.join(spec.choices)}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        low, high = info.minimum, info.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            unit = f" {info.unit}" if info.unit else ""
            return ConfigProblem(spec.name, info.problem_code or "out_of_range", text,
                                 f"must be between {low:g} and {high:g}{unit}")
    if isinstance(value, str | Path) and any(ch in str(value) for ch in "\r\n"):
        return ConfigProblem(spec.name, "line_break", text, "a value is one line")
    return None


def validate(config: SiteConfig) -> list[ConfigProblem]:
    """Every problem at once (value rules, then site rules), so the person fixes them in one go."""
    problems = value_problems(config)

    def add(option: str, code: str, value: object, detail: str) -> None:
        problems.append(ConfigProblem(option, code, "" if value is None else str(value), detail))

    for name in FOLDER_OPTIONS:
        folder = getattr(config, name)
        if folder is not None and not folder.is_dir():
            add(name, "folder_missing", folder, "this folder does not exist")
    if config.gateway_url:
        from urllib.parse import urlparse  # here: reading the file at start-up does not need it

        parsed = urlparse(config.gateway_url)
        if parsed.scheme not in ("https", "http") or not parsed.netloc:
            add("gateway_url", "bad_url", config.gateway_url, "expected https://host:port/")
        elif parsed.scheme == "http" and parsed.hostname not in LOOPBACK_HOSTS:
            add("gateway_url", "http_not_local", config.gateway_url, "http:// only for a gateway on this computer")
    for name in FILE_OPTIONS:
        file = getattr(config, name)
        if file is not None and not file.is_file():
            add(name, "file_missing", file, "this file does not exist")
    if (config.client_cert is None) != (config.client_key is None):
        add("client_key", "cert_key_pair", config.client_key, "a client certificate needs its key and the other way")
    if not config.kiosk_name.strip():
        add("kiosk_name", "empty_kiosk_name", config.kiosk_name, "the kiosk needs a name")
    code = config.institution_code
    if code is not None and not (len(code) == 10 and code.isascii() and code.isdigit()):
        add("institution_code", "bad_institution_code", code, "expected 10 digits")
    if config.store_backend == "sqlcipher" and config.store_location and "://" in config.store_location:
        add("store_location", "store_location_not_path", config.store_location, "sqlcipher needs a file path")
    return problems
