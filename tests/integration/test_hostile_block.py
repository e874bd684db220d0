"""Block a key, the user's side: `skiller block / unblock / blocked`, through the real CLI."""

from __future__ import annotations

import json

import pytest
from support import hand_over, run_cli


@pytest.fixture
def community(node, tmp_path):
    """Moi knows Zoé (who endorsed Moi's Python) and Léa, by bundles; the CLI then runs on Moi's data dir."""
    me = node("Moi", folder="me")
    me.add_skill("Python", 4)
    zoe, lea = node("Zoé Petit", folder="zoe"), node("Léa Martin", folder="lea")
    zoe.add_skill("Ébénisterie", 4)
    lea.add_skill("Python", 5)
    hand_over(me, zoe, tmp_path / "me.skb")
    zoe.endorse(me.person_id, "python", "Solide")
    hand_over(zoe, me, tmp_path / "zoe.skb")
    hand_over(lea, me, tmp_path / "lea.skb")
    zoe.update_profile(headline="Ébéniste à Lyon")  # a newer version of Zoé, handed over later
    zoe.export_bundle(tmp_path / "zoe-later.skb")
    return tmp_path / "me", me.person_id, zoe.person_id


def cli_json(data_dir, *args):
    done = run_cli("--json", *args, data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def found_names(data_dir, *args):
    return sorted(p["name"] for p in cli_json(data_dir, "search", *args)["people"])


def received_from(data_dir):
    return [e["endorser_name"] for e in cli_json(data_dir, "endorsements", "--received")["endorsements"]]


def test_a_blocked_person_vanishes_and_comes_back_when_unblocked(community):
    data_dir, _me, zoe = community
    assert found_names(data_dir) == ["Léa Martin", "Moi", "Zoé Petit"]
    assert received_from(data_dir) == ["Zoé Petit"]

    blocked = run_cli("block", zoe, "--reason", "spam", data_dir=data_dir)
    assert blocked.returncode == 0, blocked.stderr
    assert found_names(data_dir) == ["Léa Martin", "Moi"]
    assert found_names(data_dir, "--skill", "ebenisterie") == []
    assert received_from(data_dir) == []  # the endorsements they gave go with them
    listed = cli_json(data_dir, "blocked")
    assert [(b["person_id"], b["name"], b["reason"]) for b in listed] == [(zoe, "Zoé Petit", "spam")]
    later = run_cli("bundle", "import", str(data_dir.parent / "zoe-later.skb"), data_dir=data_dir)
    assert later.returncode == 0, later.stderr
    assert found_names(data_dir) == ["Léa Martin", "Moi"]  # what arrives of a blocked person stays unseen

    assert run_cli("unblock", zoe, data_dir=data_dir).returncode == 0
    assert found_names(data_dir) == ["Léa Martin", "Moi", "Zoé Petit"]
    assert found_names(data_dir, "--skill", "ebenisterie") == ["Zoé Petit"]
    assert found_names(data_dir, "lyon") == ["Zoé Petit"]  # shown as last received, from the store
    assert received_from(data_dir) == ["Zoé Petit"]
    assert cli_json(data_dir, "blocked") == []


@pytest.mark.parametrize("who", ["me", "garbage", "unblock-unknown", "twice"])
def test_refused_block_actions_say_one_line_and_fail(community, who):
    data_dir, me, zoe = community
    if who == "me":
        done = run_cli("block", me, data_dir=data_dir)
    elif who == "garbage":
        done = run_cli("block", "not-a-key", data_dir=data_dir)
    elif who == "unblock-unknown":
        done = run_cli("unblock", zoe, data_dir=data_dir)
    else:
        assert run_cli("block", zoe, data_dir=data_dir).returncode == 0
        done = run_cli("block", zoe, data_dir=data_dir)
    assert done.returncode == 1
    assert done.stderr.startswith("skiller: ") and done.stderr.count("\n") == 1, done.stderr
    assert found_names(data_dir) == (["Léa Martin", "Moi"] if who == "twice" else ["Léa Martin", "Moi", "Zoé Petit"])
