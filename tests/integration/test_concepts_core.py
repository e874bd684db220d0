"""Issue 13 point 2: a skill names its concept; endorsements, search and counts add up by skill group."""

from __future__ import annotations

import json

import pytest
from support import doc_heads_in, hand_over, run_cli, serving
from sync_processes import wait_until

from skiller_desktop import concepts
from skiller_desktop import person_doc as pd
from skiller_desktop.errors import ValidationError

PM = "http://data.europa.eu/esco/skill/7111b95d-0ce3-441a-9d92-4c75d05c4388"  # project management
JS = "http://data.europa.eu/esco/skill/3cd569a2-4f88-4c1e-9995-8dce8c5e51a7"  # JavaScript


def _skill(services, name):
    return services.queries.skill(services.person_id, name)


def test_a_concept_names_one_skill_merging_is_offered_and_a_link_can_be_undone(node):
    ana = node("Ana")
    ana.add_skill("Project management", 3, concept=PM)
    ana.add_skill("Pilotage de projets", 4, years=5, keywords=["PMI"])
    with pytest.raises(concepts.ConceptTaken) as taken:
        concepts.link(ana, "Pilotage de projets", PM)
    assert taken.value.holder.name == "Project management" and taken.value.code == "concept.taken"
    concepts.link_or_merge(ana, "Pilotage de projets", PM)
    skills = ana.queries.skills(ana.person_id)
    assert [(s.name, s.level, s.years, s.concept) for s in skills] == [("Project management", 4, 5, PM)]
    assert set(skills[0].keywords) == {"PMI", "Pilotage de projets"}
    concepts.unlink(ana, "project management")
    assert _skill(ana, "Project management").concept == ""
    with pytest.raises(ValidationError):
        concepts.unlink(ana, "project management")
    with pytest.raises(ValidationError):
        ana.add_skill("Cooking", 2, concept="not a uri")
    with pytest.raises(ValidationError):
        ana.add_skill("Cooking", 2, concept="http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000")


def test_two_free_text_skills_merge(node):
    ana = node("Ana")
    ana.add_skill("Woodwork", 2, description="chairs")
    ana.add_skill("Carpentry", 4, description="roofs")
    concepts.merge(ana, "Woodwork", "Carpentry")
    [kept] = ana.queries.skills(ana.person_id)
    assert (kept.name, kept.level, kept.description, kept.keywords) == ("Woodwork", 4, "chairs\n\nroofs", ["Carpentry"])


def test_two_spellings_of_one_concept_add_up_in_endorsements_received(node, tmp_path):
    ana, bo, cy = node("Ana"), node("Bo"), node("Cy")
    ana.add_skill("Project management", 3, concept=PM)
    for other in (bo, cy):
        hand_over(ana, other, tmp_path / "a.skb")
    bo.endorse(ana.person_id, "Project management", "clear plans")
    assert bo.queries.endorsements(endorser_id=bo.person_id)[0].concept == PM
    ana.update_skill("Project management", name="Gestion de projets")  # respelled: the concept stays
    hand_over(ana, cy, tmp_path / "a.skb")
    cy.endorse(ana.person_id, "Gestion de projets", "tient les délais")
    for other in (bo, cy):
        hand_over(other, ana, tmp_path / "o.skb")
    assert _skill(ana, "Gestion de projets").endorsement_count == 2
    done = run_cli("--json", "endorsements", "--received", data_dir=ana.data_dir)
    assert done.returncode == 0, done.stderr
    totals = json.loads(done.stdout)["totals"]
    assert [(t["concept"], t["count"]) for t in totals] == [(PM, 2)]
    with pytest.raises(ValidationError):  # the same endorser, the same concept: once
        bo.endorse(ana.person_id, "Project management")


def test_search_finds_a_linked_skill_in_the_other_language(node, tmp_path):
    ana, reader = node("Ana"), node("Reader")
    ana.add_skill("Project management", 3, concept=PM)
    ana_free = node("Free text Fred")
    ana_free.add_skill("Project management", 3)  # not linked: found by its words only
    hand_over(ana, reader, tmp_path / "a.skb")
    hand_over(ana_free, reader, tmp_path / "f.skb")
    found = reader.queries.search("gestion de projets")
    assert [p.name for p in found.people] == ["Ana"]
    assert {p.name for p in reader.queries.search("", skill="gestion de projets").people} == {"Ana"}
    assert {p.name for p in reader.queries.search("project management").people} == {"Ana", "Free text Fred"}
    done = run_cli("--json", "search", "gestion de projets", data_dir=reader.data_dir)
    assert [p["name"] for p in json.loads(done.stdout)["people"]] == ["Ana"]


