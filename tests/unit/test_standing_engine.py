"""The standing engine on small hand-made graphs: known answers, then properties over random graphs.

Real SQLite stores (read-model rows written directly), the real engine. The
known answers are worked out by hand from the walk's equations (docs/standing.md).
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from standing_world import World

from skiller_desktop import standing_read
from skiller_desktop import trust as tr
from skiller_desktop.standing import WEIGHTS

A = tr.ALPHA


@pytest.fixture
def world(tmp_path: Path) -> World:
    return World(tmp_path / "store.sqlite3")


def test_a_chain_gives_the_trust_its_equations_give(world: World) -> None:
    """V knows A, A endorses B: V -> A -> B, and B (no edge) sends the walk back to V."""
    world.know("V", "A")
    world.endorse("A", "B")
    scores = world.compute()
    viewer = A / (1 - (1 - A) ** 3)
    assert world.trust("V") == pytest.approx(viewer, rel=1e-4)
    assert world.trust("A") == pytest.approx((1 - A) * viewer, rel=1e-4)
    assert world.trust("B") == pytest.approx((1 - A) ** 2 * viewer, rel=1e-4)
    assert scores == {("B", "python"): pytest.approx((1 - A) * viewer, rel=1e-4)}
    [found] = standing_read.contributions(world.db, "B", "python")
    assert (found.endorser_id, found.share) == ("A", 1.0)
    assert [step.person_id for step in found.path] == ["V", "A"]
    assert [step.kind for step in found.path] == ["", "known"]


def test_an_endorser_who_endorses_more_weighs_less_on_each(world: World) -> None:
    """A star: V knows A and B alike; A endorses X, Y and Z, B only X. A's weight is split three ways."""
    world.know("V", "A")
    world.know("V", "B")
    for subject in ("X", "Y", "Z"):
        world.endorse("A", subject)
    world.endorse("B", "X")
    scores = world.compute()
    each = world.trust("A")
    assert world.trust("B") == pytest.approx(each, rel=1e-6)
    assert scores[("X", "python")] == pytest.approx(each / 3 + each, rel=1e-4)
    assert scores[("Y", "python")] == pytest.approx(each / 3, rel=1e-4)
    shares = {c.endorser_id: c.share for c in standing_read.contributions(world.db, "X", "python")}
    assert shares == {"A": pytest.approx(0.25, rel=1e-4), "B": pytest.approx(0.75, rel=1e-4)}


def test_on_a_cycle_trust_sums_to_one_and_the_shares_of_a_skill_to_one(world: World) -> None:
    world.know("V", "A")
    world.endorse("A", "B")
    world.endorse("B", "C")
    world.endorse("C", "A")
    world.endorse("C", "B", "Rust", 4)
    world.endorse("A", "B", "Rust", 2)
    world.compute()
    assert sum(world.trust(p) for p in "VABC") == pytest.approx(1.0, abs=1e-4)
    shares = [c.share for c in standing_read.contributions(world.db, "B", "rust")]
    assert len(shares) == 2 and sum(shares) == pytest.approx(1.0)
    level = world.db.one(
        "SELECT community_level FROM standings WHERE person_id = 'B' AND skill_group = 'rust'")["community_level"]
    weights = {e: world.trust(e) / 2 for e in ("A", "C")}  # each endorses two (subject, skill)s
    assert level == pytest.approx((2 * weights["A"] + 4 * weights["C"]) / (weights["A"] + weights["C"]), rel=1e-3)


def test_revoked_hidden_self_and_imported_endorsements_count_zero(world: World) -> None:
    world.know("V", "A")
    world.know("V", "B")
    kept = world.endorse("A", "X")
    revoked = world.endorse("B", "X")
    world.revoke("B", revoked)
    world.endorse("X", "X")  # a self-endorsement written behind the read model's back
    world.db.execute("""INSERT INTO imported_endorsements (import_id, person_id, source, skill_key, skill_name,
                        endorser_name, endorser_url, date) VALUES ('i1', 'X', 'linkedin', 'python', 'Python', 'Someone',
                        'https://example.org', '2026-01-01')""")
    scores = world.compute()
    assert scores == {("X", "python"): pytest.approx(world.trust("A"), rel=1e-4)}
    world.hide("X", "A", kept)
    assert world.compute() == {}


