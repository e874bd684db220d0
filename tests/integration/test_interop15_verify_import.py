"""Issue 15: a revoked endorsement verifies as revoked; real résumés import their readable parts.

Real nodes over real SQLite files, documents handed over as bundles (sync by hand).
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest
from support import hand_over, run_cli

from skiller_desktop.interop import service
from skiller_desktop.messages import code_of
from skiller_desktop.services import Services

pytestmark = pytest.mark.filterwarnings("ignore:EdDSA is deprecated:Warning")

DATA = Path(__file__).parents[1] / "unit" / "interop" / "data"


@pytest.fixture
def endorsed(marqueterie_endorsed, tmp_path):
    """Ana endorsed Benoît's Marqueterie; Benoît exported the credential."""
    ana, benoit, endorsement_id = marqueterie_endorsed
    [file] = service.export_credentials(benoit, tmp_path / "creds")
    return ana, benoit, endorsement_id, file


def test_a_revoked_endorsement_verifies_as_revoked_where_the_endorsers_document_is_known(endorsed, tmp_path):
    ana, benoit, endorsement_id, file = endorsed
    before = service.verify_file(benoit, file)
    assert (before["revocation"], before["revoked"]) == ("not_revoked", False)

    ana.revoke_endorsement(endorsement_id)
    assert service.verify_file(benoit, file)["revocation"] == "not_revoked"  # Benoît has not seen it yet
    hand_over(ana, benoit, tmp_path / "a2.skb")
    after = service.verify_file(benoit, file)
    assert (after["valid"], after["revocation"], after["revoked"]) == (True, "revoked", True)
    assert after["revoked_at"][:4].isdigit()

    cli = run_cli("--json", "verify", str(file), data_dir=benoit.data_dir)
    assert cli.returncode == 3, cli.stderr  # valid signature, not to be relied on
    assert json.loads(cli.stdout)["revocation"] == "revoked"


def test_where_the_endorser_is_unknown_revocation_is_said_unchecked(endorsed, node):
    *_, file = endorsed
    stranger = node("Chloé", folder="chloe")
    result = service.verify_file(stranger, file)
    assert (result["revocation"], result["known"], result["revoked"]) == ("not_checked", False, None)
    assert service.verify_file(None, file)["revocation"] == "not_checked"


@pytest.mark.parametrize(("name", "skipped"), [("resume-empty-enddate.json", 0), ("resume-freetext-dates.json", 2)])
def test_a_real_resume_imports_its_valid_parts_and_reports_the_rest(node, name: str, skipped: int):
    zoe = node("Zoé", folder="zoe")
    summary = service.import_jsonresume(zoe, DATA / name)
    lines = [line for line in summary.report if code_of(line).startswith("import.skipped_")]
    assert len(lines) == skipped
    assert summary.changed
    if name == "resume-empty-enddate.json":
        assert summary.positions == 3 and summary.skills_added >= 10
        document = service._own_document(zoe)
        ends = {p["company"]: p["end"] for p in document["positions"].values()}
        assert ends["Le Figaro"] == ""  # current


def test_a_file_that_is_not_a_resume_is_refused_and_nothing_is_stored(node, tmp_path):
    zoe = node("Zoé", folder="zoe")
    cli = run_cli("import", "jsonresume", str(DATA / "not-a-resume.json"), data_dir=zoe.data_dir)
    assert cli.returncode == 1 and "is not a JSON Resume" in cli.stderr
    assert zoe.queries.skills(zoe.person_id) == []


@pytest.mark.slow
def test_verify_online_learns_a_revocation_from_the_relay(endorsed, node, tmp_path):
    """Benoît's copy of Ana's document is stale; `verify --online` syncs with his relay first."""
    from sync_processes import start_relay

    ana, benoit, endorsement_id, file = endorsed
    relay = start_relay(tmp_path / "relay.sqlite3")
    try:
        for who in (benoit, ana):
            synced = run_cli("sync", "--once", "--relay", relay.url, data_dir=who.data_dir)
            assert synced.returncode == 0, synced.stderr
        ana.revoke_endorsement(endorsement_id)
        assert run_cli("sync", "--once", data_dir=ana.data_dir).returncode == 0

        stale = run_cli("--json", "verify", str(file), data_dir=benoit.data_dir)
        assert (stale.returncode, json.loads(stale.stdout)["revocation"]) == (0, "not_revoked")
        online = run_cli("verify", "--online", str(file), data_dir=benoit.data_dir)
        assert online.returncode == 3, online.stderr
        assert "online: synced with 1 of 1 relays and peers first" in online.stdout
        assert "REVOKED on 20" in online.stdout
    finally:
        relay.stop()

    stranger = node("Chloé", folder="chloe")
    alone = run_cli("verify", "--online", str(file), data_dir=stranger.data_dir)
    assert alone.returncode == 0 and "knows no relay or peer" in alone.stdout
    assert "Revocation not checked (offline)" in alone.stdout


def test_linkedin_language_proficiency_reaches_the_json_resume_export(node, tmp_path):
    """Issue 15.4: kept privately on import, written to languages[].fluency on export."""
    export = tmp_path / "linkedin"
    export.mkdir()
    (export / "Profile.csv").write_text("First Name,Last Name,Headline\nZoé,Martin,Luthière\n", encoding="utf-8")
    (export / "Languages.csv").write_text(
        "Name,Proficiency\nFrançais,Native or bilingual proficiency\nEnglish,Full professional proficiency\n"
        "Deutsch,\n", encoding="utf-8")
    zoe = node("Zoé", folder="zoe")
    service.import_linkedin(zoe, export)
    written = service.export_jsonresume(zoe, tmp_path / "resume.json")
    languages = json.loads(written.read_text(encoding="utf-8"))["languages"]
    assert languages == [{"language": "Français", "fluency": "Native or bilingual proficiency"},
                         {"language": "English", "fluency": "Full professional proficiency"},
                         {"language": "Deutsch"}]


ESCO_PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"


def test_an_endorsement_of_a_linked_skill_carries_its_concept_as_alignment(node, tmp_path):
    """Issue 15.2 with issue 13: the endorsement's concept (set by `endorse` from the skill's link) is the
    credential's OB 3.0 alignment. Skipped until skills can be linked (the concepts work, merged apart)."""
    if "concept" not in inspect.signature(Services.add_skill).parameters:
        pytest.skip("skills are linked to concepts by issue 13, merged separately")
    ana, benoit = node("Ana Lúcia", folder="ana"), node("Benoît Ébéniste", folder="benoit")
    benoit.add_skill("Python", 4, concept=ESCO_PYTHON)
    hand_over(benoit, ana, tmp_path / "b.skb")
    ana.endorse(benoit.person_id, "Python", comment="Du code propre", level=4)
    hand_over(ana, benoit, tmp_path / "a.skb")
    [file] = service.export_credentials(benoit, tmp_path / "creds")
    result = service.verify_file(benoit, file)
    assert (result["skill"], result["concept"]) == ("Python", ESCO_PYTHON)