def test_apostrophes_fold_alike_and_keys_written_before_still_edit(node):
    ana = node("Ana")
    ana.edit(pd.put_entry("skills", "l’accessibilite", {"name": "L’accessibilité", "level": 2, "position": 0.0}),
             concepts.SKILLS)  # the key an older version wrote (it kept the ’)
    assert _skill(ana, "L'accessibilité") is not None
    with pytest.raises(ValidationError):
        ana.add_skill("l'Accessibilité", 3)
    ana.update_skill("L'accessibilité", level=5)
    assert _skill(ana, "l’accessibilité").level == 5
    ana.update_skill("L'accessibilité", name="Accessibilité")
    assert [s.name for s in ana.queries.skills(ana.person_id)] == ["Accessibilité"]


def test_cli_skill_add_with_a_concept_by_label_by_uri_or_picked(node):
    ana = node("Ana")
    folder = ana.data_dir
    ana.close()
    assert run_cli("skill", "add", "JS", "--level", "3", "--concept", "JavaScript", data_dir=folder).returncode == 0
    ambiguous = run_cli("skill", "add", "PM", "--level", "3", "--concept", "Project management", data_dir=folder)
    assert ambiguous.returncode == 1 and "several concepts" in ambiguous.stderr
    picked = run_cli("skill", "add", "gestion de projets", "--level", "3", "--pick", data_dir=folder, stdin="1\n")
    assert picked.returncode == 0, picked.stderr
    listed = json.loads(run_cli("--json", "skill", "list", data_dir=folder).stdout)
    assert {s["name"]: s["concept"] for s in listed} == {"JS": JS, "gestion de projets": PM}


def test_a_document_with_a_concept_syncs_to_a_node_and_back_unchanged(node):
    ana, bo = node("Ana"), node("Bo")
    ana.add_skill("Project management", 3, concept=PM)
    before = ana.store.get(ana.person_id).data
    with serving(ana, bo):
        wait_until(lambda: doc_heads_in(ana.db) == doc_heads_in(bo.db) and len(doc_heads_in(bo.db)) == 2,
                   message="first sync")
        assert bo.queries.skill(ana.person_id, "project management").concept == PM
        bo.endorse(ana.person_id, "Project management")
        wait_until(lambda: doc_heads_in(ana.db) == doc_heads_in(bo.db), message="the endorsement back")
    assert ana.store.get(ana.person_id).data == before == bo.store.get(ana.person_id).data
    assert _skill(ana, "Project management").endorsement_count == 1


def test_the_exchange_board_filters_by_concept_in_either_language(node, tmp_path):
    ana, reader = node("Ana"), node("Reader")
    ana.add_offer("offer", "Project management", "Je relis vos plannings", concept=PM)
    ana.add_offer("request", "Knitting", "Help with hats")
    hand_over(ana, reader, tmp_path / "a.skb")
    assert [o.title for o in reader.queries.offers(skill="gestion de projets")] == ["Je relis vos plannings"]
    assert [o.title for o in reader.queries.offers(skill="knitting")] == ["Help with hats"]


def test_autocomplete_puts_the_networks_concepts_first(node, tmp_path):
    ict = "http://data.europa.eu/esco/skill/94dd823c-148e-4614-a6e8-99249b16357d"  # gestion de projets TIC
    ana, reader = node("Ana"), node("Reader")
    assert concepts.suggest(reader, "gestion de proj", "fr", 2)[0].label == "gestion de projets"
    ana.add_skill("ICT project management", 3, concept=ict)
    hand_over(ana, reader, tmp_path / "a.skb")
    found = concepts.suggest(reader, "gestion de proj", "fr", 3)
    assert [(s.label, s.usage) for s in found[:2]] == [("gestion de projets TIC", 1), ("gestion de projets", 0)]
    assert found[0].group == "management and administration"


def test_a_person_with_two_spellings_is_found_once_and_counted_once(node, tmp_path):
    ana, bo, reader = node("Ana"), node("Bo"), node("Reader")
    ana.add_skill("Gestion de projets", 4, concept=PM)
    ana.add_skill("Project management", 2)  # free text, the same words as the concept's English label
    bo.add_skill("Project management", 3)
    for each in (ana, bo):
        hand_over(each, reader, tmp_path / "p.skb")
    page = reader.queries.search("", skill="project management")
    assert page.total == 2
    found = [(p.name, p.matched_skill, p.matched_level) for p in page.people]
    assert found == [("Ana", "Gestion de projets", 4), ("Bo", "Project management", 3)]
