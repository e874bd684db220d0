"""Issue #5 acceptance: imports and exports wired to a real data dir.

JSON Resume samples survive import and export, a quirky LinkedIn export
imports exactly once, a refused import changes nothing, and the PDF reads
back with its accents in English and French.
"""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest
from automerge import core
from jsonschema import Draft7Validator, FormatChecker
from support import hand_over, snapshot

from skiller_desktop.interop import service
from skiller_desktop.interop.portfolio import InteropError
from skiller_desktop.text import LIMITS

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
RESUMES = SAMPLES / "jsonresume"


def sample_files() -> list[Path]:
    if not RESUMES.is_dir():
        return []
    return [RESUMES / "sample.resume.json", *sorted((RESUMES / "examples").glob("*.json"))]


def document(services) -> dict:
    return core.extract(services.store.get(services.person_id).document())


def full_snapshot(services) -> dict:
    """The shared snapshot, plus what imports also write: unverified endorsements, private extras."""
    state = snapshot(services)
    state["imported"] = [tuple(r) for r in services.db.query("SELECT * FROM imported_endorsements ORDER BY 1")]
    folder = services.data_dir / service.IMPORTS_DIR
    state["files"] = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
    return state


# --- JSON Resume ------------------------------------------------------------------


@pytest.mark.skipif(not RESUMES.is_dir(), reason=f"JSON Resume samples not found in {RESUMES}")
@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_every_sample_resume_survives_import_and_export(node, tmp_path, path):
    original = json.loads(path.read_text(encoding="utf-8"))
    me = node(original["basics"]["name"])
    summary = service.import_jsonresume(me, path)
    assert summary.changed and summary.skills_added == len(original.get("skills", []))
    assert summary.positions == len(original.get("work", []))
    assert summary.projects == len(original.get("projects", []))

    out = service.export_jsonresume(me, tmp_path / "out.json")
    exported = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads((RESUMES / "schema.json").read_text(encoding="utf-8"))
    errors = [e.message for e in Draft7Validator(schema, format_checker=FormatChecker()).iter_errors(exported)]
    assert errors == []
    for section in ("skills", "work", "projects"):
        assert exported.get(section, []) == original.get(section, []), section
    assert [k["keywords"] for k in exported["skills"]] == [k.get("keywords") for k in original["skills"]]
    assert exported == original  # nothing else lost either: education, email, meta...


@pytest.mark.skipif(not RESUMES.is_dir(), reason=f"JSON Resume samples not found in {RESUMES}")
def test_private_extras_stay_on_this_device_and_a_second_import_adds_nothing(node):
    path = RESUMES / "sample.resume.json"
    original = json.loads(path.read_text(encoding="utf-8"))
    me = node(original["basics"]["name"])
    service.import_jsonresume(me, path)
    before = full_snapshot(me)
    again = service.import_jsonresume(me, path)
    assert not again.changed and again.skills_added == again.positions == 0
    assert full_snapshot(me) == before
    synced = json.dumps(document(me), ensure_ascii=False)
    assert original["basics"]["email"] not in synced and original["basics"]["phone"] not in synced
    assert original["education"][0]["courses"][0] not in synced
    assert original["basics"]["location"]["address"] not in synced
    extras = me.data_dir / "imports" / "jsonresume-extras.json"
    assert original["basics"]["email"] in extras.read_text(encoding="utf-8")
    assert stat.S_IMODE(extras.stat().st_mode) == 0o600


def write_resume(path: Path, resume: dict) -> Path:
    path.write_text(json.dumps(resume, ensure_ascii=False), encoding="utf-8")
    return path


def test_skills_merge_by_key_and_what_the_user_wrote_stays(node, tmp_path):
    me = node("Zoé Lefèvre", "Développeuse")
    me.add_skill("Python", 5, keywords=["asyncio"])
    resume = {
        "basics": {"name": "Zoe Lefevre", "label": "Dev", "summary": "Bio importée"},
        "skills": [{"name": "PYTHON ", "level": "Beginner", "keywords": ["Django", "AsyncIO"]}, {"name": "Go"}],
    }
    summary = service.import_jsonresume(me, write_resume(tmp_path / "r.json", resume))
    python = me.queries.skill(me.person_id, "python")
    assert (python.name, python.level, python.keywords) == ("Python", 5, ["asyncio", "Django"])
    assert [s.name for s in me.queries.skills(me.person_id)] == ["Python", "Go"]
    assert (summary.skills_added, summary.skills_merged) == (1, 1)
    profile = me.profile()
    assert (profile.name, profile.headline, profile.bio) == ("Zoé Lefèvre", "Développeuse", "Bio importée")
    assert summary.profile_filled == ("bio",)
    assert any("Kept your headline" in line for line in summary.report)


