"""Endorsements: received (grouped by skill; new ones marked; each can be hidden, thanked, endorsed back)
and given (each can be revoked; the thanks they earned shown beside them)."""

from __future__ import annotations

from typing import cast

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
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

from skiller_desktop.text import skill_key
from skiller_desktop.views import Changes, Endorsement, ImportedEndorsement, PersonSummary, Skill, Thanks

from ..dates import local_date
from ..endorsement_rows import GivenModel
from ..forms import error_label, fit_columns
from ..level_legend import LevelLegend, level_words, observed
from ..messages import describe
from ..plain import as_html, tooltip
from ..qtcompat import emit
from ..skill_completer import learn_labels, ui_language
from .base import Screen

ENDORSEMENT_ROLE = Qt.ItemDataRole.UserRole + 2
NEW_ROLE = Qt.ItemDataRole.UserRole + 3  # True on an endorsement received since the user last looked
SOURCES = {"linkedin": "LinkedIn", "jsonresume": "JSON Resume"}
# Columns of the received tree: short ones first, the level observed beside the comment, which takes the rest.
NAME, DATE, STATUS, LEVEL, COMMENT = range(5)
NAME_WIDTH = 260  # skill names run to 160 characters: past this, elided with the whole name in a tooltip


def not_endorsed(skills: list[Skill], given: list[Endorsement]) -> list[Skill]:
    """The skills I may still endorse: one endorsement per skill, and per concept however the skill is now
    spelled (the rule services.endorse enforces, so nothing offered here is refused there)."""
    keys = {skill_key(g.skill) for g in given}
    concepts = {g.concept for g in given if g.concept}
    return [s for s in skills if s.key not in keys and not (s.concept and s.concept in concepts)]


