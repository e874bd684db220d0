"""Issue 15.3 and 15.4: real résumés are read in part; LinkedIn's language proficiency is exported.

The résumés are real files from public repositories (tests/unit/interop/data/README.md): one whose
current job has an empty endDate, one with free text in its dates, and a `resume.json` that is not a
JSON Resume at all. The first two fail the official schema; a person importing them wants what can
be read, and to be told, field by field, what was not.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skiller_desktop.interop import jsonresume
from skiller_desktop.interop.portfolio import InteropError
from skiller_desktop.messages import code_of, params_of

DATA = Path(__file__).parent / "data"


def load(name: str) -> dict:
    return jsonresume.load_resume(DATA / name)


@pytest.mark.parametrize("name", ["resume-empty-enddate.json", "resume-freetext-dates.json"])
def test_the_fixtures_fail_the_official_schema(name: str) -> None:
    with pytest.raises(InteropError, match="Not a valid JSON Resume"):
        jsonresume.validate_resume(load(name))


def test_an_empty_end_date_is_a_current_job_not_a_skipped_field() -> None:
    data, skipped = jsonresume.readable_parts(load("resume-empty-enddate.json"))
    assert skipped == []
    jsonresume.validate_resume(data)  # what is left follows the schema
    portfolio = jsonresume.resume_to_portfolio(data)
    current = [p for p in portfolio.positions if p["company"] == "Le Figaro"]
    assert [(p["start"], p["end"]) for p in current] == [("2001-09-30", "")]
    assert len(portfolio.positions) == 3 and len(portfolio.skills) >= 10


def test_free_text_dates_are_skipped_and_each_is_named() -> None:
    original = load("resume-freetext-dates.json")
    data, skipped = jsonresume.readable_parts(original)
    jsonresume.validate_resume(data)
    assert [code_of(line) for line in skipped] == ["import.skipped_date", "import.skipped_date"]
    assert [params_of(line)["where"] for line in skipped] == ["education[0].startDate", "education[0].endDate"]
    assert [params_of(line)["value"] for line in skipped] == ["2020-12-08 //Date", "----"]
    assert data["education"][0]["institution"] == original["education"][0]["institution"]  # the rest stays
    assert data["basics"]["name"] == original["basics"]["name"]


def test_a_file_that_is_not_a_resume_is_still_refused() -> None:
    with pytest.raises(InteropError) as refused:
        jsonresume.readable_parts(load("not-a-resume.json"), "not-a-resume.json")
    assert refused.value.code == "import.not_a_resume"
    with pytest.raises(InteropError) as refused:
        jsonresume.readable_parts(["a", "list"])
    assert refused.value.code == "import.resume_not_object"


WRONG_TYPES = {
    "work": ("work", "Acme since 2019", "import.skipped_not_list"),
    "basics.name": ("basics", {"name": ["Zoé"]}, "import.skipped_not_text"),
    "basics.location": ("basics", {"name": "Zoé", "location": "Lyon"}, "import.skipped_not_object"),
}


@pytest.mark.parametrize("case", sorted(WRONG_TYPES))
def test_each_kind_of_refused_field_has_its_own_code(case: str) -> None:
    key, value, code = WRONG_TYPES[case]
    data, skipped = jsonresume.readable_parts({"skills": [{"name": "Go"}], key: value})
    assert [code_of(line) for line in skipped] == [code]
    jsonresume.validate_resume(data)


def test_list_items_are_removed_from_the_end_so_the_right_ones_go() -> None:
    resume = {"work": [{"name": "A", "startDate": "soon"}, {"name": "B"}, {"name": "C", "endDate": "later"},
                       {"name": "D", "highlights": ["ok", 3, "fine", 4]}]}
    data, skipped = jsonresume.readable_parts(resume)
    assert [w["name"] for w in data["work"]] == ["A", "B", "C", "D"]
    assert data["work"][3]["highlights"] == ["ok", "fine"]
    assert "startDate" not in data["work"][0] and "endDate" not in data["work"][2]
    assert len(skipped) == 4


def test_linkedin_proficiency_becomes_json_resume_fluency() -> None:
    profile = {"name": "Zoé", "languages": ["Français", "English", "Deutsch"]}
    extras = {"linkedin": {"languages": {"Français": "Native or bilingual proficiency",
                                         "English": "Full professional proficiency"}}}
    resume = jsonresume.portfolio_to_resume(profile, [], extras)
    jsonresume.validate_resume(resume)
    assert resume["languages"] == [
        {"language": "Français", "fluency": "Native or bilingual proficiency"},
        {"language": "English", "fluency": "Full professional proficiency"},
        {"language": "Deutsch"},
    ]


def test_a_resumes_own_fluency_wins_over_linkedins() -> None:
    extras = {"jsonresume": {"languages": [{"language": "English", "fluency": "C2"}]},
              "linkedin": {"languages": {"English": "Limited working proficiency"}}}
    resume = jsonresume.portfolio_to_resume({"languages": ["English"]}, [], extras)
    assert resume["languages"] == [{"language": "English", "fluency": "C2"}]


def test_the_report_lines_are_json_serialisable_for_the_cli() -> None:
    _, skipped = jsonresume.readable_parts(load("resume-freetext-dates.json"))
    assert json.loads(json.dumps(skipped)) == [str(line) for line in skipped]
