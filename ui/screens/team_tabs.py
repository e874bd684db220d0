"""The tabs of a team's detail: members (and inviting), needs, the skill matrix, and matching.

Each tab shows what the screen read for the selected team (`TeamDetail`) and
runs its own changes through the operations; the screen redraws them all when
the "teams" change arrives.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from skiller_desktop.person_doc import now_iso
from skiller_desktop.teams.service import CODE_VALID_DAYS
from skiller_desktop.teams.views import Invitation, Member, NeedMatches, Team, TeamMatrix
from skiller_desktop.teams.views import Need as TeamNeed

from ..concept_role import RoleDialog
from ..forms import FieldErrors, error_label, fit_columns
from ..frozen_table import FrozenColumnTable
from ..messages import describe
from ..models import PeopleModel, SearchQuery
from ..plain import plain
from ..resources import icon
from ..skill_completer import SkillCompleter
from ..team_models import (
    LEVEL_COLOURS,
    SORT_ROLE,
    InvitationsModel,
    MatchingModel,
    MatrixModel,
    MembersModel,
    NeedsModel,
)

if TYPE_CHECKING:
    from .teams import TeamsScreen


@dataclass(frozen=True)
class TeamDetail:
    team: Team
    role: str
    members: list[Member]
    invitations: list[Invitation]
    needs: list[TeamNeed]
    matrix: TeamMatrix
    matches: list[NeedMatches]


def table(parent: QWidget, model, accessible: str, cls: type[QTableView] = QTableView) -> QTableView:
    view = cls(parent)
    view.setModel(model)
    view.setAccessibleName(accessible)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    return view


def rows_height(view: QTableView, rows: int) -> int:
    """The height a table needs to show its header and `rows` rows."""
    return (view.horizontalHeader().sizeHint().height() + rows * view.verticalHeader().defaultSectionSize()
            + 2 * view.frameWidth())


def buttons_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


def selected_row(view: QTableView) -> Any:
    index = view.currentIndex()
    model: Any = view.model()  # one of ui/models.py's: they all have row_at
    return model.row_at(index.row()) if index.isValid() else None


class _Tab(QWidget):
    def __init__(self, screen: TeamsScreen) -> None:
        super().__init__(screen)
        self.teams_screen = screen
        self.detail: TeamDetail | None = None

    @property
    def services(self):
        return self.teams_screen.ops.services

    @property
    def team_id(self) -> str:
        return self.detail.team.team_id if self.detail else ""

    def show_detail(self, detail: TeamDetail) -> None:
        self.detail = detail


class MembersTab(_Tab):
    """Who is in the team; admins remove members and invite people they know or by code."""

    def __init__(self, screen: TeamsScreen) -> None:
        super().__init__(screen)
        self.model = MembersModel(screen.ops, self)
        self.table = table(self, self.model, self.tr("Team members"))
        fit_columns(self.table, 0, fit=(1, 2, 3))
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.role_button = QPushButton(self.tr("Make &admin"), self)
        self.role_button.clicked.connect(self.toggle_role)
        self.remove_button = QPushButton(icon("remove"), self.tr("&Remove from team…"), self)
        self.remove_button.clicked.connect(self.remove)
        self.pending = QLabel(self)
        plain(self.pending)
        self.pending.setObjectName("muted")
        self.pending.setWordWrap(True)
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.pending)
        layout.addLayout(buttons_row(self.role_button, self.remove_button))
        layout.addWidget(self.error)
        # Inviting has its own tab (admins only): under the members at 1024×680 it left the
        # members table one row high (issue 12.7). The screen adds `invite_page` to its tabs.
        self.invite_page = QWidget(screen)
        QVBoxLayout(self.invite_page).addWidget(self._invite_box(), 1)
        self._update_buttons()

    def _invite_box(self) -> QGroupBox:
        self.invite_box = QGroupBox(self.tr("Invite someone to the team"), self.invite_page)
        self.people = PeopleModel(self.teams_screen.ops, self)
        self.search = QLineEdit(self.invite_box)
        self.search.setPlaceholderText(self.tr("Find someone you know by name or skill…"))
        self.search.setAccessibleName(self.tr("Person to invite"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.search_now)
        self.search.textChanged.connect(self._schedule_search)
        self.role = QComboBox(self.invite_box)
        self.role.setAccessibleName(self.tr("Role of the newcomer"))
        self.role.addItem(self.tr("as member"), "member")
        self.role.addItem(self.tr("as admin"), "admin")
        self.invite_button = QPushButton(icon("add"), self.tr("&Invite"), self.invite_box)
        self.invite_button.clicked.connect(self.invite)
        self.results = table(self.invite_box, self.people, self.tr("People you can invite"))
        self.results.verticalHeader().setDefaultSectionSize(24)
        self.results.setMinimumHeight(rows_height(self.results, 3))
        fit_columns(self.results, 1, widths={0: 170})
        for column in (2, 3, 4):
            self.results.setColumnHidden(column, True)
        self.results.doubleClicked.connect(lambda _i: self.invite())
        self.invite_error = error_label(self.invite_box)
        self.invite_errors = FieldErrors(self.invite_error, self)
        self.person_error = error_label(self.invite_box)
        self.invite_errors.add("person_id", self.search, self.person_error)
        self.code_button = QPushButton(self.tr("Generate an invitation &code"), self.invite_box)
        self.code_button.clicked.connect(self.make_code)
        self.code = QLineEdit(self.invite_box)
        self.code.setReadOnly(True)
        self.code.setAccessibleName(self.tr("Invitation code"))
        self.code.setPlaceholderText(self.tr("A code for someone not on your network yet"))
        self.copy_button = QPushButton(self.tr("Cop&y"), self.invite_box)
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.code.text()))
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.role)
        search_row.addWidget(self.invite_button)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_button)
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.copy_button)
        self.invitations = InvitationsModel(self.teams_screen.ops, self)
        self.open_invitations = table(self.invite_box, self.invitations, self.tr("Open invitations"))
        self.open_invitations.setMinimumHeight(rows_height(self.open_invitations, 3))
        fit_columns(self.open_invitations, 0, fit=(1, 2))
        self.open_invitations.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.withdraw_button = QPushButton(icon("remove"), self.tr("&Withdraw invitation"), self.invite_box)
        self.withdraw_button.clicked.connect(self.withdraw)
        layout = QVBoxLayout(self.invite_box)
        layout.addLayout(search_row)
        layout.addWidget(self.person_error)
        layout.addWidget(self.results, 2)
        layout.addWidget(self.invite_error)
        layout.addLayout(code_row)
        layout.addWidget(self.open_invitations, 1)
        layout.addLayout(buttons_row(self.withdraw_button))
        return self.invite_box

    def show_detail(self, detail: TeamDetail) -> None:
        changed_team = detail.team.team_id != self.team_id
        keep = getattr(selected_row(self.table), "person_id", None)
        super().show_detail(detail)
        self.model.set_rows(detail.members)
        for row, member in enumerate(detail.members):
            if member.person_id == keep:
                self.table.selectRow(row)
        inside = {m.person_id for m in detail.members}
        now = now_iso()
        waiting = [i for i in detail.invitations if i.is_open(now) and i.person_id not in inside]
        keep_invitation = getattr(selected_row(self.open_invitations), "invitation_id", None)
        self.invitations.set_rows(waiting)
        for row, invitation in enumerate(waiting):
            if invitation.invitation_id == keep_invitation:
                self.open_invitations.selectRow(row)
        self.open_invitations.setVisible(bool(waiting))
        self.withdraw_button.setVisible(bool(waiting))
        self.pending.setText(self.tr("%n invitation(s) waiting for an answer", "", len(waiting)) if waiting else "")
        admin = detail.role == "admin"
        self.invite_box.setVisible(admin)
        self.remove_button.setVisible(admin)
        self.role_button.setVisible(admin)
        if changed_team:
            self.code.clear()
            self.copy_button.setEnabled(False)
            self.error.hide()
            self.invite_errors.clear()
        if admin and (changed_team or not self.people.rows):
            self.search_now()
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        member = selected_row(self.table)
        self.remove_button.setEnabled(member is not None and member.person_id != self.services.person_id)
        self.role_button.setEnabled(member is not None)
        admin = member is not None and member.role == "admin"
        self.role_button.setText(self.tr("Make &member") if admin else self.tr("Make &admin"))
        self.withdraw_button.setEnabled(selected_row(self.open_invitations) is not None)

    def _schedule_search(self, *_args) -> None:
        if self.teams_screen.debounce_ms <= 0:
            self.search_now()
        else:
            self.timer.start(self.teams_screen.debounce_ms)

    def search_now(self) -> None:
        self.timer.stop()
        self.people.search(SearchQuery(self.search.text()))

    def invite(self) -> None:
        person = selected_row(self.results)
        if person is None and self.people.rowCount() == 1:
            person = self.people.rows[0]
        self.invite_errors.clear()
        if person is None:
            self.person_error.setText(self.tr("Choose the person to invite in the list."))
            self.person_error.show()
            return
        team_id, pid, role = self.team_id, person.person_id, self.role.currentData()
        said = self.tr("%1 is invited. They join once they accept and their answer reaches you.").replace(
            "%1", person.name)
        self._run_in_invite_box(lambda: self.services.teams.invite(team_id, pid, role), said)

    def make_code(self) -> None:
        team_id, role = self.team_id, self.role.currentData()
        self.invite_errors.clear()

        def done(code, error) -> None:
            if error is not None:
                self.invite_errors.show(error)
                return
            self.code.setText(code)
            self.code.setToolTip(self.tr("Works once, for %n day(s); withdraw it below if it goes astray.", "",
                                         CODE_VALID_DAYS))
            self.code.selectAll()
            self.code.setFocus()
            self.copy_button.setEnabled(True)

        self.teams_screen.ops.run(lambda: self.services.teams.create_invite_code(team_id, role), done)

    def toggle_role(self) -> None:
        """Make the selected member an admin, or an admin a plain member (the last admin stays one)."""
        member = selected_row(self.table)
        if member is None:
            return
        self.error.hide()
        team_id, pid = self.team_id, member.person_id
        role = "member" if member.role == "admin" else "admin"
        self.teams_screen.ops.run(lambda: self.services.teams.set_role(team_id, pid, role), self._show_error)

    def withdraw(self) -> None:
        """Withdraw the selected invitation: its code, or the person named, can no longer join."""
        invitation = selected_row(self.open_invitations)
        if invitation is None:
            return
        team_id, invitation_id = self.team_id, invitation.invitation_id
        self._run_in_invite_box(lambda: self.services.teams.revoke_invitation(team_id, invitation_id),
                                self.tr("Invitation withdrawn: it can no longer be used to join."))

    def _run_in_invite_box(self, call, said: str) -> None:
        """Run an action of the invite box: an error is shown under its fields, success in the status bar."""
        self.invite_errors.clear()

        def done(_result, error) -> None:
            if error is not None:
                self.invite_errors.show(error)
            else:
                self.teams_screen.say(said)

        self.teams_screen.ops.run(call, done)

    def remove(self) -> None:
        member = selected_row(self.table)
        if member is None or self.detail is None:
            return
        question = (self.tr("Remove %1 from “%2”? A removal is final: they cannot be invited again.")
                    .replace("%1", member.name or member.person_id[:16]).replace("%2", self.detail.team.name))
        if not self.teams_screen.ask.confirm(self, self.tr("Remove member"), question):
            return
        self.error.hide()
        team_id, pid = self.team_id, member.person_id
        self.teams_screen.ops.run(lambda: self.services.teams.remove_member(team_id, pid), self._show_error)

    def _show_error(self, _result, error: BaseException | None) -> None:
        if error is not None:
            self.error.setText(describe(error))
            self.error.show()


class NeedsTab(_Tab):
    """What the team is looking for: add a need (skill, level, note), mark one filled."""

    def __init__(self, screen: TeamsScreen) -> None:
        super().__init__(screen)
        self.skill = QLineEdit(self)
        self.skill.setPlaceholderText(self.tr("Skill, e.g. Python"))
        self.skill.setAccessibleName(self.tr("Skill needed"))
        self.completer = SkillCompleter(self.skill, screen.ops)  # issue 13: ESCO suggestions, concept picked
        self.level = QSpinBox(self)
        self.level.setRange(1, 5)
        self.level.setValue(3)
        self.level.setPrefix(self.tr("Level "))
        self.level.setAccessibleName(self.tr("Level wanted"))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.note.setAccessibleName(self.tr("Note"))
        self.add_button = QPushButton(icon("add"), self.tr("Add &need"), self)
        self.add_button.clicked.connect(self.add)
        for field in (self.skill, self.note):
            field.returnPressed.connect(self.add)
        general = error_label(self)
        self.errors = FieldErrors(general, self)
        grid = QGridLayout()
        for column, (name, widget) in enumerate((("skill", self.skill), ("level", self.level),
                                                 ("comment", self.note))):
            label = error_label(self)
            grid.addWidget(widget, 0, column)
            grid.addWidget(label, 1, column)
            self.errors.add(name, widget, label)
        grid.addWidget(self.add_button, 0, 3)
        self.role_button = QPushButton(self.tr("From a &role…"), self)  # issue 13: ui/concept_role.py
        self.role_button.clicked.connect(self.from_role)
        grid.addWidget(self.role_button, 0, 4)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(2, 3)
        self.model = NeedsModel(screen.ops, self)
        self.table = table(self, self.model, self.tr("Team needs"))
        fit_columns(self.table, 2, fit=(0, 1, 3, 4))
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.fill_button = QPushButton(icon("done"), self.tr("&Mark filled"), self)
        self.fill_button.clicked.connect(self.fill)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addWidget(general)
        layout.addLayout(buttons_row(self.fill_button))
        self._update_buttons()

    def from_role(self) -> None:
        """The role dialog, kept and window-modal like the screen's other dialogs, deleted once closed."""
        dialog = RoleDialog(self.teams_screen, self.team_id)
        self.teams_screen.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    def show_detail(self, detail: TeamDetail) -> None:
        if detail.team.team_id != self.team_id:
            self.errors.clear()
        keep = getattr(selected_row(self.table), "need_id", None)
        super().show_detail(detail)
        self.model.set_rows(detail.needs)
        for row, need in enumerate(detail.needs):
            if need.need_id == keep:
                self.table.selectRow(row)
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        need = selected_row(self.table)
        self.fill_button.setEnabled(need is not None and need.status == "open")

    def add(self) -> None:
        team_id, skill, level, note = self.team_id, self.skill.text(), self.level.value(), self.note.text()
        concept = self.completer.concept
        self.errors.clear()

        def done(_r, error) -> None:
            if error is not None:
                self.errors.show(error)
            else:
                self.skill.clear()
                self.note.clear()
                self.skill.setFocus()

        self.teams_screen.ops.run(lambda: self.services.teams.add_need(team_id, skill, level, note, concept=concept),
                                  done)

    def fill(self) -> None:
        need = selected_row(self.table)
        if need is not None:
            self.teams_screen.fill_need(need.need_id, "", self.errors)


