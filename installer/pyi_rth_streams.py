# PyInstaller runtime hook: in the windowed Windows exe (no console) sys.stdout/sys.stderr are None; anything that
# writes to them (logging handlers, warnings) would raise. Send them to the null device instead.
import os
import sys

if sys.stdout is None:
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
