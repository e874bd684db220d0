"""Blocking a person: the question and Undo on the People screen, the list in Settings.

A blocked key's entries are refused by sync and the person vanishes from
every list here; their stored document is kept, so Unblock shows them again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .dates import local_date  # profiles: dates in the locale
from .forms import Ask, error_label
from .messages import describe
from .operations import Operations
from .plain import plain, tooltip


def tr(text: str) -> str:
    # lupdate files a module-level `tr(...)` under the empty context (as in messages.py)
    return QCoreApplication.translate("", text)


def confirm_block(ask: Ask, parent: QWidget, name: str) -> bool:
    question = tr("Block “%1”? You will no longer see them here, and sync will refuse what they publish. "
                  "You can unblock them in Settings.").replace("%1", name)
    return ask.confirm(parent, tr("Block person"), question)


class UndoBar(QWidget):
    """“X is blocked. [Undo]”: shown after a block, hidden by Undo or by the next block."""

    def __init__(self, parent: QWidget, undo: Callable[[], None]) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        plain(self.label)
        self.button = QPushButton(tr("&Undo"), self)
        self.button.clicked.connect(undo)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    def say(self, name: str) -> None:
        self.label.setText(tr("“%1” is blocked.").replace("%1", name))
        self.show()


class BlockedPeopleBox(QGroupBox):
    """The blocked keys, with Unblock. Its screen calls `refresh` (when shown, and on a "blocked" change
    while shown), so a block elsewhere reads nothing until the list is seen."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(tr("Blocked people"), parent)
        self.ops = ops
        self.rows: list[dict[str, str]] = []
        layout = QVBoxLayout(self)
        self.empty = QLabel(tr("You blocked nobody. Block someone from the People screen."), self)
        self.empty.setObjectName("muted")
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName(tr("Blocked people"))
        self.table.setHorizontalHeaderLabels([tr("Name"), tr("Blocked on"), tr("Reason")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMaximumHeight(130)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.unblock_button = QPushButton(tr("U&nblock"), self)
        self.unblock_button.clicked.connect(self.unblock)
        self.error = error_label(self)
        row = QHBoxLayout()
        row.addWidget(self.unblock_button)
        row.addStretch(1)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def refresh(self) -> None:
        self.ops.read(self.ops.services.blocked_people, lambda rows, e: self._say(e) if e else self._fill(rows))

    def _fill(self, rows: list[dict[str, str]]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, person in enumerate(rows):
            name = person["name"] or person["person_id"][:24] + "…"
            cells = (name, local_date(person["blocked_at"]), person["reason"])
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip(person["person_id"] if j == 0 else text))
                self.table.setItem(i, j, item)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self._update_button()

    def selected(self) -> dict[str, str] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def select(self, person_id: str) -> None:
        for i, person in enumerate(self.rows):
            if person["person_id"] == person_id:
                self.table.selectRow(i)

    def _update_button(self) -> None:
        self.unblock_button.setEnabled(self.selected() is not None)

    def unblock(self) -> None:
        person = self.selected()
        if person is None:
            return
        self.error.hide()
        pid = person["person_id"]
        self.ops.run(lambda: self.ops.services.unblock_person(pid), self._unblocked)

    def _unblocked(self, _result: object, error: BaseException | None) -> None:
        if error is not None:
            self._say(error)

    def _say(self, error: BaseException) -> None:
        self.error.setText(describe(error))
        self.error.show()
