"""Block a person from the People screen (confirm, Undo), unblock them from Settings: issue 10, the user's side."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.main_window import SCREENS

from .conftest import make_person


def names(screen) -> list[str]:
    return sorted(p.name for p in screen.model.rows)


def select(screen, name: str) -> None:
    screen.select_person(next(p.person_id for p in screen.model.rows if p.name == name))


def test_block_from_people_and_unblock_from_settings(qtbot, window, ask, tmp_path):
    for name, skills in (("Bob Durand", [("Python", 4)]), ("Mallory Spam", [("Python", 5)])):
        ask.paths.append(str(make_person(tmp_path, name, skills)))
        window.import_bundle()
    window.show_screen(SCREENS.index("people"))
    screen = window.people_screen
    assert names(screen) == ["Bob Durand", "Mallory Spam"]  # never yourself (issue 12.9)

    select(screen, "Mallory Spam")
    assert screen.block_button.isEnabled() and screen.block_action.isEnabled()
    assert screen.block_action in screen.table.actions()  # the table's context menu

    ask.confirm_answer = False
    qtbot.mouseClick(screen.block_button, Qt.MouseButton.LeftButton)
    assert "Mallory Spam" in ask.confirmations[-1]
    assert names(screen) == ["Bob Durand", "Mallory Spam"]  # the user said no

    ask.confirm_answer = True
    screen.block_action.trigger()
    assert names(screen) == ["Bob Durand"]
    assert screen.undo_bar.isVisibleTo(screen) and "Mallory Spam" in screen.undo_bar.label.text()
    qtbot.keyClicks(screen.skill, "python")
    assert names(screen) == ["Bob Durand"]  # not in search either

    qtbot.mouseClick(screen.undo_bar.button, Qt.MouseButton.LeftButton)
    assert names(screen) == ["Bob Durand", "Mallory Spam"]
    assert not screen.undo_bar.isVisibleTo(screen)
    select(screen, "Mallory Spam")
    screen.block()
    assert names(screen) == ["Bob Durand"]

    window.show_screen(SCREENS.index("settings"))
    box = window.settings_screen.blocked_box
    assert [p["name"] for p in box.rows] == ["Mallory Spam"]
    assert box.table.item(0, 0).text() == "Mallory Spam"
    assert not box.unblock_button.isEnabled()
    box.select(box.rows[0]["person_id"])
    qtbot.mouseClick(box.unblock_button, Qt.MouseButton.LeftButton)
    assert box.rows == [] and box.empty.isVisibleTo(box)
    window.show_screen(SCREENS.index("people"))
    assert names(screen) == ["Bob Durand", "Mallory Spam"]


def test_blocked_people_vanish_from_endorsements_received(qtbot, window, ask, tmp_path):
    from skiller_desktop.services import Services

    me = window.ops.services
    me.add_skill("Python", 3)
    me.export_bundle(tmp_path / "me.skb")
    other = Services(tmp_path / "mallory")
    other.create_identity("Mallory Spam")
    other.import_bundle(tmp_path / "me.skb")
    other.endorse(me.person_id, "Python", "buy my course")
    other.export_bundle(tmp_path / "m.skb")
    mallory = other.person_id
    other.close()
    ask.paths.append(str(tmp_path / "m.skb"))
    window.import_bundle()
    window.show_screen(SCREENS.index("endorsements"))
    received = window.endorsements_screen.received
    assert received.topLevelItemCount() == 1

    me.block_person(mallory, "spam")
    qtbot.waitUntil(lambda: received.topLevelItemCount() == 0)
    me.unblock_person(mallory)
    qtbot.waitUntil(lambda: received.topLevelItemCount() == 1)


def test_blocking_speaks_french(qtbot, window):
    window.set_language("fr")
    assert window.people_screen.block_button.text() == "&Bloquer…"
    box = window.settings_screen.blocked_box
    assert box.title() == "Personnes bloquées" and box.unblock_button.text() == "Déb&loquer"
