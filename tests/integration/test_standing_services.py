"""Standing through the services: the signed `known` section, updates after each commit, hiding."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import hand_over

from skiller_desktop import standing_read
from skiller_desktop.errors import NotAllowedError, NotFoundError, ValidationError


def _stored(services) -> dict[tuple[str, str], float]:
    return {(r["person_id"], r["skill_group"]): r["score"]
            for r in services.db.query("SELECT person_id, skill_group, score FROM standings")}


def test_knowing_someone_is_a_signed_entry_that_travels_and_can_be_taken_back(node, tmp_path: Path) -> None:
    ana, ben, cy = node("Ana"), node("Ben"), node("Cy")
    hand_over(ben, ana, tmp_path / "ben.bundle")
    ana.know(ben.person_id)
    assert ana._own_data()["known"][ben.person_id]["revoked_at"] == ""
    hand_over(ana, cy, tmp_path / "ana.bundle")
    assert standing_read.known(cy.db, ana.person_id).keys() == {ben.person_id}  # Cy sees Ana's signed mark
    with pytest.raises(ValidationError):
        ana.know(ben.person_id)
    with pytest.raises(NotAllowedError):
        ana.know(ana.person_id)
    with pytest.raises(NotFoundError):
        ana.know(cy.person_id)  # not on Ana's device yet
    with pytest.raises(ValidationError):
        ana.know("not an id")
    ana.know(ben.person_id, undo=True)
    assert ana._own_data()["known"][ben.person_id]["revoked_at"]
    assert standing_read.known(ana.db, ana.person_id) == {}
    with pytest.raises(ValidationError):
        ana.know(ben.person_id, undo=True)


def test_standings_follow_every_commit_and_match_a_full_computation(node, tmp_path: Path) -> None:
    ana, ben, cy, eve = node("Ana"), node("Ben"), node("Cy"), node("Eve")
    eve.add_skill("Python", level=2)
    for giver in (ben, cy):
        hand_over(eve, giver, tmp_path / "eve.bundle")
    ben.endorse(eve.person_id, "Python", level=4)
    for other in (ben, cy, eve):
        hand_over(other, ana, tmp_path / "x.bundle")
    [before] = ana.skill_standings(eve.person_id)
    assert (before.standing, before.endorsements, before.counted) == (0.0, 1, 0)  # Ben is outside Ana's network
    ana.know(ben.person_id)  # a local edit: the keeper updates at once
    [known] = ana.skill_standings(eve.person_id, explain=True)
    assert (known.standing, known.counted, known.community_level) == (100.0, 1, 4.0)
    assert [s.person_id for s in known.why[0].path] == [ana.person_id, ben.person_id]
    hand_over(eve, cy, tmp_path / "eve.bundle")
    cy.endorse(eve.person_id, "Python", level=2)
    hand_over(cy, ana, tmp_path / "cy.bundle")  # synced in: Cy is outside, counts nothing
    assert ana.skill_standings(eve.person_id)[0].outside == 1
    updated = _stored(ana)
    ana.standing.recompute()
    full = _stored(ana)
    assert full.keys() == updated.keys()
    assert all(updated[k] == pytest.approx(v, rel=3e-2) for k, v in full.items())  # SCORE_CHANGE: 2 %


def test_a_hidden_endorsement_counts_zero(node, tmp_path: Path) -> None:
    ana, eve = node("Ana"), node("Eve")
    eve.add_skill("Python", level=2)
    hand_over(eve, ana, tmp_path / "eve.bundle")
    endorsement = ana.endorse(eve.person_id, "Python")
    hand_over(ana, eve, tmp_path / "ana.bundle")
    eve.hide_endorsement(endorsement)
    hand_over(eve, ana, tmp_path / "eve.bundle")
    [found] = ana.skill_standings(eve.person_id)
    assert (found.standing, found.endorsements) == (0.0, 0)


def test_a_failed_update_never_fails_the_commit_and_the_next_read_recomputes(node, monkeypatch) -> None:
    from skiller_desktop.standing import StandingEngine

    ana = node("Ana")

    def broken(self, changes):
        raise RuntimeError("boom")

    monkeypatch.setattr(StandingEngine, "refresh", broken)
    ana.add_skill("Python", 3)  # committed all the same
    assert standing_read.state(ana.db)[1]  # marked out of date
    monkeypatch.undo()
    assert [s.skill for s in ana.skill_standings(ana.person_id)] == ["Python"]
    assert standing_read.state(ana.db) == (ana.person_id, False)
