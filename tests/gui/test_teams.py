"""Teams: create one, invite a known person, they accept on their own node, the need is matched.

Two nodes (Services in their own tmp dirs) exchange signed bundle files, as
people without a network would; each has its own window. Nothing waits for time.
"""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QSettings, Qt
from support import hand_over

from skiller_desktop.services import Services
from skiller_desktop.teams import document as td
from ui.main_window import SCREENS, MainWindow
from ui.operations import Operations
from ui.runner import SyncRunner
from ui.team_models import (
    GAP_BACKGROUND,
    InvitationsModel,
    MatchingModel,
    MatrixModel,
    MembersModel,
    NeedsModel,
    TeamsModel,
)

from .conftest import Answers, activate


@pytest.fixture
def node(tmp_path):
    """Another person's node, with their own data dir and, when asked, their own window."""
    made = []

    def make(name: str, skills: list[tuple[str, int]]) -> Services:
        services = Services(tmp_path / f"node-{name}")
        services.create_identity(name)
        for skill, level in skills:
            services.add_skill(skill, level)
        made.append(services)
        return services

    yield make
    for services in made:
        services.close()


def open_window(qtbot, services: Services, languages, tmp_path) -> MainWindow:
    settings = QSettings(str(tmp_path / f"{services.person_id[-8:]}.ini"), QSettings.Format.IniFormat)
    win = MainWindow(Operations(services, SyncRunner()), settings, languages, ask=Answers(), debounce_ms=0)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.show_screen(SCREENS.index("teams"))
    return win


def import_into(window: MainWindow, sender: Services, path, people=()) -> None:
    """The receiving user imports a bundle the sender exported (File › Import profiles…)."""
    sender.export_bundle(path, people)
    window.ask.paths.append(str(path))
    window.import_bundle()


