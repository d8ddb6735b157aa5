"""Entry script of the frozen program: the same as the ``counsel-desk`` command (no arguments → the app)."""

import sys

from counsel_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
