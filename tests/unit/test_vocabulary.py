"""The ESCO vocabulary: building the resource, and finding skills across languages (issue 13).

Most tests build a resource from a tiny TSV fixture written here, so they run
everywhere. The last ones read the committed resource, and the shared ESCO
files when present (../shared/samples/esco, or $SKILLER_ESCO_SAMPLES), and
skip with the reason where they are absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sqlite3
import threading
from pathlib import Path

import pytest

from skiller_desktop.errors import SkillerError
from skiller_desktop.vocabulary import (
    ATTRIBUTION,
    DEFAULT_PATH,
    Vocabulary,
    VocabularyUnavailable,
)
from skiller_desktop.vocabulary_build import BuildError, build
from skiller_desktop.vocabulary_format import fold_label, label_words

ROOT = Path(__file__).resolve().parents[2]
ESCO_SAMPLES = Path(os.environ.get("SKILLER_ESCO_SAMPLES") or ROOT.parent / "shared" / "samples" / "esco")

SKILL = "http://data.europa.eu/esco/skill/"
OCCUPATION = "http://data.europa.eu/esco/occupation/"
PM = SKILL + "7111b95d-0ce3-441a-9d92-4c75d05c4388"
COMMISSIONING = SKILL + "4ca91852-c534-4b98-ab1c-59a126534c88"
PYTHON = SKILL + "ccd0a1d9-afda-43d9-b901-96344886e14d"
POLICIES = SKILL + "00000000-0000-4000-8000-000000000004"
ACCESSIBILITY = SKILL + "00000000-0000-4000-8000-000000000005"
CPP = SKILL + "00000000-0000-4000-8000-000000000006"
WEB_DEVELOPER = OCCUPATION + "c40a2919-48a9-40ea-b506-1f34f693496d"
NURSE = OCCUPATION + "00000000-0000-4000-8000-0000000000aa"

SKILLS = [
    ("uri", "type", "en_label", "fr_label", "en_alt", "fr_alt", "skill_group", "fr_source"),
    (PM, "skill/competence", "project management", "gestion de projets",
     "management of projects|project planning", "", "management and administration", "x"),
    (COMMISSIONING, "skill/competence", "project commissioning", "mise en service de projets",
     "project management|commissioning", "", "directing projects", "x"),
    (PYTHON, "knowledge", "Python (computer programming)", "Python (programmation informatique)",
     "Python", "", "software development|computer use", "x"),
    (POLICIES, "skill/competence", "apply company policies", "appliquer les politiques d’entreprise",
     "", "respecter les politiques de l'entreprise", "work skills", "x"),
    (ACCESSIBILITY, "knowledge", "accessibility", "accessibilité", "", "Accessibilité numérique",
     "design", "x"),
    (CPP, "", "C++", "C++", "", "", "", "x"),
]
OCCUPATIONS = [
    ("uri", "en_label", "fr_label", "isco_group"),
    (WEB_DEVELOPER, "web developer", "développeur web/développeuse web", "2513"),
    (NURSE, "nurse responsible for general care", "infirmier/infirmière en soins généraux", "2221"),
]
RELATIONS = [
    ("occupation_uri", "skill_uri", "relation"),
    (WEB_DEVELOPER, PYTHON, "essential"),
    (WEB_DEVELOPER, ACCESSIBILITY, "essential"),
    (WEB_DEVELOPER, PM, "optional"),
    (NURSE, PM, "optional"),
]


def write_tsv(path: Path, rows: list[tuple[str, ...]]) -> None:
    path.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "esco"
    folder.mkdir()
    write_tsv(folder / "skills.tsv", SKILLS)
    write_tsv(folder / "occupations.tsv", OCCUPATIONS)
    write_tsv(folder / "occupation_skills.tsv", RELATIONS)
    return folder


@pytest.fixture
def vocabulary(source: Path, tmp_path: Path) -> Vocabulary:
    build(source, tmp_path / "vocabulary.sqlite")
    opened = Vocabulary(tmp_path / "vocabulary.sqlite")
    yield opened
    opened.close()


def uris(suggestions) -> list[str]:
    return [suggestion.uri for suggestion in suggestions]


# -- building -------------------------------------------------------------------------------


def test_the_build_gives_a_resource_that_answers(source: Path, tmp_path: Path):
    report = build(source, tmp_path / "out" / "vocabulary.sqlite")
    assert (report.concepts, report.occupations, report.relations) == (6, 2, 4)
    assert report.ambiguous_labels == 1  # "project management" names two concepts
    concept = Vocabulary(report.path).concept(PYTHON)
    assert concept is not None
    assert (concept.en, concept.fr, concept.kind) == ("Python (computer programming)",
                                                      "Python (programmation informatique)", "knowledge")
    assert concept.groups == ("software development", "computer use")
    assert concept.en_alt == ("Python",)


def test_the_build_is_deterministic(source: Path, tmp_path: Path):
    build(source, tmp_path / "a.sqlite")
    build(source, tmp_path / "b.sqlite")
    assert (tmp_path / "a.sqlite").read_bytes() == (tmp_path / "b.sqlite").read_bytes()


def test_the_build_refuses_a_missing_file_and_a_bad_uri(source: Path, tmp_path: Path):
    (source / "occupation_skills.tsv").unlink()
    with pytest.raises(BuildError, match=r"missing source file: .*occupation_skills\.tsv"):
        build(source, tmp_path / "v.sqlite")
    write_tsv(source / "occupation_skills.tsv", RELATIONS)
    write_tsv(source / "skills.tsv", [*SKILLS, ("http://example.org/skill/1", "", "x", "x", "", "", "", "")])
    with pytest.raises(BuildError, match=r"skills\.tsv line 8"):
        build(source, tmp_path / "v.sqlite")
    assert not (tmp_path / "v.sqlite").exists()  # nothing half-written is left where the app looks


def test_most_needed_skills_come_first_when_nothing_else_decides(vocabulary: Vocabulary):
    # project management: 2 optional relations (2); Python: 1 essential (2); ties by English label
    assert uris(vocabulary.suggest("p", "en", 3))[:2] == [PM, PYTHON]


def test_precomputed_short_starts_answer_as_the_word_index_does(source: Path, tmp_path: Path, monkeypatch):
    build(source, tmp_path / "plain.sqlite")
    monkeypatch.setattr("skiller_desktop.vocabulary_build.SHORT_MIN", 0)  # every 1-3 letter start precomputed
    build(source, tmp_path / "short.sqlite")
    plain, short = Vocabulary(tmp_path / "plain.sqlite"), Vocabulary(tmp_path / "short.sqlite")
    assert short._short_starts() and not plain._short_starts()
    for text in ["p", "pr", "pro", "g d p", "ma of", "c+", "acc num", "d'en", "xyz"]:
        assert short.suggest(text, "fr") == plain.suggest(text, "fr"), text


# -- matching -------------------------------------------------------------------------------


def test_french_and_english_find_the_same_concept(vocabulary: Vocabulary):
    french = vocabulary.suggest("gestion de projet", "fr")
    english = vocabulary.suggest("project management", "en")
    assert uris(french)[0] == PM == uris(english)[0]
    assert french[0].label == "gestion de projets"
    assert vocabulary.suggest("gestion de projets", "en")[0].label == "project management"


def test_accents_case_and_apostrophes_are_folded(vocabulary: Vocabulary):
    assert uris(vocabulary.suggest("ACCESSIBILITE", "fr"))[0] == ACCESSIBILITY
    assert uris(vocabulary.suggest("Gestión DE proj", "fr"))[0] == PM
    straight = vocabulary.suggest("politiques d'entreprise", "fr")
    curly = vocabulary.suggest("politiques d’entreprise", "fr")
    assert uris(straight)[0] == POLICIES == uris(curly)[0]
    assert vocabulary.lookup_exact("appliquer les politiques d'Entreprise") == [POLICIES]
    assert vocabulary.lookup_exact("respecter les politiques de l’entreprise") == [POLICIES]


def test_fold_label_treats_apostrophes_alike_and_keeps_cpp_a_word():
    assert fold_label("  D’Entreprise  ÉTÉ ") == fold_label("d'entreprise été") == "d'entreprise ete"
    assert label_words(fold_label("C++ et C#, d’entreprise")) == ["c++", "et", "c#", "d", "entreprise"]


def test_synonyms_match_and_say_which_one(vocabulary: Vocabulary):
    found = vocabulary.suggest("management of proj", "en")
    assert uris(found)[0] == PM
    assert (found[0].label, found[0].matched) == ("project management", "management of projects")
    across = vocabulary.suggest("accessibilite numerique", "en")
    assert (across[0].uri, across[0].label, across[0].matched) == (
        ACCESSIBILITY, "accessibility", "Accessibilité numérique")
    assert vocabulary.suggest("accessibility", "en")[0].matched is None


def test_words_match_anywhere_and_in_any_order(vocabulary: Vocabulary):
    assert PM in uris(vocabulary.suggest("proj gest", "fr"))
    assert uris(vocabulary.suggest("informatique", "fr")) == [PYTHON]
    assert uris(vocabulary.suggest("c++", "en")) == [CPP]
    assert vocabulary.suggest("gestion python", "fr") == []  # words of two labels are not one label
    assert vocabulary.suggest("   ", "fr") == [] and vocabulary.suggest("!!", "fr") == []


def test_an_exact_label_comes_before_a_longer_one(vocabulary: Vocabulary):
    assert uris(vocabulary.suggest("Python", "en"))[0] == PYTHON
    assert uris(vocabulary.suggest("project management", "en")) == [PM, COMMISSIONING]


def test_skills_used_in_the_network_come_first(vocabulary: Vocabulary):
    assert uris(vocabulary.suggest("proj", "en")) == [PM, COMMISSIONING]
    boosted = vocabulary.suggest("proj", "en", usage={COMMISSIONING: 3, CPP: 9})
    assert uris(boosted) == [COMMISSIONING, PM]  # C++ does not match "proj": never shown
    assert boosted[0].usage == 3


def test_ambiguous_labels_are_reported_not_guessed(vocabulary: Vocabulary):
    assert vocabulary.lookup_exact("Project Management") == [PM, COMMISSIONING]
    assert vocabulary.lookup_exact("gestion de projets") == [PM]
    assert vocabulary.lookup_exact("gestion de projet") == []  # exact means exact (after folding)


def test_labels_in_the_reader_language(vocabulary: Vocabulary):
    assert vocabulary.label(PM, "fr") == "gestion de projets"
    assert vocabulary.label(PM, "fr_CA") == "gestion de projets"
    assert vocabulary.label(PM, "de") == "project management"
    assert vocabulary.label(SKILL + "00000000-0000-4000-8000-0000000000ff", "fr") is None
    assert vocabulary.concept("not a uri") is None


def test_limit_is_kept(vocabulary: Vocabulary):
    assert len(vocabulary.suggest("p", "en", limit=1)) == 1
    assert vocabulary.suggest("p", "en", limit=0) == []


def test_occupations_in_both_languages_and_their_skills(vocabulary: Vocabulary):
    found = vocabulary.occupation_suggest("developpeuse web", "fr")
    assert [(o.uri, o.label, o.isco) for o in found] == [(WEB_DEVELOPER, "développeur web/développeuse web", "2513")]
    assert vocabulary.occupation_suggest("développeur", "en")[0].label == "web developer"
    assert vocabulary.occupation_suggest("infirmiere", "fr")[0].uri == NURSE
    skills = vocabulary.occupation_skills(WEB_DEVELOPER)
    assert skills is not None
    assert (set(skills.essential), skills.optional) == ({PYTHON, ACCESSIBILITY}, (PM,))
    assert vocabulary.occupation_skills(OCCUPATION + "00000000-0000-4000-8000-000000000000") is None
    assert vocabulary.occupation(NURSE).fr == "infirmier/infirmière en soins généraux"


def test_readers_on_several_threads_agree(vocabulary: Vocabulary):
    queries = ["gestion", "proj", "python", "accessib", "c++", "management of"] * 20
    expected = {query: vocabulary.suggest(query, "fr") for query in set(queries)}
    vocabulary.close()
    errors: list[BaseException] = []

    def run(offset: int) -> None:
        try:
            for query in queries[offset:] + queries[:offset]:
                assert vocabulary.suggest(query, "fr") == expected[query]
        except BaseException as error:  # handed to the main thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(n * 7,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


# -- the resource missing or wrong ----------------------------------------------------------


def test_a_missing_resource_is_said_clearly_and_only_when_used(tmp_path: Path):
    missing = Vocabulary(tmp_path / "nowhere.sqlite")  # opening is lazy: no error yet
    with pytest.raises(VocabularyUnavailable, match=r"vocabulary is missing .*nowhere\.sqlite.*build_vocabulary"):
        missing.suggest("python", "en")
    with pytest.raises(SkillerError) as error:
        missing.concept(PM)
    assert error.value.code == "vocabulary_unavailable"


def test_a_resource_of_another_format_is_refused(tmp_path: Path, source: Path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.close()
    with pytest.raises(VocabularyUnavailable, match=r"unreadable|format"):
        Vocabulary(other).suggest("python", "en")
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database" * 100)
    with pytest.raises(VocabularyUnavailable, match="unreadable"):
        Vocabulary(garbage).suggest("python", "en")
    built = tmp_path / "built.sqlite"
    build(source, built)
    with sqlite3.connect(built) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'fold_version'")
    db.close()
    with pytest.raises(VocabularyUnavailable, match="rebuild"):
        Vocabulary(built).suggest("python", "en")


def test_the_attribution_is_esco_s_sentence():
    assert ATTRIBUTION == "This service uses the ESCO classification of the European Commission."


# -- the real vocabulary --------------------------------------------------------------------

needs_resource = pytest.mark.skipif(not DEFAULT_PATH.is_file(), reason=f"no built vocabulary at {DEFAULT_PATH}")


@pytest.fixture(scope="module")
def esco() -> Vocabulary:
    opened = Vocabulary(DEFAULT_PATH)
    yield opened
    opened.close()


@needs_resource
def test_esco_gestion_de_projet_is_project_management(esco: Vocabulary):
    english = esco.suggest("project management", "en")[0]
    french = esco.suggest("gestion de projet", "fr")[0]
    assert english.uri == french.uri == PM
    assert (english.label, french.label) == ("project management", "gestion de projets")
    assert english.group == french.group == "management and administration"


@needs_resource
def test_esco_any_label_typed_in_full_finds_its_concept(esco: Vocabulary):
    """Preferred labels and synonyms of 300 random concepts, in either language: recall@10 is 100 %."""
    rng = random.Random(13)
    for uri in rng.sample(esco.concept_uris(), 300):
        concept = esco.concept(uri)
        assert concept is not None
        labels = [(concept.en, "en"), (concept.fr, "fr"), *((alt, "en") for alt in concept.en_alt),
                  *((alt, "fr") for alt in concept.fr_alt)]
        text, language = rng.choice(labels)
        assert uri in uris(esco.suggest(text, language, 10)), text
        assert uri in esco.lookup_exact(text.upper()), text


@needs_resource
def test_esco_a_whole_word_beats_a_longer_one(esco: Vocabulary):
    assert esco.suggest("excel", "en")[0].matched == "Microsoft Office Excel"
    assert esco.suggest("Python", "fr")[0].label == "Python (programmation informatique)"


@needs_resource
def test_esco_counts_and_ambiguous_labels(esco: Vocabulary):
    stats = esco.stats()
    assert (stats["count_concepts"], stats["count_occupations"], stats["count_relations"]) == (
        "13680", "3007", "123090")
    assert int(stats["count_ambiguous"]) > 700  # the issue counted 742 with plain folding
    assert len(esco.lookup_exact("project management")) == 2
    assert esco.lookup_exact("Java") == [SKILL + "19a8293b-8e95-4de3-983f-77484079c389"]


@needs_resource
def test_esco_web_developer_needs_programming(esco: Vocabulary):
    occupation = esco.occupation_suggest("développeur web", "fr")[0]
    assert occupation.uri == WEB_DEVELOPER
    skills = esco.occupation_skills(occupation.uri)
    assert skills is not None and len(skills.essential) > 10
    assert "programmation informatique" in {esco.label(uri, "fr") for uri in skills.essential}


@needs_resource
@pytest.mark.skipif(not (ESCO_SAMPLES / "skills.tsv").is_file(),
                    reason=f"no ESCO samples at {ESCO_SAMPLES} (set SKILLER_ESCO_SAMPLES)")
def test_the_committed_resource_was_built_from_the_shared_files(esco: Vocabulary):
    stats = esco.stats()
    for name in ("skills.tsv", "occupations.tsv", "occupation_skills.tsv"):
        digest = hashlib.sha256((ESCO_SAMPLES / name).read_bytes()).hexdigest()
        assert stats[f"sha256_{name}"] == digest, f"{name} changed: rebuild with resources/esco/build_vocabulary.py"


# -- skiller vocabulary ... ------------------------------------------------------------------


def run_vocabulary_cli(capsys, *argv: str) -> tuple[int, str]:
    """The command group as the CLI registers it, without opening a data dir (it needs none)."""
    from skiller_desktop import vocabulary_cli

    parser = argparse.ArgumentParser(prog="skiller")
    parser.add_argument("--json", action="store_true")
    vocabulary_cli.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    code = args.handler(None, args)
    return code or 0, capsys.readouterr().out


@pytest.fixture
def shared_vocabulary(vocabulary: Vocabulary, monkeypatch) -> Vocabulary:
    monkeypatch.setattr("skiller_desktop.vocabulary._shared", vocabulary)
    return vocabulary


def test_cli_suggests_in_the_language_asked(shared_vocabulary, capsys):
    code, out = run_vocabulary_cli(capsys, "vocabulary", "suggest", "gestion de proj", "--language", "fr")
    assert code == 0
    assert out.splitlines()[0] == f"gestion de projets  [management and administration]  {PM}"
    code, out = run_vocabulary_cli(capsys, "--json", "vocabulary", "suggest", "management of", "--limit", "1")
    assert json.loads(out) == [{"uri": PM, "label": "project management", "matched": "management of projects",
                                "groups": ["management and administration"], "kind": "skill/competence",
                                "usage": 0}]


def test_cli_lookup_says_when_a_label_is_ambiguous(shared_vocabulary, capsys):
    code, out = run_vocabulary_cli(capsys, "vocabulary", "lookup", "Project Management")
    assert code == 0 and out.startswith("Ambiguous: 2 concepts have this label.")
    code, out = run_vocabulary_cli(capsys, "vocabulary", "lookup", "nothing like this")
    assert code == 1 and "No concept" in out


def test_cli_shows_a_concept_a_role_and_the_attribution(shared_vocabulary, capsys):
    code, out = run_vocabulary_cli(capsys, "vocabulary", "show", ACCESSIBILITY)
    assert code == 0 and "fr synonym: Accessibilité numérique" in out
    code, out = run_vocabulary_cli(capsys, "vocabulary", "role", WEB_DEVELOPER, "--language", "fr")
    assert code == 0 and "Essential (2):" in out and "Optional (1):\n  gestion de projets" in out
    code, out = run_vocabulary_cli(capsys, "vocabulary", "occupations", "développeuse", "--language", "fr")
    assert out.startswith("développeur web/développeuse web  ISCO 2513")
    code, out = run_vocabulary_cli(capsys, "vocabulary", "about")
    assert out.startswith(ATTRIBUTION) and "adapted version of ESCO" in out
    code, out = run_vocabulary_cli(capsys, "vocabulary", "show", PM.replace("7111", "0000"))
    assert code == 1