def cell_texts(model, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_create_invite_accept_need_matched(qtbot, window, ask, node, languages, tmp_path):
    bob = node("Bob Durand", [("Python", 4), ("SQL", 2)])
    carl = node("Carl Weber", [("SQL", 3)])
    import_into(window, bob, tmp_path / "bob.skb")  # Alice knows Bob

    # create a team (Ctrl+Shift+T); a missing name is said beside the field
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    screen = window.teams_screen
    assert window.stack.currentWidget() is screen
    dialog = screen.dialog
    dialog.create_button.click()
    assert dialog.errors.message_for("name") == "Name is required."
    qtbot.keyClicks(dialog.name, "Atelier bois")
    with qtbot.waitSignal(dialog.finished):
        dialog.create_button.click()
    team_id = dialog.team_id
    assert [t.name for t in screen.model.rows] == ["Atelier bois"]
    assert screen.current_id == team_id and screen.name.text() == "Atelier bois"
    assert "admin" in screen.about.text()

    # invite Bob, found by the people search; then a code for Carl
    members = screen.members_tab
    assert screen.tabs.isTabVisible(screen.tabs.indexOf(screen.invite_tab))  # admins invite, in their own tab
    screen.tabs.setCurrentWidget(screen.invite_tab)
    assert members.invite_box.isVisibleTo(screen)
    qtbot.keyClicks(members.search, "zz")  # nobody found (the user is never listed: issue 12.9), nobody chosen
    assert members.people.rows == []
    members.invite_button.click()
    assert members.person_error.isVisible()  # nobody chosen yet
    members.search.clear()
    qtbot.keyClicks(members.search, "bob")
    assert [p.name for p in members.people.rows] == ["Bob Durand"]
    members.results.selectRow(0)
    members.invite_button.click()
    assert members.pending.text() == "1 invitation waiting for an answer"
    members.invite_button.click()  # twice is fine: still one person to admit
    members.code_button.click()
    code = members.code.text()
    assert code.startswith("skiller-team:") and members.copy_button.isEnabled()
    assert "7 days" in members.code.toolTip()

    # a second code, withdrawn at once: it leaves the open invitations and can no longer admit anyone
    members.code_button.click()
    spare_id = td.parse_code(members.code.text())[1]
    qtbot.waitUntil(lambda: members.invitations.rowCount() == 4)  # Bob (invited twice), two codes
    assert not members.withdraw_button.isEnabled()  # nothing chosen yet
    members.open_invitations.selectRow(
        next(i for i, inv in enumerate(members.invitations.rows) if inv.invitation_id == spare_id))
    assert members.withdraw_button.isEnabled()
    members.withdraw_button.click()
    qtbot.waitUntil(lambda: members.invitations.rowCount() == 3)
    assert sorted(cell_texts(members.invitations, 0)) == ["Anyone with the code", "Bob Durand", "Bob Durand"]
    assert members.pending.text() == "3 invitations waiting for an answer"

    # Bob accepts with the team id, Carl with the code, each on their own node and window
    screen.copy_team_id()
    bob_window = open_window(qtbot, bob, languages, tmp_path)
    bob_screen = bob_window.teams_screen
    assert bob_screen.pages.currentIndex() == 0  # in no team yet
    bob_screen.join_code.setText("not a code")
    bob_screen.join_button.click()
    assert bob_screen.join_errors.message_for("code") == "Paste an invitation code or a team id (team:…)."
    bob_screen.join_code.setText(team_id)
    bob_screen.join_button.click()
    assert bob_screen.join_done.isVisible() and not bob_screen.join_error.isVisible()
    carl_window = open_window(qtbot, carl, languages, tmp_path)
    qtbot.keyClick(carl_window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(carl_window.teams_screen.join_code, code)
    qtbot.keyClick(carl_window.teams_screen.join_code, Qt.Key.Key_Return)
    assert carl_window.teams_screen.join_done.isVisible()

    # Alice's node imports their answers and admits them; they appear as members
    import_into(window, bob, tmp_path / "bob-accepts.skb")
    import_into(window, carl, tmp_path / "carl-accepts.skb")
    qtbot.waitUntil(lambda: cell_texts(members.model, 0) == ["Alice Martin", "Bob Durand", "Carl Weber"])
    assert cell_texts(members.model, 1) == ["Admin", "Member", "Member"]
    # Bob made admin, then member again; the last admin cannot step down
    members.table.selectRow(cell_texts(members.model, 0).index("Bob Durand"))
    assert members.role_button.text() == "Make &admin"
    members.role_button.click()
    qtbot.waitUntil(lambda: cell_texts(members.model, 1) == ["Admin", "Admin", "Member"])
    assert members.role_button.text() == "Make &member"  # Bob is still the one selected
    members.role_button.click()
    qtbot.waitUntil(lambda: cell_texts(members.model, 1) == ["Admin", "Member", "Member"])
    screen.tabs.setCurrentWidget(members)
    members.table.selectRow(0)  # Alice herself, the only admin
    members.role_button.click()
    qtbot.waitUntil(lambda: members.error.isVisible())
    assert members.error.text() == "You are the team’s only admin: make someone else admin first."
    assert members.pending.text() == ""
    # ... and once the team reaches Bob, he sees it, as a member (no invite box)
    import_into(bob_window, window.ops.services, tmp_path / "team.skb", [team_id])
    qtbot.waitUntil(lambda: bob_screen.pages.currentIndex() == 1)
    assert bob_screen.name.text() == "Atelier bois"
    assert not bob_screen.members_tab.invite_box.isVisibleTo(bob_screen)
    assert not bob_screen.tabs.isTabVisible(bob_screen.tabs.indexOf(bob_screen.invite_tab))

    # needs: an empty skill is refused beside the field; Python 3 and Rust 2 are added
    screen.tabs.setCurrentWidget(screen.needs_tab)
    needs = screen.needs_tab
    needs.add_button.click()
    assert needs.errors.message_for("skill") == "Skill is required."
    for skill, level, note in (("Python", 3, "API du site"), ("Rust", 2, "")):
        qtbot.keyClicks(needs.skill, skill)
        needs.level.setValue(level)
        qtbot.keyClicks(needs.note, note)
        qtbot.keyClick(needs.skill, Qt.Key.Key_Return)
    assert sorted(cell_texts(needs.model, 0)) == ["Python", "Rust"]
    assert needs.skill.text() == "" and not needs.errors.message_for("skill")
    assert screen.model.rows[0].open_needs == 2

    # matching: Bob first for Python, with the reason; nobody known for Rust
    screen.tabs.setCurrentWidget(screen.matching_tab)
    matching = screen.matching_tab.model
    python = [r for r in matching.rows if r.need.skill == "Python" and r.candidate]
    assert [r.candidate.name for r in python] == ["Bob Durand"]
    ranked, reason = matching.index(matching.rows.index(python[0]), 3).data().split("\n")
    assert ranked == "Best match"
    assert reason == "level 4 ≥ 3 wanted, no endorsements, availability unknown, team member"
    core = next(m for m in window.ops.services.teams.matching(team_id) if m.need.skill == "Python")
    assert reason == core.candidates[0].reason  # said as the core says it
    headings = {matching.index(r, 0).data() for r in matching.heading_rows()}
    assert headings == {"Python ≥ 3 — API du site", "Rust ≥ 2 · Nobody known has this skill yet"}
    assert all(screen.matching_tab.table.columnSpan(r, 0) == 4 for r in matching.heading_rows())

    # the matrix: Rust is a gap, tinted; Python is not; filters by skill and level
    screen.tabs.setCurrentWidget(screen.matrix_tab)
    matrix = screen.matrix_tab
    names = [matrix.model.headerData(c, Qt.Orientation.Horizontal) for c in range(matrix.model.columnCount())]
    rust_column, python_column = names.index("⚠ Rust ≥ 2"), names.index("Python ≥ 3")
    assert matrix.model.is_gap_column(rust_column) and not matrix.model.is_gap_column(python_column)
    brush = matrix.model.index(0, rust_column).data(Qt.ItemDataRole.BackgroundRole)
    assert brush.color() == GAP_BACKGROUND
    assert matrix.model.index(0, python_column).data(Qt.ItemDataRole.BackgroundRole) is None
    assert matrix.gaps.isVisibleTo(screen) and "Rust" in matrix.gaps.text()
    bob_row = [r.name for r in matrix.model.matrix.rows].index("Bob Durand")
    assert matrix.model.index(bob_row, python_column).data() == "4 · 0"
    matrix.table.sortByColumn(names.index("SQL"), Qt.SortOrder.DescendingOrder)
    assert matrix.proxy.index(0, 0).data() == "Carl Weber"  # SQL 3 before Bob's 2
    qtbot.keyClicks(matrix.skills, "python")
    matrix.min_level.setValue(4)
    assert [r.name for r in matrix.model.matrix.rows] == ["Bob Durand"]
    assert matrix.model.columnCount() == 2

    # Export CSV… writes the file the user chose
    target = tmp_path / "matrix.csv"
    ask.paths.append(str(target))
    matrix.export_button.click()
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert rows[0][:4] == ["person_id", "name", "availability", "Python level"]
    assert rows[2][1] == "Bob Durand"
    assert str(target) in matrix.message.text()

    # fill the Python need with Bob, from matching
    screen.tabs.setCurrentWidget(screen.matching_tab)
    tab = screen.matching_tab
    tab.table.selectRow(tab.model.heading_rows()[0])
    assert not tab.fill_button.isEnabled()  # a need's heading, not a person
    tab.table.selectRow([r.candidate and r.candidate.name for r in tab.model.rows].index("Bob Durand"))
    tab.fill_button.click()
    assert [r.need.skill for r in tab.model.rows] == ["Rust"]
    assert [n.status for n in needs.model.rows] == ["open", "filled"]

    # remove Carl, after a confirmation (no, then yes)
    screen.tabs.setCurrentWidget(members)
    members.table.selectRow(cell_texts(members.model, 0).index("Carl Weber"))
    ask.confirm_answer = False
    members.remove_button.click()
    assert "Carl Weber" in ask.confirmations[-1]
    assert "Carl Weber" in cell_texts(members.model, 0)
    ask.confirm_answer = True
    members.remove_button.click()
    assert cell_texts(members.model, 0) == ["Alice Martin", "Bob Durand"]

    # the only admin cannot leave while others stay: said beside the team
    screen.leave_button.click()
    assert screen.error.isVisibleTo(screen)
    assert screen.error.text() == "You are the team’s only admin: make someone else admin before leaving."
    assert [t.name for t in screen.model.rows] == ["Atelier bois"]


def test_a_member_leaves_after_confirming(qtbot, window, ask, node, languages, tmp_path):
    bob = node("Bob Durand", [])
    team_id = bob.teams.create("Chorale")
    bob.teams.add_members(team_id, [window.ops.services.person_id])
    import_into(window, bob, tmp_path / "team.skb", [team_id])
    window.show_screen(SCREENS.index("teams"))
    screen = window.teams_screen
    qtbot.waitUntil(lambda: screen.name.text() == "Chorale")
    assert not screen.members_tab.invite_box.isVisibleTo(screen)
    assert not screen.members_tab.remove_button.isVisibleTo(screen)
    screen.leave_button.click()
    assert "Chorale" in ask.confirmations[-1]
    assert screen.model.rows == [] and screen.pages.currentIndex() == 0


def test_teams_screen_in_french(qtbot, window, node, tmp_path):
    team_id = window.ops.services.teams.create("Atelier")
    window.ops.services.teams.add_need(team_id, "Python", 2)
    window.set_language("fr")
    assert window.sidebar.item(SCREENS.index("teams")).text() == "Équipes"
    window.show_screen(SCREENS.index("teams"))
    screen = window.teams_screen
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)  # the rebuilt window shows its new widgets
    assert screen.tabs.tabText(screen.tabs.indexOf(screen.needs_tab)) == "Besoins"
    assert screen.model.index(0, 0).data() == "Atelier\n1 membre · 1 besoin ouvert"
    screen.tabs.setCurrentWidget(screen.needs_tab)
    screen.needs_tab.add_button.click()
    assert screen.needs_tab.errors.message_for("skill") == "Compétence : ce champ est obligatoire."
    window.set_language("en")


@pytest.fixture
def team(ops, node, tmp_path):
    services = ops.services
    services.create_identity("Alice Martin")
    services.add_skill("Python", 4)
    bob = node("Bob Durand", [("Python", 2), ("SQL", 5)])
    hand_over(bob, services, tmp_path / "bob.skb")
    team_id = services.teams.create("Atelier", "meubles")
    services.teams.add_members(team_id, [bob.person_id])
    services.teams.add_need(team_id, "Python", 3, "API")
    services.teams.add_need(team_id, "Rust", 2)
    return services, team_id


def test_team_models_pass_the_model_tester(qtmodeltester, ops, team):
    services, team_id = team
    teams = services.teams
    checks = []
    model = TeamsModel()
    model.set_rows(teams.teams())
    checks.append(model)
    members = MembersModel(ops)
    members.set_rows(teams.members(team_id))
    checks.append(members)
    needs = NeedsModel(ops)
    needs.set_rows(teams.needs(team_id))
    checks.append(needs)
    teams.create_invite_code(team_id)
    invitations = InvitationsModel(ops)
    invitations.set_rows(teams.invitations(team_id))
    checks.append(invitations)
    matrix = MatrixModel()
    matrix.set_matrix(teams.matrix(team_id))
    checks.append(matrix)
    matching = MatchingModel(ops)
    matching.set_matches(teams.matching(team_id))
    checks.append(matching)
    for m in checks:
        assert m.rowCount() > 0
        qtmodeltester.check(m, force_py=True)
    assert matrix.columnCount() == 4  # member, Python, Rust, SQL
    found = {(r.need.skill, r.rank, r.candidate.name if r.candidate else None) for r in matching.rows}
    assert found == {("Python", 0, None), ("Python", 1, "Alice Martin"), ("Python", 2, "Bob Durand"),
                     ("Rust", 0, None)}
