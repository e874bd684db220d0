"""Screens redraw only what a change touched, whether it was a local edit or a synced document.

Real screens, offscreen, side by side: each reload is counted by its model's
reset signal, so a screen that reloads for nothing fails here.
"""

from __future__ import annotations

from collections import Counter

import pytest

from skiller_desktop.services import Services
from ui.screens.people import PeopleScreen
from ui.screens.portfolio import PortfolioScreen

from .conftest import Answers, make_person


@pytest.fixture
def screens(qtbot, ops):
    """The Portfolio and People screens, both shown, and a count of each one's list reloads."""
    ask = Answers()
    portfolio, people = PortfolioScreen(ops, ask), PeopleScreen(ops, ask)
    for screen in (portfolio, people):
        qtbot.addWidget(screen)
        screen.show()
        qtbot.waitExposed(screen)
    reloads: Counter[str] = Counter()
    portfolio.model.modelReset.connect(lambda: reloads.update(["portfolio"]))
    people.model.modelReset.connect(lambda: reloads.update(["people"]))
    return portfolio, people, reloads


@pytest.fixture
def alice(ops, tmp_path):
    ops.services.create_identity("Alice Martin", "Freelance developer")
    ops.services.import_bundle(make_person(tmp_path, "Bruno", [("Go", 3)]))
    return ops.services


def test_a_local_skill_edit_redraws_the_portfolio_and_one_row_of_people(qtbot, ops, alice, screens):
    portfolio, people, reloads = screens
    assert [p.name for p in people.model.rows] == ["Bruno"]  # never me among my People (issue 12.9)
    rows_redrawn: list[int] = []
    people.model.dataChanged.connect(lambda first, last, *_: rows_redrawn.append(first.row()))

    with qtbot.waitSignal(ops.changed):
        ops.run(lambda: alice.add_skill("Python", 4))

    assert reloads == {"portfolio": 1}  # the People list was not searched again
    assert [s.name for s in portfolio.model.rows] == ["Python"]
    assert rows_redrawn == []  # my row is not in the People list: nothing to redraw there

    with qtbot.waitSignal(ops.changed):
        ops.run(lambda: alice.update_profile(name="Alice Martin-Roy"))  # a name shows in the list: reload
    assert reloads == {"portfolio": 1, "people": 1}


def test_a_skill_edit_searches_again_when_the_search_filters_by_skill(qtbot, ops, alice, screens):
    _, people, reloads = screens
    people.skill.setText("Python")
    people.search_now()
    assert people.model.rows == [] and reloads["people"] == 1
    with qtbot.waitSignal(ops.changed):
        ops.run(lambda: alice.add_skill("Python", 4))
    assert reloads["people"] == 2 and people.model.rows == []  # searched again; I am not among the results


def test_an_imported_bundle_redraws_people_and_the_portfolio_only_when_it_endorses_me(qtbot, ops, alice, screens,
                                                                                      tmp_path):
    portfolio, _, reloads = screens
    alice.add_skill("Python", 4)
    alice.export_bundle(tmp_path / "alice.skb")
    reloads.clear()
    with qtbot.waitSignal(ops.changed) as heard:
        ops.run(lambda: alice.import_bundle(make_person(tmp_path, "Carla", [("Go", 2)])))
    assert heard.args[0].people and not heard.args[0].synced
    assert reloads == {"people": 1}

    carla = Services(tmp_path / "other-Carla")
    try:
        carla.import_bundle(tmp_path / "alice.skb")
        carla.endorse(alice.person_id, "Python")
        carla.export_bundle(tmp_path / "carla.skb")
    finally:
        carla.close()
    with qtbot.waitSignal(ops.changed):
        ops.run(lambda: alice.import_bundle(tmp_path / "carla.skb"))
    assert reloads == {"people": 2, "portfolio": 1}
    assert [s.endorsement_count for s in portfolio.model.rows] == [1]


def test_a_document_synced_from_another_node_redraws_people_not_the_portfolio(qtbot, ops, alice, screens,
                                                                              tmp_path):
    from sync.node import NodeSync

    portfolio, people, reloads = screens
    alice.add_skill("Python", 4)
    reloads.clear()
    bea = Services(tmp_path / "bea")
    bea.create_identity("Bea Lopez")
    bea.add_skill("Rust", 3)
    theirs, ours = NodeSync(bea), NodeSync(alice)
    try:
        theirs.serve("127.0.0.1", 0)
        peer = ours.scheduler.add_peer(theirs.server.url, "peer")
        with qtbot.waitSignal(ops.changed, timeout=20_000) as heard:
            ours.scheduler.sync_once(peer.peer_id)  # the pull commits here; listeners hear it from a thread
        changes = heard.args[0]
        assert changes.synced and changes.documents == {bea.person_id}
        assert changes.people and not (changes.skills or changes.endorsements or changes.profile)
        assert reloads == {"people": 1}  # Bea does not endorse Alice: her portfolio stays as it is
        assert "Bea Lopez" in [p.name for p in people.model.rows]

        bea.endorse(alice.person_id, "Python")
        reloads.clear()
        with qtbot.waitSignal(ops.changed, timeout=20_000) as heard:
            ours.scheduler.sync_once(peer.peer_id)
        assert heard.args[0].endorsements and heard.args[0].synced
        assert reloads["portfolio"] == 1
        assert [s.endorsement_count for s in portfolio.model.rows] == [1]
    finally:
        ours.close()
        theirs.close()
        bea.close()


def test_the_window_has_no_second_channel_for_sync(qtbot, window):
    from sync.node import NodeSync

    node = NodeSync(window.ops.services)  # not started: nothing goes on the network
    try:
        window.set_sync_source(node.scheduler)
        assert node.scheduler._change_listeners == [node._synced]  # the services' listeners carry sync too
    finally:
        node.close()