def test_too_long_texts_are_clipped_and_reported(node, tmp_path):
    me = node("Zoé")
    long_name = "Gestion " * (LIMITS["skill"] // 8 + 5)  # over the skill limit (160 since issue 13)
    resume = {
        "basics": {"summary": "é" * (LIMITS["bio"] + 10)},
        "skills": [{"name": long_name, "keywords": ["k" * (LIMITS["skill"] + 20)]}],
        "work": [{"name": "Atelier", "position": "Chef", "summary": "x " * 3000}],
    }
    summary = service.import_jsonresume(me, write_resume(tmp_path / "r.json", resume))
    assert summary.clipped == 4
    assert sum("clipped" in line for line in summary.report) == 4
    bio = me.profile().bio
    assert len(bio) == LIMITS["bio"] and bio.endswith("…")
    (skill,) = me.queries.skills(me.person_id)
    assert len(skill.name) <= LIMITS["skill"] and skill.name.endswith("…")
    (position,) = document(me)["positions"].values()
    assert len(position["description"]) <= LIMITS["description"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"skills": [', "not valid JSON"),
        ("[1, 2]", "not a résumé"),
        ('{"major": "php SQL", "autobiography": "…"}', "not a JSON Resume"),  # no section of one
    ],
)
def test_a_refused_resume_changes_nothing(node, tmp_path, content, message):
    me = node("Zoé")
    me.add_skill("Python", 4)
    before = full_snapshot(me)
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InteropError, match=message.replace("[", r"\[").replace("]", r"\]")):
        service.import_jsonresume(me, path)
    assert full_snapshot(me) == before


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ('{"work": [{"name": "A", "startDate": "2020-1-5"}]}', "work[0].startDate"),
        ('{"basics": {"email": "not an email"}}', "basics.email"),
        ('{"skills": [{"name": "Go", "keywords": "go"}]}', "skills[0].keywords"),
    ],
)
def test_a_field_the_schema_refuses_is_skipped_and_named(node, tmp_path, content, where):
    """Issue 15.3: the rest of the résumé is imported; the refused field is named in the report."""
    me = node("Zoé")
    path = tmp_path / "partly.json"
    path.write_text(content, encoding="utf-8")
    summary = service.import_jsonresume(me, path)
    assert [line for line in summary.report if line.startswith(f"Skipped {where}:")]


def test_an_export_without_any_import_validates(node, tmp_path):
    me = node("Zoé Lefèvre", "Ébéniste")
    me.add_skill("Marqueterie", 4, keywords=["placage"])
    me.update_profile(links=["https://zoe.example"], languages=["Français"])
    exported = json.loads(service.export_jsonresume(me, tmp_path / "r.json").read_text(encoding="utf-8"))
    assert exported["basics"]["name"] == "Zoé Lefèvre"
    assert exported["skills"] == [{"name": "Marqueterie", "level": "Advanced", "keywords": ["placage"]}]


# --- LinkedIn ----------------------------------------------------------------------

