"""Two `skiller-relay` processes on one PostgreSQL database, real nodes around them, one killed mid-ingest.

Four writer nodes edit and push to the two relays in turn, two reader nodes
pull from them in turn, all as processes of their own for a bounded time;
one relay is killed with SIGKILL while entries arrive. Then: whatever a relay
acknowledged is in the database, the other relay kept serving, and after a
last round every node and the database hold every entry exactly once.

Run as a script, this file is one such node (`_node_main`).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

RUN_SECONDS = 18.0  # how long the nodes write and read
KILL_WHEN = 80      # relay one is killed once the log holds this many entries: mid-ingest


def _node_main(argv: list[str]) -> int:
    """One node: edit and push (writer) or pull (reader), alternating relays, until the time is up."""
    from skiller_desktop.services import Services
    from sync.node import NodeSync
    from sync.scheduler import SchedulerConfig

    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("role", choices=["writer", "reader"])
    parser.add_argument("relays")
    parser.add_argument("seconds", type=float)
    args = parser.parse_args(argv)
    services = Services(args.data_dir)
    if services.identity is None:
        services.create_identity(args.data_dir.name.capitalize())
    node = NodeSync(services, SchedulerConfig(timeout=10, sync_deadline=20))
    peers = [node.scheduler.add_peer(url, "relay").peer_id for url in args.relays.split(",")]
    print(json.dumps({"ready": True}), flush=True)
    end, turn = time.monotonic() + args.seconds, 0
    while time.monotonic() < end:
        if args.role == "writer":
            services.update_profile(headline=f"edit {turn}")
            if turn % 5 == 0:
                services.add_skill(f"Skill {turn // 5}", 1 + turn % 5)
        status = node.scheduler.sync_once(peers[turn % len(peers)])
        report = status.last_report
        print(json.dumps({"t": time.time(), "url": status.url, "state": status.state.value,
                          "pulled": report.pulled if report else 0, "pushed": report.pushed if report else 0}),
              flush=True)
        turn += 1
    node.close()
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(_node_main(sys.argv[1:]))


pytestmark = pytest.mark.slow

from sync_processes import ROOT, env, free_port, node_db, start_relay, wait_until  # noqa: E402

from skiller_desktop.db import Database  # noqa: E402


def _start_node(data_dir: Path, role: str, relays: list[str], seconds: float) -> subprocess.Popen:
    environ = {**env(), "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    proc = subprocess.Popen([sys.executable, __file__, str(data_dir), role, ",".join(relays), str(seconds)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environ, cwd=ROOT)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip(), f"node {data_dir.name} did not start: {proc.stderr.read() if proc.stderr else ''}"
    return proc


def _pg_query(url: str, sql: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute(sql).fetchall()  # type: ignore[arg-type]


def _changes(path: Path, upto: int | None = None) -> set[str]:
    """The changes in a node's log (up to a seq). Signed heads differ by design: a signed head below a
    newer one by the same signer is verified and dropped, not stored (engine._undominated)."""
    db = Database(path, read_only=True)
    try:
        rows = db.query("SELECT hash FROM log WHERE entry_kind = 'change' AND seq <= ?",
                        (upto if upto is not None else 2**62,))
        return {r["hash"] for r in rows}
    finally:
        db.close()


def _heads(path: Path) -> dict[str, list[str]]:
    db = Database(path, read_only=True)
    try:
        return {r["doc_id"]: json.loads(r["heads"]) for r in db.query("SELECT doc_id, heads FROM docs")}
    finally:
        db.close()


def _pushed(path: Path) -> dict[str, int]:
    """How far each relay acknowledged this node's log (its push cursor)."""
    db = Database(path, read_only=True)
    try:
        return {r["url"]: int(r["pushed_seq"]) for r in db.query("SELECT url, pushed_seq FROM peers")}
    finally:
        db.close()


def test_two_relays_on_one_database_serve_every_node_and_survive_a_kill(tmp_path, pg_database):
    one, two = start_relay(pg_database, free_port()), start_relay(pg_database, free_port())  # type: ignore[arg-type]
    relays = [one.url, two.url]
    nodes: dict[str, subprocess.Popen] = {}
    try:
        for number in range(4):
            nodes[f"writer{number}"] = _start_node(tmp_path / f"writer{number}", "writer",
                                                   relays[number % 2:] + relays[: number % 2], RUN_SECONDS)
        for number in range(2):
            nodes[f"reader{number}"] = _start_node(tmp_path / f"reader{number}", "reader", relays, RUN_SECONDS)
        wait_until(lambda: two.info()["newest_seq"] > KILL_WHEN, timeout=RUN_SECONDS, message="entries to arrive")
        one.stop(signal.SIGKILL)
        killed_at = time.time()
        assert two.info()["node_id"]  # the other one still answers at once
        lines: dict[str, list[dict]] = {}
        for name, proc in nodes.items():
            out, err = proc.communicate(timeout=RUN_SECONDS + 60)
            assert proc.returncode == 0, f"{name}: {err}"
            lines[name] = [json.loads(line) for line in out.splitlines() if line.strip()]
    finally:
        for proc in nodes.values():
            if proc.poll() is None:
                proc.kill()
        for relay in (one, two):
            relay.stop()

    # The other relay kept serving: readers and writers synced with it after the kill.
    after = [r for rows in lines.values() for r in rows if r["url"].rstrip("/") == two.url and r["t"] > killed_at]
    assert any(r["state"] == "up to date" for r in after), after[-5:]
    # Whatever a relay acknowledged (a node's push cursor) is in the database, the killed one's included.
    stored = {h for (h,) in _pg_query(pg_database, "SELECT hash FROM log WHERE entry_kind = 'change'")}
    for number in range(4):
        path = node_db(tmp_path / f"writer{number}")
        for url, upto in _pushed(path).items():
            missing = _changes(path, upto) - stored
            assert not missing, f"writer{number}: {len(missing)} entries acknowledged by {url} are not stored"

    # A last round through the surviving relay (started again where it was): every entry, exactly once.
    relay = start_relay(pg_database, int(two.url.rsplit(":", 1)[1]))  # type: ignore[arg-type]
    try:
        for _ in range(2):
            for name in nodes:
                _final_sync(tmp_path / name, relay.url)
    finally:
        relay.stop()
    count, distinct, newest = _pg_query(pg_database, "SELECT count(*), count(DISTINCT (entry_kind, hash)),"
                                        " COALESCE(max(seq), 0) FROM log")[0]
    assert count == distinct == newest  # no duplicate, no hole in the numbering
    every = {h for (h,) in _pg_query(pg_database, "SELECT hash FROM log WHERE entry_kind = 'change'")}
    relay_heads = {d: json.loads(h) for d, h in _pg_query(pg_database, "SELECT doc_id, heads FROM docs")}
    assert len(relay_heads) == 6 and len(every) > KILL_WHEN // 2
    for name in nodes:
        path = node_db(tmp_path / name)
        assert _changes(path) == every, name  # the same changes, each logged once (UNIQUE in every log)
        assert _heads(path) == relay_heads, name


def _final_sync(data_dir: Path, url: str) -> None:
    from skiller_desktop.services import Services
    from sync.node import NodeSync

    services = Services(data_dir)
    node = NodeSync(services)
    try:
        status = node.scheduler.sync_once(node.scheduler.add_peer(url, "relay").peer_id)
        assert status.state.value == "up to date", status.last_error
    finally:
        node.close()
        services.close()
