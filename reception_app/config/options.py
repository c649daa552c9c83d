"""How one option is declared (`option()` beside its field in `SiteConfig`) and what the declaration gives back
(`OptionSpec`: kind, default, unit, description, range; parse and format of its text in the settings file).

No Qt and no app layer below: every layer may import the configuration. Kept cheap to import (cold start):
only `dataclasses`, `pathlib` and `typing`.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

T = TypeVar("T")

Kind = Literal["str", "int", "float", "bool", "path", "choice"]

_META_KEY = "reception_app.option"
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


@dataclass(frozen=True)
class OptionInfo:
    """What a field's declaration says beside its type and default."""

    description: str
    group: str
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    # The problem code for a value outside the range or the choices, where the UI already had its own words for
    # this option ("bad_timeout", "bad_language"…); the generic "out_of_range" / "unknown_choice" otherwise.
    problem_code: str | None = None


def option(
    default: T,
    description: str,
    *,
    group: str,
    unit: str = "",
    minimum: float | None = None,
    maximum: float | None = None,
    problem_code: str | None = None,
) -> T:
    """A `SiteConfig` field: its default and its declaration (the type comes from the annotation)."""
    info = OptionInfo(description, group, unit, minimum, maximum, problem_code)
    return dataclasses.field(default=default, metadata={_META_KEY: info})


class BadText(ValueError):
    """A value in the file that is not of its option's type. `code` is a stable problem code.

    Not an AppError: it becomes a ConfigProblem (translated by ui/settings.py), and a ConfigValueError if loaded."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class OptionSpec:
    """One declared option, as the reader, the writer, the validator and the docs see it."""

    name: str
    kind: Kind
    optional: bool  # None (unset) is a valid value; written as an empty value
    choices: tuple[str, ...]
    default: object
    info: OptionInfo

    @property
    def description(self) -> str:
        return self.info.description

    @property
    def unit(self) -> str:
        return self.info.unit

    def type_label(self) -> str:
        base = " \\| ".join(f"`{c}`" for c in self.choices) if self.kind == "choice" else self.kind
        return f"{base} (optional)" if self.optional else base

    def parse(self, text: str) -> object:
        """The value of `text` as written in the file; raises BadText. An empty text is None for an optional."""
        text = text.strip()
        if text == "" and self.optional:
            return None
        if self.kind == "str":
            return text
        if self.kind == "path":
            return Path(text)
        if self.kind == "bool":
            if text.lower() in _TRUE:
                return True
            if text.lower() in _FALSE:
                return False
            raise BadText("not_boolean", "expected true or false")
        if self.kind == "int":
            try:
                return int(text)
            except ValueError:
                raise BadText("not_integer", "expected a whole number") from None
        if self.kind == "float":
            try:
                number = float(text)
            except ValueError:
                raise BadText("not_number", "expected a number") from None
            if not math.isfinite(number):
                raise BadText("not_number", "expected a finite number")
            return number
        return text  # a choice: checked against the choices with the other value rules

    def format(self, value: object) -> str:
        """The text the file holds for `value` (plain: no quoting and no escapes; configparser reads it back)."""
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float):
            return str(int(value)) if value.is_integer() else repr(value)
        return str(value)

    def type_ok(self, value: object) -> bool:
        """Whether `value` is of this option's Python type (the rules, ranges and choices are checked apart)."""
        if value is None:
            return self.optional
        if self.kind == "bool":
            return isinstance(value, bool)
        if self.kind == "int":
            return isinstance(value, int) and not isinstance(value, bool)
        if self.kind == "float":
            return isinstance(value, int | float) and not isinstance(value, bool)
        if self.kind == "path":
            return isinstance(value, Path)
        return isinstance(value, str)


def specs_of(cls: type) -> tuple[OptionSpec, ...]:
    """The declared options of a dataclass made of `option()` fields, in declaration order."""
    hints = typing.get_type_hints(cls)
    specs: list[OptionSpec] = []
    for f in dataclasses.fields(cls):
        info = f.metadata.get(_META_KEY)
        if not isinstance(info, OptionInfo):
            raise TypeError(f"{cls.__name__}.{f.name} is not declared with option()")
        kind, optional, choices = _kind_of(hints[f.name], f.name)
        specs.append(OptionSpec(f.name, kind, optional, choices, f.default, info))
    return tuple(specs)


def _kind_of(hint: object, name: str) -> tuple[Kind, bool, tuple[str, ...]]:
    optional = False
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"{name}: one type or None, not {hint}")
        optional, hint, origin = True, args[0], typing.get_origin(args[0])
    if origin is Literal:
        return "choice", optional, tuple(str(a) for a in typing.get_args(hint))
    simple: dict[object, Kind] = {str: "str", int: "int", float: "float", bool: "bool", Path: "path"}
    if hint not in simple:
        raise TypeError(f"{name}: unsupported option type {hint}")
    return simple[hint], optional, ()