PROFILE = (
    "First Name,Last Name,Address,Birth Date,Headline,Summary,Geo Location,Websites\r\n"
    'Amélie,Durand,"12 rue Mercière, Lyon","Mar 3, 1990",Ébéniste & designer,'
    '"I build furniture, mostly oak.\r\nAnd I teach.","Lyon, France",'
    '"[PERSONAL:https://amelie.example,COMPANY:www.atelier.example]"\r\n'
)
SKILLS = "\ufeffName\r\nMarqueterie\r\nPython\r\n\r\npython \r\nÉbénisterie\r\n"
ENDORSEMENTS = (
    "Notes:\r\n"
    '"Endorsements you received, as of today.\r\nName, date and status may be missing."\r\n'
    "\r\n"
    "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\r\n"
    "2026/08/01 10:00:00 UTC,Marqueterie,Jean,Martin,www.linkedin.com/in/jmartin,ACCEPTED\r\n"
    "2025/01/15 08:30:00 UTC,Python,Ana,Silva,,ACCEPTED\r\n"
)
POSITIONS = (
    "Company Name,Title,Description,Location,Started On,Finished On\r\n"
    'Atelier Durand,Founder,"Design, build and deliver.\r\nTwo apprentices.","Lyon, France",Jan 2023,\r\n'
    "Meubles SA,Cabinetmaker,,Paris,Mar 2019,22 Jan 2023\r\n"
)
EXPORT = {
    "Profile.csv": PROFILE,
    "skills.CSV": SKILLS,
    "Endorsement Received Info.csv": ENDORSEMENTS,
    "Basic_LinkedInDataExport_08-02-2026/POSITIONS.csv": POSITIONS,
}


def write_export(root: Path, files: dict, as_zip: bool) -> Path:
    if as_zip:
        path = root.with_suffix(".zip")
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, text in files.items():
                archive.writestr(name, text.encode("utf-8") if isinstance(text, str) else text)
        return path
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return root


@pytest.mark.parametrize("as_zip", [True, False], ids=["zip", "folder"])
def test_a_quirky_linkedin_export_imports_exactly_once(node, tmp_path, as_zip):
    me = node("Amélie")
    export = write_export(tmp_path / "export", EXPORT, as_zip)
    summary = service.import_linkedin(me, export)
    assert (summary.skills_added, summary.endorsements, summary.positions) == (3, 2, 2)
    assert [s.name for s in me.queries.skills(me.person_id)] == ["Marqueterie", "Python", "Ébénisterie"]
    imported = me.queries.imported_endorsements(me.person_id)
    assert sorted((e.skill, e.endorser_name, e.endorser_url, e.date, e.source) for e in imported) == [
        ("Marqueterie", "Jean Martin", "https://www.linkedin.com/in/jmartin", "2026-08-01", "linkedin"),
        ("Python", "Ana Silva", "", "2025-01-15", "linkedin"),
    ]
    positions = sorted(
        (p["company"], p["title"], p["start"], p["end"], p["description"]) for p in document(me)["positions"].values()
    )
    assert positions == [
        ("Atelier Durand", "Founder", "2023-01", "", "Design, build and deliver.\nTwo apprentices."),
        ("Meubles SA", "Cabinetmaker", "2019-03", "2023-01-22", ""),
    ]
    profile = me.profile()
    assert profile.name == "Amélie"  # the user's own name stays
    assert profile.bio == "I build furniture, mostly oak.\nAnd I teach."
    assert profile.links == ["https://amelie.example", "https://www.atelier.example"]
    # unverified: listed apart, never counted, never among the signed ones
    assert me.queries.endorsements(subject_id=me.person_id, include_revoked=True) == []
    assert all(s.endorsement_count == 0 for s in me.queries.skills(me.person_id))
    private = (me.data_dir / "imports" / "linkedin-extras.json").read_text(encoding="utf-8")
    assert "12 rue Mercière" in private and "Mercière" not in json.dumps(document(me), ensure_ascii=False)

    before = full_snapshot(me)
    again = service.import_linkedin(me, export)
    assert not again.changed and (again.skills_added, again.endorsements, again.positions) == (0, 0, 0)
    assert full_snapshot(me) == before


def test_linkedin_endorsements_do_not_mix_with_signed_ones(node, tmp_path):
    ana, ben = node("Amélie"), node("Ben")
    service.import_linkedin(ana, write_export(tmp_path / "export", EXPORT, True))
    hand_over(ana, ben, tmp_path / "a.skb")
    ben.endorse(ana.person_id, "Python")
    hand_over(ben, ana, tmp_path / "b.skb")
    counts = {s.name: s.endorsement_count for s in ana.queries.skills(ana.person_id)}
    assert counts == {"Marqueterie": 0, "Python": 1, "Ébénisterie": 0}
    assert len(ana.queries.imported_endorsements(ana.person_id)) == 2
    # and another node sees the same: imported ones travel in the document, uncounted
    assert {s.name: s.endorsement_count for s in ben.queries.skills(ana.person_id)} == counts
    assert len(ben.queries.imported_endorsements(ana.person_id)) == 2


