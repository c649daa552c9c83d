"""PostgreSQL connection strings as the app shows them: never with their password.

A DSN is a `postgresql://` (or `postgres://`) URL or a libpq `key=value` string; either may carry a password (in
the URL's user part, or as a `password` parameter). Everything the app prints, logs or puts in an error message
goes through `redact_dsn`, which drops it. No psycopg import here: the factory and the settings use this module
without loading the driver.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

URL_SCHEMES = ("postgresql", "postgres")
SCHEMA_PARAMETER = "schema"  # ours, not libpq's: removed from the URL before it reaches the driver
DEFAULT_SCHEMA = "reception"
_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_KV_PASSWORD = re.compile(r"""(?i)\bpassword\s*=\s*(?:'(?:[^'\\]|\\.)*'|\S+)""")
_SECRET_PARAMETERS = ("password", "sslpassword")


def is_url(text: str) -> bool:
    scheme, sep, _ = text.strip().partition("://")
    return bool(sep) and scheme.lower() in URL_SCHEMES


def redact_dsn(dsn: str) -> str:
    """The DSN without any password: `postgresql://desk@db.clinic.example:5432/reception`."""
    text = dsn.strip()
    if not is_url(text):
        return _KV_PASSWORD.sub("password=***", text)
    try:
        parts = urlsplit(text)
        netloc = parts.netloc
        if "@" in netloc:
            userinfo, _, hosts = netloc.rpartition("@")
            user = userinfo.split(":", 1)[0]
            netloc = f"{user}@{hosts}" if user else hosts
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in _SECRET_PARAMETERS]
        return urlunsplit((parts.scheme, netloc, parts.path, urlencode(query), ""))
    except ValueError:
        return f"{text.partition('://')[0]}://(unreadable URL)"


def valid_schema(name: str) -> bool:
    """A schema name the app creates and quotes: lower-case letters, digits and '_' (no quoting surprises)."""
    return _IDENTIFIER.fullmatch(name) is not None


def split_schema(url: str) -> tuple[str, str | None]:
    """The URL without our `schema=` parameter, and that parameter (None when absent)."""
    parts = urlsplit(url.strip())
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in pairs if k == SCHEMA_PARAMETER), None)
    rest = [(k, v) for k, v in pairs if k != SCHEMA_PARAMETER]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(rest), parts.fragment)), schema
