"""Helpers shared by test modules (importable thanks to pytest's pythonpath)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READ_MODELS = ("persons", "skills", "endorsements", "hidden_endorsements", "offers", "responses",
               "imported_endorsements")


def snapshot(services) -> dict:
    """Everything a user could see or sync, to prove a refusal changed nothing."""
    tables = ("docs", "log", "persons", "skills", "endorsements", "hidden_endorsements", "offers")
    return {t: [tuple(r) for r in services.db.query(f"SELECT * FROM {t} ORDER BY 1")] for t in tables}


def doc_heads_in(db) -> dict[str, list[str]]:
    """Each document's heads: two stores that converged have the same."""
    import json

    return {r["doc_id"]: sorted(json.loads(r["heads"])) for r in db.query("SELECT doc_id, heads FROM docs")}


# Columns each node fills for itself: when it stamped a row, the store's own numbers (store_numbers.py).
NODE_OWN = {"updated_at", "endorser_num", "subject_num", "group_num"}


def read_models_in(db) -> dict[str, list[tuple]]:
    """Every read-model row (without the columns each node fills for itself: NODE_OWN), sorted."""
    out = {}
    for table in READ_MODELS:
        rows = db.query(f"SELECT * FROM {table}")
        out[table] = sorted(tuple(v for k, v in zip(r.keys(), tuple(r), strict=True) if k not in NODE_OWN)
                            for r in rows)
    return out


def hand_over(sender, receiver, path: Path, people=()):
    """Sender exports a bundle file, receiver imports it: sync by hand."""
    sender.export_bundle(path, people)
    return receiver.import_bundle(path)


@contextmanager
def serving(a, b) -> Iterator[list]:
    """Two nodes on 127.0.0.1 syncing every half second, `b` with `a` as its peer; closed on the way out."""
    from sync.node import NodeSync
    from sync.scheduler import SchedulerConfig

    fast = SchedulerConfig(period=0.5, debounce=0.05, min_backoff=0.1, max_backoff=0.5, timeout=5)
    nodes = [NodeSync(a, fast), NodeSync(b, fast)]
    try:
        for each in nodes:
            each.serve("127.0.0.1", 0)
        nodes[1].scheduler.add_peer(nodes[0].server.url, "peer")
        for each in nodes:
            each.scheduler.start()
        yield nodes
    finally:
        for each in nodes:
            each.close()


def publish(services, relay_url: str):
    """One sync of `services` with the relay at `relay_url` (its documents reach the relay); the status."""
    from sync.node import NodeSync

    node = NodeSync(services)
    try:
        return node.scheduler.sync_once(node.scheduler.add_peer(relay_url, "relay").peer_id)
    finally:
        node.close()


def run_cli(*args: str, data_dir: Path | None = None, stdin: str | None = None,
            env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m skiller_desktop` as a user would."""
    command = [sys.executable, "-m", "skiller_desktop"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    full_env = {**os.environ, "SKILLER_NO_KEYRING": "1", "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(command + list(args), capture_output=True, text=True, input=stdin,
                          env=full_env, cwd=ROOT, timeout=120)


def wait_until(predicate: Callable[[], object], timeout: float = 20.0, interval: float = 0.02,
               message: str = "condition") -> object:
    """Poll a condition, never a fixed sleep: its first true value, or AssertionError after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {message}")
        time.sleep(interval)
