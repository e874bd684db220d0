"""Where the icons, style sheet and translations live, and how to load them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ICONS = RESOURCES / "icons"
TRANSLATIONS = RESOURCES / "translations"


@cache
def icon(name: str) -> QIcon:
    """An SVG icon: drawn sharp at any device pixel ratio."""
    return QIcon(str(ICONS / f"{name}.svg"))


def stylesheet() -> str:
    path = RESOURCES / "style.qss"
    return path.read_text("utf-8") if path.exists() else ""
