"""People: search as you type, a lazy paged result list, a person's detail, and "Endorse"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from skiller_desktop.views import Changes, PersonSummary, Skill

from ..blocked_people import UndoBar, confirm_block
from ..forms import FormDialog, error_label, fit_columns
from ..level_legend import LevelSpinBox
from ..messages import describe
from ..models import PeopleModel, SearchQuery
from ..operations import on_error
from ..person_cell import PersonCell
from ..person_cell import row_height as person_row_height
from ..person_view import PersonView, availability_label
from ..plain import plain
from ..qtcompat import emit
from ..resources import icon
from ..skill_completer import SkillCompleter, learn_labels, skill_choice, ui_language
from ..standing_view import StandingDelegate, StandingPanel
from .base import Screen


class EndorseDialog(FormDialog):
    """Endorse one of a person's skills, with an optional comment and the level you observed."""

    def __init__(self, screen: PeopleScreen, person: PersonSummary, skills: list[Skill]) -> None:
        super().__init__(screen, QCoreApplication.translate("EndorseDialog", "Endorse %s") % person.name, 440)
        self.person = person
        self.skill = QComboBox(self)
        for s in skills:  # issue 13: the concept's label in the reader's language beside their words
            self.skill.addItem(skill_choice(s), s.name)
        self.skill.setEditable(True)  # type to find a skill, by its words or its label in your language
        self.skill.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        found_by = self.skill.completer()
        if found_by is not None:
            found_by.setFilterMode(Qt.MatchFlag.MatchContains)
        self.level = LevelSpinBox(self, optional=True)  # profiles (issue 12.4): "4 – advanced", not a bare 4
        self.field("skill", self.tr("&Skill"), self.skill, self.tr("Skill to endorse"))
        self.field("level", self.tr("&Level observed"), self.level, self.tr("Level observed"))
        self.comment = self.field("comment", self.tr("&Comment"), QPlainTextEdit(self), self.tr("Comment"))
        self.endorse_button = self.finish(self.tr("Endorse"))

    def save(self) -> None:
        found = self.skill.findText(self.skill.currentText())
        skill = self.skill.itemData(found) if found >= 0 else self.skill.currentText()
        comment, level = self.comment.toPlainText(), self.level.value()
        pid, services = self.person.person_id, self.screen.ops.services
        self.run(lambda: services.endorse(pid, skill, comment, level or None))


