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
    if sys.stdout is None or sys.stderr is None:  # the windowed build on Windows has no console streams
        import os

        sys.stdout = sys.stdout or open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
        sys.stderr = sys.stderr or open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    from skiller_desktop.__main__ import main

    sys.exit(main())
