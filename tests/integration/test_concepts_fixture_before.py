"""A person document saved before skills could name a concept (commit bf419ff) still verifies, syncs and
displays: `data/person_before_concepts.skb` was made by that code (`data/make_before_concepts.py`) and is
never regenerated, so a change to the document shape or its checks that refuses old documents fails here."""

from __future__ import annotations

import shutil
from pathlib import Path

from support import doc_heads_in, serving
from sync_processes import wait_until

from skiller_desktop.services import Services

FIXTURE = Path(__file__).with_name("data") / "person_before_concepts.skb"


def _camille(services: Services) -> str:
    return next(p.person_id for p in services.queries.people() if p.name == "Camille Durand")


def test_the_old_document_verifies_and_displays(node, tmp_path):
    reader = node("Reader")
    shutil.copy(FIXTURE, tmp_path / "old.skb")
    report = reader.import_bundle(tmp_path / "old.skb")
    assert report.changed == 2
    camille = _camille(reader)
    profile = reader.profile(camille)
    assert (profile.name, profile.headline, profile.location) == ("Camille Durand", "Cheffe de projet", "Lyon")
    skills = {s.name: s for s in reader.queries.skills(camille)}
    assert set(skills) == {"Gestion de projets", "Python", "L’accessibilité numérique"}
    assert skills["Gestion de projets"].level == 4 and skills["Gestion de projets"].keywords == ["Agile", "Scrum"]
    assert skills["Gestion de projets"].endorsement_count == 1
    received = reader.queries.endorsements(subject_id=camille)
    assert [(e.endorser_name, e.skill, e.comment, e.level) for e in received] == [
        ("Dominique Martin", "Gestion de projets", "Mène les projets à terme", 4)]
    assert [o.title for o in reader.queries.offers()] == ["Relire du code Python"]
    found = reader.queries.search("gestion de projets")
    assert camille in [p.person_id for p in found.people]


def test_the_old_document_syncs_to_a_node_unchanged(node, tmp_path):
    holder, fresh = node("Holder"), node("Fresh")
    shutil.copy(FIXTURE, tmp_path / "old.skb")
    holder.import_bundle(tmp_path / "old.skb")
    with serving(holder, fresh):
        wait_until(lambda: doc_heads_in(holder.db) == doc_heads_in(fresh.db) and len(doc_heads_in(fresh.db)) == 4,
                   message="sync")
    camille = _camille(fresh)
    assert {s.name for s in fresh.queries.skills(camille)} == {"Gestion de projets", "Python",
                                                               "L’accessibilité numérique"}
    assert fresh.store.get(camille).data == holder.store.get(camille).data
