"""The pending queue's quotas, eviction and expiry, and refusing blocked keys (issue 10, point 4)."""

from __future__ import annotations

import sync.engine
from bench.attacks import person_with_edits
from skiller_desktop import blocklist
from sync.engine import apply_entries
from sync.relay import open_sqlite_storage


def _waiting(edits: int):
    """Changes of a throwaway document without its first change: all of them wait."""
    return person_with_edits(edits)[1][1 : edits + 1]


def test_a_signer_past_its_quota_is_refused_and_others_are_not(tmp_path, monkeypatch):
    monkeypatch.setattr(sync.engine, "MAX_PENDING_PER_SIGNER", 30)
    storage = open_sqlite_storage(tmp_path / "relay.sqlite3")
    first = apply_entries(storage, _waiting(20), signer="greedy")
    second = apply_entries(storage, _waiting(20), signer="greedy")
    assert len(first.pending) == 20 and not first.rejected
    assert len(second.pending) == 10 and len(second.rejected) == 10
    assert "pending quota" in second.rejected[0][1]
    other = apply_entries(storage, _waiting(20), signer="other")
    assert len(other.pending) == 20 and not other.rejected


def test_a_full_queue_evicts_from_the_heaviest_holder_not_from_a_newcomer(tmp_path, monkeypatch):
    monkeypatch.setattr(sync.engine, "MAX_PENDING", 40)
    storage = open_sqlite_storage(tmp_path / "relay.sqlite3")
    for flooder in ("a", "b"):
        assert not apply_entries(storage, _waiting(20), signer=flooder).rejected
    honest = apply_entries(storage, _waiting(3), signer="honest")
    assert len(honest.pending) == 3 and not honest.rejected
    assert storage.pending_count() == 40
    held = storage.pending_by_signer()
    assert held["honest"] == (3, held["honest"][1]) and held["a"][0] + held["b"][0] == 37
    # a flooder holding as much as everyone else gets no room by evicting them
    more = apply_entries(storage, _waiting(5), signer="c")
    assert len(more.pending) == 5
    again = apply_entries(storage, _waiting(20), signer="a")
    assert again.rejected and "queue is full" in again.rejected[-1][1]
    assert storage.pending_by_signer()["honest"][0] == 3


def test_entries_waiting_too_long_are_dropped_on_a_later_ingest(tmp_path):
    storage = open_sqlite_storage(tmp_path / "relay.sqlite3")
    apply_entries(storage, _waiting(5), signer="old")
    storage.db.execute("UPDATE sync_pending SET received_at = '2000-01-01T00:00:00Z'")
    storage._pending_sweep = 0.0  # the sweep runs at most once a minute; this is a later minute
    apply_entries(storage, _waiting(2), signer="new")
    assert storage.pending_by_signer() == {"new": (2, storage.pending_by_signer()["new"][1])}


def test_blocked_senders_authors_and_documents_are_refused(tmp_path):
    storage = open_sqlite_storage(tmp_path / "relay.sqlite3")
    author, entries = person_with_edits(2)
    blocklist.block(storage.db, author.person_id, "spam")
    by_author = apply_entries(storage, entries, signer="someone")
    assert len(by_author.rejected) == len(entries) and "blocked" in by_author.rejected[0][1]
    other, theirs = person_with_edits(2)
    by_sender = apply_entries(storage, theirs, signer=author.person_id)
    assert len(by_sender.rejected) == len(theirs) and not by_sender.accepted
    assert apply_entries(storage, theirs, signer=other.person_id).accepted
    assert storage.newest_seq() == len(theirs)
