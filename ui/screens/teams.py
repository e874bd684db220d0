"""Teams: my teams, creating one, joining with a code, and a team's members, needs, matrix and matching.

Membership is the admins' to change: an invitation is accepted in the
invitee's own profile, and an admin's device adds them when that answer
arrives (by sync or an imported profile). The screen says so where it matters.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from skiller_desktop.teams.views import Team
from skiller_desktop.views import Changes

from ..forms import FieldErrors, FormDialog, error_label
from ..messages import describe
from ..models import ROW_ROLE
from ..operations import on_error
from ..plain import plain
from ..resources import icon
from ..team_models import TeamsModel
from .base import Screen
from .team_tabs import MatchingTab, MatrixTab, MembersTab, NeedsTab, TeamDetail


class CreateTeamDialog(FormDialog):
    screen: TeamsScreen  # type: ignore[assignment]  # as FormDialog's: shadows QWidget.screen()

    def __init__(self, screen: TeamsScreen) -> None:
        super().__init__(screen, QCoreApplication.translate("CreateTeamDialog", "New team"))
        self.name = self.field("name", self.tr("&Name"), QLineEdit(self), self.tr("Team name"))
        self.description = self.field("description", self.tr("&Description"), QPlainTextEdit(self),
                                      self.tr("Team description"))
        self.description.setMaximumHeight(100)
        self.create_button = self.finish(self.tr("Create team"))
        self.team_id = ""

    def save(self) -> None:
        name, description = self.name.text(), self.description.toPlainText()
        teams = self.screen.ops.services.teams
        self.run(lambda: teams.create(name, description), self._saved)

    def _saved(self, team_id: str | None, error: BaseException | None) -> None:
        if error is not None:
            self.errors.show(error)
            return
        self.team_id = team_id or ""
        self.screen.current_id = self.team_id
        self.screen.refresh_now()
        self.accept()


class TeamsScreen(Screen):
    parts = Changes(teams=True, people=True, skills=True, endorsements=True)  # candidates read all three
    debounce_ms = 200

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.current_id = ""
        self.dialog: QDialog | None = None
        self.detail: TeamDetail | None = None
        title = QLabel(self.tr("Teams"), self)
        title.setObjectName("title")
        splitter = QSplitter(self)
        splitter.addWidget(self._list_panel())
        splitter.addWidget(self._detail_panel())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 760])  # room for “6 membres · 3 besoins ouverts”
        self.status = QLabel(self)
        plain(self.status)
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self._show_team(None)

    # -- building ------------------------------------------------------------------
    def _list_panel(self) -> QWidget:
        panel = QWidget(self)
        panel.setMinimumWidth(200)
        self.model = TeamsModel(self)
        self.list = QListView(panel)
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("My teams"))
        self.list.setSpacing(2)
        self.list.selectionModel().currentRowChanged.connect(self._team_selected)
        self.new_button = QPushButton(icon("add"), self.tr("&New team…"), panel)
        self.new_button.setToolTip(self.tr("New team (Ctrl+Shift+T)"))
        self.new_button.clicked.connect(self.new_team)
        join_title = QLabel(self.tr("Join a team"), panel)
        join_title.setObjectName("subtitle")
        self.join_code = QLineEdit(panel)
        self.join_code.setPlaceholderText(self.tr("Code or team id"))
        self.join_code.setAccessibleName(self.tr("Invitation code or team id"))
        self.join_code.setClearButtonEnabled(True)
        self.join_code.returnPressed.connect(self.join)
        self.join_button = QPushButton(self.tr("&Join"), panel)
        self.join_button.clicked.connect(self.join)
        self.join_error = error_label(panel)
        self.join_errors = FieldErrors(error_label(panel), self)
        self.join_errors.add("code", self.join_code, self.join_error)
        self.join_done = QLabel(panel)
        self.join_done.setObjectName("muted")
        self.join_done.setWordWrap(True)
        self.join_done.hide()
        join_row = QHBoxLayout()
        join_row.addStretch(1)
        join_row.addWidget(self.join_button)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.new_button)
        layout.addSpacing(10)
        layout.addWidget(join_title)
        layout.addWidget(self.join_code)
        layout.addWidget(self.join_error)
        layout.addLayout(join_row)
        layout.addWidget(self.join_errors.general)
        layout.addWidget(self.join_done)
        return panel

    def _detail_panel(self) -> QWidget:
        self.pages = QStackedWidget(self)
        self.empty = QLabel(self.tr("You are in no team yet. Create one, or paste an invitation code "
                                    "under “Join a team”."), self.pages)
        self.empty.setObjectName("muted")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.empty)
        page = QWidget(self.pages)
        self.name = QLabel(page)
        self.name.setObjectName("subtitle")
        self.about = QLabel(page)
        self.about.setObjectName("muted")
        self.about.setWordWrap(True)
        plain(self.name, self.about, self.join_done)  # a team's name and words are its creator's
        self.copy_id_button = QPushButton(self.tr("Copy team &id"), page)
        self.copy_id_button.setToolTip(self.tr("Give the id to people you invited: they paste it in “Join”"))
        self.copy_id_button.clicked.connect(self.copy_team_id)
        self.leave_button = QPushButton(self.tr("&Leave team…"), page)
        self.leave_button.clicked.connect(self.leave)
        self.error = error_label(page)
        header = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(self.name)
        names.addWidget(self.about)
        header.addLayout(names, 1)
        header.addWidget(self.copy_id_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.leave_button, 0, Qt.AlignmentFlag.AlignTop)
        self.tabs = QTabWidget(page)
        self.tabs.setAccessibleName(self.tr("Team details"))
        self.members_tab = MembersTab(self)
        self.needs_tab = NeedsTab(self)
        self.matrix_tab = MatrixTab(self)
        self.matching_tab = MatchingTab(self)
        self.invite_tab = self.members_tab.invite_page
        for tab, label in ((self.members_tab, self.tr("Members")), (self.invite_tab, self.tr("Invite")),
                           (self.needs_tab, self.tr("Needs")), (self.matrix_tab, self.tr("Matrix")),
                           (self.matching_tab, self.tr("Matching"))):
            self.tabs.addTab(tab, label)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        self.pages.addWidget(page)
        return self.pages

    # -- reading -------------------------------------------------------------------
    def refresh(self) -> None:
        teams = self.ops.services.teams
        self.ops.read(teams.teams, self._teams_arrived)

    def _teams_arrived(self, rows: list[Team] | None, error: BaseException | None) -> None:
        if error is not None:
            self.say(describe(error))
            return
        self.model.set_rows(rows or [])
        row = self.model.row_of(self.current_id)
        if row < 0 and self.model.rows:
            row = 0
        if row < 0:
            self._show_team(None)
        else:
            self.list.setCurrentIndex(self.model.index(row, 0))

    def _team_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        team = current.data(ROW_ROLE) if current.isValid() else None
        self._show_team(team)

    def _show_team(self, team: Team | None) -> None:
        if team is None:
            self.detail = None
            self.pages.setCurrentIndex(0)
            return
        if team.team_id != self.current_id:
            self.error.hide()
        self.current_id = team.team_id
        self.load_detail()

    def load_detail(self) -> None:
        teams, team_id, options = self.ops.services.teams, self.current_id, self.matrix_tab.options()

        def read() -> TeamDetail:
            return TeamDetail(teams.team(team_id), teams.role(team_id), teams.members(team_id),
                              teams.invitations(team_id), teams.needs(team_id),
                              teams.matrix(team_id, **options), teams.matching(team_id))

        def arrived(detail: TeamDetail | None, error: BaseException | None) -> None:
            if error is not None:
                self.say(describe(error))
            elif detail is not None and detail.team.team_id == self.current_id:
                self._show_detail(detail)

        self.ops.read(read, arrived)

    def _show_detail(self, detail: TeamDetail) -> None:
        self.detail = detail
        team = detail.team
        self.name.setText(team.name)
        role = (self.tr("You are an admin of this team.") if detail.role == "admin"
                else self.tr("You are a member of this team."))
        about = [team.description] if team.description else []
        about.append(role)
        self.about.setText("\n".join(about))
        self.copy_id_button.setVisible(detail.role == "admin")
        self.tabs.setTabVisible(self.tabs.indexOf(self.invite_tab), detail.role == "admin")
        for tab in (self.members_tab, self.needs_tab, self.matrix_tab, self.matching_tab):
            tab.show_detail(detail)
        self.pages.setCurrentIndex(1)

    # -- actions -------------------------------------------------------------------
    def new_team(self) -> None:
        dialog = CreateTeamDialog(self)
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    def join(self) -> None:
        given, teams = self.join_code.text(), self.ops.services.teams
        self.join_errors.clear()
        self.join_done.hide()

        def done(team_id: str | None, error: BaseException | None) -> None:
            if error is not None:
                self.join_errors.show(error)
                return
            self.join_code.clear()
            self.join_done.setText(self.tr("Accepted. An admin’s device adds you when your answer reaches it: "
                                           "sync with them, or export your profile and send it."))
            self.join_done.show()

        self.ops.run(lambda: teams.accept(given), done)

    def leave(self) -> None:
        if self.detail is None:
            return
        team = self.detail.team
        question = self.tr("Leave “%1”? To come back, you will need a new invitation.").replace("%1", team.name)
        if not self.ask.confirm(self, self.tr("Leave team"), question):
            return
        self.error.hide()
        teams = self.ops.services.teams
        self.ops.run(lambda: teams.leave(team.team_id), self._show_error)

    def fill_need(self, need_id: str, person_id: str, errors: FieldErrors) -> None:
        teams, team_id = self.ops.services.teams, self.current_id
        errors.clear()
        self.ops.run(lambda: teams.fill_need(team_id, need_id, person_id),
                     on_error(errors.show))

    def copy_team_id(self) -> None:
        QGuiApplication.clipboard().setText(self.current_id)
        self.say(self.tr("Team id copied: %1").replace("%1", self.current_id))

    def focus_join(self) -> None:
        self.join_code.setFocus()
        self.join_code.selectAll()

    def say(self, text: str) -> None:
        self.status.setText(text)

    def _show_error(self, _result, error: BaseException | None) -> None:
        if error is not None:
            self.error.setText(describe(error))
            self.error.show()
