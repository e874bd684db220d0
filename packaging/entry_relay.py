"""The frozen `skiller-relay`: sync.relay.main calls `multiprocessing.freeze_support()` first."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from sync.relay import main

    sys.exit(main())
