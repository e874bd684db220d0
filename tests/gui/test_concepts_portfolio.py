"""Issue 13 in the portfolio: one-click links with an undo, and a second skill for one concept merged."""

from __future__ import annotations

from PySide6.QtCore import Qt

PM = "http://data.europa.eu/esco/skill/7111b95d-0ce3-441a-9d92-4c75d05c4388"
JS = "http://data.europa.eu/esco/skill/3cd569a2-4f88-4c1e-9995-8dce8c5e51a7"


def _concepts(services) -> dict[str, str]:
    return {s.name: s.concept for s in services.queries.skills(services.person_id)}


def test_a_free_text_skill_is_linked_in_one_click_and_the_link_undone(qtbot, window):
    services = window.ops.services
    services.add_skill("JavaScript", 3)
    services.add_skill("Knitting small hats", 2)
    bar = window.portfolio_screen.link_suggestions
    qtbot.waitUntil(lambda: bar.suggestions != [])
    assert [s.skill for s in bar.suggestions] == ["JavaScript"]
    label, _choice, button = bar.rows[0]
    assert "JavaScript" in label.text() and button.isVisibleTo(bar)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _concepts(services)["JavaScript"] == JS)
    assert bar.undo_button.isVisibleTo(bar) and bar.suggestions == []
    qtbot.mouseClick(bar.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _concepts(services)["JavaScript"] == "")
    assert not bar.undo_button.isVisibleTo(bar) and [s.skill for s in bar.suggestions] == ["JavaScript"]


def test_a_second_skill_for_one_concept_is_refused_and_merging_offered(qtbot, window):
    services = window.ops.services
    services.add_skill("Project management", 3, concept=PM)
    window.new_skill()
    dialog = window.portfolio_screen.dialog
    dialog.concept.completer.pick(PM, "Pilotage de projets")
    dialog.level.setValue(5)
    dialog.ok_button.click()
    assert dialog.isVisible() and "already linked" in dialog.errors.message_for("concept")
    merge = dialog.concept.status.merge_button
    assert merge.isVisibleTo(dialog) and "Project management" in merge.text()
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(merge, Qt.MouseButton.LeftButton)
    [skill] = services.queries.skills(services.person_id)
    assert (skill.name, skill.level, skill.concept, skill.keywords) == ("Project management", 5, PM,
                                                                        ["Pilotage de projets"])
