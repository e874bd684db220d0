"""`skiller` as the installed command runs it (the composition root, with the sync commands), for subprocess tests.

Usage: python tests/integration/sync_cli.py --data-dir D [--json] serve|sync|peers|<any skiller command>
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from skiller_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
