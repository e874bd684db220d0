"""Getting started on My profile: the four steps tick themselves as they happen (issue 12, point 1)."""

from __future__ import annotations

import json

import pytest

from skiller_desktop.getting_started import steps

from .conftest import make_person

TITLE = {"en": "Getting started", "fr": "Premiers pas"}


def marks(screen) -> dict[str, str]:
    return {step: mark.text() for step, mark in screen.checklist.marks.items()}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_checklist_ticks_itself(qtbot, window, ops, ask, languages, tmp_path, language):
    languages.switch(language)
    window.build()
    screen = window.profile_screen
    assert screen.checklist.title() == TITLE[language]
    qtbot.waitUntil(lambda: screen.checklist.isVisibleTo(screen))
    assert marks(screen) == {"skills": "○", "imported": "○", "connected": "○", "endorsed": "○"}
    assert all(b.isVisibleTo(screen) for b in screen.checklist.buttons.values())

    ops.run(lambda: ops.services.add_skill("Python", 4))  # from anywhere: the Changes listeners tell the screen
    qtbot.waitUntil(lambda: marks(screen)["skills"] == "✓")
    assert not screen.checklist.buttons["skills"].isVisibleTo(screen)

    resume = tmp_path / "resume.json"
    resume.write_text(json.dumps({"basics": {"name": "Alice Martin"},
                                  "work": [{"name": "Atelier", "position": "Developer", "startDate": "2020-01-01"}]}))
    from skiller_desktop.interop.service import import_jsonresume

    ops.run(lambda: import_jsonresume(ops.services, resume))
    qtbot.waitUntil(lambda: marks(screen)["imported"] == "✓")

    ask.paths.append(str(make_person(tmp_path, "Ben", [("Weaving", 3)])))
    window.import_bundle()  # someone else arrives
    qtbot.waitUntil(lambda: marks(screen)["connected"] == "✓")
    assert marks(screen)["endorsed"] == "○"

    ben = next(p for p in ops.services.queries.people() if p.name == "Ben")
    ops.run(lambda: ops.services.endorse(ben.person_id, "Weaving", "Great work"))
    qtbot.waitUntil(lambda: not screen.checklist.isVisibleTo(screen))  # all done: the box steps aside
    assert steps(ops.services).done


def test_each_open_step_has_its_way(qtbot, window, ask):
    screen = window.profile_screen
    qtbot.waitUntil(lambda: screen.checklist.isVisibleTo(screen))
    screen.checklist.buttons["endorsed"].click()
    assert window.stack.currentWidget() is window.people_screen
    screen.checklist.buttons["connected"].click()
    assert window.invite_dialog.isVisible()
    assert window.invite_dialog.run_relay.isVisible()  # no relay yet: offers to run one
    window.invite_dialog.reject()
