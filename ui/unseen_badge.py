"""The sidebar's Endorsements entry counts what is new: a badge on its icon, its tooltip, its accessible text.

The French label ("Recommandations") already fills the sidebar, so the count
cannot go in the text without cutting it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter
from PySide6.QtWidgets import QListWidgetItem

from .plain import tooltip

if TYPE_CHECKING:
    from .screens.endorsements import EndorsementsScreen


def show_unseen_in(item: QListWidgetItem, screen: EndorsementsScreen) -> None:
    """Keep `item` saying how many endorsements are new, until they are looked at."""
    label, tip, plain_icon = item.text(), item.toolTip(), item.icon()
    size = item.listWidget().iconSize() if item.listWidget() is not None else QSize(20, 20)

    def said(count: int) -> None:
        words = screen.unseen_words(count)
        item.setIcon(badged(plain_icon, size, count) if count else plain_icon)
        item.setToolTip(tooltip(f"{label}: {words}") if count else tip)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{label}, {words}" if count else label)
        item.setData(UNSEEN_ROLE, count)

    screen.unseen_counted.connect(said)
    screen.count_unseen()


UNSEEN_ROLE = Qt.ItemDataRole.UserRole + 4  # on the sidebar entry: how many endorsements are new


def badged(icon: QIcon, size: QSize, count: int) -> QIcon:
    """The icon with a round badge holding `count` ("9+" past nine) in its top right corner."""
    ratio = 2.0  # drawn at twice the size: crisp on high-density screens too
    pixmap = icon.pixmap(size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    diameter = size.width() * 0.62
    circle = QRectF(size.width() - diameter, 0, diameter, diameter)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#c0392b"))
    painter.drawEllipse(circle)
    font = QFont(painter.font())
    font.setPixelSize(max(7, int(diameter * 0.62)))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, str(count) if count < 10 else "9+")
    painter.end()
    return QIcon(pixmap)
