"""First run: create (with the recovery phrase confirmed), restore from a phrase, import from a device."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from skiller_desktop.services import Services
from ui.first_run import FirstRunDialog


def test_create_identity_shows_the_phrase_once_and_asks_to_confirm(qtbot, ops, ask):
    dialog = FirstRunDialog(ops, ask)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.create_errors.message_for("name") == "Name is required."
    assert ops.services.identity is None

    qtbot.keyClicks(dialog.name, "Alice Martin")
    qtbot.keyClicks(dialog.headline, "Freelance developer")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == 1
    assert len(dialog.phrase.toPlainText().split()) >= 12
    assert not dialog.finish_button.isEnabled()
    dialog.saved.setChecked(True)
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    words = dialog.phrase_text.split()
    for field, position in zip(dialog.check_words, dialog.check_positions, strict=True):
        field.setText(words[position - 1])  # the three words asked back (tests/gui/test_small_recovery_phrase.py)
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ops.services.profile().name == "Alice Martin"


def test_restore_from_phrase(qtbot, ops, ask, tmp_path):
    other = Services(tmp_path / "old-laptop")
    phrase = other.create_identity("Bob Durand")
    person_id = other.person_id
    other.close()
    dialog = FirstRunDialog(ops, ask)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(1)
    dialog.restore_phrase.setPlainText("not a real phrase")
    dialog.restore()
    assert dialog.restore_error.isVisibleTo(dialog)
    assert ops.services.identity is None

    dialog.restore_phrase.setPlainText(phrase)
    dialog.restore_name.setText("Bob Durand")
    with qtbot.waitSignal(dialog.finished):
        dialog.restore()
    assert ops.services.person_id == person_id


def test_import_from_another_device(qtbot, ops, ask, tmp_path):
    other = Services(tmp_path / "desktop")
    other.create_identity("Chloé Petit")
    other.export_identity(tmp_path / "me.skid", "correct horse")
    other.close()
    dialog = FirstRunDialog(ops, ask)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(2)
    ask.paths.append(str(tmp_path / "me.skid"))
    dialog._browse()
    dialog.import_passphrase.setText("wrong")
    dialog.import_identity()
    assert "passphrase" in dialog.import_error.text().lower()
    dialog.import_passphrase.setText("correct horse")
    with qtbot.waitSignal(dialog.finished):
        dialog.import_identity()
    assert ops.services.profile().name == "Chloé Petit"
