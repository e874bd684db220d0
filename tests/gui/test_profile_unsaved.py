"""A sync that changes the profile while the user edits it keeps what they typed and have not saved."""

from __future__ import annotations


def test_a_sync_refreshes_the_other_fields_and_keeps_unsaved_edits(qtbot, window):
    screen = window.profile_screen
    services = window.ops.services
    qtbot.waitUntil(lambda: screen.name.text() == "Alice Martin")
    screen.headline.setText("Python trainer")  # typed, not saved
    screen.bio.setPlainText("I teach Python.")

    # Another device changed the headline and the location; sync brought it here.
    services.update_profile(headline="Data engineer", location="Lyon")
    qtbot.waitUntil(lambda: screen.location.text() == "Lyon")
    assert screen.headline.text() == "Python trainer"
    assert screen.bio.toPlainText() == "I teach Python."
    assert sorted(screen.modified()) == ["bio", "headline"]
    assert "unsaved edits were kept" in screen.saved_label.text()

    screen.save()  # what the user typed wins, and is no longer "unsaved"
    assert services.profile().headline == "Python trainer"
    assert screen.modified() == []
    services.update_profile(headline="Consultant")
    qtbot.waitUntil(lambda: screen.headline.text() == "Consultant")


def test_a_failed_save_keeps_the_edits_unsaved(qtbot, window):
    screen = window.profile_screen
    services = window.ops.services
    qtbot.waitUntil(lambda: screen.name.text() == "Alice Martin")
    screen.name.setText("")  # refused: a name is required
    screen.headline.setText("Python trainer")
    screen.save()
    assert screen.errors.message_for("name")
    services.update_profile(headline="Data engineer", location="Lyon")
    qtbot.waitUntil(lambda: screen.location.text() == "Lyon")
    assert screen.headline.text() == "Python trainer"
    assert screen.name.text() == ""
