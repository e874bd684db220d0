"""Endorsements received (hide/show) and the exchange board (post, answer, complete with recognition)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from skiller_desktop.services import Services
from tests.gui.conftest import person


def swap(me: Services, other: Services, tmp_path, window, ask) -> None:
    """What a sync would do: my document to them, theirs to me (through the File menu)."""
    mine, theirs = tmp_path / "mine.skb", tmp_path / "theirs.skb"
    me.export_bundle(mine)
    other.import_bundle(mine)
    other.export_bundle(theirs)
    ask.paths.append(str(theirs))
    window.import_bundle()


def test_hide_and_show_a_received_endorsement(qtbot, window, ask, tmp_path):
    me = window.ops.services
    me.add_skill("Python", 4)
    bob = person(tmp_path, "Bob", [("SQL", 3)])
    mine = tmp_path / "mine.skb"
    me.export_bundle(mine)
    bob.import_bundle(mine)
    endorsement_id = bob.endorse(me.person_id, "Python", "Great code")
    swap(me, bob, tmp_path, window, ask)
    window.show_screen(2)
    screen = window.endorsements_screen
    group = screen.received.topLevelItem(0)
    assert group.text(0) == "Python (1)"
    assert group.child(0).text(0) == "Bob"
    screen.select_received(endorsement_id)
    qtbot.mouseClick(screen.hide_button, Qt.MouseButton.LeftButton)
    assert screen.selected_received().hidden
    assert screen.received.topLevelItem(0).child(0).text(2) == "Hidden"  # column "On my profile"
    window.show_screen(0)
    assert "Great code" not in window.profile_screen.preview.toPlainText()
    window.show_screen(2)
    screen.select_received(endorsement_id)
    qtbot.mouseClick(screen.show_button, Qt.MouseButton.LeftButton)
    assert not screen.selected_received().hidden
    window.show_screen(0)
    assert "Great code" in window.profile_screen.preview.toPlainText()
    bob.close()


def test_post_answer_and_complete_an_exchange(qtbot, window, ask, tmp_path):
    me = window.ops.services
    screen = window.exchange_screen
    window.show_screen(4)
    post_action = next(a for a in window.findChildren(QAction) if a.shortcut().toString() == "Ctrl+Shift+N")
    post_action.trigger()
    dialog = screen.dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData("request"))
    dialog.skill.setText("Comptabilité")
    dialog.ok_button.click()
    assert dialog.errors.message_for("title") == "Title is required."
    dialog.title.setText("Aide pour ma première déclaration")
    with qtbot.waitSignal(dialog.finished):
        dialog.ok_button.click()
    assert [o.title for o in screen.model.rows] == ["Aide pour ma première déclaration"]
    offer_id = screen.model.rows[0].offer_id

    dana = person(tmp_path, "Dana", [("Comptabilité", 5)])
    mine = tmp_path / "mine.skb"
    me.export_bundle(mine)
    dana.import_bundle(mine)
    dana.respond_to_offer(offer_id, "Je peux vous aider jeudi.")
    dana_offer = dana.add_offer("offer", "Comptabilité", "Bilan annuel")
    swap(me, dana, tmp_path, window, ask)

    # answer someone else's post
    screen.skill_filter.setText("comptabilite")
    assert {o.title for o in screen.model.rows} == {"Aide pour ma première déclaration", "Bilan annuel"}
    assert screen.select_offer(dana_offer)
    assert screen.answer_button.isVisible() and not screen.done_button.isVisible()
    screen.answer.setPlainText("Intéressé !")
    qtbot.mouseClick(screen.answer_button, Qt.MouseButton.LeftButton)
    assert screen.answer.toPlainText() == ""

    # complete my own request, recognising Dana
    assert screen.select_offer(offer_id)
    assert "Je peux vous aider jeudi." in screen.detail.toPlainText()
    assert screen.done_button.isVisible() and screen.done_button.isEnabled()
    qtbot.mouseClick(screen.done_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    assert dialog.person.currentText() == "Dana"
    qtbot.keyClicks(dialog.comment, "Merci !")
    with qtbot.waitSignal(dialog.finished):
        dialog.ok_button.click()
    assert screen.model.rows and all(o.offer_id != offer_id for o in screen.model.rows)  # no longer open
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("done"))
    assert [o.offer_id for o in screen.model.rows] == [offer_id]
    given = me.queries.endorsements(endorser_id=me.person_id)
    assert [(e.subject_name, e.skill) for e in given] == [("Dana", "Comptabilité")]
    dana.close()
