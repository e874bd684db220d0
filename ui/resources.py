"""Where the icons, style sheet and translations live, and how to load them."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from skiller_desktop.resource_path import resources_dir

RESOURCES = resources_dir()
ICONS = RESOURCES / "icons"
TRANSLATIONS = RESOURCES / "translations"


@cache
def icon(name: str) -> QIcon:
    """An SVG icon: drawn sharp at any device pixel ratio."""
    return QIcon(str(ICONS / f"{name}.svg"))


def stylesheet() -> str:
    path = RESOURCES / "style.qss"
    return path.read_text("utf-8") if path.exists() else ""