class MatrixTab(_Tab):
    """Members × skills with level · endorsements; filter, sort by a column, gaps tinted, CSV."""

    def __init__(self, screen: TeamsScreen) -> None:
        super().__init__(screen)
        self.skills = QLineEdit(self)
        self.skills.setPlaceholderText(self.tr("Only these skills, e.g. Python, SQL"))
        self.skills.setAccessibleName(self.tr("Filter by skill"))
        self.skills.setClearButtonEnabled(True)
        self.min_level = QSpinBox(self)
        self.min_level.setRange(0, 5)
        self.min_level.setSpecialValueText(self.tr("Any level"))
        self.min_level.setPrefix(self.tr("Level ≥ "))
        self.min_level.setAccessibleName(self.tr("Minimum level"))
        self.export_button = QPushButton(icon("export"), self.tr("Export &CSV…"), self)
        self.export_button.clicked.connect(self.export_csv)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.load)
        self.skills.textChanged.connect(self._schedule)
        self.min_level.valueChanged.connect(self._schedule)
        top = QHBoxLayout()
        top.addWidget(self.skills, 1)
        top.addWidget(self.min_level)
        top.addWidget(self.export_button)
        self.gaps = QLabel(self)
        plain(self.gaps)
        self.gaps.setObjectName("gapNote")
        self.gaps.setWordWrap(True)
        self.legend = QLabel(self.tr("Each cell: level · endorsements. Click a column title to sort."), self)
        self.legend.setObjectName("muted")
        self.legend.setWordWrap(True)
        self.colours = self._level_legend()
        self.model = MatrixModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = table(self, self.proxy, self.tr("Skill matrix"), FrozenColumnTable)  # members stay in view
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setMinimumSectionSize(70)
        self.message = error_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.gaps)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.colours)
        layout.addWidget(self.legend)
        layout.addWidget(self.message)

    def _level_legend(self) -> QLabel:
        """What the matrix's colours mean, in words beside a swatch of each (colour is never the only sign).

        One wrapping label, so the legend never widens the tab at 1024×680.
        """
        words = {"meets": self.tr("meets the level wanted"), "below": self.tr("below the level wanted"),
                 "gap": self.tr("gap: needed, and nobody has the level")}
        swatch = ('<span style="background-color: {0}; color: {0};">&nbsp;&#9632;&nbsp;</span>&nbsp;{1}')
        parts = [swatch.format(LEVEL_COLOURS[state].name(), html.escape(said)) for state, said in words.items()]
        legend = QLabel(" &nbsp; ".join(parts), self)
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setWordWrap(True)
        legend.setObjectName("muted")
        return legend

    def options(self) -> dict:
        skills = [s.strip() for s in self.skills.text().split(",") if s.strip()]
        return {"skills": skills, "min_level": self.min_level.value()}

    def show_detail(self, detail: TeamDetail) -> None:
        if detail.team.team_id != self.team_id:
            self.message.hide()
        super().show_detail(detail)
        self.show_matrix(detail.matrix)

    def show_matrix(self, matrix: TeamMatrix) -> None:
        self.model.set_matrix(matrix)
        gaps = [self.tr("%1 (needs %2, best %3)").replace("%1", g.skill).replace("%2", str(g.wanted_level))
                .replace("%3", str(g.best_level)) for g in matrix.gaps]
        self.gaps.setText(self.tr("⚠ Gaps — needed, and no member has the level: %1").replace("%1", ", ".join(gaps))
                          if gaps else "")
        self.gaps.setVisible(bool(gaps))

    def _schedule(self, *_args) -> None:
        if self.teams_screen.debounce_ms <= 0:
            self.load()
        else:
            self.timer.start(self.teams_screen.debounce_ms)

    def load(self) -> None:
        self.timer.stop()
        team_id, options = self.team_id, self.options()
        if not team_id:
            return

        def arrived(matrix, error) -> None:
            if error is not None:
                self._say(describe(error))
            elif team_id == self.team_id:
                self.show_matrix(matrix)

        self.teams_screen.ops.read(lambda: self.services.teams.matrix(team_id, **options), arrived)

    def export_csv(self) -> None:
        if self.detail is None:
            return
        name = "".join(c if c.isalnum() else "-" for c in self.detail.team.name).strip("-") or "team"
        path = self.teams_screen.ask.save_path(self, self.tr("Export the skill matrix"), f"{name}-matrix.csv",
                                         self.tr("CSV files (*.csv)"))
        if not path:
            return
        team_id, options = self.team_id, self.options()

        def done(_text, error) -> None:
            self._say(describe(error) if error else self.tr("Saved to %1").replace("%1", path), error is None)

        self.teams_screen.ops.read(lambda: self.services.teams.matrix_csv(team_id, Path(path), **options), done)

    def _say(self, text: str, ok: bool = False) -> None:
        self.message.setObjectName("muted" if ok else "fieldError")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.show()


