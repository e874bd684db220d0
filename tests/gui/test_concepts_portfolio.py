"""Issue 13 in the portfolio: one-click links with an undo, and a second skill for one concept merged."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.main_window import SCREENS

PM = "http://data.europa.eu/esco/skill/7111b95d-0ce3-441a-9d92-4c75d05c4388"
JS = "http://data.europa.eu/esco/skill/3cd569a2-4f88-4c1e-9995-8dce8c5e51a7"


def _concepts(services) -> dict[str, str]:
    return {s.name: s.concept for s in services.queries.skills(services.person_id)}


def test_a_free_text_skill_is_linked_in_one_click_and_the_link_undone(qtbot, window):
    services = window.ops.services
    services.add_skill("JavaScript", 3)
    services.add_skill("Knitting small hats", 2)
    window.show_screen(SCREENS.index("portfolio"))
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


def test_two_free_text_skills_are_merged_from_the_portfolio(qtbot, window):
    services = window.ops.services
    services.add_skill("Woodwork", 2)
    services.add_skill("Carpentry", 4)
    window.show_screen(SCREENS.index("portfolio"))
    screen = window.portfolio_screen
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    screen.select("Carpentry")
    assert screen.merge_button.isEnabled()
    qtbot.mouseClick(screen.merge_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    assert [dialog.target.itemText(i) for i in range(dialog.target.count())] == ["Woodwork"]
    with qtbot.waitSignal(dialog.finished):
        dialog.ok_button.click()
    [kept] = services.queries.skills(services.person_id)
    assert (kept.name, kept.level, kept.keywords) == ("Woodwork", 4, ["Carpentry"])
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert not screen.merge_button.isEnabled()


def test_the_app_starts_without_opening_the_vocabulary(qtbot, ops, settings, languages, ask, monkeypatch):
    from skiller_desktop import vocabulary
    from ui.main_window import MainWindow

    opened = []
    monkeypatch.setattr(vocabulary.Vocabulary, "_open", lambda self: opened.append(self) or None)
    ops.services.create_identity("Alice Martin")
    ops.services.add_skill("JavaScript", 3)  # a link to suggest, once the portfolio is shown
    win = MainWindow(ops, settings, languages, ask=ask, debounce_ms=0)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert opened == []
    monkeypatch.undo()
    win.show_screen(SCREENS.index("portfolio"))
    qtbot.waitUntil(lambda: win.portfolio_screen.link_suggestions.suggestions != [])
