"""What the 1–5 dots mean, said once: level names, a legend line, and a spin box that names its level.

A level alone ("●●●○○") is a number the reader has to guess; every place
that shows dots shows this legend nearby, or names the level beside them.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from .plain import plain

LEVELS = (1, 2, 3, 4, 5)


def level_name(level: int) -> str:
    """The word for a level (1 beginner … 5 expert), in the user's language; "" outside 1–5."""
    names = {
        1: QCoreApplication.translate("Levels", "beginner"),
        2: QCoreApplication.translate("Levels", "elementary"),
        3: QCoreApplication.translate("Levels", "intermediate"),
        4: QCoreApplication.translate("Levels", "advanced"),
        5: QCoreApplication.translate("Levels", "expert"),
    }
    return names.get(level, "")


def dots(level: int) -> str:
    """The level as five dots, filled up to it ("●●●○○"); "" outside 1–5."""
    return "●" * level + "○" * (5 - level) if 0 < level <= 5 else ""


def observed(level: int) -> str:
    """The level an endorser observed, in dots and words ("" when they gave none)."""
    return f"{dots(level)} {level_name(level)}" if level else ""


def level_words(level: int) -> str:
    """Dots, then "4/5 · advanced": the level readable without the legend."""
    if not 0 < level <= 5:
        return ""
    return f"{dots(level)} {level}/5 · {level_name(level)}"


def legend_text() -> str:
    """One line that says what each number of dots means."""
    title = QCoreApplication.translate("Levels", "Levels:")
    return f"{title} " + " · ".join(f"{n} {level_name(n)}" for n in LEVELS)


def legend_html() -> str:
    return f"<p style='color:#6c757d; font-size:small'>{html.escape(legend_text())}</p>"


class LevelLegend(QLabel):
    """The legend under a table or a form that shows dots."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(legend_text(), parent)
        plain(self)
        self.setObjectName("muted")
        self.setWordWrap(True)
        self.setAccessibleName(QCoreApplication.translate("Levels", "Level legend"))


class LevelSpinBox(QSpinBox):
    """1–5 (or 0 for "not said" when `optional`), showing the level's name beside its number."""

    def __init__(self, parent: QWidget | None = None, optional: bool = False) -> None:
        super().__init__(parent)
        self.setRange(0 if optional else 1, 5)
        if optional:
            self.setSpecialValueText(QCoreApplication.translate("Levels", "Not said"))
        self.setToolTip(legend_text())

    def textFromValue(self, value: int) -> str:
        name = level_name(value)
        return f"{value} – {name}" if name else str(value)

    def valueFromText(self, text: str) -> int:
        digits = "".join(ch for ch in text if ch.isdigit())[:1]
        return int(digits) if digits else self.minimum()

    def validate(self, text: str, pos: int):  # PySide6 wants (state, text, pos) back
        from PySide6.QtGui import QValidator

        digits = [ch for ch in text if ch.isdigit()]
        if len(digits) == 1 and self.minimum() <= int(digits[0]) <= 5:
            return QValidator.State.Acceptable, text, pos
        if not digits:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos
