"""`python -m skiller_desktop` and the `skiller` command."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
