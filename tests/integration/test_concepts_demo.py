"""Issue 13 point 4: the starter list and the demo community use concepts."""

from __future__ import annotations

from skiller_desktop.demo import prepare_demo, starter_concepts, starter_skills

PM = "http://data.europa.eu/esco/skill/7111b95d-0ce3-441a-9d92-4c75d05c4388"


def test_the_starter_list_links_its_skills_to_known_concepts():
    from skiller_desktop import vocabulary

    linked = {name: uri for name, uri in starter_concepts().items() if uri}
    assert len(linked) >= 40 and starter_skills()[0] == "Python"
    assert linked["Gestion de projet"] == PM
    assert all(vocabulary.concept(uri) is not None for uri in linked.values())


def test_the_demo_community_links_skills_and_endorsements(node):
    me = node()
    assert prepare_demo(me, people=30, seed=3)
    mine = {s.name: s.concept for s in me.queries.skills(me.person_id)}
    assert mine["Gestion de projet"] == PM and mine["UX design"] == ""
    rows = me.db.query("SELECT COUNT(*) AS n, SUM(concept != '') AS linked FROM skills")[0]
    assert 0 < rows["linked"] < rows["n"]
    endorsed = me.db.query("SELECT COUNT(*) AS n FROM endorsements WHERE concept != '' AND skill_group = concept")
    assert endorsed[0]["n"] > 0
    found = me.queries.search("project management", exclude=me.person_id)
    holders = me.db.query("SELECT COUNT(DISTINCT person_id) AS n FROM skills WHERE concept = ? AND person_id != ?",
                          (PM, me.person_id))[0]["n"]
    assert found.total == holders > 0  # typed in French in the starter list, found in English
