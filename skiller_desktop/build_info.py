"""Which Skiller this is: version, commit and build date (`skiller --version`, Help › About).

A packaged build carries resources/build.json, written by packaging/build.py
when it was built; from a checkout the commit is asked of git (only when
asked for: `--version` and About, never at start-up).
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from functools import cache

from . import __version__
from .resource_path import app_root, frozen, resource

BUILD_FILE = "build.json"


@dataclass(frozen=True)
class BuildInfo:
    version: str
    commit: str  # "" when unknown (a source tree without git)
    date: str  # ISO 8601 UTC, "" when run from source
    packaged: bool

    def describe(self) -> str:
        """One line: "skiller 0.1.0 (commit 1a2b3c4d5e6f, built 2026-11-29T21:00:00Z)"."""
        parts = [f"commit {self.commit}" if self.commit else "", f"built {self.date}" if self.date else "",
                 "" if self.packaged else "from source"]
        details = ", ".join(p for p in parts if p)
        return f"skiller {self.version}" + (f" ({details})" if details else "")


@cache
def build_info() -> BuildInfo:
    if frozen():
        return _packaged()
    return BuildInfo(__version__, _git_commit(), "", packaged=False)


def _packaged() -> BuildInfo:
    try:
        data = json.loads(resource(BUILD_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    return BuildInfo(__version__, str(data.get("commit", "")), str(data.get("date", "")), packaged=True)


def _git_commit() -> str:
    try:
        done = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=app_root(), capture_output=True,
                              text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""
