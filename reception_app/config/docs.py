"""docs/configuration.md, made from the declarations in `site.py` (a test fails when the committed file is stale).

Regenerate: `python scripts/build_config_docs.py`.
"""

from __future__ import annotations

from reception_app.config.inifile import INI_SECTION, SETTINGS_FILE_NAME
from reception_app.config.site import option_specs

INTRO = f"""# Configuration

<!-- Generated from reception_app/config/site.py by scripts/build_config_docs.py: do not edit by hand. -->

Every option of a reception PC, declared once in `reception_app/config/site.py` (`SiteConfig`). The first-run
wizard and the desk's settings dialog write them; the app, the doctor and the headless commands read them.

The file is `{SETTINGS_FILE_NAME}` in the per-user configuration folder (`RECEPTION_APP_CONFIG` overrides the folder),
UTF-8, every option in `[{INI_SECTION}]` as a plain `name = value` line: no quotes and no escapes, so a Windows path
is written as it is (`face_dir = \\\\SERVER\\OQS\\face`). An empty value means *unset* (an optional option's
default). Booleans are `true` / `false`.

A value that is not of its type, outside its range or not one of its choices stops the start with a message that
names the option and the file (`settings_invalid`); `reception-app doctor` says the same. Keys the app does not know
are ignored and kept when the app saves the file. `db_path`, from files written before `store_location`, is read as
`store_location`.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown() -> str:
    lines = [INTRO.rstrip("\n")]
    group = None
    for spec in option_specs():
        if spec.info.group != group:
            group = spec.info.group
            lines += ["", f"## {group}", "", "| option | type | default | unit | description |",
                      "|---|---|---|---|---|"]
        default = spec.format(spec.default)
        low, high = spec.info.minimum, spec.info.maximum
        rng = f" ({low:g}–{high:g})" if low is not None and high is not None else ""
        lines.append(
            f"| `{spec.name}` | {spec.type_label()}{rng} | {f'`{default}`' if default else '(unset)'} "
            f"| {spec.unit} | {_cell(spec.description)} |")
    return "\n".join(lines) + "\n"
