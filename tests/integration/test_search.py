"""People search: every route (skill, text, filters) gives the same answers a user expects."""

from __future__ import annotations

import pytest
from support import hand_over

from skiller_desktop import queries as queries_module


@pytest.fixture
def community(node, tmp_path):
    me = node("Moi")
    people = [
        ("Léa Martin", "Développeuse Python", "available", [("Python", 5), ("SQL", 2)]),
        ("Lucas Bernard", "Data engineer", "busy", [("Python", 3), ("Rust", 4)]),
        ("Zoé Petit", "Ébéniste", "available", [("Ébénisterie", 4)]),
        ("Hélène Roux", "Développeuse Rust", "open", [("Rust", 5), ("Python", 1)]),
    ]
    for index, (name, headline, availability, skills) in enumerate(people):
        other = node(name, headline)
        other.update_profile(availability=availability)
        for skill, level in skills:
            other.add_skill(skill, level)
        hand_over(other, me, tmp_path / f"{index}.skb")
    return me.queries


def names(page):
    return [p.name for p in page.people]


def test_skill_search_lists_the_best_first(community):
    page = community.search(skill="python")
    assert names(page) == ["Léa Martin", "Lucas Bernard", "Hélène Roux"]
    assert [p.matched_level for p in page.people] == [5, 3, 1]
    assert page.total == 3


def test_skill_with_minimum_level_and_availability(community):
    assert names(community.search(skill="PYTHON", min_level=3)) == ["Léa Martin", "Lucas Bernard"]
    assert names(community.search(skill="python", min_level=3, availability="available")) == ["Léa Martin"]


def test_text_and_filters_intersect(community):
    assert set(names(community.search("developpeuse"))) == {"Léa Martin", "Hélène Roux"}
    assert names(community.search("developpeuse", skill="rust")) == ["Hélène Roux"]
    assert names(community.search("developpeuse", availability="available")) == ["Léa Martin"]
    assert names(community.search("dev", min_level=5, availability="open")) == ["Hélène Roux"]
    assert community.search("developpeuse", skill="ebenisterie").total == 0


def test_text_finds_skills_and_ignores_accents(community):
    assert names(community.search("EBENISTERIE")) == ["Zoé Petit"]
    assert names(community.search("zoe")) == ["Zoé Petit"]


def test_filters_without_text_list_by_name(community):
    assert names(community.search(availability="available")) == ["Léa Martin", "Zoé Petit"]
    assert names(community.search(min_level=5)) == ["Hélène Roux", "Léa Martin"]
    assert community.search(min_level=5, availability="available").total == 1
    assert community.search().total == 5


def test_broad_prefixes_still_find_everyone_page_by_page(community, monkeypatch):
    monkeypatch.setattr(queries_module, "RANKED_MATCHES", 1)
    pages = [community.search("d", limit=1, offset=i) for i in range(4)]
    assert pages[0].total == 3  # Développeuse, Data, Développeuse
    assert {p.people[0].name for p in pages[:3]} == {"Léa Martin", "Lucas Bernard", "Hélène Roux"}
    assert pages[3].people == []


def test_a_profile_change_moves_the_person_in_every_index(node, tmp_path):
    me, other = node("Moi"), node("Léa", "Développeuse")
    other.add_skill("Python", 2)
    hand_over(other, me, tmp_path / "1.skb")
    other.update_profile(name="Léa Dubois", headline="Ébéniste", availability="available")
    other.update_skill("Python", level=5)
    hand_over(other, me, tmp_path / "2.skb")
    assert me.queries.search("developpeuse").total == 0
    assert names(me.queries.search("dubois ebeniste", skill="python", min_level=5)) == ["Léa Dubois"]
    assert names(me.queries.search(skill="python", min_level=5, availability="available")) == ["Léa Dubois"]


@pytest.mark.parametrize("text", ['"', "*", "AND", "NEAR(", "a:b", "{name}", "'; DROP TABLE persons; --", "_"])
def test_query_syntax_in_user_text_is_just_text(community, text):
    community.search(text)  # no error: FTS5 syntax is never passed through
