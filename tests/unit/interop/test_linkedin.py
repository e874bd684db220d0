"""LinkedIn export import: every quirk of real exports, in the ZIP and the folder form."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from skiller_desktop.interop.linkedin import parse_date, parse_websites, read_linkedin_export
from skiller_desktop.interop.portfolio import InteropError

MakeExport = Callable[[dict[str, str | bytes]], Path]

PROFILE = (
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
    "Geo Location,Twitter Handles,Websites,Instant Messengers\r\n"
    'Amélie,Durand,,"12 rue Mercière, Lyon","Mar 3, 1990",Ébéniste & designer,'
    '"I build furniture, mostly oak.\r\nAnd I teach.",Furniture,69001,'
    '"Lyon, Auvergne-Rhône-Alpes, France",[amelie_d],'
    '"[PERSONAL:https://amelie.example,COMPANY:www.atelier.example]",\r\n'
)
SKILLS = "\ufeffname\r\nMarqueterie\r\nPython\r\n\r\npython \r\nÉbénisterie\r\n"
ENDORSEMENTS = (
    "Notes:\r\n"
    '"Endorsements you received, as of today.\r\nSome data, such as hidden ones, may be missing."'
    "\r\n\r\n"
    "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,"
    "Endorser Public Url,Endorsement Status\r\n"
    "2026/08/01 10:00:00 UTC,Marqueterie,Jean,Martin,www.linkedin.com/in/jmartin,ACCEPTED\r\n"
    "2026/08/01 10:00:00 UTC,Marqueterie,Jean,Martin,www.linkedin.com/in/jmartin,ACCEPTED\r\n"
    "2025/01/15 08:30:00 UTC,Python,Ana,Silva,,PENDING\r\n"
    "2025/02/01 09:00:00 UTC,Sculpture,Léa,Roux,https://www.linkedin.com/in/lroux,ACCEPTED\r\n"
)
POSITIONS = (
    "Company Name,Title,Description,Location,Started On,Finished On\r\n"
    'Atelier Durand,Founder,"Design, build and deliver.\r\nTwo apprentices.",'
    '"Lyon, France",Jan 2023,\r\n'
    "Meubles SA,Cabinetmaker,,Paris,Mar 2019,22 Jan 2023\r\n"
)
CERTIFICATIONS = (
    "Name,Url,Authority,Started On,Finished On,License Number\n"
    "Certified Woodworker,https://cert.example/1,Guild of Makers,Jun 2020,Jun 2025,ABC-123\n"
)
LANGUAGES = (
    "Name,Proficiency\nFrançais,Native or bilingual proficiency\nEnglish,Professional working proficiency\nfrançais,\n"
)
FULL = {
    "Profile.csv": PROFILE,
    "Skills.csv": SKILLS,
    "Endorsement Received Info.csv": ENDORSEMENTS,
    "Complete_LinkedInDataExport_08-02-2026/positions.CSV": POSITIONS,
    "certifications.csv": CERTIFICATIONS,
    "Languages.csv": LANGUAGES,
}


@pytest.fixture
def full(make_export: MakeExport):
    return read_linkedin_export(make_export(FULL))


def report_mentions(report: list[str], text: str) -> bool:
    return any(text in line for line in report)


# --- a complete export --------------------------------------------------------


def test_profile_columns_become_the_profile(full) -> None:
    assert full.profile == {
        "name": "Amélie Durand",
        "headline": "Ébéniste & designer",
        "bio": "I build furniture, mostly oak.\r\nAnd I teach.",
        "location": "Lyon, Auvergne-Rhône-Alpes, France",
        "links": ["https://amelie.example", "https://www.atelier.example"],
        "languages": ["Français", "English"],
        "availability": "",
    }


def test_profile_columns_without_a_skiller_field_are_kept_verbatim(full) -> None:
    assert full.extras["linkedin"]["profile"] == {
        "Address": "12 rue Mercière, Lyon",
        "Birth Date": "Mar 3, 1990",
        "Industry": "Furniture",
        "Zip Code": "69001",
        "Twitter Handles": "[amelie_d]",
    }
    assert full.extras["linkedin"]["languages"] == {
        "Français": "Native or bilingual proficiency",
        "English": "Professional working proficiency",
    }
    assert report_mentions(full.report, "Kept, with no Skiller field: Address, Birth Date")


def test_skills_are_deduplicated_at_level_three_and_the_report_says_why(full) -> None:
    assert [s["name"] for s in full.skills] == ["Marqueterie", "Python", "Ébénisterie"]
    assert all(s["level"] == 3 and s["years"] == 0 for s in full.skills)
    assert full.skills[0] == {
        "name": "Marqueterie",
        "level": 3,
        "years": 0,
        "description": "",
        "evidence": [],
        "keywords": [],
    }
    assert report_mentions(full.report, "Imported 3 skills at level 3: LinkedIn has no skill levels")
    assert report_mentions(full.report, "Skipped duplicate skill 'python' (same as 'Python')")


def test_endorsements_are_deduplicated_and_marked_unverified(full) -> None:
    assert full.imported_endorsements == [
        {
            "skill": "Marqueterie",
            "endorser_name": "Jean Martin",
            "endorser_url": "https://www.linkedin.com/in/jmartin",
            "date": "2026-08-01",
            "status": "accepted",
        },
        {
            "skill": "Python",
            "endorser_name": "Ana Silva",
            "endorser_url": "",
            "date": "2025-01-15",
            "status": "pending",
        },
        {
            "skill": "Sculpture",
            "endorser_name": "Léa Roux",
            "endorser_url": "https://www.linkedin.com/in/lroux",
            "date": "2025-02-01",
            "status": "accepted",
        },
    ]
    assert report_mentions(full.report, "Imported 3 endorsements received, marked unverified")
    assert report_mentions(full.report, "Skipped 1 duplicate endorsements")
    assert report_mentions(full.report, "skills not in Skills.csv: Sculpture")


def test_positions_keep_multiline_descriptions_and_parse_dates(full) -> None:
    assert full.positions == [
        {
            "title": "Founder",
            "company": "Atelier Durand",
            "location": "Lyon, France",
            "start": "2023-01",
            "end": "",
            "description": "Design, build and deliver.\r\nTwo apprentices.",
        },
        {
            "title": "Cabinetmaker",
            "company": "Meubles SA",
            "location": "Paris",
            "start": "2019-03",
            "end": "2023-01-22",
            "description": "",
        },
    ]


def test_certificates_keep_authority_expiry_and_licence(full) -> None:
    assert full.certificates == [
        {
            "name": "Certified Woodworker",
            "issuer": "Guild of Makers",
            "url": "https://cert.example/1",
            "date": "2020-06",
            "expires": "2025-06",
            "license_number": "ABC-123",
        },
    ]


def test_missing_optional_files_are_reported_not_fatal(full) -> None:
    assert full.projects == []
    assert report_mentions(full.report, "Not in this export (nothing imported from them): Projects.csv")


def test_projects_are_imported(make_export: MakeExport) -> None:
    projects = (
        "Title,Description,Url,Started On,Finished On\n"
        'Chaise Lyon,"A chair, in oak",chaise.example,2024-03,Dec 2024\n'
        'Chaise Lyon,"A chair, in oak",chaise.example,2024-03,Dec 2024\n'
    )
    imported = read_linkedin_export(make_export({"Projects.csv": projects}))
    assert imported.projects == [
        {
            "title": "Chaise Lyon",
            "description": "A chair, in oak",
            "url": "https://chaise.example",
            "start": "2024-03",
            "end": "2024-12",
            "keywords": [],
        },
    ]
    assert report_mentions(imported.report, "Skipped duplicate project 'Chaise Lyon'")
    assert imported.profile["name"] == ""


# --- quirks of real exports -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026/08/01 10:00:00 UTC", "2026-08-01"),
        ("2026/8/1", "2026-08-01"),
        ("Jan 2023", "2023-01"),
        ("Sept 2021", "2021-09"),
        ("22 Jan 2026", "2026-01-22"),
        ("3 September 2020", "2020-09-03"),
        ("janv. 2024", "2024-01"),
        ("22 févr. 2026", "2026-02-22"),
        ("2023-04", "2023-04"),
        ("2023-04-05", "2023-04-05"),
        ("2024-03-01T09:30:00Z", "2024-03-01"),
        ("2019", "2019-01"),
        ("", ""),
        ("  ", ""),
        ("Present", None),
        ("31 Feb 2024", None),
        ("Foo 2024", None),
        ("2024/13/01 10:00:00 UTC", None),
    ],
)
def test_dates_in_every_shape_linkedin_writes(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_unreadable_date_is_left_empty_and_reported(make_export: MakeExport) -> None:
    positions = "Company Name,Title,Started On,Finished On\nAcme,Dev,Someday,\n"
    imported = read_linkedin_export(make_export({"Positions.csv": positions}))
    assert imported.positions[0]["start"] == ""
    assert report_mentions(imported.report, "Positions.csv row 1: Started On 'Someday' is not a date")


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("[PERSONAL:https://a.example,COMPANY:www.b.example]", ["https://a.example", "https://www.b.example"]),
        ("[OTHER:https://a.example/x?y=1]", ["https://a.example/x?y=1"]),
        ("https://a.example, https://a.example", ["https://a.example"]),
        ("", []),
        ("[]", []),
    ],
)
def test_websites_column(text: str, links: list[str]) -> None:
    assert parse_websites(text) == links


def test_file_names_and_headers_are_matched_loosely(make_export: MakeExport) -> None:
    files = {
        "SKILLS.CSV": "NAME\nRust\n",
        "export/endorsement_received_info.csv": (
            "endorsement_date,SKILL NAME,endorser first name,Endorser_Last_Name,"
            "endorserPublicUrl,Endorsement Status\n"
            "22 Jan 2026,Rust,Bo,Li,,Accepted\n"
        ),
    }
    imported = read_linkedin_export(make_export(files))
    assert [s["name"] for s in imported.skills] == ["Rust"]
    assert imported.imported_endorsements == [
        {"skill": "Rust", "endorser_name": "Bo Li", "endorser_url": "", "date": "2026-01-22", "status": "accepted"}
    ]


def test_unquoted_multiline_notes_preamble_with_commas(make_export: MakeExport) -> None:
    skills = (
        "Notes:\n"
        "This file lists your skills, in the order you added them.\n"
        "Name, if you see this line, is not a header\n"
        "\n"
        "Name\nGo\n"
    )
    imported = read_linkedin_export(make_export({"Skills.csv": skills}))
    assert [s["name"] for s in imported.skills] == ["Go"]


def test_csv_saved_by_a_spreadsheet_in_windows_1252_or_utf16(make_export: MakeExport) -> None:
    files = {
        "Skills.csv": "Name\r\nÉbénisterie\r\n".encode("cp1252"),
        "Languages.csv": "Name,Proficiency\r\nFrançais,Native\r\n".encode("utf-16"),
    }
    imported = read_linkedin_export(make_export(files))
    assert [s["name"] for s in imported.skills] == ["Ébénisterie"]
    assert imported.profile["languages"] == ["Français"]


def test_short_rows_are_padded_and_blank_rows_skipped(make_export: MakeExport) -> None:
    positions = "Company Name,Title,Description,Location,Started On,Finished On\n\nAcme,Dev\n,,\n"
    imported = read_linkedin_export(make_export({"Positions.csv": positions}))
    assert imported.positions == [
        {"title": "Dev", "company": "Acme", "location": "", "start": "", "end": "", "description": ""}
    ]


def test_endorsement_without_skill_or_endorser_is_skipped(make_export: MakeExport) -> None:
    endorsements = (
        "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,"
        "Endorser Public Url,Endorsement Status\n"
        "2026/08/01 10:00:00 UTC,,Jean,Martin,,ACCEPTED\n"
        "2026/08/01 10:00:00 UTC,Go,,,,ACCEPTED\n"
    )
    imported = read_linkedin_export(make_export({"Endorsement_Received_Info.csv": endorsements}))
    assert imported.imported_endorsements == []
    assert sum("no skill or no endorser: skipped" in line for line in imported.report) == 2


def test_macos_resource_forks_are_ignored(make_export: MakeExport) -> None:
    files = {
        "__MACOSX/._Skills.csv": b"\x00\x05\x16\x07\x00",
        "Skills.csv": "Name\nGo\n",
        "dir/._Languages.csv": b"\x00\x00binary",
    }
    imported = read_linkedin_export(make_export(files))
    assert [s["name"] for s in imported.skills] == ["Go"]


def test_the_least_nested_copy_of_a_file_wins(make_export: MakeExport) -> None:
    files = {"a/b/Skills.csv": "Name\nOld\n", "a/Skills.csv": "Name\nNew\n"}
    imported = read_linkedin_export(make_export(files))
    assert [s["name"] for s in imported.skills] == ["New"]
    assert report_mentions(imported.report, "a/b/Skills.csv: another Skills.csv was already read")


def test_a_file_without_its_header_is_skipped_when_others_are_readable(
    make_export: MakeExport,
) -> None:
    imported = read_linkedin_export(make_export({"Skills.csv": "Skill\nGo\n", "Languages.csv": "Name\nEnglish\n"}))
    assert imported.skills == []
    assert imported.profile["languages"] == ["English"]
    assert report_mentions(imported.report, "Skills.csv has no header row with name: skipped")


# --- exports we cannot use --------------------------------------------------------


def test_export_with_none_of_the_expected_files(make_export: MakeExport) -> None:
    path = make_export({"Connections.csv": "First Name\nBo\n", "readme.txt": "hi"})
    with pytest.raises(InteropError, match="none of the LinkedIn export files"):
        read_linkedin_export(path)


def test_export_whose_only_file_has_no_header(make_export: MakeExport) -> None:
    with pytest.raises(InteropError, match=r"Skills\.csv has no header row"):
        read_linkedin_export(make_export({"Skills.csv": "Go\nRust\n"}))


def test_binary_file_in_place_of_a_csv(make_export: MakeExport) -> None:
    path = make_export({"Skills.csv": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"})
    with pytest.raises(InteropError, match=r"Skills.csv is not a CSV text file \(it holds binary"):
        read_linkedin_export(path)


def test_undecodable_text_is_not_a_csv(make_export: MakeExport) -> None:
    with pytest.raises(InteropError, match="unknown text encoding"):
        read_linkedin_export(make_export({"Skills.csv": b"Name\n\x81\x8d\x90\n"}))


def test_not_a_zip_at_all(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(b"this is not a zip file, just text")
    with pytest.raises(InteropError, match=r"export\.zip is not a readable ZIP archive"):
        read_linkedin_export(path)


def test_truncated_zip(tmp_path: Path) -> None:
    good = tmp_path / "good.zip"
    with zipfile.ZipFile(good, "w") as archive:
        archive.writestr("Skills.csv", "Name\n" + "Go\n" * 1000)
    broken = tmp_path / "broken.zip"
    broken.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(InteropError, match="not a readable ZIP archive"):
        read_linkedin_export(broken)


def test_zip_member_with_a_bad_checksum(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("Skills.csv", "Name\nPython\n")
    data = path.read_bytes().replace(b"Python", b"Pithon", 1)
    path.write_bytes(data)
    with pytest.raises(InteropError, match=r"Skills\.csv is damaged in the ZIP archive"):
        read_linkedin_export(path)


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InteropError, match="no such file or folder"):
        read_linkedin_export(tmp_path / "nowhere.zip")


def test_errors_are_value_errors_for_callers_that_catch_those(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        read_linkedin_export(tmp_path / "nowhere.zip")
