"""`skiller thank` and `skiller endorsements` (issue 12.6) as a user runs them: real processes, real data dirs."""

from __future__ import annotations

import json

from support import run_cli


def person_id(data_dir):
    return json.loads(run_cli("--json", "whoami", data_dir=data_dir).stdout)["person_id"]


def swap(source, target, tmp_path, name: str) -> None:
    run_cli("bundle", "export", str(tmp_path / f"{name}.skb"), data_dir=source)
    assert run_cli("bundle", "import", str(tmp_path / f"{name}.skb"), data_dir=target).returncode == 0


def test_thank_from_the_command_line_and_the_endorser_reads_it(tmp_path):
    ana, ben = tmp_path / "ana", tmp_path / "ben"
    run_cli("init", "--name", "Ana", data_dir=ana)
    run_cli("init", "--name", "Ben", data_dir=ben)
    run_cli("skill", "add", "Python", "--level", "4", data_dir=ana)
    swap(ana, ben, tmp_path, "a1")
    endorsed = json.loads(run_cli("--json", "endorse", person_id(ana), "Python", "--comment", "Solide",
                                  "--level", "4", data_dir=ben).stdout)["endorsement_id"]
    swap(ben, ana, tmp_path, "b1")
    listed = run_cli("endorsements", "--received", data_dir=ana).stdout
    assert "(observed level 4/5)" in listed and "[thanked]" not in listed

    thanked = run_cli("thank", endorsed, "--message", "Merci Ben !", data_dir=ana)
    assert thanked.returncode == 0 and thanked.stdout.startswith("Thanked ("), thanked.stderr
    again = run_cli("thank", endorsed, data_dir=ana)
    assert again.returncode != 0 and "already thanked Ben" in again.stderr
    unknown = run_cli("thank", "no-such-id", data_dir=ana)
    assert unknown.returncode != 0 and "no endorsement" in unknown.stderr
    assert "[thanked]" in run_cli("endorsements", "--received", data_dir=ana).stdout

    swap(ana, ben, tmp_path, "a2")
    given = run_cli("endorsements", "--given", data_dir=ben).stdout
    assert "thanked: “Merci Ben !”" in given and "(observed level 4/5)" in given
