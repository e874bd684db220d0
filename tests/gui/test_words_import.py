"""An import says how far it is, with a count, and can be cancelled before it stores anything."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QPushButton

from skiller_desktop.interop import service

RESUME = {"basics": {"name": "Zoé"}, "skills": [{"name": f"Skill {i}", "level": "3"} for i in range(30)],
          "work": [{"name": "Atelier", "position": "Dev", "startDate": "2020-01-01"}]}
WORDS = {"en": ("Skill", "31 of 32 items", "The import was cancelled: nothing was imported."),
         "fr": ("Compétence", "31 éléments sur 32", "L’import a été annulé : rien n’a été importé.")}


def _resume(tmp_path):
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(RESUME), encoding="utf-8")
    return path


def test_the_service_tells_its_count_and_a_cancel_stores_nothing(services, tmp_path):
    services.create_identity("Ana")
    told: list[tuple[int, int]] = []
    with pytest.raises(service.ImportCancelled):
        service.import_jsonresume(services, _resume(tmp_path), lambda d, t: told.append((d, t)), lambda: len(told) > 1)
    assert told == [(30, 32), (31, 32)] and services.queries.skills(services.person_id) == []
    told.clear()
    service.import_jsonresume(services, _resume(tmp_path), lambda d, t: told.append((d, t)), lambda: False)
    assert told[-1] == (32, 32) and len(services.queries.skills(services.person_id)) == 30


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_import_dialog_counts_and_cancel_leaves_nothing(qtbot, window, ask, tmp_path, monkeypatch, language):
    window.set_language(language)
    _skill, count, cancelled = WORDS[language]
    real = service.import_jsonresume
    labels: list[str] = []

    def pressing_cancel(services, path, told, stop):
        def tell(done, total):
            told(done, total)
            labels.append(window.interop.progress.labelText())
            if done >= 31:
                window.interop.progress.findChild(QPushButton).click()  # the user presses Cancel as the count shows
        return real(services, path, tell, stop)

    monkeypatch.setattr(service, "import_jsonresume", pressing_cancel)
    ask.paths.append(str(_resume(tmp_path)))
    window.interop.import_jsonresume()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == cancelled)
    assert any(label.endswith(count) for label in labels), labels
    assert window.interop.report is None and not ask.warnings
    assert window.ops.services.queries.skills(window.ops.services.person_id) == []
    window.set_language("en")
