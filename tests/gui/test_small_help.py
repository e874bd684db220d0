"""Help: F1 opens the guide in the user's language; shortcuts read from the menus; About with licences."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

import skiller_desktop
from skiller_desktop.vocabulary import ADAPTED_NOTICE, ATTRIBUTION, ATTRIBUTION_URL
from ui.help import AboutDialog, GuideDialog, ShortcutsDialog, guide_path

from .conftest import activate

WORDS = {
    "en": {"menu": "&Help", "guide": "Skiller in ten minutes", "guide_title": "Skiller user guide",
           "shortcut": "User guide", "esco": ATTRIBUTION},
    "fr": {"menu": "&Aide", "guide": "Skiller en dix minutes", "guide_title": "Guide d’utilisation de Skiller",
           "shortcut": "Guide d’utilisation", "esco": "Ce service utilise la classification ESCO"},
}


def help_menu(window):
    return [a.menu() for a in window.menuBar().actions() if a.menu() is not None][-1]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_f1_opens_the_guide_in_the_users_language(qtbot, window, language):
    window.set_language(language)
    words = WORDS[language]
    assert help_menu(window).title() == words["menu"]
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.help_dialog
    assert isinstance(dialog, GuideDialog) and dialog.isVisible()
    assert dialog.windowTitle() == words["guide_title"]
    text = dialog.text.toPlainText()
    assert words["guide"] in text and "#" not in text  # rendered as Markdown, not shown raw
    dialog.close()
    window.set_language("en")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_shortcuts_list_is_read_from_the_menus(qtbot, window, language):
    window.set_language(language)
    [action] = [a for a in help_menu(window).actions() if a.shortcut().toString() == "Ctrl+/"]
    action.trigger()
    dialog = window.help_dialog
    assert isinstance(dialog, ShortcutsDialog)
    shortcuts = dialog.shortcuts()
    assert shortcuts[WORDS[language]["shortcut"]] == "F1"
    assert "Ctrl+I" in shortcuts.values() and "Ctrl+P" in shortcuts.values()
    assert {f"Ctrl+{i}" for i in range(1, 9)} <= set(shortcuts.values())
    assert len(shortcuts) == len(set(shortcuts))  # no menu counted twice after the language switch
    dialog.close()
    window.set_language("en")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_about_gives_the_version_and_the_licences(qtbot, window, language):
    window.set_language(language)
    [action] = [a for a in help_menu(window).actions() if a.text() in ("&About Skiller", "À &propos de Skiller")]
    action.trigger()
    dialog = window.help_dialog
    assert isinstance(dialog, AboutDialog)
    text = dialog.text.toPlainText()
    assert skiller_desktop.__version__ in text
    assert "DejaVu" in text and "Bitstream Vera" in text and "Permission is hereby granted" in text
    assert WORDS[language]["esco"] in text
    assert ATTRIBUTION in text and ADAPTED_NOTICE in text and ATTRIBUTION_URL in text  # ESCO's words, always
    assert ("Polices" in text) == (language == "fr")
    dialog.close()
    window.set_language("en")


def test_the_guides_say_the_same_in_both_languages():
    english, french = (guide_path(lang).read_text(encoding="utf-8") for lang in ("en", "fr"))
    assert guide_path("fr").name == "guide.fr.md" and guide_path("de").name == "guide.en.md"
    headings = [re.findall(r"^#+ ", text, re.MULTILINE) for text in (english, french)]
    assert headings[0] == headings[1] and len(headings[0]) >= 6
    shortcuts = [sorted(re.findall(r"Ctrl\+\w|F1", text)) for text in (english, french)]
    assert shortcuts[0] == shortcuts[1]