def test_people_nobody_trusted_links_to_get_nothing_however_many(world: World) -> None:
    world.know("V", "A")
    world.endorse("A", "B")
    ring = [f"F{i}" for i in range(30)]
    for fake in ring:
        for other in ring[:5]:
            if other != fake:
                world.endorse(fake, other)
        world.endorse(fake, "T")
        world.endorse(fake, "B", "Rust")  # fakes endorsing an honest person move nothing either
    scores = world.compute()
    assert all(world.trust(f) == 0 for f in [*ring, "T"])
    assert set(scores) == {("B", "python")}
    assert standing_read.endorsement_counts(world.db, "T") == {"python": 30}
    assert world.db.one("SELECT 1 FROM standings WHERE person_id = 'T'") is None


def test_a_team_links_its_members_both_ways_and_paths_name_the_team(world: World) -> None:
    world.team("team:atelier", "V", "A")
    world.db.execute("INSERT INTO teams VALUES ('team:atelier', 'Atelier', 'atelier', '', 'V', '', '', 2, 0)")
    world.endorse("A", "B")
    world.compute()
    [found] = standing_read.contributions(world.db, "B", "python")
    assert [(s.person_id, s.kind, s.team) for s in found.path] == [("V", "", ""), ("A", "team", "Atelier")]


def test_a_team_listing_the_user_without_their_acceptance_gives_its_maker_no_trust(world: World) -> None:
    """An admin may list anyone: only the creator and those who accepted in their own document count."""
    world.team("team:fake", "V", "S", accepted=())
    world.db.execute("INSERT INTO teams VALUES ('team:fake', 'Fake', 'fake', '', 'S', '', '', 2, 0)")
    world.endorse("S", "T")
    scores = world.compute()
    assert world.trust("S") == 0.0 and ("T", "python") not in scores
    world.db.execute("INSERT INTO team_acceptances VALUES ('V', 'team:fake', '', '', '2026-01-01')")
    world.compute()  # the control: once V accepts, the team links V and S
    assert world.trust("S") > 0.0


def test_people_the_user_lists_in_their_own_team_get_trust_from_them_only(world: World) -> None:
    """Listing someone in your team vouches for them (an edge from the creator), not they for you."""
    world.team("team:mine", "V", "M", accepted=())
    world.db.execute("INSERT INTO teams VALUES ('team:mine', 'Mine', 'mine', '', 'V', '', '', 2, 0)")
    world.endorse("M", "T")
    world.team("team:theirs", "M", "Q", accepted=())  # M's own team listing Q: M vouches for Q
    world.db.execute("INSERT INTO teams VALUES ('team:theirs', 'Theirs', 'theirs', '', 'M', '', '', 2, 0)")
    scores = world.compute()
    assert world.trust("M") > 0.0 and ("T", "python") in scores
    assert world.trust("Q") > 0.0  # through M, who created the team that lists Q


def test_an_update_after_a_change_gives_what_a_full_computation_gives(world: World, tmp_path: Path) -> None:
    rng = random.Random(3)
    people = [f"P{i}" for i in range(60)]
    for p in people[:5]:
        world.know("V", p)
    for p in people:
        for q in rng.sample(people, 4):
            if q != p:
                world.endorse(p, q, rng.choice(["Python", "Rust", "SQL"]), rng.randint(0, 5))
    world.compute()
    changed = rng.sample(people, 6)
    for p in changed:
        world.endorse(p, rng.choice(people), "Go")
    world.revoke(changed[0], "e1") if world.db.one("SELECT 1 FROM endorsements WHERE endorser_id = ? AND "
                                                  "endorsement_id = 'e1'", (changed[0],)) else None
    world.know(changed[1], "V")
    world.engine.update(set(changed))
    updated, stored = world.scores(), _stored(world)
    world.engine.compute()
    assert world.scores().keys() == updated.keys()
    for key, value in world.scores().items():
        assert updated[key] == pytest.approx(value, rel=1e-3, abs=1e-9)
    full = _stored(world)
    assert full.keys() == stored.keys()
    for key, value in full.items():
        assert stored[key] == pytest.approx(value, rel=3e-2)  # rows move by under 2 % are not rewritten


def _stored(world: World) -> dict[tuple[str, str], float]:
    return {(r["person_id"], r["skill_group"]): r["score"]
            for r in world.db.query("SELECT person_id, skill_group, score FROM standings")}


