"""The People list's first column: a person's name, and their headline under it in grey.

A headline squeezed into its own column read "Étudiant en …" at 1024×680
(issue 12.7); under the name it gets the widest column of the list.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .models import ROW_ROLE

PADDING = 4  # as the style's item text margin, plus a little air between the two lines
Index = QModelIndex | QPersistentModelIndex


def lines(index: Index) -> tuple[str, str]:
    row = index.data(ROW_ROLE)
    return (row.name, row.headline) if row is not None else (str(index.data() or ""), "")


def row_height(font_metrics: QFontMetrics) -> int:
    return 2 * font_metrics.height() + 2 * PADDING


class PersonCell(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        name, headline = lines(index)
        metrics = QFontMetrics(opt.font)  # type: ignore[attr-defined]
        rect = opt.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)  # type: ignore[attr-defined]
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        palette = opt.palette  # type: ignore[attr-defined]
        painter.save()
        painter.setFont(opt.font)  # type: ignore[attr-defined]
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        first = QRect(rect.left(), rect.top(), rect.width(), metrics.height())
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(first, flags, metrics.elidedText(name, Qt.TextElideMode.ElideRight, rect.width()))
        if not selected:
            painter.setPen(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        second = first.translated(0, metrics.height())
        painter.drawText(second, flags, metrics.elidedText(headline, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)  # type: ignore[attr-defined]
        widest = max(metrics.horizontalAdvance(text) for text in lines(index))
        return QSize(widest + 2 * PADDING, row_height(metrics))
