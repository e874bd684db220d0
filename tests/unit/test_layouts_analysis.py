"""Matching order (issue 12.4): reaching the level wanted comes before being in the team, and the
fact that decided between two neighbours can be named."""

from __future__ import annotations

from skiller_desktop.teams import analysis
from skiller_desktop.teams.views import Candidate, Need


def need(level: int) -> Need:
    return Need(need_id="n1", skill="Python", skill_key="python", level=level, note="", status="open",
                created_by="", created_at="")


def people(*rows):
    return [(f"id-{name}", name, member, level, n, avail) for name, member, level, n, avail in rows]


def test_a_member_below_the_level_comes_after_an_outsider_who_meets_it() -> None:
    ranked = analysis.rank(need(4), people(("Ana", True, 2, 9, "available"), ("Zoé", False, 5, 0, "busy"),
                                           ("Bob", True, 4, 0, "")))
    assert [c.name for c in ranked] == ["Bob", "Zoé", "Ana"]
    assert analysis.deciding_fact(ranked[0], ranked[1], 4) == "member"
    assert analysis.deciding_fact(ranked[1], ranked[2], 4) == "level_met"


def test_each_fact_is_named_when_it_decides() -> None:
    def c(name: str, level: int = 5, n: int = 0, avail: str = "available", member: bool = True) -> Candidate:
        return Candidate(f"id-{name}", name, member, level, n, avail, "")

    assert analysis.deciding_fact(c("A"), c("B", avail="busy"), 3) == "not_busy"
    assert analysis.deciding_fact(c("A"), c("B", level=4), 3) == "level"
    assert analysis.deciding_fact(c("A", n=3), c("B", n=1), 3) == "endorsements"
    assert analysis.deciding_fact(c("A"), c("B", avail="open"), 3) == "availability"
    assert analysis.deciding_fact(c("A"), c("B"), 3) == "name"
    # standing (issue 14) between the busy gate and the level: given, it is named; not given, inferred
    assert analysis.deciding_fact(c("A", level=4), c("B"), 3, {"id-A": 80.0, "id-B": 20.0}) == "standing"
    assert analysis.deciding_fact(c("A", level=4), c("B"), 3) == "standing"  # B "should" be first: not by facts
    assert analysis.deciding_fact(c("A"), c("B", avail="busy"), 3, {"id-B": 99.0}) == "not_busy"


def test_order_facts_name_every_sort_key() -> None:
    """A sort key added to `candidate_order` without its name would make the Why column name the wrong fact."""
    key = analysis.candidate_order(Candidate("id", "A", True, 3, 1, "", ""), 3)
    assert len(analysis.ORDER_FACTS) == len(key) - 1  # the person id, last, only makes the order total
