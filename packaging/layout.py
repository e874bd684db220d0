"""What the built folder holds and where: one source for the spec, the build script, the tests and bench.

Windows and macOS file systems ignore case, so there the GUI (`Skiller`, no
console window) and the command line (`skiller-cli`) need different names;
on Linux one `skiller` is both (a desktop launcher starts it without a
terminal).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUILD = ROOT / "build" / "pyinstaller"
APP_NAME = "Skiller"
FOLDER = "skiller"  # dist/skiller/ on Windows and Linux; dist/Skiller.app on macOS
BUNDLE_ID = "org.skiller.desktop"
MIME_TYPE = "application/x-skiller-bundle"


def platform_key(platform: str = sys.platform) -> str:
    if platform.startswith("win"):
        return "windows"
    return "macos" if platform == "darwin" else "linux"


def executables(platform: str = sys.platform) -> dict[str, str]:
    """Role -> file name (without .exe): gui, cli, relay."""
    if platform_key(platform) == "linux":
        return {"gui": "skiller", "cli": "skiller", "relay": "skiller-relay"}
    return {"gui": APP_NAME, "cli": "skiller-cli", "relay": "skiller-relay"}


def folder(platform: str = sys.platform) -> Path:
    """The folder with the executables (inside the .app on macOS)."""
    if platform_key(platform) == "macos":
        return DIST / f"{APP_NAME}.app" / "Contents" / "MacOS"
    return DIST / FOLDER


def package_root(platform: str = sys.platform) -> Path:
    """What is measured and shipped: the folder, or the whole .app."""
    return DIST / f"{APP_NAME}.app" if platform_key(platform) == "macos" else DIST / FOLDER


def executable(role: str, platform: str = sys.platform) -> Path:
    suffix = ".exe" if platform_key(platform) == "windows" else ""
    return folder(platform) / (executables(platform)[role] + suffix)
