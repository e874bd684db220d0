"""A table whose first column stays put while the others scroll sideways (the skill matrix's members).

Qt has no frozen columns; this is its documented recipe: a second view over
the same model and selection, showing column 0 only, laid over the left edge
of the main view and scrolled vertically with it. Sorting, selection and
column width are the main view's; the overlay only mirrors them.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


class FrozenColumnTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen = QTableView(self)
        self.frozen.setObjectName("frozenColumn")
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)  # as the matrix selects
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setVerticalScrollMode(self.verticalScrollMode())
        self.frozen.setStyleSheet("QTableView#frozenColumn { border: none; border-right: 1px solid #c5ced8; }")
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.horizontalHeader().setSortIndicatorShown(True)
        self.frozen.horizontalHeader().sectionClicked.connect(self._frozen_header_clicked)
        self.frozen.clicked.connect(self.setCurrentIndex)  # keyboard focus stays with the main view
        self.horizontalHeader().sectionResized.connect(self._section_resized)
        self.horizontalHeader().sortIndicatorChanged.connect(self._sorted)
        self.verticalHeader().sectionResized.connect(lambda row, _old, new: self.frozen.setRowHeight(row, new))
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.viewport().stackUnder(self.frozen)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        if model is not None:
            model.modelReset.connect(self._mirror_columns)
            model.layoutChanged.connect(self._mirror_columns)
            model.columnsInserted.connect(self._mirror_columns)
        self._mirror_columns()

    def setAlternatingRowColors(self, enable: bool) -> None:
        super().setAlternatingRowColors(enable)
        self.frozen.setAlternatingRowColors(enable)

    def _mirror_columns(self, *_args) -> None:
        model = self.model()
        columns = model.columnCount() if model is not None else 0
        for column in range(1, columns):
            self.frozen.setColumnHidden(column, True)
        self.frozen.setColumnHidden(0, False)
        self.frozen.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        self._place()

    def _section_resized(self, section: int, _old: int, new: int) -> None:
        if section == 0:
            self.frozen.setColumnWidth(0, new)
            self._place()

    def _sorted(self, section: int, order: Qt.SortOrder) -> None:
        self.frozen.horizontalHeader().setSortIndicator(section, order)

    def _frozen_header_clicked(self, section: int) -> None:
        """A click on the pinned title sorts as a click on the main one would: same column, order toggled."""
        header = self.horizontalHeader()
        ascending = (header.sortIndicatorSection() != section
                     or header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
        if self.isSortingEnabled():
            self.sortByColumn(section, Qt.SortOrder.AscendingOrder if ascending else Qt.SortOrder.DescendingOrder)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self._place()

    def _place(self) -> None:
        frame = self.frameWidth()
        x = frame + (self.verticalHeader().width() if self.verticalHeader().isVisible() else 0)
        self.frozen.setColumnWidth(0, self.columnWidth(0))
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
        self.frozen.setGeometry(x, frame, self.columnWidth(0),
                                self.viewport().height() + self.horizontalHeader().height())

    def scrollTo(self, index: QModelIndex | QPersistentModelIndex,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        bar = self.horizontalScrollBar()
        keep = bar.value()
        super().scrollTo(index, hint)
        if index.column() == 0:  # column 0 is always in view: selecting a member never scrolls sideways
            bar.setValue(keep)
            return
        under = self.columnWidth(0) - self.visualRect(index).left()
        if under > 0:  # Qt thinks a cell under the pinned column is in view: bring it out from under
            bar.setValue(bar.value() - under)
