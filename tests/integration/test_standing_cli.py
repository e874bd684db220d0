"""Through the CLI as a user would: a fake crowd cannot outrank an expert the user's friends endorsed.

Ana, Ben and Cy know each other; Ben and Cy endorse Eve, a carpenter (claimed
level 3). Fred claims level 5 and 50 fake identities endorse him. Ana imports
everyone's bundles. In `skiller search --skill`, Eve comes first: without
standing, Fred's claimed level (and his 50 endorsements) would put him there.

The five people are real `skiller init` data dirs driven by the command; the
50 fakes are real data dirs too, made in-process by the same service call
`skiller init` makes (50 more processes would only add minutes), and reach Ana
as one bundle she imports with `skiller bundle import`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import run_cli

from skiller_desktop.services import Services

SKILL = "Menuiserie"


def cli(data: Path, *args: str) -> dict | list | str:
    done = run_cli("--json", *args, data_dir=data)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout) if done.stdout.strip().startswith(("{", "[")) else done.stdout


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("town")
    dirs = {name: root / name for name in ("ana", "ben", "cy", "eve", "fred")}
    ids = {name: cli(d, "init", "--name", name.capitalize())["person_id"] for name, d in dirs.items()}
    cli(dirs["eve"], "skill", "add", SKILL, "--level", "3")
    cli(dirs["fred"], "skill", "add", SKILL, "--level", "5")
    bundles = {name: root / f"{name}.bundle" for name in dirs}

    def export(name: str) -> None:
        cli(dirs[name], "bundle", "export", str(bundles[name]))

    for name in dirs:
        export(name)
    for friend, others in (("ben", ("ana", "cy")), ("cy", ("ana", "ben"))):
        for other in (*others, "eve"):
            cli(dirs[friend], "bundle", "import", str(bundles[other]))
        for other in others:
            cli(dirs[friend], "know", ids[other])
        cli(dirs[friend], "endorse", ids["eve"], SKILL, "--level", "4")
        export(friend)
    crowd = Services(root / "crowd")
    crowd.create_identity("Crowd keeper")
    for i in range(50):
        fake = Services(root / f"fake{i}")
        fake.create_identity(f"Fake {i}")
        fake.import_bundle(bundles["fred"])
        fake.endorse(ids["fred"], SKILL, "the best", 5)
        fake.export_bundle(root / f"fake{i}.bundle")
        crowd.import_bundle(root / f"fake{i}.bundle")
        fake.close()
    fakes = [p.person_id for p in crowd.queries.people(100) if p.name != "Crowd keeper"]
    crowd.export_bundle(root / "crowd.bundle", fakes)
    crowd.close()
    for name in ("ben", "cy", "eve", "fred"):
        cli(dirs["ana"], "bundle", "import", str(bundles[name]))
    cli(dirs["ana"], "bundle", "import", str(root / "crowd.bundle"))
    for friend in ("ben", "cy"):
        cli(dirs["ana"], "know", ids[friend])
    return {"dirs": dirs, "ids": ids}


def test_the_expert_ranks_first_above_a_fake_crowd(town: dict) -> None:
    ids, ana = town["ids"], town["dirs"]["ana"]
    found = cli(ana, "search", "--skill", SKILL)
    order = [p["person_id"] for p in found["people"]]
    assert order[:2] == [ids["eve"], ids["fred"]]
    eve, fred = found["people"][0], found["people"][1]
    assert eve["standing"] == 100.0 and fred["standing"] == 0.0
    assert (eve["matched_level"], fred["matched_level"]) == (3, 5)  # the claimed level only breaks ties
    [by_name] = cli(ana, "search", "eve", "--skill", SKILL)["people"]  # words and a skill: standing too
    assert (by_name["person_id"], by_name["standing"]) == (ids["eve"], 100.0)


def test_the_raw_count_stays_visible_and_the_crowd_counts_for_nothing(town: dict) -> None:
    ids, ana = town["ids"], town["dirs"]["ana"]
    [fred] = cli(ana, "standing", ids["fred"], "--explain")["skills"]
    assert (fred["endorsements"], fred["counted"], fred["standing"], fred["why"]) == (50, 0, 0.0, [])
    [eve] = cli(ana, "standing", ids["eve"], "--skill", SKILL, "--explain")["skills"]
    assert (eve["skill"], eve["endorsements"], eve["counted"]) == (SKILL, 2, 2)
    assert eve["community_level"] == 4.0
    assert sum(w["share"] for w in eve["why"]) == pytest.approx(1.0)
    assert sorted(w["path"] for w in eve["why"]) == sorted([[ids["ana"], ids["ben"]], [ids["ana"], ids["cy"]]])
    assert {w["endorser_id"] for w in eve["why"]} == {ids["ben"], ids["cy"]}
    assert "why" not in cli(ana, "standing", ids["eve"])["skills"][0]


def test_taking_back_a_known_mark_moves_the_standing(town: dict) -> None:
    ids, ana = town["ids"], town["dirs"]["ana"]
    text = run_cli("standing", ids["eve"], "--explain", data_dir=ana).stdout
    assert "standing 100/100" in text and "you → Ben (knows)" in text
    assert cli(ana, "know", ids["ben"], "--undo") == {"person_id": ids["ben"], "known": False}
    [eve] = cli(ana, "standing", ids["eve"], "--explain")["skills"]
    assert eve["counted"] == 2  # Cy still knows Ben: trust reaches him through her
    assert [ids["ana"], ids["cy"], ids["ben"]] in [w["path"] for w in eve["why"]]
    refused = run_cli("know", ids["ben"], "--undo", data_dir=ana)
    assert refused.returncode != 0 and "do not say you know" in refused.stderr
    cli(ana, "know", ids["ben"])