def broken_zip(tmp_path: Path) -> Path:
    good = write_export(tmp_path / "good", EXPORT, True)
    path = tmp_path / "broken.zip"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    return path


def not_csv(tmp_path: Path) -> Path:
    files = {**EXPORT, "skills.CSV": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))}
    return write_export(tmp_path / "export", {k: v for k, v in files.items() if k == "skills.CSV"}, True)


def plain_text(tmp_path: Path) -> Path:
    path = tmp_path / "Skills.csv.txt"
    path.write_text("this is not an archive", encoding="utf-8")
    return path


def unrelated_folder(tmp_path: Path) -> Path:
    return write_export(tmp_path / "photos", {"holiday.jpg": b"\xff\xd8\xff", "notes/todo.csv": "a,b\n"}, False)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (broken_zip, "not a readable ZIP archive"),
        (not_csv, "not a CSV text file"),
        (plain_text, "not a readable ZIP archive"),
        (unrelated_folder, "holds none of the LinkedIn export files"),
    ],
    ids=["broken-zip", "binary-csv", "not-an-archive", "unrelated-folder"],
)
def test_an_unusable_linkedin_export_is_refused_and_changes_nothing(node, tmp_path, make, message):
    me = node("Amélie")
    me.add_skill("Python", 4)
    before = full_snapshot(me)
    with pytest.raises(InteropError, match=message) as refused:
        service.import_linkedin(me, make(tmp_path))
    assert "\n" not in str(refused.value)
    assert full_snapshot(me) == before


# --- PDF ----------------------------------------------------------------------------


@pytest.fixture
def endorsed(node, tmp_path):
    """Hélène has two skills; Benoît endorsed one of them."""
    helene, benoit = node("Hélène Dupré-Noël", "Ébéniste"), node("Benoît")
    helene.add_skill("Marqueterie", 4, years=7)
    helene.add_skill("Dessin technique", 2)
    hand_over(helene, benoit, tmp_path / "h.skb")
    benoit.endorse(helene.person_id, "Marqueterie", comment="Très précis")
    hand_over(benoit, helene, tmp_path / "b.skb")
    return helene, benoit


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["SKILLS", "Level 4/5", "Level 2/5", "7 years", "1 endorsement"]),
        ("fr", ["COMPÉTENCES", "Niveau 4/5", "Niveau 2/5", "7 ans", "1 recommandation"]),
    ],
)
def test_the_pdf_reads_back_with_accents_levels_and_counts(endorsed, tmp_path, language, expected):
    helene, benoit = endorsed
    for who in (helene, benoit):  # her own export, and the copy Benoît's node has
        path = service.export_pdf(who, tmp_path / f"{language}.pdf", language, person_id=helene.person_id)
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
        for words in ["Hélène Dupré-Noël", "Ébéniste", "Marqueterie", "Dessin technique", *expected]:
            assert words in text.stdout, (words, text.stdout)
        assert "0 endorsement" not in text.stdout and "0 recommandation" not in text.stdout  # issue 12.5


def test_a_pdf_of_an_unknown_person_or_language_is_refused(endorsed, tmp_path):
    from skiller_desktop.errors import NotFoundError, ValidationError

    helene, _ = endorsed
    with pytest.raises(NotFoundError):
        service.export_pdf(
            helene, tmp_path / "x.pdf", person_id="did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
        )
    with pytest.raises(ValidationError, match="language"):
        service.export_pdf(helene, tmp_path / "x.pdf", "xx")
    assert not (tmp_path / "x.pdf").exists()


# --- credentials received ------------------------------------------------------------


def test_only_shown_endorsements_received_are_exported(endorsed, tmp_path):
    helene, benoit = endorsed
    extra = benoit.endorse(helene.person_id, "Dessin technique")
    hand_over(benoit, helene, tmp_path / "b.skb")
    assert len(service.export_credentials(helene, tmp_path / "all")) == 2
    helene.hide_endorsement(extra)
    (kept,) = service.export_credentials(helene, tmp_path / "shown")
    assert kept.name != f"{extra}.jwt"
    assert service.export_credentials(benoit, tmp_path / "none") == []  # he received none
