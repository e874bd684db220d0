"""Issue 13's acceptance, through the dialogs: a member adds "Project management" in English, picked from the
autocomplete; the admin, in French, adds the need "gestion de projets" picked the same way. The matrix shows
one column, and matching ranks the member first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from support import hand_over

from skiller_desktop.services import Services
from ui.main_window import SCREENS, MainWindow
from ui.operations import Operations
from ui.runner import SyncRunner
from ui.skill_completer import LABEL_ROLE, SkillCompleter

from .conftest import Answers, activate

PM = "http://data.europa.eu/esco/skill/7111b95d-0ce3-441a-9d92-4c75d05c4388"


@pytest.fixture
def people(tmp_path):
    made = []

    def make(name: str) -> Services:
        services = Services(tmp_path / name)
        services.create_identity(name)
        made.append(services)
        return services

    yield make
    for services in made:
        services.close()


def open_window(qtbot, services, languages, tmp_path, language: str) -> MainWindow:
    languages.switch(language)
    settings = QSettings(str(tmp_path / f"{services.person_id[-8:]}.ini"), QSettings.Format.IniFormat)
    win = MainWindow(Operations(services, SyncRunner()), settings, languages, ask=Answers(), debounce_ms=0)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def choose(qtbot, completer: SkillCompleter, typed: str, label: str) -> None:
    """Type into the field, see the suggestions, and take `label` with the keyboard (Down… Enter)."""
    activate(qtbot, completer.edit.window())
    completer.edit.setFocus()
    qtbot.keyClicks(completer.edit, typed)
    labels = [completer.model.index(r, 0).data(LABEL_ROLE) for r in range(completer.model.rowCount())]
    assert label in labels, labels
    popup = completer.completer.popup()
    assert popup is not None and popup.isVisible()
    for _ in range(labels.index(label) + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert completer.edit.text() == label


def test_a_french_need_is_filled_by_an_english_skill_through_the_dialogs(qtbot, people, languages, tmp_path):
    member, admin = people("Morgan"), people("Alix")

    # the member, in English: New skill, "Project manag", the suggestion "project management", Save
    win = open_window(qtbot, member, languages, tmp_path, "en")
    win.new_skill()
    dialog = win.portfolio_screen.dialog
    choose(qtbot, dialog.concept.completer, "Project manag", "project management")
    assert dialog.concept.concept == PM
    dialog.name.setText("Project management")  # their own capitals: the link stays
    dialog.level.setValue(4)
    with qtbot.waitSignal(dialog.finished):
        dialog.ok_button.click()
    [skill] = member.queries.skills(member.person_id)
    assert (skill.name, skill.concept) == ("Project management", PM)
    win.close()

    # the admin, in French: the team, then the need typed in French and picked
    hand_over(member, admin, tmp_path / "member.skb")
    team_id = admin.teams.create("Équipe projets")
    admin.teams.add_members(team_id, [member.person_id])
    win = open_window(qtbot, admin, languages, tmp_path, "fr")
    win.show_screen(SCREENS.index("teams"))
    screen = win.teams_screen
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1)
    screen.tabs.setCurrentWidget(screen.needs_tab)
    needs = screen.needs_tab
    choose(qtbot, needs.completer, "gestion de proj", "gestion de projets")
    needs.level.setValue(3)
    qtbot.keyClick(needs.skill, Qt.Key.Key_Return)  # Enter in the field adds the need (the popup is closed)
    qtbot.waitUntil(lambda: needs.model.rowCount() == 1)
    [need] = admin.teams.needs(team_id)
    assert (need.skill, need.concept) == ("gestion de projets", PM)

    screen.tabs.setCurrentWidget(screen.matrix_tab)
    matrix = screen.matrix_tab.model
    headers = [matrix.headerData(c, Qt.Orientation.Horizontal) for c in range(matrix.columnCount())]
    skill_headers = [h for h in headers if "projet" in h.lower() or "project" in h.lower()]
    assert len(skill_headers) == 1, headers  # one column for both spellings, named as the need says it
    assert "gestion de projets" in skill_headers[0]
    screen.tabs.setCurrentWidget(screen.matching_tab)
    matching = screen.matching_tab.model
    ranked = [r.candidate.name for r in matching.rows if r.candidate]
    assert ranked[:1] == ["Morgan"]
    languages.switch("en")


WEB_DEVELOPER = "http://data.europa.eu/esco/occupation/c40a2919-48a9-40ea-b506-1f34f693496d"


def test_a_role_typed_in_french_becomes_needs_the_admin_kept(qtbot, people, languages, tmp_path):
    from ui.concept_role import RoleDialog

    admin = people("Alix")
    team_id = admin.teams.create("Site web")
    win = open_window(qtbot, admin, languages, tmp_path, "fr")
    win.show_screen(SCREENS.index("teams"))
    screen = win.teams_screen
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1)
    screen.tabs.setCurrentWidget(screen.needs_tab)
    screen.needs_tab.role_button.click()
    dialog = next(w for w in screen.findChildren(RoleDialog) if w.isVisible())
    dialog.ok_button.click()
    assert dialog.errors.message_for("role") == "Choisissez un rôle parmi les suggestions."
    activate(qtbot, dialog)
    dialog.role.setFocus()
    qtbot.keyClicks(dialog.role, "developpeuse web")  # QTest types ASCII; accents are folded anyway
    labels = [dialog.model.index(r, 0).data(LABEL_ROLE) for r in range(dialog.model.rowCount())]
    assert labels[0] == "développeur web/développeuse web"
    qtbot.keyClick(dialog.completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(dialog.completer.popup(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0)
    essential = [s for s in dialog.skills if s.essential]
    assert len(dialog.kept()) == len(essential) >= 5
    dialog.table.item(0, 0).setCheckState(Qt.CheckState.Unchecked)  # dropped
    dialog.table.cellWidget(1, 2).setValue(4)
    kept = dialog.kept()
    with qtbot.waitSignal(dialog.finished):
        dialog.ok_button.click()
    needs = admin.teams.needs(team_id)
    assert sorted((n.skill, n.concept, n.level) for n in needs) == sorted(kept)
    assert {n.role for n in needs} == {WEB_DEVELOPER} and len(needs) == len(essential) - 1
    assert kept[0][2] == 4
    languages.switch("en")
