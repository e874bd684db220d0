"""People: the standing bar and the Why panel show a known graph's contributions; "I know" moves them.

Alice (the user) imports Ben and Eve. Ben endorses Eve's Python (observed
level 4). Nobody is in Alice's network yet: the empty-network hint shows and
Eve's bar is at 0, Ben's endorsement counted for nothing. Alice ticks "I know
this person" on Ben: Eve's standing becomes the best in her network (100),
and the Why panel names Ben, with his whole share and the path "you → Ben".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from skiller_desktop.services import Services
from ui.standing_view import StandingDelegate

from .conftest import activate

WORDS = {
    "en": ("I know this person", "you → Ben Morel (knows)", "Endorser", "Why?"),
    "fr": ("Je connais cette personne", "vous → Ben Morel (connaît)", "Recommandé par", "Pourquoi ?"),
}


def _town(tmp_path: Path) -> tuple[Path, Path]:
    ben, eve = Services(tmp_path / "ben"), Services(tmp_path / "eve")
    ben.create_identity("Ben Morel")
    eve.create_identity("Eve Laurent")
    eve.add_skill("Python", 2)
    eve.export_bundle(tmp_path / "eve.skb")
    ben.import_bundle(tmp_path / "eve.skb")
    ben.endorse(eve.person_id, "Python", "Solid", 4)
    ben.export_bundle(tmp_path / "ben.skb")
    for s in (ben, eve):
        s.close()
    return tmp_path / "ben.skb", tmp_path / "eve.skb"


def _select(qtbot, screen, name: str) -> None:
    screen.text.setText(name)
    rows = [p.name for p in screen.model.rows]
    screen.table.selectRow(rows.index(name))
    qtbot.waitUntil(lambda: screen.standing.person_id and screen.standing.found is not None)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_bar_and_why_panel_show_contributions_and_knowing_moves_them(qtbot, window, ask, tmp_path, language):
    window.set_language(language)
    know_text, path_text, endorser_header, why_text = WORDS[language]
    for bundle in _town(tmp_path):
        ask.paths.append(str(bundle))
        window.import_bundle()
    activate(qtbot, window)
    profile = window.profile_screen.standing  # My profile: the first-run hint while the network is empty
    window.show_screen(0)
    qtbot.waitUntil(lambda: profile.person_id == window.ops.services.person_id)
    assert not profile.hint.isHidden() and profile.know.isHidden()
    window.find_people()
    screen = window.people_screen
    panel = screen.standing

    _select(qtbot, screen, "Eve Laurent")
    [bar] = panel.bars
    assert bar.value() == 0 and bar.found.endorsements == 1 and bar.found.counted == 0
    assert not panel.hint.isHidden()  # the empty-network hint
    assert panel.know.text() == know_text and not panel.know.isChecked()
    dialog = panel.explain(bar.found)
    assert dialog.table.rowCount() == 0 and not dialog.outside.isHidden()
    dialog.reject()

    _select(qtbot, screen, "Ben Morel")
    assert panel.bars == []  # Ben lists no skill
    panel.know.click()  # (a mouse click at the middle of the row would miss the box and its words)
    assert panel.know.isChecked()
    assert window.ops.services.standing.knows(screen.current.person_id)

    _select(qtbot, screen, "Eve Laurent")
    qtbot.waitUntil(lambda: bool(panel.bars) and panel.bars[0].value() == 100)
    assert panel.hint.isHidden() and profile.hint.isHidden()
    assert panel.why_buttons[0].toolTip() == why_text
    qtbot.mouseClick(panel.why_buttons[0], Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog.table.horizontalHeaderItem(0).text() == endorser_header
    cells = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())]
    assert cells == [["Ben Morel", "100.0 %", path_text]]
    assert dialog.outside.isHidden()
    dialog.reject()

    screen.text.clear()
    screen.skill.setText("python")  # search results carry the standing, drawn as a bar under the skill
    assert [(p.name, p.standing) for p in screen.model.rows] == [("Eve Laurent", 100.0)]
    assert isinstance(screen.table.itemDelegateForColumn(3), StandingDelegate)
    screen.table.viewport().grab()  # the delegate paints without error
    screen.skill.clear()

    _select(qtbot, screen, "Ben Morel")
    panel.know.click()  # taken back: Eve's standing goes
    _select(qtbot, screen, "Eve Laurent")
    qtbot.waitUntil(lambda: bool(panel.bars) and panel.bars[0].value() == 0)
