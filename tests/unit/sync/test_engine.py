from __future__ import annotations

from sync_fixtures import Node, doc_heads, read_models

from skiller_desktop import person_doc as pd
from skiller_desktop.signed_heads import SignedHead
from sync.engine import apply_entries
from sync.wire import head_entry


def _entries(node: Node):
    return node.storage.log_since(0, 10_000)


def _state(node: Node) -> tuple:
    db = node.services.db
    pending = [tuple(r) for r in db.query("SELECT entry_kind, hash FROM sync_pending ORDER BY 1, 2")]
    log = [tuple(r) for r in db.query("SELECT seq, hash FROM log ORDER BY seq")]
    return doc_heads(db), read_models(db), pending, log


def test_entries_out_of_order_wait_in_pending_then_apply(tmp_path):
    a, b = Node(tmp_path / "a", "Alice"), Node(tmp_path / "b", "Bob")
    a.services.add_skill("Python", 3)
    a.services.update_profile(headline="Développeuse")
    entries = _entries(a)
    for entry in reversed(entries[1:]):
        result = apply_entries(b.storage, [entry])
        assert not result.rejected and result.pending
    assert a.person_id not in b.services.store.doc_ids()
    result = apply_entries(b.storage, entries[:1])
    assert not result.rejected
    assert doc_heads(b.services.db)[a.person_id] == doc_heads(a.services.db)[a.person_id]
    assert b.storage.pending_count() == 0
    assert b.services.profile(a.person_id).headline == "Développeuse"


def test_change_without_its_signed_head_waits_for_it(tmp_path):
    a, b = Node(tmp_path / "a", "Alice"), Node(tmp_path / "b", "Bob")
    changes = [e for e in _entries(a) if e.kind == "change"]
    heads = [e for e in _entries(a) if e.kind == "head"]
    assert apply_entries(b.storage, changes).pending
    assert a.person_id not in b.services.store.doc_ids()
    assert not apply_entries(b.storage, heads).rejected
    assert a.person_id in b.services.store.doc_ids()


def test_duplicates_are_no_ops(tmp_path):
    a, b = Node(tmp_path / "a", "Alice"), Node(tmp_path / "b", "Bob")
    apply_entries(b.storage, _entries(a))
    before = _state(b)
    result = apply_entries(b.storage, _entries(a) + _entries(a))
    assert result.duplicates == 2 * len(_entries(a)) and not result.accepted
    assert _state(b) == before


def test_change_to_someone_elses_document_is_refused_and_nothing_kept(tmp_path):
    a, b, c = Node(tmp_path / "a", "Alice"), Node(tmp_path / "b", "Bob"), Node(tmp_path / "c", "Carol")
    apply_entries(c.storage, _entries(a))
    doc = a.services.store.get(a.person_id).document()
    bob = b.services.require_identity()
    doc.set_actor(bob.actor_id)
    before = doc.get_heads()
    pd.apply(doc, pd.set_profile({"headline": "hacked"}))
    forged = doc.get_changes(before)
    signed = SignedHead.sign(bob, a.person_id, doc.get_heads())
    from sync.wire import WireEntry

    entries = [WireEntry(a.person_id, "change", ch.hash.hex(), ch.bytes) for ch in forged] + [head_entry(signed)]
    state = _state(c)
    result = apply_entries(c.storage, entries)
    assert len(result.rejected) == len(entries) and not result.accepted
    assert "may not" in result.rejected[0][1]
    assert _state(c) == state


def test_altered_entry_is_refused(tmp_path):
    a, b = Node(tmp_path / "a", "Alice"), Node(tmp_path / "b", "Bob")
    entries = _entries(a)
    change = next(e for e in entries if e.kind == "change")
    data = bytearray(change.data)
    data[len(data) // 2] ^= 0x40
    from dataclasses import replace

    result = apply_entries(b.storage, [replace(change, data=bytes(data)), *[e for e in entries if e.kind == "head"]])
    assert result.rejected
    assert b.services.store.doc_ids() == [b.person_id]


def test_pending_queue_is_bounded(tmp_path, monkeypatch):
    import sync.engine

    a, b = Node(tmp_path / "a", "Alice"), Node(tmp_path / "b", "Bob")
    a.services.add_skill("Python", 3)
    a.services.add_skill("Rust", 3)
    later = [e for e in _entries(a) if e.kind == "change"][1:]
    monkeypatch.setattr(sync.engine, "MAX_PENDING", 1)
    result = apply_entries(b.storage, later)
    assert len(result.pending) == 1 and len(result.rejected) == len(later) - 1
    assert b.storage.pending_count() == 1
