"""Every error and report line the core sends to the UI has words in both languages, found by its code.

Fails on a catalogued code with no UI words, with no French, or whose words ask for parameters the core does
not give; and, through real widgets, when a core error or an import report line shows in English in French.
"""

from __future__ import annotations

import json
import string

import pytest
from PySide6.QtCore import Qt

from skiller_desktop.messages import ADVICE, CATALOGUE, STATES, TIMES, say
from ui import messages

from .conftest import activate


def _fields(template: str) -> set[str]:
    return {name.split("!")[0].split(":")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_catalogued_code_has_ui_words_asking_only_for_the_cores_parameters(languages) -> None:
    english = messages.templates()
    assert sorted(set(CATALOGUE) - set(english)) == []  # a code the UI cannot say
    assert sorted(set(english) - set(CATALOGUE)) == []  # words for a code the core never sends
    wrong = {code: _fields(words) - _fields(CATALOGUE[code]) for code, words in english.items()
             if not _fields(words) <= _fields(CATALOGUE[code])}
    assert wrong == {}


def test_every_code_has_a_french_text_with_the_same_parameters(languages) -> None:
    english = {**messages.templates(), **messages.advice(), **messages.state_words()}
    languages.switch("fr")
    french = {**messages.templates(), **messages.advice(), **messages.state_words()}
    untranslated = sorted(code for code in english if french[code] == english[code])
    assert untranslated == []
    assert {code: _fields(french[code]) for code in french} == {code: _fields(english[code]) for code in english}


def test_the_cli_and_the_ui_say_states_and_problems_with_the_same_english(languages) -> None:
    assert messages.advice() == ADVICE
    assert messages.state_words() == STATES
    assert set(TIMES) == {"time.never", "time.just_now", "time.minute", "time.minutes", "time.hour", "time.hours",
                          "time.yesterday", "time.days", "time.date"}


@pytest.mark.parametrize(("language", "expected"), [
    ("en", ["3 minutes ago", "1 hour ago", "never", "just now"]),
    ("fr", ["il y a 3 minutes", "il y a 1 heure", "jamais", "à l’instant"]),
])
def test_relative_times_in_both_languages(languages, language: str, expected: list[str]) -> None:
    languages.switch(language)
    said = [messages.when("time.minutes", {"n": 3}), messages.when("time.hour", {}),
            messages.when("time.never", {}), messages.when("time.just_now", {})]
    assert said == expected


def test_a_line_without_a_code_is_shown_as_it_is_never_recased(languages) -> None:
    languages.switch("fr")
    assert messages.say_line("bad2.json: something") == "bad2.json: something"
    assert messages.say_line(say("import.not_utf8", file="bad2.json")) == "bad2.json n’est pas du texte UTF-8."


def test_a_reworded_english_message_stays_french(languages, monkeypatch) -> None:
    """The UI goes by code: rewording the core's English does not turn the French screen English."""
    monkeypatch.setitem(CATALOGUE, "endorse.self", "you may not endorse yourself, sorry")
    languages.switch("fr")
    from skiller_desktop.errors import NotAllowedError

    assert messages.describe(NotAllowedError(say("endorse.self"))) == "Vous ne pouvez pas vous recommander vous-même."


@pytest.mark.parametrize(("language", "duplicate", "required"), [
    ("en", "You already have this skill in your portfolio.", "Skill is required."),
    ("fr", "Cette compétence est déjà dans votre portfolio.", "Compétence : ce champ est obligatoire."),
])
def test_a_core_error_shows_under_its_field_in_the_users_language(qtbot, window, language, duplicate, required):
    window.set_language(language)
    window.ops.services.add_skill("Python", 3)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.portfolio_screen.dialog
    dialog.ok_button.click()
    assert dialog.errors.message_for("skill") == required
    dialog.name.setText("PYTHON")
    dialog.ok_button.click()
    assert dialog.errors.message_for("skill") == duplicate
    dialog.reject()


RESUME = {"basics": {"name": "Zoé", "email": "zoe@example.org"},
          "skills": [{"name": "Python", "level": "Wizard"}, {"name": "SQL"}]}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_import_report_is_in_the_users_language(qtbot, window, ask, tmp_path, language):
    window.set_language(language)
    resume = tmp_path / "resume.json"
    resume.write_text(json.dumps(RESUME), encoding="utf-8")
    ask.paths.append(str(resume))
    window.interop.import_jsonresume()
    qtbot.waitUntil(lambda: window.interop.report is not None)
    details = window.interop.report.details.toPlainText()
    if language == "fr":
        assert "Importé depuis JSON Resume : profil de Zoé" in details
        assert "Compétence « Python » : niveau « Wizard » non reconnu, mis à 3." in details
        assert "Aucun niveau pour SQL : mis à 3, ajustez dans Skiller." in details
        for english in ("Imported", "Skill ", "No level", "Stored:", "stays on this device"):
            assert english not in details, details
    else:
        assert "Skill “Python”: level “Wizard” not recognised, set to 3." in details
    window.interop.report.close()
    window.set_language("en")


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "bad2.json is not valid JSON (line 1, column 1)."),
    ("fr", "bad2.json n’est pas du JSON valide (ligne 1, colonne 1)."),
])
def test_a_refused_file_keeps_its_names_case(qtbot, window, ask, tmp_path, language, expected):
    window.set_language(language)
    bad = tmp_path / "bad2.json"
    bad.write_text("not JSON at all", encoding="utf-8")
    ask.paths.append(str(bad))
    window.interop.import_jsonresume()
    qtbot.waitUntil(lambda: bool(ask.warnings))
    assert ask.warnings[0].endswith(expected), ask.warnings[0]
    assert "Bad2.json" not in ask.warnings[0]
    window.set_language("en")


def test_endorsements_given_do_not_read_as_data_in_french(window):
    window.set_language("fr")
    tabs = window.endorsements_screen.tabs
    assert [tabs.tabText(i).replace("&", "") for i in range(tabs.count())] == ["Reçues", "Accordées"]
    window.set_language("en")
