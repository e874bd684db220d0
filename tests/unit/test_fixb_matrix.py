"""Review 13 (fixb): the matrix keeps a member's best row of a group, and takes groups as they are."""

from __future__ import annotations

import pytest

from skiller_desktop.teams import analysis

URI = "https://example.org/Skills/Python"  # a peer's concept URI may carry capitals
MEMBERS = [("bob", "Bob", ""), ("cy", "Cy", "")]


@pytest.mark.parametrize("bob_rows", [[(5, 2), (1, 0)], [(1, 0), (5, 2)], [(5, 0), (5, 2)], [(5, 2), (5, 0)]])
def test_a_member_with_two_rows_in_one_group_shows_the_higher(bob_rows) -> None:
    skills = [("bob", "python", "Python", level, n) for level, n in bob_rows] + [("cy", "python", "Python", 3, 1)]
    matrix = analysis.build_matrix(MEMBERS, skills, [])
    bob = next(r for r in matrix.rows if r.person_id == "bob")
    assert (bob.cells["python"].level, bob.cells["python"].endorsements) == (5, 2)
    assert [r.person_id for r in analysis.build_matrix(MEMBERS, skills, [], sort_by="python").rows] == ["bob", "cy"]


def test_a_group_given_for_columns_and_sorting_is_not_folded() -> None:
    skills = [("bob", URI, "Python", 5, 3), ("cy", URI, "Python", 3, 1)]
    matrix = analysis.build_matrix(MEMBERS, skills, [], only_skills=[URI], sort_by=URI,
                                   standing={("cy", URI): 60.0})
    assert [c.key for c in matrix.skills] == [URI]
    assert [r.person_id for r in matrix.rows] == ["cy", "bob"]  # the standing decides, not the level
    assert all(URI in r.cells for r in matrix.rows)
    assert [r.person_id for r in analysis.build_matrix(MEMBERS, skills, [], sort_by=URI, min_level=4).rows] == ["bob"]


def test_words_given_for_columns_and_sorting_are_still_folded() -> None:
    skills = [("bob", "python", "Python", 2, 3), ("cy", "python", "Python", 3, 1)]
    matrix = analysis.build_matrix(MEMBERS, skills, [], only_skills=["PYTHON "], sort_by="Python")
    assert [c.key for c in matrix.skills] == ["python"] and [r.person_id for r in matrix.rows] == ["cy", "bob"]
    assert [r.person_id for r in analysis.build_matrix(MEMBERS, skills, [], sort_by="name").rows] == ["bob", "cy"]
