"""The fast paths of sync give exactly what the plain ones give (DESIGN.md §8 work)."""

from __future__ import annotations

import base64
import json
import time

import pytest
from automerge import core
from sync_fixtures import Node, doc_heads, read_models

from bench.community import generate, identities_for
from skiller_desktop import automerge_io as am
from skiller_desktop import person_doc as pd
from skiller_desktop.acceptance import prepare, verify_update
from skiller_desktop.db import Database
from skiller_desktop.errors import RejectedError
from skiller_desktop.signed_heads import SignedHead
from skiller_desktop.store import Store
from sync import engine, verify
from sync.engine import SnapshotDoc, apply_entries, apply_snapshot
from sync.wire import WireEntry, head_entry, parse_change


@pytest.fixture(scope="module")
def community(tmp_path_factory):
    store = Store(Database(tmp_path_factory.mktemp("community") / "source.sqlite3"))
    generate(store, 12, seed=3, skills=6)
    return store


def _snapshot(store: Store) -> list[SnapshotDoc]:
    return [SnapshotDoc(d, s.data, s.signed_heads) for d in store.doc_ids() if (s := store.get(d))]


def _log(db: Database) -> list[tuple]:
    return sorted((r["doc_id"], r["entry_kind"], r["hash"], r["author"]) for r in db.query("SELECT * FROM log"))


def test_extract_and_change_bytes_match_the_bindings(community):
    for doc_id in community.doc_ids():
        doc = community.get(doc_id).document()
        assert am.to_python(doc) == core.extract(doc)
        changes = doc.get_changes([])
        chunks = [am.change_bytes(c) for c in changes]
        assert [parse_change(b)[0] for b in chunks] == [c.hash for c in changes]
        assert core.Document.load(b"".join(chunks)).get_heads() == doc.get_heads()


def test_snapshot_in_the_process_pool_matches_the_plain_path(community, tmp_path, monkeypatch):
    docs = _snapshot(community)
    plain, pooled = Node(tmp_path / "plain", "plain"), Node(tmp_path / "pooled", "pooled")
    monkeypatch.setattr(verify, "POOL_MIN_DOCS", 10**9)
    apply_snapshot(plain.storage, docs, plain.services.policy_for)
    monkeypatch.setattr(verify, "POOL_MIN_DOCS", 1)
    forged = SnapshotDoc(docs[0].doc_id, docs[0].data, [SignedHead(
        docs[1].doc_id, docs[0].signed_heads[0].heads, docs[0].signed_heads[0].signer,
        docs[0].signed_heads[0].signature)])
    result = apply_snapshot(pooled.storage, [forged, *docs[1:]], pooled.services.policy_for)
    assert verify.verify_pool() is not None or verify._pool_workers() == 0
    assert len(result.rejected) == 1 and result.rejected[0][0] == ("doc", docs[0].doc_id)
    apply_snapshot(pooled.storage, docs[:1], pooled.services.policy_for)
    for node in (plain, pooled):
        node.services.db.conn.execute("DELETE FROM persons WHERE person_id = ?", (node.person_id,))
        node.services.db.conn.execute("DELETE FROM docs WHERE doc_id = ?", (node.person_id,))
        node.services.db.conn.execute("DELETE FROM log WHERE doc_id = ?", (node.person_id,))
    assert doc_heads(plain.services.db) == doc_heads(pooled.services.db)
    assert read_models(plain.services.db) == read_models(pooled.services.db)
    assert _log(plain.services.db) == _log(pooled.services.db)


