"""Hostile documents against real relays, nodes and the CLI (issue 10, points 1 and 2).

A throwaway key signs a document whose content no honest version writes;
the relay refuses it with a reason, a node that meets one anyway (from a
relay that stored it before the schema existed) refuses it and syncs
everything else, and fields this version does not know pass untouched.
"""

from __future__ import annotations

import pytest
from hostile_docs import entries_of, person_document, push
from sync_processes import node_db, skiller, start_relay

from skiller_desktop.acceptance import Accepted
from skiller_desktop.db import Database
from skiller_desktop.identity import Identity
from skiller_desktop.signed_heads import SignedHead
from skiller_desktop.store import Store

pytestmark = pytest.mark.slow

BAD = {"skills": ["Python", 5], "profile.links": 42}


def _store_unchecked(db_path, identity: Identity, doc) -> None:
    """Store a document as a relay of an older version did: no schema check, no read models."""
    signed = SignedHead.sign(identity, identity.person_id, doc.get_heads())
    store = Store(Database(db_path))
    try:
        store.commit([Accepted(identity.person_id, doc, doc.get_changes([]), [signed], [signed])], read_models=False)
    finally:
        store.db.close()


def _honest(tmp_path, name="honest"):
    data_dir = tmp_path / name
    out = skiller(data_dir, "init", "--name", name.capitalize())
    skiller(data_dir, "skill", "add", "Python", "--level", "4")
    return data_dir, out["person_id"]


def test_relay_refuses_a_document_of_the_wrong_shape_and_keeps_the_honest_one(tmp_path):
    relay = start_relay(tmp_path / "relay.sqlite3")
    try:
        honest_dir, honest_id = _honest(tmp_path)
        skiller(honest_dir, "sync", "--relay", relay.url, "--once")
        attacker = Identity.generate()
        answer = push(relay.url, attacker, entries_of(attacker, person_document(attacker, "Mallory", BAD)))
        assert answer.status_code == 422, answer.text
        message = answer.json()["error"]["message"]
        assert "profile.links must be a list" in message
        fresh = tmp_path / "fresh"
        skiller(fresh, "init", "--name", "Fresh")
        skiller(fresh, "sync", "--relay", relay.url, "--once")
        found = skiller(fresh, "search", "Honest")
        assert [p["person_id"] for p in found["people"]] == [honest_id]
    finally:
        relay.stop()
    assert "Traceback" not in relay.proc.stderr.read()


def test_node_refuses_a_bad_document_an_older_relay_stored_and_syncs_the_rest(tmp_path):
    relay_db = tmp_path / "relay.sqlite3"
    attacker = Identity.generate()
    _store_unchecked(relay_db, attacker, person_document(attacker, "Mallory", BAD))
    relay = start_relay(relay_db)
    try:
        honest_dir, honest_id = _honest(tmp_path)
        skiller(honest_dir, "sync", "--relay", relay.url, "--once")
        node = tmp_path / "node"
        skiller(node, "init", "--name", "Node")
        out = skiller(node, "sync", "--relay", relay.url, "--once")  # exits 0, or this raises
        rejected = " ".join(out["report"]["rejected"])
        assert "profile.links must be a list" in rejected, out
        found = skiller(node, "search", "Honest")
        assert [p["person_id"] for p in found["people"]] == [honest_id]
        db = Database(node_db(node), read_only=True)
        try:
            assert db.one("SELECT 1 FROM persons WHERE person_id = ?", (attacker.person_id,)) is None
            assert db.one("SELECT 1 FROM docs WHERE doc_id = ?", (attacker.person_id,)) is None
        finally:
            db.close()
    finally:
        relay.stop()
