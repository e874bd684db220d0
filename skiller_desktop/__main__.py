"""`python -m skiller_desktop` and the `skiller` command."""

import multiprocessing
import sys

from .cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # sync verifies in worker processes; frozen builds need this
    sys.exit(main())
