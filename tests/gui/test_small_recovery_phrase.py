"""Recovery phrase on first run, in both languages: print it, save it, check three words, restore it."""

from __future__ import annotations

import os
import stat
import sys

import pytest
from mnemonic import Mnemonic
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from skiller_desktop.identity import folded_word, recovery_phrase, seed_from_phrase
from skiller_desktop.services import Services
from ui.first_run import FirstRunDialog

WORD_LIST = {"en": "english", "fr": "french"}


def created(qtbot, ops, ask, languages, language: str) -> FirstRunDialog:
    languages.switch(language)
    dialog = FirstRunDialog(ops, ask)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Alice Martin")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == 1
    return dialog


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_phrase_is_in_the_users_words_printed_saved_and_checked(qtbot, ops, ask, languages, tmp_path,
                                                                     language):
    dialog = created(qtbot, ops, ask, languages, language)
    words = dialog.phrase_text.split()
    assert len(words) == 24
    assert all(w in Mnemonic(WORD_LIST[language]).wordlist for w in words)
    assert recovery_phrase(ops.services.require_identity(), language) == dialog.phrase_text
    shown = dialog.phrase.toPlainText()
    assert all(w in shown for w in words) and "24." in shown

    pdf = tmp_path / "phrase.pdf"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(pdf))
    assert dialog.print_phrase(printer)
    assert pdf.stat().st_size > 1000

    saved = tmp_path / "phrase.txt"
    ask.paths.append(str(saved))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    sheet = saved.read_text(encoding="utf-8")
    assert all(w in sheet for w in words) and ops.services.person_id in sheet
    assert ("Phrase de récupération Skiller" in sheet) == (language == "fr")
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600
    assert str(saved) in dialog.keep_message.text()
    # what was saved restores the person: the numbers of the sheet are skipped
    numbered = sheet.split("\n\n")[2]
    assert seed_from_phrase(numbered) == seed_from_phrase(dialog.phrase_text)

    assert not dialog.finish_button.isEnabled()
    dialog.saved.setChecked(True)
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == 2
    positions = dialog.check_positions
    assert len(set(positions)) == 3 and all(1 <= p <= 24 for p in positions)
    assert all(str(p) in dialog.check_intro.text() for p in positions)
    for field, p in zip(dialog.check_words, positions, strict=True):
        qtbot.keyClicks(field, folded_word(words[p - 1]))  # typed without accents (QTest types ASCII only)
    dialog.check_words[1].clear()
    qtbot.keyClicks(dialog.check_words[1], "wrongword")
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.check_error.isVisibleTo(dialog)
    assert str(positions[1]) in dialog.check_error.text()
    assert ("ne correspond pas" in dialog.check_error.text()) == (language == "fr")
    assert dialog.result() != QDialog.DialogCode.Accepted

    dialog.check_words[1].clear()
    qtbot.keyClicks(dialog.check_words[1], folded_word(words[positions[1] - 1]).upper())
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    languages.switch("en")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_restore_takes_either_language_and_says_what_is_wrong(qtbot, ops, ask, languages, tmp_path, language):
    other = Services(tmp_path / "old-laptop")
    other.create_identity("Bob Durand")
    person_id, french = other.person_id, recovery_phrase(other.require_identity(), "fr")
    other.close()
    languages.switch(language)
    dialog = FirstRunDialog(ops, ask)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(1)
    words = french.split()

    dialog.restore_phrase.setPlainText(" ".join(words[:20]))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    text = dialog.restore_error.text()
    assert "24" in text and "20" in text
    assert ("compte 24 mots" in text) == (language == "fr")

    dialog.restore_phrase.setPlainText(" ".join([*words[:4], "zorglub", *words[5:]]))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    text = dialog.restore_error.text()
    assert "zorglub" in text and "5" in text and "24" in text
    assert ("n’est pas dans la liste" in text) == (language == "fr")
    assert ops.services.identity is None

    dialog.restore_phrase.setPlainText(french)
    dialog.restore_name.setText("Bob Durand")
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert ops.services.person_id == person_id
    languages.switch("en")