class PeopleScreen(Screen):
    pdf_requested = Signal(str, str)  # person id, name: the main window asks where and exports
    # The list: anyone's listed profile or skills, or a block. A change of the user's own skills
    # redraws their row alone, and endorsements only the person shown (see `changed`).
    parts = Changes(people=True, blocked=True)
    debounce_ms = 200

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.model = PeopleModel(self.ops, self)
        self.dialog: EndorseDialog | None = None
        self.detail_skills: list[Skill] = []
        self._detail_stale = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.search_now)
        title = QLabel(self.tr("People"), self)
        title.setObjectName("title")
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Search names, headlines, places, skills… (Ctrl+F)"))
        self.text.setAccessibleName(self.tr("Search people"))
        self.text.setClearButtonEnabled(True)
        self.text.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.skill = QLineEdit(self)
        self.skill.setPlaceholderText(self.tr("Skill, e.g. Python"))
        self.skill.setAccessibleName(self.tr("Skill"))
        self.skill.setClearButtonEnabled(True)
        self.skill_completer = SkillCompleter(self.skill, self.ops)  # issue 13: a label in either language finds
        self.min_level = QSpinBox(self)
        self.min_level.setRange(0, 5)
        self.min_level.setSpecialValueText(self.tr("Any level"))
        self.min_level.setPrefix(self.tr("Level ≥ "))
        self.min_level.setAccessibleName(self.tr("Minimum level"))
        self.availability = QComboBox(self)
        self.availability.setAccessibleName(self.tr("Availability"))
        self.availability.addItem(self.tr("Any availability"), "")
        for value in ("available", "open", "busy"):
            self.availability.addItem(availability_label(self, value), value)
        for w in (self.text, self.skill):
            w.textChanged.connect(self.schedule_search)
        self.min_level.valueChanged.connect(self.schedule_search)
        self.availability.currentIndexChanged.connect(self.schedule_search)
        filters = QHBoxLayout()
        filters.addWidget(self.text, 3)
        filters.addWidget(self.skill, 2)
        filters.addWidget(self.min_level)
        filters.addWidget(self.availability)
        self.total = QLabel(self)
        plain(self.total)
        self.total.setObjectName("muted")
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Search results"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        # the name with the headline under it takes the spare width (ui/person_cell.py)
        self.table.setItemDelegateForColumn(0, PersonCell(self.table))
        self.table.verticalHeader().setDefaultSectionSize(person_row_height(self.table.fontMetrics()))
        fit_columns(self.table, 0, fit=(3,), widths={2: 100, 4: 60})
        self.table.setColumnHidden(1, True)
        self.table.setColumnHidden(3, True)
        self.table.selectionModel().currentRowChanged.connect(self._person_selected)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.block_action = QAction(self.tr("&Block…"), self.table)
        self.block_action.setEnabled(False)
        self.block_action.triggered.connect(self.block)
        self.table.addAction(self.block_action)
        self.model.total_changed.connect(self._show_total)
        self.model.modelReset.connect(self._cleared)
        self.detail = PersonView(self)
        self.standing = StandingPanel(self.ops, self)  # standing (issue 14): bars, Why?, "I know this person"
        self.table.setItemDelegateForColumn(3, StandingDelegate(self.table))
        self.endorse_button = QPushButton(icon("endorse"), self.tr("&Endorse…"), self)
        self.endorse_button.setEnabled(False)
        self.endorse_button.clicked.connect(self.endorse)
        self.pdf_button = QPushButton(icon("export"), self.tr("Export as &PDF…"), self)
        self.pdf_button.setEnabled(False)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.block_button = QPushButton(self.tr("&Block…"), self)
        self.block_button.setEnabled(False)
        self.block_button.clicked.connect(self.block)
        self.blocked: PersonSummary | None = None
        self.undo_bar = UndoBar(self, self.undo_block)
        self.block_error = error_label(self)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.detail, 1)
        rl.addWidget(self.standing)
        # two rows of actions: in one, their French words kept the detail 420 px wide at 1024×680
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.endorse_button)
        more = QHBoxLayout()
        more.addWidget(self.block_button)
        more.addStretch(1)
        more.addWidget(self.pdf_button)
        rl.addLayout(actions)
        rl.addLayout(more)
        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.total)
        ll.addWidget(self.table, 1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        # the list first: at 1024×680 the detail took half and headlines read "Étudiant en …" (issue 12.7)
        self.detail.setMinimumWidth(260)
        splitter.setSizes([650, 350])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.block_error)
        self.current: PersonSummary | None = None

    def query(self) -> SearchQuery:
        return SearchQuery(self.text.text(), self.skill.text(), self.min_level.value(),
                           self.availability.currentData() or "")

    def schedule_search(self, *_args) -> None:
        if self.debounce_ms <= 0:
            self.search_now()
        else:
            self.timer.start(self.debounce_ms)

    def search_now(self) -> None:
        self.timer.stop()
        by_skill = bool(self.skill.text().strip())
        self.table.setColumnHidden(3, not by_skill)
        self.table.setColumnHidden(4, by_skill)  # the matched skill says more than a count
        self.model.search(self.query())

    def refresh(self) -> None:
        self.model.search(self.query())
        self._detail_stale = False
        if self.current is not None:
            self._load_detail(self.current)

    def changed(self, changes: Changes) -> None:
        if changes.touches(self.parts):
            self.mark_stale()
            return
        if changes.skills:
            self._own_skills_changed()
        current = self.current
        if current is not None and (changes.endorsements or current.person_id in changes.documents):
            if self.isVisible():
                self._load_detail(current)
            else:
                self._detail_stale = True

    def _own_skills_changed(self) -> None:
        q = self.model.query
        if q.text.strip() or q.skill.strip() or q.min_level:
            self.mark_stale()  # the user's skills may move them into or out of these results
        else:
            self.model.refresh_person(self.me)  # only the skill count of their row: no new search

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._detail_stale and self.current is not None:
            self._detail_stale = False
            self._load_detail(self.current)

    def _show_total(self, total: int) -> None:
        self.total.setText(self.tr("%n person(s) found", "", total))

    def _cleared(self) -> None:
        if self.current is not None and self.current not in self.model.rows:
            self.current = None
            self.detail.show_empty()
            self.standing.clear()
            self.endorse_button.setEnabled(False)
            self.pdf_button.setEnabled(False)
            self._can_block(False)

    def select_person(self, person_id: str) -> None:
        for row, person in enumerate(self.model.rows):
            if person.person_id == person_id:
                self.table.selectRow(row)
                return

    def _person_selected(self, current, _previous) -> None:
        person = self.model.row_at(current.row()) if current.isValid() else None
        self.current = person
        if person is None:
            self.detail.show_empty()
            self.standing.clear()
            self.endorse_button.setEnabled(False)
            self.pdf_button.setEnabled(False)
            self._can_block(False)
            return
        self._load_detail(person)

    def _load_detail(self, person: PersonSummary) -> None:
        services, pid = self.ops.services, person.person_id

        language = ui_language()

        def read():
            q = services.queries
            skills = q.skills(pid)
            learn_labels(skills, language)  # issue 13: the reader's labels, looked up here, off the UI thread
            return (q.profile(pid), skills, q.endorsements(subject_id=pid, include_hidden=False),
                    services.positions(pid))  # profiles (issue 12.5): positions in the detail too

        def arrived(result, error) -> None:
            if error is not None or self.current is None or self.current.person_id != pid or result[0] is None:
                return
            profile, skills, received, positions = result
            self.detail_skills = skills
            self.detail.show_person(profile, skills, received, positions)
            self.standing.show_person(pid)
            self.endorse_button.setEnabled(bool(skills) and pid != services.person_id)
            self.pdf_button.setEnabled(True)
            self._can_block(pid != services.person_id)

        self.ops.read(read, arrived)

    def endorse(self) -> None:
        if self.current is None or not self.detail_skills:
            return
        dialog = EndorseDialog(self, self.current, self.detail_skills)
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    # -- blocking -------------------------------------------------------------------
    def _can_block(self, enabled: bool) -> None:
        self.block_button.setEnabled(enabled)
        self.block_action.setEnabled(enabled)

    def block(self) -> None:
        person = self.current
        if person is None or person.person_id == self.me or not confirm_block(self.ask, self, person.name):
            return
        self.block_error.hide()

        def done(_changes, error: BaseException | None) -> None:
            if error is not None:
                self._block_failed(error)
            else:
                self.blocked = person
                self.undo_bar.say(person.name)

        self.ops.run(lambda: self.ops.services.block_person(person.person_id), done)

    def undo_block(self) -> None:
        person, self.blocked = self.blocked, None
        self.undo_bar.hide()
        if person is not None:
            self.ops.run(lambda: self.ops.services.unblock_person(person.person_id),
                         on_error(self._block_failed))

    def _block_failed(self, error: BaseException) -> None:
        self.block_error.setText(describe(error))
        self.block_error.show()

    def export_pdf(self) -> None:
        if self.current is not None:
            emit(self.pdf_requested, self.current.person_id, self.current.name)

    def focus_search(self) -> None:
        self.text.setFocus()
        self.text.selectAll()
