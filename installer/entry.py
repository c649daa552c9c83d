"""PyInstaller entry point: the same `main()` as the `reception-app` console script."""

import sys

from reception_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