# -- properties --------------------------------------------------------------------------


def _honest(world: World, rng: random.Random, size: int) -> list[str]:
    people = [f"H{i}" for i in range(size)]
    for p in rng.sample(people, 4):
        world.know("V", p)
    world.endorse("V", people[0], "SQL")
    for p in people:
        for q in rng.sample(people, rng.randint(1, 5)):
            if q != p:
                world.endorse(p, q, rng.choice(["Python", "Rust", "SQL"]), rng.randint(0, 5))
        if rng.random() < 0.2:
            world.know(p, rng.choice(people))
    return people


def _fakes(world: World, rng: random.Random, count: int, honest: list[str], tag: str) -> list[str]:
    ring = [f"{tag}{i}" for i in range(count)]
    for fake in ring:
        for other in rng.sample(ring, min(count, 6)):
            if other != fake:
                world.endorse(fake, other, "Python", 5)
        world.endorse(fake, f"{tag}target", "Python", 5)
        if rng.random() < 0.3:
            world.endorse(fake, rng.choice(honest), rng.choice(["Python", "Rust"]), 5)
            world.know(fake, rng.choice(honest))
    return ring


@pytest.mark.parametrize("seed", range(6))
def test_fakes_no_trusted_person_links_to_change_no_standing(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    world = World(tmp_path / "store.sqlite3")
    honest = _honest(world, rng, 40)
    before = world.compute()
    _fakes(world, rng, rng.choice([5, 50, 300]), honest, "F")
    after = world.compute()
    assert after.keys() == before.keys()
    for key, value in before.items():
        assert after[key] == pytest.approx(value, rel=1e-9, abs=1e-15)


@pytest.mark.parametrize("seed", range(6))
def test_fakes_behind_one_attack_edge_raise_no_one_by_more_than_its_trust(tmp_path: Path, seed: int) -> None:
    """The walk crosses the edge u -> fake E times on average (E = trust(u) (1 - alpha) w/W_u / alpha, its
    trust); everything it then visits adds up to at most E. Whatever the fakes do, no score gains more."""
    rng = random.Random(100 + seed)
    world = World(tmp_path / "store.sqlite3")
    honest = _honest(world, rng, 40)
    before = world.compute()
    ring = _fakes(world, rng, rng.choice([5, 50, 300]), honest, "F")
    attacker = rng.choice([h for h in honest if world.trust(h) > 0])
    world.endorse(attacker, ring[0], "Python", 5)
    after = world.compute()
    engine = world.engine
    graph = engine.graph
    u = engine.people[attacker]
    out = graph.weight[graph.src == u].sum()
    edge = WEIGHTS[tr.ENDORSED]
    bound = world.trust(attacker) * (1 - A) * edge / out / A
    gains = [after.get(key, 0.0) - before.get(key, 0.0) for key in after]
    assert max(gains) <= bound + 1e-6
    assert after.get(("Ftarget", "python"), 0.0) > 0  # the edge did let some trust in
    assert np.isfinite(engine.trust).all()


def test_endorsements_add_up_by_concept_where_the_store_has_one(world: World) -> None:
    """An endorsement naming the concept and one naming the skill its subject linked to that concept count
    together; hiding still applies."""
    esco = "http://data.europa.eu/esco/skill/python"
    world.db.execute("""INSERT INTO skills (person_id, skill_key, name, level, years, description, keywords, evidence,
                        position, person_name_fold, availability, concept)
                        VALUES ('X', 'python 3', 'Python 3', 4, 0, '', '[]', '[]', 0, 'x', '', ?)""", (esco,))
    world.know("V", "A")
    world.know("V", "B")
    world.endorse("A", "X", "Python 3")  # no concept on the endorsement: the subject's link decides
    linked = world.endorse("B", "X", "Python (programming)", concept=esco)
    scores = world.compute()
    assert scores == {("X", esco): pytest.approx(world.trust("A") + world.trust("B"), rel=1e-4)}
    [found] = standing_read.skills(world.db, "X")
    assert (found.group, found.endorsements, found.counted, found.standing) == (esco, 2, 2, 100.0)
    world.hide("X", "B", linked)
    assert world.compute() == {("X", esco): pytest.approx(world.trust("A"), rel=1e-4)}


def test_someone_endorsed_before_their_own_profile_arrived_still_gets_their_standing(world: World) -> None:
    """An endorsement names a subject this device has no profile of yet: counted all the same, in its place."""
    world.know("V", "A")
    for subject in ("B", "Z-not-here", "C"):
        world.endorse("A", subject)
    world.db.execute("DELETE FROM persons WHERE person_id = 'Z-not-here'")
    scores = world.compute()
    share = world.trust("A") / 3
    assert scores == {(p, "python"): pytest.approx(share, rel=1e-4) for p in ("B", "Z-not-here", "C")}


@pytest.mark.parametrize("unnumbered", ["none", "half", "all"])
def test_rows_an_older_writer_left_without_numbers_count_as_the_numbered_ones(tmp_path: Path,
                                                                                unnumbered: str) -> None:
    """The engine reads endorsements by the store's numbers (store_numbers); a row without them (written
    before migration 14 filled them, or by a writer that forgets) is read by its text and counts the same,
    in a full computation and in an update."""
    results = []
    for name in ("reference", unnumbered):
        rng = random.Random(11)
        world = World(tmp_path / f"{name}.sqlite3")
        honest = _honest(world, rng, 40)
        _fakes(world, rng, 20, honest, "F")
        # a concept on the endorsement, a skill its subject linked, a hidden endorsement
        world.db.execute("""INSERT INTO skills (person_id, skill_key, name, level, years, description, keywords,
                            evidence, position, person_name_fold, availability, concept, skill_group)
                            VALUES (?, 'rust', 'Rust', 4, 0, '', '[]', '[]', 0, 'h1', '', ?, ?)""",
                         (honest[1], RUST, RUST))
        world.endorse(honest[2], honest[1], "Rust", 4)  # no concept: the subject's link decides
        world.endorse(honest[3], honest[1], "Rust (language)", 5, concept=RUST)
        world.hide(honest[1], honest[4], world.endorse(honest[4], honest[1], "Rust", 5))
        if name != "reference" and unnumbered != "none":
            rows = [r[0] for r in world.db.query("SELECT endorsement_id FROM endorsements")]
            wiped = rows if unnumbered == "all" else random.Random(5).sample(rows, len(rows) // 2)
            world.db.executemany("UPDATE endorsements SET subject_num = 0 WHERE endorsement_id = ?",
                                 [(w,) for w in wiped])
        full = world.compute()
        changed = rng.sample(honest, 5)
        for i, person in enumerate(changed):
            world.endorse(person, rng.choice(honest), "Go", 3, numbered=name == "reference" or i % 2 == 0)
        world.engine.update(set(changed))
        results.append((full, world.scores(), {p: world.trust(p) for p in honest}))
    (full, updated, trust), (full_here, updated_here, trust_here) = results
    assert full_here == pytest.approx(full, rel=1e-9)
    assert updated_here == pytest.approx(updated, rel=1e-9)
    assert trust_here == pytest.approx(trust, rel=1e-9)
    assert any(group == "go" for _, group in updated)  # the update's new endorsements counted
    rust = {person: score for (person, group), score in full.items() if group == RUST}
    assert list(rust) == ["H1"] and rust["H1"] > 0  # both endorsements in the concept's group, nowhere else


RUST = "http://data.europa.eu/esco/skill/rust"


def test_a_load_beside_a_commit_learns_the_numbers_its_helper_saw(world: World) -> None:
    """The full load reads the table's later half on a second connection, which may see a commit the first
    connection's snapshot does not: the people that commit numbered are learnt all the same."""
    from skiller_desktop import standing_load as load

    for person in ("A", "B", "C", "D"):
        world.endorse("V", person)
    reader, helper = load.Reader(world.db.path), load.Reader(world.db.path)
    reader.conn.execute("BEGIN")
    reader.rows("SELECT COUNT(*) FROM endorsements")  # the snapshot starts here
    world.endorse("Z-new", "Z-newer", "Go")  # endorser after the middle: in the helper's half
    people, groups = load.Numbering(), load.Numbering()
    endorser, subject, group, _ = load.endorsements(reader, load.StoreNumbers(people, groups), helper=helper)
    reader.conn.execute("COMMIT")
    found = {(people.names[e], people.names[s], groups.names[g])
             for e, s, g in zip(endorser, subject, group, strict=True)}
    assert found == {("V", p, "python") for p in "ABCD"} | {("Z-new", "Z-newer", "go")}
    reader.close()
    helper.close()
