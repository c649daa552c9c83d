"""The site configuration: one typed, immutable `SiteConfig`, every option declared once (`site.py`), one reader
and writer of the settings file (`inifile.py`), the rules (`validate.py`) and the docs made from the declaration
(`docs.py` → docs/configuration.md). Headless and below every layer: no Qt, no app layer.

    config = load_config()                      # the saved one, or the defaults
    save_config(config.replace(language="en"))
    problems = validate(config)                 # every problem at once, each with a stable code
"""

from reception_app.config.errors import (
    ConfigFileUnreadable,
    ConfigFileUnwritable,
    ConfigValueError,
    SiteConfigError,
)
from reception_app.config.inifile import SETTINGS_FILE_NAME, load_config, save_config, settings_file
from reception_app.config.options import OptionSpec
from reception_app.config.site import (
    DEFAULTS,
    KEY_SOURCES,
    LANGUAGES,
    READER_BACKENDS,
    KeySource,
    Language,
    ReaderBackendKind,
    SiteConfig,
    StoreBackend,
    option_spec,
    option_specs,
)
from reception_app.config.validate import PROBLEM_CODES, ConfigProblem, validate, value_problems

__all__ = [
    "DEFAULTS",
    "KEY_SOURCES",
    "LANGUAGES",
    "PROBLEM_CODES",
    "READER_BACKENDS",
    "SETTINGS_FILE_NAME",
    "ConfigFileUnreadable",
    "ConfigFileUnwritable",
    "ConfigProblem",
    "ConfigValueError",
    "KeySource",
    "Language",
    "OptionSpec",
    "ReaderBackendKind",
    "SiteConfig",
    "SiteConfigError",
    "StoreBackend",
    "load_config",
    "option_spec",
    "option_specs",
    "save_config",
    "settings_file",
    "validate",
    "value_problems",
]
