"""The team matrix and need matching order by standing (then claimed level, endorsements, name)."""

from __future__ import annotations

from pathlib import Path

from standing_world import World

from skiller_desktop import standing_read
from skiller_desktop.teams import analysis
from skiller_desktop.teams.views import Need

NEED = Need("n1", "Python", "python", 3, "", "open", "V", "2026-01-01")
PEOPLE = [("bob", "Bob", True, 5, 3, "available"), ("cy", "Cy", True, 3, 1, "available"),
          ("dan", "Dan", True, 2, 9, "available")]


def test_matching_puts_the_recognised_first_among_those_who_reach_the_level() -> None:
    assert [c.person_id for c in analysis.rank(NEED, PEOPLE)] == ["bob", "cy", "dan"]
    ranked = analysis.rank(NEED, PEOPLE, {"cy": 100.0, "dan": 100.0})
    assert [c.person_id for c in ranked] == ["cy", "bob", "dan"]  # Dan is below the level wanted: still last


def test_the_matrix_sorted_by_a_skill_puts_standing_first() -> None:
    members = [("bob", "Bob", ""), ("cy", "Cy", "")]
    skills = [("bob", "python", "Python", 5, 3), ("cy", "python", "Python", 3, 1)]
    assert [r.person_id for r in analysis.build_matrix(members, skills, [], sort_by="Python").rows] == ["bob", "cy"]
    matrix = analysis.build_matrix(members, skills, [], sort_by="Python", standing={("cy", "python"): 60.0})
    assert [r.person_id for r in matrix.rows] == ["cy", "bob"]


def test_standings_are_read_for_the_skills_asked(tmp_path: Path) -> None:
    world = World(tmp_path / "store.sqlite3")
    for person in ("B", "C"):
        world.db.execute("""INSERT INTO skills (person_id, skill_key, name, level, years, description, keywords,
                            evidence, position, person_name_fold, availability)
                            VALUES (?, 'python', 'Python', 3, 0, '', '[]', '[]', 0, '', '')""", (person,))
    world.know("V", "A")
    world.endorse("A", "C")
    world.endorse("V", "B", "Rust")
    world.compute()
    assert standing_read.in_groups(world.db, ["B", "C"], ["python", "rust"]) == {
        ("C", "python"): 100.0, ("B", "rust"): 100.0}
    assert standing_read.in_groups(world.db, ["B", "C"], ["python"]) == {("C", "python"): 100.0}