def test_update_verified_from_stored_heads_matches_a_full_load(community, tmp_path):
    doc_id = community.doc_ids()[0]
    identity = next(i for i in identities_for(12, seed=3)[1] if i.person_id == doc_id)
    stored = community.get(doc_id)
    doc = stored.document()
    doc.set_actor(identity.actor_id)
    before = doc.get_heads()
    pd.apply(doc, pd.set_profile({"headline": f"edited {time.time()}"}))
    incoming = b"".join(c.bytes for c in doc.get_changes(before))
    signed = SignedHead.sign(identity, doc_id, doc.get_heads())
    args = (doc_id, stored.data, stored.signed_heads, incoming, [signed])
    fast = verify_update(*args, current_heads=before)
    slow = verify_update(*args)
    assert [c.hash for c in fast.new_changes] == [c.hash for c in slow.new_changes]
    assert fast.signed_heads == slow.signed_heads and fast.new_signed_heads == slow.new_signed_heads
    assert fast.saved == stored.data + incoming  # appended, not re-saved
    assert core.Document.load(fast.saved).get_heads() == doc.get_heads()
    with pytest.raises(RejectedError):  # an unsigned change is refused the same way
        verify_update(doc_id, stored.data, stored.signed_heads, incoming, [], current_heads=before)


def test_entries_applied_keep_their_wire_bytes(community, tmp_path):
    node = Node(tmp_path / "n", "n")
    apply_snapshot(node.storage, _snapshot(community), node.services.policy_for)
    doc_id = community.doc_ids()[1]
    identity = next(i for i in identities_for(12, seed=3)[1] if i.person_id == doc_id)
    doc = node.services.store.get(doc_id).document()
    doc.set_actor(identity.actor_id)
    before = doc.get_heads()
    pd.apply(doc, pd.set_profile({"headline": "new words"}))
    changes = doc.get_changes(before)
    entries = [WireEntry(doc_id, "change", c.hash.hex(), c.bytes) for c in changes]
    entries.append(head_entry(SignedHead.sign(identity, doc_id, doc.get_heads())))
    result = apply_entries(node.storage, entries, node.services.policy_for)
    assert not result.rejected and result.changed_docs == [doc_id]
    row = node.services.db.one("SELECT bytes FROM log WHERE hash = ?", (changes[0].hash.hex(),))
    assert row["bytes"] == changes[0].bytes
    stored = node.services.store.get(doc_id)
    assert core.Document.load(stored.data).get_heads() == doc.get_heads()
    person = node.services.db.one("SELECT headline FROM persons WHERE person_id = ?", (doc_id,))
    assert person["headline"] == "new words"


def test_entries_in_the_process_pool_match_the_plain_path(community, tmp_path, monkeypatch):
    entries = [WireEntry(e.doc_id, e.entry_kind, e.hash, e.data) for e in community.log_since(0, 100_000)]
    victim = next(e for e in entries if e.kind == "head")
    body = json.loads(victim.data)
    signature = bytearray(base64.b64decode(body["signature"]))
    signature[0] ^= 1
    body["signature"] = base64.b64encode(bytes(signature)).decode()
    forged = WireEntry(victim.doc_id, "head", victim.hash, json.dumps(body).encode())
    others = [e for e in entries if e.doc_id != victim.doc_id]
    theirs = [e for e in entries if e.doc_id == victim.doc_id]
    batch = [*others, *[e for e in theirs if e.kind == "change"], forged]
    results = []
    for name, threshold in (("plain", 10**9), ("pooled", 1)):
        monkeypatch.setattr(verify, "POOL_MIN_DOCS", threshold)
        node = Node(tmp_path / name, name)
        first = apply_entries(node.storage, batch, node.services.policy_for)
        second = apply_entries(node.storage, theirs, node.services.policy_for)  # the real heads, later
        node.services.db.conn.execute("DELETE FROM persons WHERE person_id = ?", (node.person_id,))
        node.services.db.conn.execute("DELETE FROM docs WHERE doc_id = ?", (node.person_id,))
        node.services.db.conn.execute("DELETE FROM log WHERE doc_id = ?", (node.person_id,))
        results.append((sorted(first.accepted), sorted(first.rejected), sorted(first.pending),
                        sorted(second.accepted), second.used_old_pending, doc_heads(node.services.db),
                        read_models(node.services.db), _log(node.services.db)))
    assert results[0] == results[1]
    assert any("forged" in why for _, why in results[0][1])  # refused in a worker as in-process
    assert results[0][3]  # the real heads later: everything goes in


