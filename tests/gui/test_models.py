"""Every item model passes qtmodeltester; the people model pages instead of loading everything."""

from __future__ import annotations

import pytest

from skiller_desktop.demo import generate_community
from ui.models import PAGE, GivenEndorsementsModel, OffersModel, PeopleModel, SearchQuery, SkillsModel


@pytest.fixture
def community(ops):
    ops.services.create_identity("Alice Martin")
    ops.services.add_skill("Python", 4)
    ops.services.add_skill("SQL", 2)
    mine = {s.key: {"name": s.name} for s in ops.services.queries.skills(ops.services.person_id)}
    generate_community(ops.services.store, 250, seed=3, skills_each=6, endorsements_each=3,
                       known=[(ops.services.person_id, mine)], known_weight=5)
    return ops


def test_people_model_pages(qtmodeltester, community):
    model = PeopleModel(community)
    model.search(SearchQuery())
    assert model.total == 250  # everyone but me (issue 12.9)
    assert model.rowCount() == PAGE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE
    qtmodeltester.check(model, force_py=True)
    model.search(SearchQuery(skill="python", min_level=1))
    assert all(p.matched_skill == "Python" for p in model.rows)
    qtmodeltester.check(model, force_py=True)


def test_superseded_searches_are_dropped(community):
    from ui.runner import SyncRunner

    assert isinstance(community.runner, SyncRunner)
    model = PeopleModel(community)
    model._loading = True  # a search is running on the worker
    model.search(SearchQuery(text="a"))
    model.search(SearchQuery(text="al"))
    model.search(SearchQuery(text="alice"))
    assert model._waiting == SearchQuery(text="alice")
    model._arrived(None, None, model._generation, True)
    assert model.query.text == "alice"
    me = community.services.person_id
    expected = community.services.queries.search("alice", exclude=me).people
    assert [p.person_id for p in model.rows] == [p.person_id for p in expected]  # the last search's rows
    assert me not in [p.person_id for p in model.rows]


def test_skills_model(qtmodeltester, community):
    model = SkillsModel(community)
    model.load(community.services.person_id)
    assert [s.name for s in model.rows] == ["Python", "SQL"]
    assert model.move(0, 1) == ["SQL", "Python"]
    assert model.move(1, 1) is None
    qtmodeltester.check(model, force_py=True)


def test_endorsements_model(qtmodeltester, community):
    model = GivenEndorsementsModel(community)
    first = community.services.queries.people(limit=1)[0]
    model.load(first.person_id)
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)


def test_offers_model(qtmodeltester, community):
    model = OffersModel(community)
    model.load(status="open")
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)
    skill = model.rows[0].skill
    model.load(skill=skill)
    assert {o.skill for o in model.rows} == {skill}
    qtmodeltester.check(model, force_py=True)
