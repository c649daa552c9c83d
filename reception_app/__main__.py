import sys

from reception_app.cli import main

sys.exit(main())
