"""The `skiller` command as a user runs it: real processes, real data dirs."""

from __future__ import annotations

import json

import pytest
from support import run_cli


@pytest.fixture
def two_people(tmp_path):
    ana, ben = tmp_path / "ana", tmp_path / "ben"
    assert run_cli("init", "--name", "Ana Lúcia", "--headline", "Développeuse", data_dir=ana).returncode == 0
    assert run_cli("init", "--name", "Ben", data_dir=ben).returncode == 0
    return ana, ben


def person_id(data_dir):
    return json.loads(run_cli("--json", "whoami", data_dir=data_dir).stdout)["person_id"]


def test_init_shows_the_recovery_phrase_once_and_it_restores_the_person(tmp_path):
    result = run_cli("--json", "init", "--name", "Ana", data_dir=tmp_path / "a")
    created = json.loads(result.stdout)
    assert len(created["recovery_phrase"].split()) == 24
    restored = run_cli("--json", "identity", "restore", data_dir=tmp_path / "fresh", stdin=created["recovery_phrase"])
    assert json.loads(restored.stdout)["person_id"] == created["person_id"]


def test_the_bundle_round_trip_from_the_command_line(two_people, tmp_path):
    ana, ben = two_people
    assert run_cli("skill", "add", "Python", "--level", "4", "--years", "6", data_dir=ana).returncode == 0
    run_cli("bundle", "export", str(tmp_path / "a.skb"), data_dir=ana)
    assert "1 brought something new" in run_cli("bundle", "import", str(tmp_path / "a.skb"), data_dir=ben).stdout
    endorsed = run_cli("--json", "endorse", person_id(ana), "PYTHON", "--comment", "Top 👍", data_dir=ben)
    assert endorsed.returncode == 0, endorsed.stderr
    run_cli("bundle", "export", str(tmp_path / "b.skb"), data_dir=ben)
    run_cli("bundle", "import", str(tmp_path / "b.skb"), data_dir=ana)
    received = json.loads(run_cli("--json", "endorsements", "--received", data_dir=ana).stdout)["endorsements"]
    assert [(e["skill"], e["endorser_name"], e["comment"]) for e in received] == [("Python", "Ben", "Top 👍")]
    listed = run_cli("skill", "list", data_dir=ana).stdout
    assert "Python" in listed and "1 endorsement" in listed
    renamed = run_cli("skill", "edit", "python", "--rename", "Python 3", "--level", "5", data_dir=ana)
    assert renamed.returncode == 0 and "Saved Python 3." in renamed.stdout, renamed.stderr
    listed = run_cli("skill", "list", data_dir=ana).stdout
    assert "Python 3" in listed and "0 endorsement" in listed  # Ben endorsed "Python", not the new name


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["skill", "add", "Go", "--level", "0"], "level must be from 1 to 5"),
        (["skill", "add", "   ", "--level", "3"], "skill cannot be empty"),
        (["profile", "set", "--name", ""], "name cannot be empty"),
        (["profile", "set", "--bio", "x" * 100_000], "bio is too long"),
        (["endorse", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "Python"], "not known"),
        (["endorse", "nobody", "Python"], "not a person id"),
        (["profile", "show", "--person", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"], "no person"),
        (["skill", "remove", "Cobol"], "no skill named"),
        (["bundle", "import", "missing.skb"], "no such file"),
        (["endorsement", "revoke", "nope"], "no endorsement"),
    ],
)
def test_a_refused_action_prints_one_clear_line_and_exits_non_zero(two_people, args, message):
    ana, _ = two_people
    result = run_cli(*args, data_dir=ana)
    assert result.returncode == 1
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_usage_errors_exit_2_without_a_traceback(tmp_path):
    result = run_cli("skill", "add", "Go", "--level", "high", data_dir=tmp_path)
    assert result.returncode == 2
    assert "invalid int value" in result.stderr and "Traceback" not in result.stderr


def test_commands_before_init_say_what_to_do(tmp_path):
    result = run_cli("whoami", data_dir=tmp_path / "empty")
    assert result.returncode == 1
    assert "skiller init" in result.stderr


def test_a_malformed_bundle_file_is_refused_in_one_line(two_people, tmp_path):
    ana, _ = two_people
    junk = tmp_path / "junk.skb"
    junk.write_bytes(b"\x00garbage\nmore")
    result = run_cli("bundle", "import", str(junk), data_dir=ana)
    assert result.returncode == 1 and "not a Skiller bundle" in result.stderr


def test_identity_export_and_import_with_a_passphrase(two_people, tmp_path):
    ana, _ = two_people
    secret = tmp_path / "pass.txt"
    secret.write_text("a long passphrase\n")
    run_cli("identity", "export", str(tmp_path / "me.id"), "--passphrase-file", str(secret), data_dir=ana)
    wrong = run_cli("identity", "import", str(tmp_path / "me.id"), data_dir=tmp_path / "laptop",
                    env={"SKILLER_PASSPHRASE": "a wrong passphrase"})
    assert wrong.returncode == 1 and "wrong passphrase" in wrong.stderr
    right = run_cli("identity", "import", str(tmp_path / "me.id"), "--passphrase-file", str(secret),
                    "--device-name", "laptop", data_dir=tmp_path / "laptop")
    assert right.returncode == 0, right.stderr
    devices = json.loads(run_cli("--json", "identity", "devices", data_dir=tmp_path / "laptop").stdout)
    assert sorted(d["name"] for d in devices) == ["laptop", "this device"]


def test_demo_fills_an_empty_data_dir_with_a_searchable_community(tmp_path):
    result = run_cli("--json", "demo", "--people", "60", data_dir=tmp_path / "demo")
    assert json.loads(result.stdout)["people"] == 61
    found = json.loads(run_cli("--json", "search", "", "--skill", "python", data_dir=tmp_path / "demo").stdout)
    assert found["total"] >= 1
    assert all(p["matched_skill"] == "Python" for p in found["people"])
