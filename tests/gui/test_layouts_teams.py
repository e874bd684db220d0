"""The skill matrix and matching explain themselves (issue 12.4) and "中文" is text, not boxes (12.7).

Alice runs a team needing Python 4, SQL 2 and Rust 3. Bob, a member, has Python 2 and SQL 3;
Zoé, not in the team, has Python 5. Both languages.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QApplication
from support import hand_over

from skiller_desktop.services import Services
from ui.main_window import SCREENS
from ui.team_models import BELOW_BACKGROUND, GAP_BACKGROUND, MEETS_BACKGROUND

MANY = ["中文", "Photographie", "Traduction", "TypeScript", "Vidéo", "Comptabilité", "Menuiserie", "Chorale"]


@pytest.fixture
def team(window, tmp_path):
    alice = window.ops.services
    alice.add_skill("Python", 3)
    bob = Services(tmp_path / "bob")
    bob.create_identity("Bob Durand")
    for name, level in [("Python", 2), ("SQL", 3)] + [(s, 3) for s in MANY]:
        bob.add_skill(name, level)
    zoe = Services(tmp_path / "zoe")
    zoe.create_identity("Zoé Dehors")
    zoe.add_skill("Python", 5)
    hand_over(bob, alice, tmp_path / "bob.skb")
    hand_over(zoe, alice, tmp_path / "zoe.skb")
    team_id = alice.teams.create("Atelier")
    alice.teams.add_members(team_id, [bob.person_id])
    alice.teams.add_need(team_id, "Python", 4)
    alice.teams.add_need(team_id, "SQL", 2)
    alice.teams.add_need(team_id, "Rust", 3)
    yield window
    bob.close()
    zoe.close()


def open_teams(window, qtbot, language: str):
    if language != "en":
        window.set_language(language)
    window.show_screen(SCREENS.index("teams"))
    screen = window.teams_screen
    qtbot.waitUntil(lambda: screen.detail is not None and bool(screen.detail.matches))
    return screen


def whys(screen, skill: str) -> dict[str, list[str]]:
    model = screen.matching_tab.model
    return {r.candidate.name: model.index(i, 3).data().split("\n")
            for i, r in enumerate(model.rows) if r.candidate and r.need.skill == skill}


@pytest.mark.parametrize(("language", "best", "below", "lower"), [
    ("en", "Best match", "Below the level wanted: after everyone who meets it",
     "Lower level than Alice Martin (2 < 3)"),
    ("fr", "Meilleure correspondance", "Sous le niveau voulu : après toutes les personnes qui l’atteignent",
     "Niveau plus bas que Alice Martin (2 < 3)"),
])
def test_matching_puts_who_meets_the_level_first_and_says_why(qtbot, team, language, best, below, lower) -> None:
    screen = open_teams(team, qtbot, language)
    screen.tabs.setCurrentWidget(screen.matching_tab)
    said = whys(screen, "Python")
    assert list(said) == ["Zoé Dehors", "Alice Martin", "Bob Durand"]  # the outsider at level 5 before members
    assert said["Zoé Dehors"][0] == best
    assert said["Alice Martin"][0] == below
    assert said["Bob Durand"][0] == lower
    assert ("not in the team" if language == "en" else "hors de l’équipe") in said["Zoé Dehors"][1]
    model = screen.matching_tab.model
    row = next(i for i, r in enumerate(model.rows) if r.candidate and r.candidate.name == "Alice Martin")
    assert below in model.index(row, 3).data(Qt.ItemDataRole.ToolTipRole)  # cut at 1024 px: the tooltip says it
    team.set_language("en")


@pytest.mark.parametrize(("language", "under", "meets"), [("en", "below the 4 wanted", "meets the 2 wanted"),
                                                         ("fr", "sous le 4 voulu", "atteint le 2 voulu")])
def test_matrix_cells_are_coloured_against_the_level_wanted(qtbot, team, language, under, meets) -> None:
    screen = open_teams(team, qtbot, language)
    screen.tabs.setCurrentWidget(screen.matrix_tab)
    model = screen.matrix_tab.model
    columns = {c.name: i + 1 for i, c in enumerate(model.matrix.skills)}
    rows = {r.name: i for i, r in enumerate(model.matrix.rows)}

    def cell(person: str, skill: str, role: Qt.ItemDataRole):
        return model.index(rows[person], columns[skill]).data(role)

    background = Qt.ItemDataRole.BackgroundRole
    assert cell("Bob Durand", "Python", background).color() == BELOW_BACKGROUND
    assert cell("Alice Martin", "Python", background).color() == BELOW_BACKGROUND
    assert cell("Bob Durand", "SQL", background).color() == MEETS_BACKGROUND
    assert cell("Alice Martin", "Rust", background).color() == GAP_BACKGROUND  # nobody has Rust: a gap
    assert cell("Bob Durand", "中文", background) is None  # not needed: no colour
    assert under in cell("Bob Durand", "Python", Qt.ItemDataRole.ToolTipRole)
    assert meets in cell("Bob Durand", "SQL", Qt.ItemDataRole.AccessibleTextRole)
    assert meets.split()[0] in screen.matrix_tab.colours.text()  # the legend says what green means
    team.set_language("en")


def test_the_member_column_stays_while_the_skills_scroll(qtbot, team) -> None:
    team.resize(1024, 680)
    screen = open_teams(team, qtbot, "en")
    screen.tabs.setCurrentWidget(screen.matrix_tab)
    table = screen.matrix_tab.table
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0)  # more skills than room
    bar = table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    assert table.columnViewportPosition(0) < 0  # the main view's own member column has scrolled away ...
    pinned = table.frozen
    assert pinned.isVisible() and pinned.width() == table.columnWidth(0)
    assert pinned.geometry().left() <= table.viewport().geometry().left()
    first = table.model().index(0, 0).data()
    y = pinned.rowViewportPosition(0) + 2
    assert pinned.indexAt(QPoint(4, y)).data() == first  # ... and the pinned one still shows the names
    assert [pinned.isColumnHidden(c) for c in range(table.model().columnCount())][:3] == [False, True, True]
    pinned.horizontalHeader().sectionClicked.emit(0)  # sorting from the pinned title sorts the table
    assert table.horizontalHeader().sortIndicatorSection() == 0
    bar.setValue(bar.maximum())
    where = bar.value()
    qtbot.mouseClick(pinned.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(4, pinned.rowViewportPosition(1) + 2))
    assert table.currentIndex().row() == 1 and table.selectionModel().isRowSelected(1)  # one selection for both
    assert bar.value() == where  # choosing a member by name does not scroll the skills back
    table.setCurrentIndex(table.model().index(1, 1))  # the first skill, by keyboard: out from under the names
    assert table.visualRect(table.currentIndex()).left() >= pinned.width()


def glyphs_missing(text: str, font: QFont) -> int:
    """How many characters of `text` would be drawn as the empty box (glyph 0) in `font`."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return sum(1 for run in layout.glyphRuns() for glyph in run.glyphIndexes() if glyph == 0)