def test_a_document_made_of_change_chunks_lends_them_to_the_log(community):
    doc = community.get(community.doc_ids()[2]).document()
    changes = doc.get_changes([])
    chunked = b"".join(am.change_bytes(c) for c in changes)
    spans = am.reusable_chunks(chunked, core.Document.load(chunked).get_changes([]))
    assert set(spans) == {c.hash for c in changes}
    for change in changes:
        start, end = spans[change.hash]
        assert parse_change(chunked[start:end])[0] == change.hash
    assert am.reusable_chunks(doc.save(), changes) == {}  # one document chunk: nothing to lend
    # A saved document followed by one change: only that change is lent, after a full comparison.
    identity = next(i for i in identities_for(12, seed=3)[1] if i.person_id == community.doc_ids()[2])
    doc.set_actor(identity.actor_id)
    before = doc.get_heads()
    pd.apply(doc, pd.set_profile({"headline": "one more"}))
    added = doc.get_changes(before)
    mixed = doc.save() + b"".join(c.bytes for c in added)
    lent = am.reusable_chunks(mixed, core.Document.load(mixed).get_changes([]))
    assert set(lent) == {c.hash for c in added}


def test_a_worker_answer_detached_from_its_bytes_is_whole_again_once_attached(community):
    doc_id = community.doc_ids()[3]
    stored = community.get(doc_id)
    incoming = b"".join(am.change_bytes(c) for c in stored.document().get_changes([]))
    [(ok, detached)] = verify.verify_prepared([(doc_id, None, [], incoming, stored.signed_heads, None, None)], True)
    assert ok and detached.saved == b"" and detached.detached_from == len(incoming)
    whole = detached.attach(incoming)
    here = prepare(verify_update(doc_id, None, [], incoming, stored.signed_heads))
    assert whole.saved == here.saved == incoming
    assert whole.changes == here.changes and len(whole.changes) == len(stored.document().get_changes([]))
    assert all(parse_change(data)[0].hex() == h for h, _, data in whole.changes)
    with pytest.raises(ValueError):
        detached.attach(incoming + b"x")


def test_a_document_stored_while_its_snapshot_was_verified_is_verified_again(community, tmp_path, monkeypatch):
    """Page N+1 is verified while page N commits: an answer made against an older state must not win."""
    monkeypatch.setattr(verify, "POOL_MIN_DOCS", 1)
    monkeypatch.setattr(verify, "POOL_WARM_MIN_DOCS", 1)
    docs = _snapshot(community)
    node = Node(tmp_path / "n", "n")
    early = engine.SnapshotVerification(node.storage, docs, node.services.policy_for)  # the node has none yet
    doc_id = docs[4].doc_id
    identity = next(i for i in identities_for(12, seed=3)[1] if i.person_id == doc_id)
    newer = community.get(doc_id).document()
    newer.set_actor(identity.actor_id)
    before = newer.get_heads()
    pd.apply(newer, pd.set_profile({"headline": "written meanwhile"}))
    entries = [WireEntry(doc_id, "change", c.hash.hex(), c.bytes) for c in newer.get_changes([])]
    entries.append(head_entry(SignedHead.sign(identity, doc_id, newer.get_heads())))
    assert apply_entries(node.storage, entries, node.services.policy_for).changed_docs == [doc_id]
    result = apply_snapshot(node.storage, docs, node.services.policy_for, verifying=early)
    assert not result.rejected
    stored = node.services.store.get(doc_id)
    assert core.Document.load(stored.data).get_heads() == newer.get_heads() != before
    person = node.services.db.one("SELECT headline FROM persons WHERE person_id = ?", (doc_id,))
    assert person["headline"] == "written meanwhile"
