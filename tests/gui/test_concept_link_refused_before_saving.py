"""A skill edited to a concept another skill holds: refused before anything is saved, then merged on request."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.main_window import SCREENS

PM = "http://data.europa.eu/esco/skill/7111b95d-0ce3-441a-9d92-4c75d05c4388"


def _skills(services) -> list[tuple[str, int, str]]:
    return [(s.name, s.level, s.concept) for s in services.queries.skills(services.person_id)]


def test_a_refused_link_leaves_the_edited_skill_unchanged_and_merging_saves_the_edit(qtbot, window):
    services = window.ops.services
    services.add_skill("Project management", 3, concept=PM)
    services.add_skill("Carpentry", 2)
    window.show_screen(SCREENS.index("portfolio"))
    screen = window.portfolio_screen
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    screen.select("Carpentry")
    screen.edit_skill()
    dialog = screen.dialog
    dialog.concept.completer.pick(PM, "Pilotage de projets")  # renames it too: the field shows the label
    dialog.level.setValue(5)
    for _attempt in range(2):  # a second try is refused the same way (the skill was not renamed under it)
        dialog.ok_button.click()
        assert dialog.isVisible() and "already linked" in dialog.errors.message_for("concept")
        assert _skills(services) == [("Project management", 3, PM), ("Carpentry", 2, "")]
    merge = dialog.concept.status.merge_button
    assert merge.isVisibleTo(dialog) and "Project management" in merge.text()
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(merge, Qt.MouseButton.LeftButton)
    [skill] = services.queries.skills(services.person_id)
    assert (skill.name, skill.level, skill.concept, skill.keywords) == ("Project management", 5, PM,
                                                                        ["Pilotage de projets"])
