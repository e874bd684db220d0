"""Help › About says which build this is: version, commit and build date, in the user's language."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import skiller_desktop
from skiller_desktop.build_info import build_info
from ui.help import AboutDialog

WORDS = {"en": ("Commit", "built on", "run from source"), "fr": ("Commit", "construit le", "lancé depuis les sources")}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_about_shows_the_commit_and_that_it_runs_from_source(qtbot, window, language) -> None:
    window.set_language(language)
    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert f"Skiller {skiller_desktop.__version__}" in text
    assert WORDS[language][2] in text


@pytest.mark.parametrize("language", ["en", "fr"])
def test_about_shows_the_build_date_of_a_packaged_build(qtbot, window, language, monkeypatch, tmp_path: Path):
    (tmp_path / "resources").mkdir()
    (tmp_path / "resources" / "build.json").write_text(json.dumps({"commit": "0123456789ab",
                                                                   "date": "2026-11-29T21:00:00Z"}))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    build_info.cache_clear()
    try:
        window.set_language(language)
        dialog = AboutDialog(window)
        qtbot.addWidget(dialog)
        text = dialog.text.toPlainText()
    finally:
        build_info.cache_clear()
    line = next(row for row in text.splitlines() if "0123456789ab" in row)
    assert line.startswith("Commit 0123456789ab") and WORDS[language][1] in line and "2026" in line
