"""`skiller` with the sync commands wired in, for tests, until the lead's CLI registers them.

Usage: python tests/integration/sync_cli.py --data-dir D [--json] serve|sync|peers|<any skiller command>
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from skiller_desktop import cli
from sync import cli_commands

_build = cli.build_parser


def build_parser() -> argparse.ArgumentParser:
    parser = _build()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "serve" not in sub.choices:
        cli_commands.register(sub)
    return parser


cli.build_parser = build_parser

if __name__ == "__main__":
    sys.exit(cli.main())
