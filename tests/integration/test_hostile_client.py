"""A client that cannot be held (issue 10, points 4, 5 and 10): real CLI processes against hostile relays."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hostile_relay import HostileRelay
from sync_processes import CLI, ROOT, doc_heads, env, node_db, skiller, start_relay

pytestmark = pytest.mark.slow

MiB = 1024 * 1024
# What a client may have read of one endless answer: its cap (a log page's, about 20 MiB; a snapshot
# page's, 64 MiB) plus what the loopback socket buffers hold. The relay stops an answer at 256 MiB.
READ_BOUND = {"endless_body": 48 * MiB, "lying_length": 48 * MiB, "huge_snapshot": 96 * MiB}


def _sync(data_dir, url: str, *extra: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """`skiller sync --relay URL --once` as a user runs it (text output)."""
    return subprocess.run([sys.executable, str(CLI), "--data-dir", str(data_dir), "sync", "--relay", url, "--once",
                           *extra], capture_output=True, text=True, env=env(), cwd=ROOT, timeout=timeout)


def _peers(data_dir) -> list[dict]:
    return skiller(data_dir, "peers")


def _assert_one_error_line(done: subprocess.CompletedProcess, words: str) -> None:
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "Traceback" not in output, output
    assert "Up to date" not in done.stdout, output
    errors = [line for line in done.stderr.splitlines() if line.startswith("skiller:")]
    assert len(errors) == 1 and words in errors[0], output


@pytest.mark.parametrize(("attack", "words"), [
    ("endless_body", "more than"),
    ("lying_length", "more than"),
    ("huge_snapshot", "more than"),
    ("trickle", "did not finish answering"),
    ("trickle_headers", "did not finish answering"),
    ("stuck_log", "does not advance"),
    ("runaway_log", "does not advance"),
    ("endless_snapshot", "does not advance"),
    ("malformed", "malformed"),
    ("slow_log", "stops here"),
])
def test_a_hostile_relay_gets_one_error_line_and_bounded_time_and_memory(tmp_path, attack, words):
    skiller(tmp_path / "me", "init", "--name", "Me")
    with HostileRelay(attack) as relay:
        done = _sync(tmp_path / "me", relay.url, "--timeout", "3", "--deadline", "8")
        _assert_one_error_line(done, words)
        if attack in READ_BOUND:
            assert relay.largest_answer < READ_BOUND[attack], relay.largest_answer
    [peer] = _peers(tmp_path / "me")
    assert peer["state"] == "error" and words in peer["last_error"]


def test_a_document_refused_once_arrives_on_the_next_sync(tmp_path):
    """Corrupted in transit, once in a snapshot and once in a log page: asked for again, not skipped."""
    relay = start_relay(tmp_path / "relay.sqlite3")
    alice = skiller(tmp_path / "alice", "init", "--name", "Alice")["person_id"]
    skiller(tmp_path / "bob", "init", "--name", "Bob")
    skiller(tmp_path / "alice", "skill", "add", "Python", "--level", "3")
    try:
        assert _sync(tmp_path / "alice", relay.url).returncode == 0
        with HostileRelay(upstream=relay.url, corrupt_once=alice) as middle:
            for step, skill in (("snapshot", "Rust"), ("log page", "Go")):
                first = _sync(tmp_path / "bob", middle.url)
                assert middle.corrupted, step
                assert first.returncode != 0 and "Traceback" not in first.stderr, first.stdout + first.stderr
                assert "Up to date" not in first.stdout and "Partly synced" in first.stdout, first.stdout
                assert doc_heads(node_db(tmp_path / "bob")).get(alice) != doc_heads(node_db(tmp_path / "alice"))[alice]
                [peer] = _peers(tmp_path / "bob")
                assert peer["state"] == "incomplete", peer

                again = _sync(tmp_path / "bob", middle.url)
                assert again.returncode == 0 and "Up to date" in again.stdout, again.stdout + again.stderr
                assert doc_heads(node_db(tmp_path / "bob"))[alice] == doc_heads(node_db(tmp_path / "alice"))[alice]
                assert _peers(tmp_path / "bob")[0]["state"] == "up to date"

                skiller(tmp_path / "alice", "skill", "add", skill, "--level", "2")  # a new edit, pulled as a log page
                assert _sync(tmp_path / "alice", relay.url).returncode == 0
                middle.corrupted.clear()
    finally:
        relay.stop()


def test_entries_a_relay_refused_are_pushed_again(tmp_path):
    """The push cursor moves only past what the relay took: refused entries go again next time."""
    relay = start_relay(tmp_path / "relay.sqlite3")
    alice = skiller(tmp_path / "alice", "init", "--name", "Alice")["person_id"]
    skiller(tmp_path / "alice", "skill", "add", "Python", "--level", "3")
    try:
        with HostileRelay(upstream=relay.url, refuse_push_once=2) as middle:
            first = _sync(tmp_path / "alice", middle.url)
            assert first.returncode != 0 and "Traceback" not in first.stderr, first.stdout + first.stderr
            assert "Up to date" not in first.stdout and "pending queue is full" in first.stdout, first.stdout
            assert _peers(tmp_path / "alice")[0]["state"] == "incomplete"
            refused = middle.pushed[0][-2:]
            assert doc_heads(tmp_path / "relay.sqlite3").get(alice) != doc_heads(node_db(tmp_path / "alice"))[alice]

            again = _sync(tmp_path / "alice", middle.url)
            assert again.returncode == 0 and "Up to date" in again.stdout, again.stdout + again.stderr
            assert set(refused) <= set(middle.pushed[1])
            assert doc_heads(tmp_path / "relay.sqlite3")[alice] == doc_heads(node_db(tmp_path / "alice"))[alice]
            assert _peers(tmp_path / "alice")[0]["state"] == "up to date"
    finally:
        relay.stop()


def test_a_json_sync_that_failed_says_so_and_exits_non_zero(tmp_path):
    skiller(tmp_path / "me", "init", "--name", "Me")
    with HostileRelay("stuck_log") as relay:
        done = subprocess.run([sys.executable, str(CLI), "--data-dir", str(tmp_path / "me"), "--json", "sync",
                               "--relay", relay.url, "--once"], capture_output=True, text=True, env=env(), cwd=ROOT,
                              timeout=120)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    [line] = [json.loads(x) for x in done.stdout.splitlines() if x.startswith("{")]
    assert line["state"] == "error" and "does not advance" in line["last_error"]
