"""Where the app's own files are (icons, style, translations, fonts, skill data, the guides).

From a checkout they sit beside the packages (`resources/`, `docs/`); in a
PyInstaller build they are unpacked under `sys._MEIPASS` (the folder's
`_internal/`, or `Contents/Frameworks` in a macOS `.app`), laid out the same
way by packaging/skiller.spec. Every module finds them through here rather
than from its own `__file__`, which in a frozen build points into an archive.
"""

from __future__ import annotations

import sys
from pathlib import Path


def frozen() -> bool:
    """True inside a PyInstaller build (its bootloader sets both)."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def app_root() -> Path:
    """The folder that holds `resources/` and `docs/`."""
    if frozen():
        return Path(sys._MEIPASS)  # type: ignore[attr-defined]
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return app_root() / "resources"


def resource(*parts: str) -> Path:
    """`resource("fonts", "DejaVuSans.ttf")`: a file under resources/."""
    return resources_dir().joinpath(*parts)
