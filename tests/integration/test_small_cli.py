"""The `skiller` command's rough edges (issue 12.11), as a user meets them: real processes, real data dirs."""

from __future__ import annotations

import json

import pytest
from support import run_cli


def cli(*args: str, data_dir=None, ok: bool = True, stdin: str | None = None):
    done = run_cli(*args, data_dir=data_dir, stdin=stdin)
    if ok:
        assert done.returncode == 0, done.stderr
    return done


@pytest.fixture
def ana(tmp_path):
    data = tmp_path / "ana"
    cli("init", "--name", "Ana", data_dir=data)
    return data


def test_global_options_after_the_command(ana):
    after = json.loads(cli("whoami", "--json", "--data-dir", str(ana)).stdout)
    before = json.loads(cli("--json", "whoami", data_dir=ana).stdout)
    assert after == before and after["name"] == "Ana"
    cli("skill", "add", "Python", "--level", "3", "--data-dir", str(ana))
    skills = json.loads(cli("skill", "list", "--json", "--data-dir", str(ana)).stdout)  # a sub-subcommand
    assert [s["name"] for s in skills] == ["Python"]
    # given before the command, the subcommand's parser leaves them alone
    assert json.loads(cli("--json", "--data-dir", str(ana), "skill", "list").stdout) == skills


def test_teams_by_name_when_unique(ana):
    cli("team", "create", "Atelier Coop", data_dir=ana)
    members = json.loads(cli("--json", "team", "members", "Atelier Coop", data_dir=ana).stdout)
    assert [m["name"] for m in members] == ["Ana"]
    assert "Ana" in cli("team", "members", "atelier coop", data_dir=ana).stdout  # any case
    missing = cli("team", "members", "Atelier Koop", data_dir=ana, ok=False)
    assert missing.returncode == 1 and "no team named 'Atelier Koop'" in missing.stderr
    cli("team", "create", "Atelier Coop", data_dir=ana)
    twice = cli("team", "needs", "Atelier Coop", data_dir=ana, ok=False)
    assert twice.returncode == 1 and "2 of your teams are named" in twice.stderr and twice.stderr.count("team:") == 2


def test_levels_out_of_range_are_refused_with_the_range(ana):
    for args in (("search", "--min-level", "9"), ("search", "python", "--min-level", "-1")):
        refused = cli(*args, data_dir=ana, ok=False)
        assert refused.returncode == 2 and "from 0 to 5" in refused.stderr
    cli("team", "create", "Atelier Coop", data_dir=ana)
    refused = cli("team", "matrix", "Atelier Coop", "--min-level", "9", data_dir=ana, ok=False)
    assert refused.returncode == 2 and "from 0 to 5" in refused.stderr
    refused = cli("team", "needs", "Atelier Coop", "add", "Python", "--level", "6", data_dir=ana, ok=False)
    assert refused.returncode == 2 and "from 1 to 5" in refused.stderr


def test_plurals(ana):
    cli("skill", "add", "Python", "--level", "3", "--years", "1", data_dir=ana)
    cli("skill", "add", "Go", "--level", "2", "--years", "4", data_dir=ana)
    listed = cli("skill", "list", data_dir=ana).stdout
    assert "1 year " in listed and "4 years" in listed and "0 endorsements" in listed
    assert "(s)" not in listed and "1 years" not in listed
    cli("team", "create", "Atelier Coop", data_dir=ana)
    teams = cli("team", "list", data_dir=ana).stdout
    assert "(1 member, 0 open needs)" in teams
    code = cli("team", "invite-code", "Atelier Coop", "--days", "1", data_dir=ana).stdout
    assert "for 1 day." in code
    found = cli("search", "ana", data_dir=ana).stdout
    assert found.rstrip().endswith("1 person found")


def test_availability_lists_its_values(ana):
    refused = cli("profile", "set", "--availability", "sometimes", data_dir=ana, ok=False)
    assert refused.returncode == 2
    assert all(v in refused.stderr for v in ("available", "open", "busy"))
    assert "available, open, busy" in cli("profile", "set", "--help", data_dir=ana).stdout
    cli("profile", "set", "--availability", "open", data_dir=ana)
    assert json.loads(cli("--json", "profile", "show", data_dir=ana).stdout)["availability"] == "open"


def test_jsonresume_export_keeps_years_and_description(ana, tmp_path):
    cli("skill", "add", "Marqueterie", "--level", "5", "--years", "12", "--description", "Inlaid furniture",
        data_dir=ana)
    out = tmp_path / "resume.json"
    cli("export", "jsonresume", str(out), data_dir=ana)
    [skill] = json.loads(out.read_text(encoding="utf-8"))["skills"]
    assert skill == {"name": "Marqueterie", "level": "Expert", "years": 12, "description": "Inlaid furniture"}
    other = tmp_path / "other"
    cli("init", "--name", "Ana again", data_dir=other)
    cli("import", "jsonresume", str(out), data_dir=other)  # and they come back in
    [back] = json.loads(cli("--json", "skill", "list", data_dir=other).stdout)
    assert (back["years"], back["description"]) == (12, "Inlaid furniture")


def test_the_vocabulary_commands_are_there(ana):
    about = cli("vocabulary", "about", data_dir=ana).stdout
    assert "ESCO" in about


def test_a_french_phrase_restores_the_same_person_and_a_short_one_says_how_many_words(tmp_path):
    from mnemonic import Mnemonic

    created = json.loads(cli("--json", "init", "--name", "Zoé", "--phrase-language", "fr",
                             data_dir=tmp_path / "a").stdout)
    french = created["recovery_phrase"]
    assert all(w in Mnemonic("french").wordlist for w in french.split())
    english = json.loads(cli("--json", "identity", "phrase", data_dir=tmp_path / "a").stdout)["recovery_phrase"]
    assert english != french and all(w in Mnemonic("english").wordlist for w in english.split())
    again = json.loads(cli("identity", "phrase", "--phrase-language", "fr", "--json",
                           data_dir=tmp_path / "a").stdout)["recovery_phrase"]
    assert again == french
    restored = json.loads(cli("--json", "identity", "restore", data_dir=tmp_path / "b", stdin=french).stdout)
    assert restored["person_id"] == created["person_id"]
    short = cli("identity", "restore", data_dir=tmp_path / "c", stdin=" ".join(french.split()[:23]), ok=False)
    assert short.returncode == 1 and "has 23 words; it needs 24" in short.stderr
    words = french.split()
    words[2] = "zorglub"
    wrong = cli("identity", "restore", data_dir=tmp_path / "d", stdin=" ".join(words), ok=False)
    assert wrong.returncode == 1 and "word 3, 'zorglub'" in wrong.stderr
