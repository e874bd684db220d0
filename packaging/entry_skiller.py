"""The frozen `skiller` (GUI and command line): what PyInstaller runs first.

`freeze_support()` must come before anything else: sync verifies documents in
spawned worker processes (sync/verify.py), and in a frozen build each worker
is this same executable started with multiprocessing's arguments; without it
a worker would start a second app instead of verifying.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from skiller_desktop.__main__ import main

    sys.exit(main())
