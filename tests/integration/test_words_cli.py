"""`skiller sync` and `skiller peers`, real processes: the same plain words for the same relay."""

from __future__ import annotations

import json
import re

from support import run_cli

RAW = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d|\w+Error\)|\(Invalid\w+\)")


def test_sync_and_peers_agree_on_an_unreachable_relay_in_plain_words(tmp_path):
    data = tmp_path / "me"
    assert run_cli("init", "--name", "Me", data_dir=data).returncode == 0
    synced = run_cli("sync", "--relay", "http://127.0.0.1:9", "--once", "--timeout", "3", data_dir=data)
    assert synced.returncode != 0
    line = next(x for x in synced.stdout.splitlines() if "127.0.0.1:9" in x)
    assert "Not reachable: It did not answer. Check your internet connection" in line, line
    everything = synced.stdout + synced.stderr
    assert "Last synced: never." in line and not RAW.search(everything), everything
    peers = run_cli("peers", data_dir=data)
    listed = next(x for x in peers.stdout.splitlines() if "127.0.0.1:9" in x)
    assert listed == line, (listed, line)  # one vocabulary: the same line for the same relay
    [row] = json.loads(run_cli("--json", "peers", data_dir=data).stdout)
    assert row["state"] == "offline" and row["problem"] == "sync.unreachable"


def test_an_address_that_cannot_be_one_needs_attention_not_waiting(tmp_path):
    data = tmp_path / "me"
    assert run_cli("init", "--name", "Me", data_dir=data).returncode == 0
    synced = run_cli("--json", "sync", "--relay", "http://127.0.0.1:99999", "--once", data_dir=data)
    [status] = [json.loads(x) for x in synced.stdout.splitlines() if x.startswith("{")]
    assert status["state"] == "error" and status["problem"] == "sync.bad_address", status
    assert status["said"].startswith("Needs attention: This is not an address Skiller can use.")
    [row] = json.loads(run_cli("--json", "peers", data_dir=data).stdout)
    assert (row["state"], row["said"]) == (status["state"], status["said"])
