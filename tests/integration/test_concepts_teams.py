"""Issue 13 in teams: the matrix and matching group by concept; a role's skills become needs."""

from __future__ import annotations

import json

from support import hand_over, run_cli

from skiller_desktop import concepts

PM = "http://data.europa.eu/esco/skill/7111b95d-0ce3-441a-9d92-4c75d05c4388"  # project management
WEB_DEVELOPER = "http://data.europa.eu/esco/occupation/c40a2919-48a9-40ea-b506-1f34f693496d"


def _team(node, tmp_path, *members):
    admin = node("Admin")
    for member in members:
        hand_over(member, admin, tmp_path / "m.skb")
    team = admin.teams.create("Équipe")
    admin.teams.add_members(team, [m.person_id for m in members])
    return admin, team


def test_a_need_in_french_meets_a_member_who_typed_english_one_column(node, tmp_path):
    member, outsider = node("Member"), node("Outsider")
    member.add_skill("Project management", 4, concept=PM)
    outsider.add_skill("gestion de projets", 5)  # free text, spelled as the concept's French label
    admin, team = _team(node, tmp_path, member)
    hand_over(outsider, admin, tmp_path / "o.skb")
    admin.teams.add_need(team, "gestion de projets", 3, concept=PM)
    matrix = admin.teams.matrix(team)
    assert [(c.key, c.name, c.wanted_level) for c in matrix.skills] == [(PM, "gestion de projets", 3)]
    assert next(r for r in matrix.rows if r.name == "Member").cells[PM].level == 4 and matrix.gaps == []
    [matches] = admin.teams.matching(team)
    assert [(c.name, c.member, c.level) for c in matches.candidates] == [("Member", True, 4), ("Outsider", False, 5)]
    assert admin.teams.matrix(team, sort_by="gestion de projets").rows[0].name == "Member"


def test_a_free_text_need_stays_free_text_and_gets_its_own_column(node, tmp_path):
    member = node("Member")
    member.add_skill("Project management", 2, concept=PM)
    admin, team = _team(node, tmp_path, member)
    admin.teams.add_need(team, "Tricot", 2)
    assert admin.teams.needs(team)[0].concept == ""
    assert [c.key for c in admin.teams.matrix(team).skills] == ["tricot", PM]


def test_a_role_proposes_its_essential_skills_and_the_kept_ones_become_needs(node, tmp_path):
    admin, team = _team(node, tmp_path)
    proposed = concepts.role_skills(WEB_DEVELOPER, "fr")
    essential = [s for s in proposed if s.essential]
    assert len(essential) >= 5 and all(s.label for s in essential)
    kept = [(s.label, s.concept, 3) for s in essential[:3]]
    admin.teams.add_role_needs(team, WEB_DEVELOPER, "développeur web/développeuse web", kept)
    needs = admin.teams.needs(team)
    assert {(n.skill, n.concept, n.level) for n in needs} == set(kept)
    assert {n.role_label for n in needs} == {"développeur web/développeuse web"}


def test_a_free_text_need_joins_the_concept_its_words_are_linked_to(node, tmp_path):
    python = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
    member, outsider = node("Member"), node("Outsider")
    member.add_skill("Python", 4, concept=python)
    outsider.add_skill("Python (programmation informatique)", 5, concept=python)
    admin, team = _team(node, tmp_path, member)
    hand_over(outsider, admin, tmp_path / "o.skb")
    admin.teams.add_need(team, "python", 3)  # typed, not picked: stays free text in the document
    assert admin.teams.needs(team)[0].concept == ""
    assert [c.key for c in admin.teams.matrix(team).skills] == [python]
    [matches] = admin.teams.matching(team)
    assert [(c.name, c.member) for c in matches.candidates] == [("Member", True), ("Outsider", False)]


def test_an_endorsement_given_while_linked_still_counts_after_the_link_is_undone(node, tmp_path):
    ana, bo = node("Ana"), node("Bo")
    ana.add_skill("Project management", 3, concept=PM)
    hand_over(ana, bo, tmp_path / "a.skb")
    bo.endorse(ana.person_id, "Project management")
    hand_over(bo, ana, tmp_path / "b.skb")
    concepts.unlink(ana, "Project management")
    assert ana.queries.skill(ana.person_id, "Project management").endorsement_count == 1


def test_the_cli_adds_a_need_with_its_concept_named_in_french(node, tmp_path):
    member = node("Member")
    member.add_skill("Project management", 4, concept=PM)
    admin, team = _team(node, tmp_path, member)
    folder = admin.data_dir
    admin.close()
    done = run_cli("team", "needs", team, "add", "Pilotage", "--level", "3", "--concept", "gestion de projets",
                   data_dir=folder)
    assert done.returncode == 0, done.stderr
    matched = run_cli("--json", "team", "match", team, data_dir=folder)
    [need] = json.loads(matched.stdout)
    assert need["need"]["concept"] == PM and need["candidates"][0]["name"] == "Member"
