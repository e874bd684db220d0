"""The frozen `skiller` (GUI and command line) and `skiller-relay`: what PyInstaller runs first.

One executable for both (the folder holds one copy of the app's Python code, not two):
`skiller-relay` is a symbolic link to it on Linux and macOS, and on Windows a second
executable of the same build; it runs the relay when started under that name.

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
    from pathlib import Path

    if Path(sys.argv[0]).name.lower().startswith("skiller-relay"):
        from sync.relay import main
    else:
        from skiller_desktop.__main__ import main

    sys.exit(main())
