"""People: search as you type, select someone, endorse them; then revoke in Endorsements."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .conftest import activate, make_person


def test_find_endorse_and_revoke(qtbot, window, ask, tmp_path):
    for name, skills in (("Bob Durand", [("Python", 4), ("Menuiserie", 3)]),
                         ("Éloïse Dubois", [("Ébénisterie", 5)]),
                         ("Carl Weber", [("Python", 2)])):
        ask.paths.append(str(make_person(tmp_path, name, skills)))
        window.import_bundle()
    screen = window.people_screen
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is screen
    assert screen.text.hasFocus()
    qtbot.keyClicks(screen.text, "elo")  # accents ignored
    assert [p.name for p in screen.model.rows] == ["Éloïse Dubois"]
    screen.text.clear()
    qtbot.keyClicks(screen.skill, "python")
    assert [p.name for p in screen.model.rows] == ["Bob Durand", "Carl Weber"]
    screen.min_level.setValue(3)
    assert [p.name for p in screen.model.rows] == ["Bob Durand"]
    assert screen.total.text() == "1 person found"

    screen.table.selectRow(0)
    assert "Menuiserie" in screen.detail.toPlainText()
    assert screen.endorse_button.isEnabled()
    qtbot.mouseClick(screen.endorse_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    dialog.skill.setCurrentIndex(dialog.skill.findData("Python"))
    qtbot.keyClicks(dialog.comment, "Clean, tested code.")
    with qtbot.waitSignal(dialog.finished):
        dialog.endorse_button.click()
    assert "Python" in screen.detail.toPlainText() and "Alice Martin" in screen.detail.toPlainText()

    # endorsing the same skill again is refused beside the skill
    screen.endorse()
    dialog = screen.dialog
    dialog.skill.setCurrentIndex(dialog.skill.findData("Python"))
    dialog.endorse_button.click()
    assert dialog.errors.message_for("skill") == "You already endorse this skill for this person."
    dialog.reject()

    window.show_screen(2)
    endorsements = window.endorsements_screen
    endorsements.tabs.setCurrentIndex(1)
    given = endorsements.given_model.rows
    assert [(e.subject_name, e.skill, e.revoked) for e in given] == [("Bob Durand", "Python", False)]
    endorsements.select_given(given[0].endorsement_id)
    ask.confirm_answer = False
    qtbot.mouseClick(endorsements.revoke_button, Qt.MouseButton.LeftButton)
    assert not endorsements.given_model.rows[0].revoked  # the user said no
    ask.confirm_answer = True
    qtbot.mouseClick(endorsements.revoke_button, Qt.MouseButton.LeftButton)
    assert "Bob Durand" in ask.confirmations[-1]
    assert endorsements.given_model.rows[0].revoked
    assert not endorsements.revoke_button.isEnabled()