class EndorsementsScreen(Screen):
    parts = Changes(endorsements=True, skills=True, people=True)  # people: names of endorsers and endorsees
    unseen_counted = Signal(int)  # endorsements received the user has not looked at yet

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.new_marks: set[tuple[str, str]] = set()  # (endorser, endorsement) new since the last visit
        self.thanked: dict[tuple[str, str], Thanks] = {}  # (endorsement id, endorser id): the thanks I sent
        self.unseen: set[tuple[str, str]] = set()  # shown as new, not yet recorded as seen
        self.endorse_dialog: QWidget | None = None
        self.menu_actions: dict[QPushButton, QAction] = {}  # right-click copies of the buttons
        title = QLabel(self.tr("Endorsements"), self)
        title.setObjectName("title")
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._received_tab(), self.tr("Received"))
        self.tabs.addTab(self._given_tab(), self.tr("Given"))
        self.tabs.currentChanged.connect(self._mark_seen)
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
        labels = {NAME: self.tr("Skill / endorsed by"), DATE: self.tr("Date"), STATUS: self.tr("Status"),
                  LEVEL: self.tr("Level observed"), COMMENT: self.tr("Comment")}
        self.received.setHeaderLabels([labels[column] for column in range(len(labels))])
        header = self.received.header()
        header.setStretchLastSection(True)  # the comment
        header.setMinimumSectionSize(60)
        for column, label in labels.items():
            self.received.headerItem().setToolTip(column, tooltip(label))
        for column in (DATE, STATUS, LEVEL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.received.currentItemChanged.connect(self._update_buttons)
        self.received.itemActivated.connect(lambda *_: self.thank())
        self.hide_button = QPushButton(self.tr("&Hide from my profile"), page)
        self.hide_button.clicked.connect(lambda: self.set_hidden(True))
        self.show_button = QPushButton(self.tr("&Show on my profile"), page)
        self.show_button.clicked.connect(lambda: self.set_hidden(False))
        self.thank_button = QPushButton(self.tr("&Thank…"), page)
        self.thank_button.setToolTip(self.tr("Send a signed thank-you the endorser sees on their side (Enter)"))
        self.thank_button.clicked.connect(self.thank)
        self.endorse_back_button = QPushButton(self.tr("Endorse &back…"), page)
        self.endorse_back_button.setToolTip(self.tr("Endorse one of this person’s skills in return"))
        self.endorse_back_button.clicked.connect(self.endorse_back)
        self.received_empty = QLabel(self.tr("Nobody has endorsed your skills yet. Endorsements arrive "
                                             "when you sync with people who know your work."), page)
        self.received_empty.setWordWrap(True)
        self.received_empty.setObjectName("muted")
        buttons = QHBoxLayout()
        for button in (self.thank_button, self.endorse_back_button, self.hide_button, self.show_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.new_label = QLabel(page)
        self.new_label.setObjectName("muted")
        self.new_label.hide()
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.received_empty)
        layout.addWidget(self.new_label)
        layout.addWidget(self.received, 2)
        layout.addWidget(LevelLegend(page))
        self._context_menu(self.received, (self.thank_button, self.endorse_back_button, self.hide_button,
                                           self.show_button))
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
            item = QTreeWidgetItem(self.imported, [e.skill, e.endorser_name or e.endorser_url, local_date(e.date),
                                                   self.tr("Unverified")])
            if e.endorser_url:
                item.setToolTip(1, tooltip(e.endorser_url))
            item.setToolTip(3, tooltip(self.tr("Copied from %1; not signed, not counted")
                                       .replace("%1", SOURCES.get(e.source, e.source))))
        self.imported_box.setVisible(bool(rows))

    def _fill_received(self, rows: list[Endorsement], unseen: set[tuple[str, str]], thanked: list[Thanks]) -> None:
        current = self.selected_received()
        self.new_marks |= unseen  # marked for the whole visit, though seen from now on
        self.thanked = {(t.endorsement_id, t.endorser_id): t for t in thanked}
        self.received.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        fresh: dict[str, int] = {}
        for e in rows:
            group = groups.get(e.skill)
            if group is None:
                group = QTreeWidgetItem(self.received, [e.skill])
                group.setFirstColumnSpanned(False)
                groups[e.skill] = group
            item = self._received_item(group, e)
            if item.data(0, NEW_ROLE):
                fresh[e.skill] = fresh.get(e.skill, 0) + 1
            if current and (current.endorsement_id, current.endorser_id) == (e.endorsement_id, e.endorser_id):
                self.received.setCurrentItem(item)
        for skill, group in groups.items():
            group.setText(0, f"{skill} ({group.childCount()})")
            group.setToolTip(0, tooltip(skill))
            if fresh.get(skill):
                group.setToolTip(0, tooltip(skill + "\n" + self.tr("%n new since you last looked", "", fresh[skill])))
        self.received.expandAll()
        header = self.received.header()
        wanted = max(self.received.sizeHintForColumn(NAME), header.sectionSizeHint(NAME))
        header.resizeSection(NAME, min(wanted, NAME_WIDTH))
        self.received_empty.setVisible(not rows)
        total_new = sum(fresh.values())
        self.new_label.setText(self.tr("%n new endorsement(s) since you last looked, in bold.", "", total_new))
        self.new_label.setVisible(bool(total_new))
        self.tabs.setTabText(0, self.tr("Received") + (" · " + self.tr("%n new", "", total_new) if total_new else ""))
        self._update_buttons()
        self.unseen = unseen
        self._mark_seen()

    def _mark_seen(self, *_args) -> None:
        """What the Received tab shows is looked at: on the next visit it is no longer new."""
        unseen, self.unseen = self.unseen, set()
        if not unseen:
            return
        if not self.isVisible() or self.tabs.currentIndex() != 0:
            self.unseen = unseen  # not looked at yet: when the tab shows
            return
        services = self.ops.services
        # On the worker like every write, but not an edit of a document (no signal, no busy state): `read`.
        self.ops.read(lambda: services.mark_endorsements_seen(unseen), lambda _r, _e: self.count_unseen())

    def _received_item(self, group: QTreeWidgetItem, e: Endorsement) -> QTreeWidgetItem:
        thanks = self.thanked.get((e.endorsement_id, e.endorser_id))
        status = self.tr("Hidden") if e.hidden else self.tr("Shown")  # on my profile
        if thanks is not None:
            status += " · " + self.tr("Thanked")
        cells = {NAME: e.endorser_name, DATE: local_date(e.date), STATUS: status, LEVEL: observed(e.level),
                 COMMENT: e.comment}
        item = QTreeWidgetItem(group, [cells[column] for column in range(len(cells))])
        item.setData(0, ENDORSEMENT_ROLE, e)
        new = (e.endorser_id, e.endorsement_id) in self.new_marks
        item.setData(0, NEW_ROLE, new)
        if new:
            for column in range(self.received.columnCount()):
                font = item.font(column)
                font.setBold(True)
                item.setFont(column, font)
            item.setToolTip(NAME, tooltip(e.endorser_name + "\n" + self.tr("New since you last looked")))
            item.setData(NAME, Qt.ItemDataRole.AccessibleTextRole,
                         e.endorser_name + ", " + self.tr("New since you last looked"))  # bold is not read out
        else:
            item.setToolTip(NAME, tooltip(e.endorser_name))
        item.setToolTip(DATE, tooltip(local_date(e.date, long=True)))
        if e.level:
            item.setToolTip(LEVEL, tooltip(level_words(e.level)))
        if e.comment:
            item.setToolTip(COMMENT, tooltip(e.comment))
        if thanks is not None:
            said = self.tr("Thanked on %1").replace("%1", local_date(thanks.date, long=True))
            item.setToolTip(STATUS, tooltip(f"{said}: “{thanks.message}”" if thanks.message else said))
        else:
            item.setToolTip(STATUS, tooltip(self.tr("Hidden from my profile") if e.hidden
                                            else self.tr("Shown on my profile")))
        return item

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

    def thank(self) -> None:
        """Thank the endorser of the selected endorsement, with a message of one's own (or none)."""
        e = self.selected_received()
        if e is None or not self.thank_button.isEnabled():
            return
        label = self.tr("Thank %1 for endorsing %2. Your message (optional; they see it):") \
            .replace("%1", e.endorser_name or self.tr("this person")).replace("%2", e.skill)
        message = self.ask.text(self, self.tr("Thank"), as_html(label))  # a name is shown as typed, never as HTML
        if message is None:
            return
        services = self.ops.services
        self.ops.run(lambda: services.thank(e.endorser_id, e.endorsement_id, message), self._done)

    def endorse_back(self) -> None:
        """Endorse the person who endorsed me: the same dialog as on People, for their skills."""
        e = self.selected_received()
        if e is None:
            return
        q, me = self.ops.services.queries, self.me
        language = ui_language()

        def read():
            skills = q.skills(e.endorser_id)
            learn_labels(skills, language)  # issue 13: the reader's labels, looked up here, off the UI thread
            return q.person_summary(e.endorser_id), skills, not_endorsed(skills, q.endorsements(
                subject_id=e.endorser_id, endorser_id=me))

        self.ops.read(read, lambda found, error: self._open_endorse(e, found, error))

    def _open_endorse(self, e: Endorsement, found, error: BaseException | None) -> None:
        if error is not None:
            self._done(None, error)
            return
        person, skills, left = cast("tuple[PersonSummary | None, list[Skill], list[Skill]]", found)
        name = e.endorser_name or self.tr("This person")
        if person is None or not left:
            self._done(None, None)
            words = (self.tr("%1 has no skills in their portfolio yet, so there is nothing to endorse.")
                     if person is None or not skills else self.tr("You already endorse every skill %1 lists."))
            self.error.setText(words.replace("%1", name))
            self.error.show()
            return
        from .people import EndorseDialog

        dialog = EndorseDialog(self, person, left)  # type: ignore[arg-type]  # it needs a Screen's ops only
        self.endorse_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    def set_hidden(self, hidden: bool) -> None:
        e = self.selected_received()
        if e is not None:
            self.ops.run(lambda: self.ops.services.hide_endorsement(e.endorsement_id, hidden, e.endorser_id),
                         self._done)

    # -- given ------------------------------------------------------------------
    def _given_tab(self) -> QWidget:
        page = QWidget(self)
        self.given_model = GivenModel(self.ops, self)
        self.given = QTableView(page)
        self.given.setModel(self.given_model)
        self.given.setAccessibleName(self.tr("Endorsements given"))
        self.given.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.given.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.given.verticalHeader().hide()
        fit_columns(self.given, 5, fit=(0, 1, 2, 3, 4), widths={6: 200})  # a long thanks: elided, whole in its tooltip
        self.revoke_button = QPushButton(self.tr("&Revoke…"), page)
        self.revoke_button.clicked.connect(self.revoke)
        self.given_model.modelReset.connect(self._update_buttons)
        self._context_menu(self.given, (self.revoke_button,))
        self.given.selectionModel().selectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        self.given_empty = QLabel(self.tr("You have not endorsed anyone yet. Find someone whose work you know "
                                          "on People, then Endorse."), page)
        self.given_empty.setWordWrap(True)
        self.given_empty.setObjectName("muted")
        self.given_model.modelReset.connect(lambda: self.given_empty.setVisible(self.given_model.rowCount() == 0))
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.given_empty)
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

        def received():
            return (q.endorsements(subject_id=me, include_hidden=True), q.unseen_endorsements(me),
                    q.thanks_for(thanker_id=me))

        self.ops.read(received, lambda found, e: self._done(None, e) if e else self._fill_received(*found))
        self.ops.read(lambda: q.imported_endorsements(me),
                      lambda rows, e: self._done(None, e) if e else self._fill_imported(rows))
        self.given_model.load(me)

    def changed(self, changes: Changes) -> None:
        super().changed(changes)
        if changes.endorsements or changes.people:
            self.count_unseen()

    def count_unseen(self) -> None:
        """Tell `unseen_counted` how many received endorsements are new (the sidebar says it while hidden)."""
        me, q = self.me, self.ops.services.queries
        self.ops.read(lambda: len(q.unseen_endorsements(me)), self._counted)

    def _counted(self, count: int, error: BaseException | None) -> None:
        # A change of language rebuilds the window: this screen may be gone when the count comes back.
        if error is None and shiboken6.isValid(self):
            emit(self.unseen_counted, count)

    def unseen_words(self, count: int) -> str:
        return self.tr("%n new endorsement(s) since you last looked", "", count)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        if event.spontaneous():  # the window minimised: the same visit goes on when it comes back
            return
        self.new_marks = set()  # what was new this visit was seen; the next visit marks only newer ones
        self._stale = True

    def _context_menu(self, view: QWidget, buttons: tuple[QPushButton, ...]) -> None:
        """A right click (or the menu key) on a row offers what the buttons above it do, enabled alike."""
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for button in buttons:
            action = QAction(button.text(), view)
            action.triggered.connect(button.click)
            action.setEnabled(button.isEnabled())
            view.addAction(action)
            self.menu_actions[button] = action

    def _update_buttons(self, *_args) -> None:
        e = self.selected_received()
        self.hide_button.setEnabled(e is not None and not e.hidden)
        self.show_button.setEnabled(e is not None and e.hidden)
        thanked = e is not None and (e.endorsement_id, e.endorser_id) in self.thanked
        self.thank_button.setEnabled(e is not None and not thanked)
        self.endorse_back_button.setEnabled(e is not None)
        g = self.selected_given()
        self.revoke_button.setEnabled(g is not None and not g.revoked)
        for button, action in self.menu_actions.items():
            action.setEnabled(button.isEnabled())

    def _done(self, _result, error: BaseException | None) -> None:
        if error is not None:
            self.error.setText(describe(error))
            self.error.show()
        else:
            self.error.hide()
