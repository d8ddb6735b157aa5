"""``python -m counsel_desk`` — the same as the ``counsel-desk`` command."""

import sys

from counsel_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
