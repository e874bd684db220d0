"""You never appear in your own People results: not listed, not found by name, skill, level or availability."""

from __future__ import annotations

import pytest

from .conftest import make_person


@pytest.mark.parametrize("language", ["en", "fr"])
def test_i_am_never_among_the_people_i_search(qtbot, window, ask, tmp_path, language):
    services = window.ops.services
    services.add_skill("Python", 5)
    services.update_profile(availability="available")
    for name, skills in (("Alice Dubois", [("Python", 4)]), ("Bob Durand", [("Python", 2)])):
        ask.paths.append(str(make_person(tmp_path, name, skills)))
        window.import_bundle()
    window.set_language(language)
    screen = window.people_screen
    window.show_screen(3)

    def found() -> list[str]:
        return [p.name for p in screen.model.rows]

    qtbot.waitUntil(lambda: found() == ["Alice Dubois", "Bob Durand"])  # everyone but me
    qtbot.keyClicks(screen.text, "alice")
    qtbot.waitUntil(lambda: found() == ["Alice Dubois"])  # "Alice Martin" is me
    screen.text.clear()
    qtbot.keyClicks(screen.skill, "python")
    qtbot.waitUntil(lambda: found() == ["Alice Dubois", "Bob Durand"])
    screen.min_level.setValue(4)
    qtbot.waitUntil(lambda: found() == ["Alice Dubois"])
    assert screen.model.total == 1
    window.set_language("en")


def test_the_total_leaves_me_out_on_every_route(window, ask, tmp_path):
    services = window.ops.services
    me = services.person_id
    services.add_skill("Python", 5)
    services.update_profile(availability="available")
    ask.paths.append(str(make_person(tmp_path, "Bob Durand", [("Python", 4)])))
    window.import_bundle()
    for text, kw in (("", {}), ("alice", {}), ("", {"skill": "python"}), ("", {"min_level": 3}),
                     ("", {"availability": "available", "min_level": 3}), ("python", {"skill": "python"})):
        mine = services.queries.search(text, **kw)
        theirs = services.queries.search(text, exclude=me, **kw)
        assert me in [p.person_id for p in mine.people], (text, kw)  # the route does find me…
        assert me not in [p.person_id for p in theirs.people]  # …and leaves me out when told
        assert theirs.total == mine.total - 1
