"""Writes docs/configuration.md from the option declarations (reception_app/config/site.py)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reception_app.config.docs import render_markdown  # noqa: E402

if __name__ == "__main__":
    target = ROOT / "docs" / "configuration.md"
    target.write_text(render_markdown(), encoding="utf-8")
    print(f"build_config_docs: {target.relative_to(ROOT)}")
