"""Issue 13 point 4: imports link skills named exactly as one ESCO concept, and say how many."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skiller_desktop.interop.service import import_jsonresume

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "jsonresume"
PM = "http://data.europa.eu/esco/skill/7111b95d-0ce3-441a-9d92-4c75d05c4388"
JS = "http://data.europa.eu/esco/skill/3cd569a2-4f88-4c1e-9995-8dce8c5e51a7"


def _resume(tmp_path: Path, skills: list[dict]) -> Path:
    path = tmp_path / "resume.json"
    path.write_text(json.dumps({"basics": {"name": "Ana"}, "skills": skills}), encoding="utf-8")
    return path


def test_exact_unambiguous_names_are_linked_ambiguous_ones_asked(node, tmp_path):
    ana = node("Ana")
    ana.add_skill("Gestion de projets", 3, concept=PM)  # holds the concept already: not linked twice
    path = _resume(tmp_path, [{"name": "JavaScript"}, {"name": "Project management"}, {"name": "project management"},
                              {"name": "Knitting small hats"}, {"name": "gestion de projets "}])
    summary = import_jsonresume(ana, path)
    concepts = {s.name: s.concept for s in ana.queries.skills(ana.person_id)}
    assert concepts == {"Gestion de projets": PM, "JavaScript": JS, "Project management": "",
                        "Knitting small hats": ""}
    assert (summary.skills_linked, summary.skills_ambiguous) == (1, 1)
    assert any("1 skills named exactly" in line and "1 skills whose name several" in line for line in summary.report)


@pytest.mark.skipif(not SAMPLES.is_dir(), reason=f"the shared JSON Resume samples are not at {SAMPLES}")
@pytest.mark.parametrize("name", sorted(p.name for p in (SAMPLES / "examples").glob("*.json")) if SAMPLES.is_dir()
                         else ["none"])
def test_the_shared_json_resume_examples_link_their_exact_matches(node, name):
    ana = node("Ana")
    path = SAMPLES / "examples" / name
    from skiller_desktop import concepts

    summary = import_jsonresume(ana, path)
    skills = ana.queries.skills(ana.person_id)
    exact = [s for s in skills if len(concepts.concepts_named(s.name)) == 1]
    assert summary.skills_linked == len([s for s in skills if s.concept]) == len(exact)
    assert all(s.concept == concepts.concepts_named(s.name)[0] for s in exact)
    assert any("skills vocabulary" in line for line in summary.report) == bool(summary.skills_linked
                                                                               or summary.skills_ambiguous)


@pytest.mark.skipif(not SAMPLES.is_dir(), reason=f"the shared JSON Resume samples are not at {SAMPLES}")
def test_the_career_changer_example_has_its_data_analysis_linked(node):
    ana = node("Ana")
    summary = import_jsonresume(ana, SAMPLES / "examples" / "career-changer.resume.json")
    assert summary.skills_linked >= 1
    assert ana.queries.skill(ana.person_id, "Data Analysis").concept.startswith("http://data.europa.eu/esco/skill/")


def test_a_linkedin_export_links_its_exact_skills_too(node, tmp_path):
    from skiller_desktop.interop.service import import_linkedin

    export = tmp_path / "export"
    export.mkdir()
    (export / "Profile.csv").write_text("First Name,Last Name,Headline\r\nAna,Lopez,Dev\r\n", encoding="utf-8")
    (export / "Skills.csv").write_text("Name\r\nJavaScript\r\nProject Management\r\nGestion de projets\r\n"
                                       "Tricot\r\n", encoding="utf-8")
    ana = node("Ana")
    summary = import_linkedin(ana, export)
    concepts = {s.name: s.concept for s in ana.queries.skills(ana.person_id)}
    assert concepts == {"JavaScript": JS, "Project Management": "", "Gestion de projets": PM, "Tricot": ""}
    assert (summary.skills_linked, summary.skills_ambiguous) == (2, 1)
