"""Portfolio: add and edit skills with validation beside the field, evidence, reorder, undo a removal."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .conftest import activate


def names(window) -> list[str]:
    return [s.name for s in window.portfolio_screen.model.rows]


def save(dialog) -> None:
    dialog.ok_button.click()


def add_skill(qtbot, window, name: str, level: int) -> None:
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.portfolio_screen.dialog
    dialog.name.setText(name)  # QTest types ASCII only
    dialog.level.setValue(level)
    with qtbot.waitSignal(dialog.finished):
        save(dialog)


def test_add_edit_reorder_remove_and_undo(qtbot, window):
    screen = window.portfolio_screen
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is screen
    dialog = screen.dialog
    assert dialog.isVisible()
    save(dialog)  # no name yet
    assert dialog.errors.message_for("skill") == "Skill is required."
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.name, "Python")
    dialog.level.setValue(4)
    dialog.years.setValue(6)
    dialog.add_evidence("project", "Invoicing tool", "https://example.org/invoices")
    with qtbot.waitSignal(dialog.finished):
        save(dialog)
    add_skill(qtbot, window, "Rédaction", 3)
    add_skill(qtbot, window, "Traduction", 5)
    assert names(window) == ["Python", "Rédaction", "Traduction"]

    # the same skill twice is refused beside the name
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = screen.dialog
    qtbot.keyClicks(dialog.name, "PYTHON")
    save(dialog)
    assert dialog.errors.message_for("skill") == "You already have this skill in your portfolio."
    dialog.reject()

    # edit: level and evidence kept
    screen.select("Python")
    activate(qtbot, window)
    screen.table.setFocus()  # as a click on the row would
    qtbot.keyClick(screen.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = screen.dialog
    assert dialog.evidence_values() == [{"kind": "project", "title": "Invoicing tool",
                                         "url": "https://example.org/invoices"}]
    dialog.level.setValue(5)
    save(dialog)
    assert dialog.errors.general.text() == "" and not dialog.isVisible()
    python = window.ops.services.queries.skill(window.ops.services.person_id, "python")
    assert python.level == 5 and python.years == 6 and python.evidence[0]["title"] == "Invoicing tool"

    # rename: the skill keeps its place, level and evidence; a name already taken is refused beside it
    screen.select("Python")
    screen.edit_skill()
    dialog = screen.dialog
    dialog.name.setText("Traduction")
    save(dialog)
    assert dialog.errors.message_for("skill") == "You already have this skill in your portfolio."
    dialog.name.setText("Python 3")
    with qtbot.waitSignal(dialog.finished):
        save(dialog)
    assert names(window) == ["Python 3", "Rédaction", "Traduction"]
    renamed = window.ops.services.queries.skill(window.ops.services.person_id, "Python 3")
    assert renamed.level == 5 and renamed.evidence[0]["title"] == "Invoicing tool"
    assert window.ops.services.queries.skill(window.ops.services.person_id, "python") is None

    # reorder with the keyboard
    screen.select("Traduction")
    activate(qtbot, window)
    screen.table.setFocus()  # as a click on the row would
    qtbot.keyClick(screen.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert names(window) == ["Python 3", "Traduction", "Rédaction"]
    assert screen.current_skill().name == "Traduction"

    # remove, then undo: back in the same place
    screen.select("Traduction")
    qtbot.mouseClick(screen.remove_button, Qt.MouseButton.LeftButton)
    assert names(window) == ["Python 3", "Rédaction"]
    assert screen.undo_bar.isVisible()
    qtbot.mouseClick(screen.undo_button, Qt.MouseButton.LeftButton)
    assert names(window) == ["Python 3", "Traduction", "Rédaction"]
    assert not screen.undo_bar.isVisible()
    assert screen.model.rows[1].level == 5


def test_invalid_years_are_said_beside_the_field(qtbot, window, monkeypatch):
    screen = window.portfolio_screen
    window.new_skill()
    dialog = screen.dialog
    from skiller_desktop.text import LIMITS

    qtbot.keyClicks(dialog.name, "x" * (LIMITS["skill"] + 1))  # today's limit (160 since this round), not 80
    save(dialog)
    assert dialog.errors.message_for("skill").startswith("Skill is too long")
    assert dialog.name.hasFocus() or not dialog.isActiveWindow()
