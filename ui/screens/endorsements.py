"""Endorsements: received (grouped by skill, each can be hidden) and given (each can be revoked)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from skiller_desktop.views import Changes, Endorsement, ImportedEndorsement

from ..forms import error_label, fit_columns
from ..messages import describe
from ..models import GivenEndorsementsModel
from ..plain import tooltip
from .base import Screen

ENDORSEMENT_ROLE = Qt.ItemDataRole.UserRole + 2
SOURCES = {"linkedin": "LinkedIn", "jsonresume": "JSON Resume"}


class EndorsementsScreen(Screen):
    parts = Changes(endorsements=True, skills=True, people=True)  # people: names of endorsers and endorsees

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        title = QLabel(self.tr("Endorsements"), self)
        title.setObjectName("title")
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._received_tab(), self.tr("Received"))
        self.tabs.addTab(self._given_tab(), self.tr("Given"))
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)

    # -- received -------------------------------------------------------------
    def _received_tab(self) -> QWidget:
        page = QWidget(self)
        self.received = QTreeWidget(page)
        self.received.setAccessibleName(self.tr("Endorsements received"))
        self.received.setHeaderLabels([self.tr("Skill / endorsed by"), self.tr("Date"), self.tr("Comment"),
                                       self.tr("Shown on my profile")])
        header = self.received.header()
        header.setStretchLastSection(False)
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.received.currentItemChanged.connect(self._update_buttons)
        self.hide_button = QPushButton(self.tr("&Hide from my profile"), page)
        self.hide_button.clicked.connect(lambda: self.set_hidden(True))
        self.show_button = QPushButton(self.tr("&Show on my profile"), page)
        self.show_button.clicked.connect(lambda: self.set_hidden(False))
        self.received_empty = QLabel(self.tr("Nobody has endorsed your skills yet. Endorsements arrive "
                                             "when you sync with people who know your work."), page)
        self.received_empty.setWordWrap(True)
        self.received_empty.setObjectName("muted")
        buttons = QHBoxLayout()
        buttons.addWidget(self.hide_button)
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.received_empty)
        layout.addWidget(self.received, 2)
        layout.addWidget(self._imported_box(page), 1)
        return page

    def _imported_box(self, page: QWidget) -> QWidget:
        """Endorsements copied from LinkedIn: apart from signed ones, unverified, never counted."""
        self.imported_box = QWidget(page)
        heading = QLabel(self.tr("Copied from elsewhere (unverified)"), self.imported_box)
        heading.setObjectName("subtitle")
        note = QLabel(self.tr("Imported from LinkedIn. Nobody signed them, so Skiller cannot prove who gave "
                              "them: they are not counted and others do not see them as endorsements."),
                      self.imported_box)
        note.setWordWrap(True)
        note.setObjectName("muted")
        self.imported = QTreeWidget(self.imported_box)
        self.imported.setAccessibleName(self.tr("Unverified endorsements"))
        self.imported.setRootIsDecorated(False)
        self.imported.setHeaderLabels([self.tr("Skill"), self.tr("Endorsed by"), self.tr("Date"), self.tr("Status")])
        header = self.imported.header()
        header.setStretchLastSection(False)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self.imported_box)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addWidget(self.imported, 1)
        self.imported_box.hide()
        return self.imported_box

    def _fill_imported(self, rows: list[ImportedEndorsement]) -> None:
        self.imported.clear()
        for e in rows:
            item = QTreeWidgetItem(self.imported, [e.skill, e.endorser_name or e.endorser_url, e.date[:10],
                                                   self.tr("Unverified")])
            if e.endorser_url:
                item.setToolTip(1, tooltip(e.endorser_url))
            item.setToolTip(3, tooltip(self.tr("Copied from %1; not signed, not counted")
                                       .replace("%1", SOURCES.get(e.source, e.source))))
        self.imported_box.setVisible(bool(rows))

    def _fill_received(self, rows: list[Endorsement]) -> None:
        current = self.selected_received()
        self.received.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for e in rows:
            group = groups.get(e.skill)
            if group is None:
                group = QTreeWidgetItem(self.received, [e.skill])
                group.setFirstColumnSpanned(False)
                groups[e.skill] = group
            item = QTreeWidgetItem(group, [e.endorser_name, e.date[:10], e.comment,
                                           self.tr("Hidden") if e.hidden else self.tr("Shown")])
            item.setData(0, ENDORSEMENT_ROLE, e)
            if current and current.endorsement_id == e.endorsement_id:
                self.received.setCurrentItem(item)
        for skill, group in groups.items():
            count = group.childCount()
            group.setText(0, f"{skill} ({count})")
        self.received.expandAll()
        self.received_empty.setVisible(not rows)
        self._update_buttons()

    def selected_received(self) -> Endorsement | None:
        item = self.received.currentItem()
        return item.data(0, ENDORSEMENT_ROLE) if item is not None else None

    def select_received(self, endorsement_id: str) -> None:
        for i in range(self.received.topLevelItemCount()):
            group = self.received.topLevelItem(i)
            for j in range(group.childCount() if group is not None else 0):
                item = group.child(j) if group is not None else None
                if item is not None and item.data(0, ENDORSEMENT_ROLE).endorsement_id == endorsement_id:
                    self.received.setCurrentItem(item)

    def set_hidden(self, hidden: bool) -> None:
        e = self.selected_received()
        if e is not None:
            self.ops.run(lambda: self.ops.services.hide_endorsement(e.endorsement_id, hidden, e.endorser_id),
                         self._done)

    # -- given ------------------------------------------------------------------
    def _given_tab(self) -> QWidget:
        page = QWidget(self)
        self.given_model = GivenEndorsementsModel(self.ops, self)
        self.given = QTableView(page)
        self.given.setModel(self.given_model)
        self.given.setAccessibleName(self.tr("Endorsements given"))
        self.given.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.given.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.given.verticalHeader().hide()
        fit_columns(self.given, 3, fit=(0, 1, 2, 4))
        self.revoke_button = QPushButton(self.tr("&Revoke…"), page)
        self.revoke_button.clicked.connect(self.revoke)
        self.given_model.modelReset.connect(self._update_buttons)
        self.given.selectionModel().selectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.given, 1)
        return page

    def selected_given(self) -> Endorsement | None:
        rows = self.given.selectionModel().selectedRows()
        return self.given_model.row_at(rows[0].row()) if rows else None

    def select_given(self, endorsement_id: str) -> None:
        for row, e in enumerate(self.given_model.rows):
            if e.endorsement_id == endorsement_id:
                self.given.selectRow(row)

    def revoke(self) -> None:
        e = self.selected_given()
        if e is None or e.revoked:
            return
        question = self.tr("Revoke your endorsement of %1 for %2? Everyone you sync with will see it revoked.")
        if not self.ask.confirm(self, self.tr("Revoke endorsement"),
                                question.replace("%1", e.subject_name).replace("%2", e.skill)):
            return
        self.ops.run(lambda: self.ops.services.revoke_endorsement(e.endorsement_id), self._done)

    # -- both ---------------------------------------------------------------------
    def refresh(self) -> None:
        me, q = self.me, self.ops.services.queries
        self.ops.read(lambda: q.endorsements(subject_id=me, include_hidden=True),
                      lambda rows, e: self._done(None, e) if e else self._fill_received(rows))
        self.ops.read(lambda: q.imported_endorsements(me),
                      lambda rows, e: self._done(None, e) if e else self._fill_imported(rows))
        self.given_model.load(me)

    def _update_buttons(self, *_args) -> None:
        e = self.selected_received()
        self.hide_button.setEnabled(e is not None and not e.hidden)
        self.show_button.setEnabled(e is not None and e.hidden)
        g = self.selected_given()
        self.revoke_button.setEnabled(g is not None and not g.revoked)

    def _done(self, _result, error: BaseException | None) -> None:
        if error is not None:
            self.error.setText(describe(error))
            self.error.show()
        else:
            self.error.hide()
