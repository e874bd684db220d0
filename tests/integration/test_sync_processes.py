"""Sync between real processes on loopback: three nodes, a relay, faults and restarts."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys

import pytest
from sync_processes import (
    CLI,
    ROOT,
    doc_heads,
    env,
    node_db,
    read_models,
    skiller,
    start_node_server,
    start_relay,
    wait_until,
)

from skiller_desktop.db import Database

pytestmark = pytest.mark.slow


def _init(tmp_path, names):
    dirs = []
    for name in names:
        d = tmp_path / name
        out = skiller(d, "init", "--name", name.capitalize())
        dirs.append((d, out["person_id"]))
    return dirs


def _sync(d, *args, check=True):
    return skiller(d, "sync", *args, "--once", check=check)


def _converged(paths) -> bool:
    heads = [doc_heads(p) for p in paths]
    models = [read_models(p) for p in paths]
    return all(h == heads[0] for h in heads) and all(m == models[0] for m in models)


def test_three_nodes_and_a_relay_converge_in_varied_orders(tmp_path):
    relay = start_relay(tmp_path / "relay.sqlite3")
    try:
        (a, pa), (b, pb), (c, pc) = _init(tmp_path, ["alice", "bob", "carol"])
        for d, skill in ((a, "Python"), (b, "Rust"), (c, "Design")):
            skiller(d, "skill", "add", skill, "--level", "3")
        for d in (a, b, c, a, b):  # everyone meets everyone through the relay
            _sync(d, "--relay", relay.url)
        # offline edits on every node
        skiller(a, "profile", "set", "--headline", "Développeuse", "--location", "Lyon")
        ea = skiller(a, "endorse", pb, "Rust", "--comment", "solide")["endorsement_id"]
        skiller(a, "endorse", pc, "Design")
        skiller(a, "endorsement", "revoke", ea)
        skiller(b, "endorse", pa, "Python")
        skiller(b, "offer", "add", "--skill", "Rust", "--title", "Cours de Rust")
        skiller(c, "endorse", pa, "Python", "--comment", "très bien")
        skiller(c, "skill", "add", "Écriture", "--level", "5")
        skiller(c, "offer", "add", "--kind", "request", "--skill", "Python", "--title", "Aide Python")
        # node-node: bob serves, carol syncs with him directly
        server = start_node_server(b)
        try:
            _sync(c, "--peer", server.url)
            _sync(a, "--peer", server.url)
        finally:
            server.stop()
        _sync(c, "--relay", relay.url)
        _sync(b, "--relay", relay.url)
        _sync(a, "--relay", relay.url)
        _sync(c, "--relay", relay.url)
        _sync(b, "--relay", relay.url)
        paths = [node_db(d) for d in (a, b, c)]
        assert _converged(paths)
        assert doc_heads(tmp_path / "relay.sqlite3") == doc_heads(paths[0])
        endorsements = read_models(paths[0])["endorsements"]
        assert len(endorsements) == 4 and sum(1 for e in endorsements if e[8]) == 1
        peers = skiller(a, "peers")
        assert {p["state"] for p in peers} == {"up to date"}
    finally:
        relay.stop()


def test_wiped_relay_gets_everything_back_and_killed_pull_recovers(tmp_path):
    from skiller_desktop.demo import generate_community
    from skiller_desktop.store import Store

    relay_db = tmp_path / "relay.sqlite3"
    relay = start_relay(relay_db)
    (a, _), (b, _) = _init(tmp_path, ["alice", "bob"])
    try:
        _sync(a, "--relay", relay.url)
        _sync(b, "--relay", relay.url)
        port = relay.url.rsplit(":", 1)[1]
        old_epoch = relay.info()["epoch"]
        relay.stop()
        for suffix in ("", "-wal", "-shm"):
            (tmp_path / f"relay.sqlite3{suffix}").unlink(missing_ok=True)
        # the new relay also holds a community, so that a fresh pull takes a while
        store = Store(Database(relay_db))
        generate_community(store, 1000, seed=3, skills_each=4, endorsements_each=2)
        store.db.close()
        relay = start_relay(relay_db, int(port))
        assert relay.info()["epoch"] != old_epoch
        out = _sync(a, "--relay", relay.url)
        assert out["report"]["restarted"] and out["report"]["pushed"] > 0
        _sync(b, "--relay", relay.url)
        _sync(a, "--relay", relay.url)
        assert _converged([node_db(a), node_db(b)])
        assert len(doc_heads(node_db(a))) == 1002

        # a third node is killed in the middle of its first pull
        c = tmp_path / "carol"
        skiller(c, "init", "--name", "Carol")
        proc = subprocess.Popen([sys.executable, str(CLI), "--data-dir", str(c), "sync", "--relay", relay.url,
                                 "--once"], env=env(), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_until(lambda: _count_docs(node_db(c)) > 1 or proc.poll() is not None, interval=0.01,
                   message="the pull to start")
        assert proc.poll() is None, "the pull ended before it could be interrupted"
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        copy = tmp_path / "carol-copy"
        shutil.copytree(c, copy)
        _assert_consistent(node_db(copy))
        _sync(c, "--relay", relay.url)
        _assert_consistent(node_db(c))
        assert doc_heads(node_db(c)).keys() == doc_heads(relay_db).keys()
    finally:
        relay.stop()


def _count_docs(path) -> int:
    try:
        db = Database(path, read_only=True)
    except Exception:
        return 0
    try:
        return int(db.one("SELECT COUNT(*) AS n FROM docs")["n"])
    except Exception:
        return 0
    finally:
        db.close()


def _assert_consistent(path) -> None:
    db = Database(path)
    try:
        assert db.integrity_ok()
        docs = db.one("SELECT COUNT(*) AS n FROM docs WHERE kind = 'person'")["n"]
        persons = db.one("SELECT COUNT(*) AS n FROM persons")["n"]
        assert docs == persons
        logged = {r["doc_id"] for r in db.query("SELECT DISTINCT doc_id FROM log")}
        assert {r["doc_id"] for r in db.query("SELECT doc_id FROM docs")} <= logged
    finally:
        db.close()


def test_hostile_requests_are_refused_and_the_relay_keeps_serving(tmp_path):
    import time

    import requests

    from skiller_desktop import person_doc as pd
    from skiller_desktop.services import Services
    from skiller_desktop.signed_heads import SignedHead
    from sync.auth import sign_request
    from sync.wire import WireEntry, encode_json, head_entry

    relay = start_relay(tmp_path / "relay.sqlite3")
    alice, bob = Services(tmp_path / "a"), Services(tmp_path / "b")
    alice.create_identity("Alice")
    bob.create_identity("Bob")
    me = bob.require_identity()

    def post(body: bytes, headers=None):
        headers = headers or sign_request(me, "POST", "/v1/log", body)
        return requests.post(relay.url + "/v1/log", data=body, headers=headers, timeout=20)

    def entries_of(services):
        return [WireEntry(e.doc_id, e.entry_kind, e.hash, e.data) for e in services.store.log_since(0, 1000)]

    try:
        assert post(encode_json({"entries": [e.to_json() for e in entries_of(alice)]})).status_code == 200
        baseline = relay.info()["newest_seq"]

        # a change to Alice's document signed by Bob's key
        doc = alice.store.get(alice.person_id).document()
        doc.set_actor(me.actor_id)
        before = doc.get_heads()
        pd.apply(doc, pd.set_profile({"headline": "pirate"}))
        forged = [WireEntry(alice.person_id, "change", c.hash.hex(), c.bytes) for c in doc.get_changes(before)]
        forged.append(head_entry(SignedHead.sign(me, alice.person_id, doc.get_heads())))
        answer = post(encode_json({"entries": [e.to_json() for e in forged]}))
        assert answer.status_code == 422 and answer.json()["error"]["code"] == "rejected"
        assert "may not" in answer.json()["error"]["message"]

        # an entry whose bytes were altered
        alice.add_skill("Python", 3)
        fresh = [e for e in entries_of(alice) if e.kind == "change"][-1]
        data = bytearray(fresh.data)
        data[-5] ^= 0x10
        altered = WireEntry(fresh.doc_id, "change", fresh.hash, bytes(data))
        answer = post(encode_json({"entries": [altered.to_json()]}))
        assert answer.status_code == 422, answer.text

        # a replayed request
        body = encode_json({"entries": []})
        headers = sign_request(me, "POST", "/v1/log", body)
        assert post(body, headers).status_code == 200
        replay = post(body, headers)
        assert replay.status_code == 401 and replay.json()["error"]["code"] == "replayed"

        # a stale timestamp
        stale = post(body, sign_request(me, "POST", "/v1/log", body, now=time.time() - 3600))
        assert stale.status_code == 401 and stale.json()["error"]["code"] == "stale"

        # a 10 MB body
        big = b"{" + b" " * (10 * 1024 * 1024) + b"}"
        answer = post(big)
        assert answer.status_code == 413 and answer.json()["error"]["code"] == "too_large"

        # malformed bodies
        for bad in (b"not json", b"[1,2]", b'{"entries": 3}', b'{"entries": [{"doc_id": 1}]}'):
            answer = post(bad)
            assert answer.status_code == 400 and answer.json()["error"]["code"] == "malformed", bad

        # nothing of them was stored; the relay still serves and still accepts good entries
        assert relay.info()["newest_seq"] == baseline
        log = requests.get(relay.url + "/v1/log?since=0&limit=100",
                           headers=sign_request(me, "GET", "/v1/log?since=0&limit=100"), timeout=10).json()
        assert {e["hash"] for e in log["entries"]}.isdisjoint({e.hash for e in forged} | {altered.hash})
        good = post(encode_json({"entries": [e.to_json() for e in entries_of(alice)]}))
        assert good.status_code == 200 and json.loads(good.text)["accepted"] > 0
    finally:
        relay.stop()
        alice.close()
        bob.close()


def test_a_relay_stopped_by_sigterm_lets_its_verifying_processes_go(tmp_path):
    """A batch of 200 documents has the relay start its worker processes; SIGTERM ends them cleanly."""
    from skiller_desktop.demo import generate_community
    from skiller_desktop.store import Store

    (a, _), = _init(tmp_path, ["alice"])
    store = Store(Database(node_db(a)))
    generate_community(store, 200, seed=5, skills_each=2, endorsements_each=1)
    store.db.close()
    relay = start_relay(tmp_path / "relay.sqlite3")
    try:
        out = _sync(a, "--relay", relay.url)
        assert out["report"]["pushed"] >= 200
        assert len(doc_heads(tmp_path / "relay.sqlite3")) == 201
    finally:
        relay.stop()
    stderr = relay.proc.stderr.read() if relay.proc.stderr else ""
    assert "leaked" not in stderr and "Traceback" not in stderr, stderr