class MatchingTab(_Tab):
    """For each open need, who could fill it, best first, and why."""

    def __init__(self, screen: TeamsScreen) -> None:
        super().__init__(screen)
        self.model = MatchingModel(screen.ops, self)
        self.table = table(self, self.model, self.tr("Candidates for open needs"))
        fit_columns(self.table, 3, fit=(1, 2), widths={0: 40})  # not to contents: headings span column 0
        self.table.setWordWrap(False)  # each of the Why's two lines on one line, cut with a tooltip when narrow
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.model.modelReset.connect(self._span_headings)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.empty = QLabel(self.tr("No open needs: add one in “Needs” to see who could fill it."), self)
        self.empty.setObjectName("muted")
        self.empty.setWordWrap(True)
        self.fill_button = QPushButton(icon("done"), self.tr("&Filled by this person"), self)
        self.fill_button.clicked.connect(self.fill)
        general = error_label(self)
        self.errors = FieldErrors(general, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(general)
        layout.addLayout(buttons_row(self.fill_button))
        self._update_buttons()

    def _span_headings(self) -> None:
        self.table.clearSpans()
        for row in self.model.heading_rows():
            self.table.setSpan(row, 0, 1, self.model.columnCount())

    def show_detail(self, detail: TeamDetail) -> None:
        super().show_detail(detail)
        self.model.set_matches(detail.matches)
        self.empty.setVisible(not detail.matches)
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        row = selected_row(self.table)
        self.fill_button.setEnabled(row is not None and row.candidate is not None)

    def fill(self) -> None:
        row = selected_row(self.table)
        if row is not None and row.candidate is not None:
            self.teams_screen.fill_need(row.need.need_id, row.candidate.person_id, self.errors)
