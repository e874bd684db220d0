"""JSON Resume import and export: the published samples round-trip, edits show through."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from skiller_desktop.interop.jsonresume import (
    LEVEL_NAMES,
    SCHEMA,
    SCHEMA_URL,
    load_resume,
    parse_level,
    portfolio_to_resume,
    resume_to_portfolio,
    validate_resume,
)
from skiller_desktop.interop.portfolio import ImportedPortfolio, InteropError

SAMPLES = Path(__file__).resolve().parents[3] / ".." / "shared" / "samples" / "jsonresume"
SAMPLE_FILES = sorted(p for p in SAMPLES.rglob("*.json") if p.name != "schema.json") if SAMPLES.is_dir() else []
MISSING = f"JSON Resume samples not found at {SAMPLES.resolve()}"


@pytest.fixture(params=[p.relative_to(SAMPLES).as_posix() for p in SAMPLE_FILES] or [None])
def sample(request: pytest.FixtureRequest) -> dict:
    if request.param is None:
        pytest.skip(MISSING)
    return json.loads((SAMPLES / request.param).read_text(encoding="utf-8"))


@pytest.fixture
def richard() -> dict:
    path = SAMPLES / "sample.resume.json"
    if not path.is_file():
        pytest.skip(MISSING)
    return json.loads(path.read_text(encoding="utf-8"))


def export(imported: ImportedPortfolio, **changes: object) -> dict:
    """Exports an import, optionally with some portfolio parts replaced."""
    parts = {
        "profile": imported.profile,
        "skills": imported.skills,
        "extras": imported.extras,
        "positions": imported.positions,
        "projects": imported.projects,
        "certificates": imported.certificates,
    }
    parts.update(changes)
    return portfolio_to_resume(**parts)


def without_descriptions(node: object) -> object:
    if isinstance(node, dict):
        return {
            key: without_descriptions(value)
            for key, value in node.items()
            if not (key == "description" and isinstance(value, str))
        }
    if isinstance(node, list):
        return [without_descriptions(item) for item in node]
    return node


# --- the schema and the samples ----------------------------------------------


def test_samples_are_present_in_the_expected_layout() -> None:
    if not SAMPLES.is_dir():
        pytest.skip(MISSING)
    assert len(SAMPLE_FILES) >= 4


def test_built_in_schema_equals_the_published_one() -> None:
    path = SAMPLES / "schema.json"
    if not path.is_file():
        pytest.skip(MISSING)
    published = json.loads(path.read_text(encoding="utf-8"))
    for annotation in ("$id", "title"):
        published.pop(annotation)
    assert without_descriptions(published) == SCHEMA


def test_every_sample_validates(sample: dict) -> None:
    validate_resume(sample)


def test_round_trip_gives_back_the_sample_unchanged(sample: dict) -> None:
    original = copy.deepcopy(sample)
    imported = resume_to_portfolio(sample)
    result = export(imported)
    validate_resume(result)
    assert result == original
    assert list(result) == list(original)
    assert sample == original, "the import must not modify its input"


def test_import_keeps_every_skill_work_project_certificate_and_language(sample: dict) -> None:
    imported = resume_to_portfolio(sample)
    skills = {s["name"]: s for s in imported.skills}
    for raw in sample.get("skills", []):
        assert skills[raw["name"]]["keywords"] == raw["keywords"]
        assert skills[raw["name"]]["level"] == parse_level(raw["level"])
    assert [(p["company"], p["title"], p["start"]) for p in imported.positions] == [
        (w["name"], w["position"], w["startDate"]) for w in sample.get("work", [])
    ]
    for position, work in zip(imported.positions, sample.get("work", []), strict=True):
        assert work["summary"] in position["description"]
        assert all(h in position["description"] for h in work.get("highlights", []))
    assert [p["title"] for p in imported.projects] == [p["name"] for p in sample.get("projects", [])]
    assert [(c["name"], c["issuer"], c["date"]) for c in imported.certificates] == [
        (c["name"], c["issuer"], c["date"]) for c in sample.get("certificates", [])
    ]
    assert imported.profile["languages"] == [lang["language"] for lang in sample["languages"]]


def test_fresh_export_validates_and_reimports_to_the_same_portfolio(sample: dict) -> None:
    imported = resume_to_portfolio(sample)
    fresh = export(imported, extras={})
    validate_resume(fresh)
    assert fresh["$schema"] == SCHEMA_URL
    again = resume_to_portfolio(fresh)
    assert again.skills == imported.skills
    assert again.positions == imported.positions
    assert again.projects == imported.projects
    assert again.certificates == imported.certificates
    assert again.profile == imported.profile


# --- import details -----------------------------------------------------------


def test_basics_map_to_the_profile_and_the_rest_is_kept(richard: dict) -> None:
    imported = resume_to_portfolio(richard)
    profile = imported.profile
    assert profile["name"] == "Richard Hendriks"
    assert profile["headline"] == "Programmer"
    assert profile["bio"].startswith("Richard hails from Tulsa.")
    assert profile["location"] == "San Francisco, California, US"
    assert profile["links"] == [
        "http://richardhendricks.example.com",
        "https://www.twitter.com",
        "https://soundcloud.example.com/dandymusicnl",
    ]
    assert profile["availability"] == ""
    kept = imported.extras["jsonresume"]
    assert kept["basics"]["location"]["postalCode"] == "CA 94115"
    assert kept["education"] == richard["education"]
    assert "education" in imported.report[1] and "email" in imported.report[1]


def test_a_position_description_joins_summary_and_highlights() -> None:
    imported = resume_to_portfolio(
        {
            "work": [
                {
                    "name": "Acme",
                    "position": "Dev",
                    "summary": "Built things.",
                    "highlights": ["Shipped v1", "Led 3 people"],
                }
            ]
        }
    )
    assert imported.positions[0]["description"] == "Built things.\n\n• Shipped v1\n• Led 3 people"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Master", 5),
        ("Expert", 5),
        ("Advanced", 4),
        ("Intermediate", 3),
        ("Beginner", 1),
        ("Novice", 2),
        ("Débutant", 1),
        ("intermédiaire", 3),
        ("  ADVANCED ", 4),
        ("4", 4),
        ("4/5", 4),
        ("8 / 10", 4),
        ("80%", 4),
        ("100 %", 5),
        ("Wizard", None),
        ("", None),
    ],
)
def test_free_text_levels_map_to_one_to_five(text: str, level: int | None) -> None:
    assert parse_level(text) == level


def test_level_names_read_back_as_their_level() -> None:
    assert {parse_level(name) for name in LEVEL_NAMES.values()} == set(LEVEL_NAMES)
    assert all(parse_level(name) == level for level, name in LEVEL_NAMES.items())


def test_unrecognised_or_missing_level_is_three_and_reported() -> None:
    imported = resume_to_portfolio({"skills": [{"name": "Juggling", "level": "Wizard"}, {"name": "Knitting"}]})
    assert [s["level"] for s in imported.skills] == [3, 3]
    assert any("'Wizard' not recognised" in line for line in imported.report)
    assert any("No level given for Knitting" in line for line in imported.report)


def test_skill_shape_is_the_portfolio_shape() -> None:
    skill = resume_to_portfolio({"skills": [{"name": "Go", "level": "Advanced"}]}).skills[0]
    assert skill == {"name": "Go", "level": 4, "years": 0, "description": "", "evidence": [], "keywords": []}


def test_duplicate_skills_are_merged_and_reported() -> None:
    imported = resume_to_portfolio(
        {
            "skills": [
                {"name": "Python", "level": "Beginner", "keywords": ["a"]},
                {"name": "python ", "level": "Expert", "keywords": ["a", "b"]},
            ]
        }
    )
    assert imported.skills == [
        {"name": "Python", "level": 5, "years": 0, "description": "", "evidence": [], "keywords": ["a", "b"]}
    ]
    assert any("appears twice" in line for line in imported.report)


def test_unnamed_entries_are_skipped_and_reported() -> None:
    imported = resume_to_portfolio({"skills": [{"level": "Master"}], "projects": [{"url": "x"}]})
    assert imported.skills == [] and imported.projects == []
    assert any("skills[0] has no name: skipped" in line for line in imported.report)


def test_year_only_and_bad_dates_survive_a_round_trip() -> None:
    data = {"work": [{"name": "Acme", "startDate": "2014", "endDate": "Present"}]}
    imported = resume_to_portfolio(copy.deepcopy(data))
    assert (imported.positions[0]["start"], imported.positions[0]["end"]) == ("2014-01", "")
    assert any("'Present' is not a date" in line for line in imported.report)
    assert export(imported) == data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "must be a JSON object"),
        ({"basics": "me"}, "basics must be an object"),
        ({"basics": {"name": 42}}, "basics.name must be text, not a number"),
        ({"basics": {"profiles": {}}}, "basics.profiles must be a list"),
        ({"skills": {"name": "x"}}, "skills must be a list, not an object"),
        ({"skills": ["Python"]}, "skills[0] must be an object, not text"),
        ({"skills": [{"name": "x", "keywords": "a, b"}]}, "skills[0].keywords must be a list"),
        ({"skills": [{"name": "x", "level": 5}]}, "skills[0].level must be text"),
        ({"work": [{"name": "A", "startDate": 2014}]}, "work[0].startDate must be text"),
    ],
)
def test_wrongly_typed_input_raises_a_clear_error(data: object, message: str) -> None:
    with pytest.raises(InteropError, match=re.escape(message)):
        resume_to_portfolio(data)  # type: ignore[arg-type]


def test_interop_error_is_a_value_error() -> None:
    assert issubclass(InteropError, ValueError)


# --- export after edits in Skiller ----------------------------------------------


def test_changed_level_is_written_as_a_level_name_unchanged_one_kept(richard: dict) -> None:
    imported = resume_to_portfolio(richard)
    skills = copy.deepcopy(imported.skills)
    skills[0]["level"] = 4
    result = export(imported, skills=skills)
    assert [s["level"] for s in result["skills"]] == ["Advanced", "Master"]
    assert result["skills"][0]["keywords"] == ["HTML", "CSS", "Javascript"]


def test_deleted_skill_is_gone_new_one_appended_original_order_kept(richard: dict) -> None:
    imported = resume_to_portfolio(richard)
    compression = imported.skills[1]
    rust = {"name": "Rust", "level": 2, "years": 1, "description": "", "evidence": [], "keywords": ["tokio"]}
    result = export(imported, skills=[rust, compression])
    assert result["skills"] == [
        richard["skills"][1],
        {"name": "Rust", "level": "Elementary", "keywords": ["tokio"]},
    ]


def test_reordered_skills_keep_the_resume_order(richard: dict) -> None:
    imported = resume_to_portfolio(richard)
    result = export(imported, skills=list(reversed(imported.skills)))
    assert result["skills"] == richard["skills"]


def test_edited_position_description_replaces_summary_and_highlights(richard: dict) -> None:
    imported = resume_to_portfolio(richard)
    positions = copy.deepcopy(imported.positions)
    positions[0]["description"] = "Ran the company."
    work = export(imported, positions=positions)["work"][0]
    assert work["summary"] == "Ran the company."
    assert "highlights" not in work
    assert work["url"] == "http://piedpiper.example.com"
    assert work["description"] == "Awesome compression company"


def test_profile_edits_show_through_and_untouched_basics_stay(richard: dict) -> None:
    imported = resume_to_portfolio(richard)
    profile = {**imported.profile, "headline": "CEO", "location": "Paris, France"}
    profile["links"] = ["https://soundcloud.example.com/dandymusicnl", "https://new.example"]
    basics = export(imported, profile=profile)["basics"]
    assert basics["label"] == "CEO"
    assert basics["location"] == {"city": "Paris, France"}
    assert basics["email"] == "richard.hendriks@mail.com"
    assert basics["url"] == "https://new.example"  # the old url was removed from the links
    assert [p["url"] for p in basics["profiles"]] == ["https://soundcloud.example.com/dandymusicnl"]
    validate_resume(export(imported, profile=profile))


def test_languages_keep_their_fluency_and_new_ones_are_added(richard: dict) -> None:
    imported = resume_to_portfolio(richard)
    profile = {**imported.profile, "languages": ["English", "Français"]}
    assert export(imported, profile=profile)["languages"] == [
        {"language": "English", "fluency": "Native speaker"},
        {"language": "Français"},
    ]


def test_export_from_scratch_is_minimal_and_valid() -> None:
    profile = {
        "name": "Amélie",
        "headline": "Ébéniste",
        "bio": "",
        "location": "Lyon",
        "links": ["https://amelie.example"],
        "languages": ["Français"],
        "availability": "open",
    }
    skill = {"name": "Marqueterie", "level": 5, "years": 12, "description": "", "evidence": [], "keywords": []}
    result = portfolio_to_resume(profile, [skill], {})
    validate_resume(result)
    assert result == {
        "$schema": SCHEMA_URL,
        "basics": {
            "name": "Amélie",
            "label": "Ébéniste",
            "location": {"city": "Lyon"},
            "url": "https://amelie.example",
        },
        "skills": [{"name": "Marqueterie", "level": "Expert", "years": 12}],  # years kept (issue 12.11)
        "languages": [{"language": "Français"}],
    }


def test_out_of_range_level_on_export_raises() -> None:
    skill = {"name": "X", "level": 9, "keywords": []}
    with pytest.raises(InteropError, match="from 1 to 5"):
        portfolio_to_resume({}, [skill], {})


# --- files and validation ------------------------------------------------------


def test_load_resume_reads_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "cv.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"basics": {"name": "Zoé"}}).encode())
    assert load_resume(path) == {"basics": {"name": "Zoé"}}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"basics": {', r"not valid JSON \(line 1, column 13"),
        (b'{"name": "Zo\xe9"}', "not UTF-8 text"),
        (b"[1, 2]", "holds a JSON list, not a résumé object"),
    ],
)
def test_load_resume_rejects_bad_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "cv.json"
    path.write_bytes(content)
    with pytest.raises(InteropError, match=message):
        load_resume(path)


def test_load_resume_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InteropError, match="no such file"):
        load_resume(tmp_path / "absent.json")
    with pytest.raises(InteropError, match="is a folder"):
        load_resume(tmp_path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"skills": [{"name": "Go", "level": 4}]}, r"skills\[0\]\.level: 4 is not of type"),
        ({"work": [{"startDate": "2014-1-1"}]}, r"work\[0\]\.startDate: '2014-1-1' does not"),
        ({"basics": {"email": "not-an-address"}}, r"basics\.email: 'not-an-address' is not"),
        ([], "document: .* is not of type 'object'"),
    ],
)
def test_validate_resume_names_the_first_error(data: object, message: str) -> None:
    with pytest.raises(InteropError, match=message):
        validate_resume(data)
