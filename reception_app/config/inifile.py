"""The one reader and writer of the settings file: `reception-app.ini` in `paths.user_config_dir()`, every option
in `[General]`, plain `name = value` lines (configparser both ways: no quoting, no escapes, so a Windows path is
written as it is). UTF-8; a BOM that Notepad adds is accepted.

- A missing file gives the defaults.
- A file that cannot be read (not text, not INI) raises `ConfigFileUnreadable`; a value that is not of its
  option's type, outside its range or not one of its choices raises `ConfigValueError` naming every such option.
  Site rules (folders that exist…) are not checked here: `validate()` reports them.
- Unknown keys are ignored when reading and kept when writing: a newer version's option, or a key a site added,
  survives a save from this version instead of being silently dropped.
- `db_path` (files written before `store_location`) is read as `store_location`.

configparser is imported when the file is read, not with this module: the windows import the configuration at
start-up (cold start, docs/performance.md).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from reception_app import paths
from reception_app.config.errors import ConfigFileUnreadable, ConfigFileUnwritable, ConfigValueError
from reception_app.config.options import BadText
from reception_app.config.site import DEFAULTS, SiteConfig, option_specs
from reception_app.config.validate import ConfigProblem, value_problems

if TYPE_CHECKING:
    import configparser

SETTINGS_FILE_NAME = "reception-app.ini"
INI_SECTION = "General"
LEGACY_KEYS = {"db_path": "store_location"}
HEADER = "# reception-app settings: every option is described in docs/configuration.md\n"


def settings_file() -> Path:
    return paths.user_config_dir() / SETTINGS_FILE_NAME


def load_config(path: Path | None = None) -> SiteConfig:
    """The saved configuration, or the defaults when none was saved yet."""
    target = path or settings_file()
    parser = _read(target)
    if parser is None or not parser.has_section(INI_SECTION):
        return DEFAULTS
    return config_from_text(dict(parser.items(INI_SECTION)), target)


def config_from_text(values: Mapping[str, str], source: Path) -> SiteConfig:
    """A configuration from the file's text values (unknown keys ignored); raises ConfigValueError."""
    texts = dict(values)
    for old, new in LEGACY_KEYS.items():
        if old in texts:
            legacy = texts.pop(old)
            texts.setdefault(new, legacy)
    parsed: dict[str, object] = {}
    problems: list[ConfigProblem] = []
    for spec in option_specs():
        if spec.name not in texts:
            continue
        try:
            parsed[spec.name] = spec.parse(texts[spec.name])
        except BadText as exc:
            problems.append(ConfigProblem(spec.name, exc.code, texts[spec.name].strip(), exc.detail))
    config = DEFAULTS.replace(**parsed)
    problems.extend(value_problems(config))
    if problems:
        raise ConfigValueError(source, problems)
    return config


def save_config(config: SiteConfig, path: Path | None = None) -> Path:
    """Writes every option (defaults included, so the file shows them all), keeping keys it does not know.
    The file is replaced at once (written beside it, then renamed): a crash never leaves half a file."""
    target = path or settings_file()
    problems = value_problems(config)
    if problems:  # the file could not hold them (a line break) or the next start would refuse them
        raise ConfigValueError(target, problems)
    try:
        old = _read(target)
    except ConfigFileUnreadable:
        old = None  # a broken file is replaced by what the person entered (the wizard's way out of it)
    parser = _new_parser()
    parser.add_section(INI_SECTION)
    for spec in option_specs():
        parser.set(INI_SECTION, spec.name, spec.format(getattr(config, spec.name)))
    if old is not None:
        known = {spec.name for spec in option_specs()} | set(LEGACY_KEYS)
        if old.has_section(INI_SECTION):
            for key, value in old.items(INI_SECTION):
                if key not in known:
                    parser.set(INI_SECTION, key, value)
        for section in old.sections():
            if section != INI_SECTION:
                parser[section] = dict(old.items(section))
    import io

    text = io.StringIO()
    text.write(HEADER)
    parser.write(text)
    temporary = target.with_name(target.name + ".tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text.getvalue(), encoding="utf-8")
        os.replace(temporary, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise ConfigFileUnwritable(target, exc.strerror or str(exc)) from exc
    return target


def _new_parser() -> configparser.RawConfigParser:
    import configparser

    # No interpolation (a % in a value is a %), no duplicate-key error (a hand-edited file: the last one wins),
    # keys case-sensitive, and no inline comments (a ';' or '#' inside a value is part of it).
    parser = configparser.RawConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # typeshed declares it a method
    return parser


def _read(target: Path) -> configparser.RawConfigParser | None:
    """The parsed file; None when there is none."""
    import configparser

    try:
        data = target.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ConfigFileUnreadable(target, exc.strerror or str(exc)) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigFileUnreadable(target, f"not UTF-8 text (byte {exc.start})") from exc
    parser = _new_parser()
    try:
        parser.read_string(text, source=str(target))
    except configparser.Error as exc:
        raise ConfigFileUnreadable(target, str(exc).splitlines()[0]) from exc
    return parser