def test_chinese_is_drawn_with_the_app_font(qapp, ops, team) -> None:
    font = QApplication.font()
    assert glyphs_missing("中文 Python", font) == 0
    bold = QFont(font)
    bold.setBold(True)  # as the matrix's column titles are
    assert glyphs_missing("日本語 · 中文", bold) == 0
    header = team.teams_screen.matrix_tab.table.horizontalHeader()
    assert glyphs_missing("中文", header.font()) == 0
    alone = QFont("DejaVu Sans")
    alone.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)  # no fallback: what the boxes were
    assert glyphs_missing("中文", alone) == 2
    from ui.help import AboutDialog

    about = AboutDialog(team)
    assert "Droid Sans Fallback" in about.page() and "Apache" in about.page()  # the bundled font's licence
    about.deleteLater()


def test_why_names_standing_when_it_ranked_a_lower_level_first(qapp) -> None:
    """After issue 14 merges, standing ranks between the busy gate and the level: the Why says so."""
    from skiller_desktop.teams.views import Candidate
    from ui.team_models import ranked_text

    first = Candidate("id-a", "Ana", True, 4, 0, "available", "")
    second = Candidate("id-b", "Bob", True, 5, 3, "available", "")  # more by the facts, ranked after by standing
    assert ranked_text(3, second, first) == "Less recognised than Ana in this skill"
