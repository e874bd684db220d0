"""The PostgreSQL relay storage behaves as the SQLite relay: log, documents, pending queue, nonces, blocks, teams."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest

import sync.engine
from bench.attacks import person_with_edits
from skiller_desktop.identity import Identity
from skiller_desktop.teams import sealed as ts
from sync.engine import apply_entries
from sync.teams import relay_accept
from sync.wire import WireEntry


@pytest.fixture
def storage(pg_database: str) -> Iterator[object]:
    from sync.pg_storage import PgSyncStorage

    opened = PgSyncStorage(pg_database)
    yield opened
    opened.close()


def _waiting(edits: int) -> list[WireEntry]:
    """Changes of a throwaway document without its first change: all of them wait."""
    return person_with_edits(edits)[1][1 : edits + 1]


def test_identity_of_the_log_is_kept_and_the_schema_migrates_once(pg_database):
    from sync.pg_storage import MIGRATIONS, PgSyncStorage, migrate

    first = PgSyncStorage(pg_database)
    node_id, epoch = first.node_id(), first.epoch()
    second = PgSyncStorage(pg_database)  # another relay process on the same database
    try:
        assert (second.node_id(), second.epoch()) == (node_id, epoch)
        with first._pool.connection() as conn:
            assert migrate(conn) == len(MIGRATIONS)
            versions = conn.execute("SELECT version FROM skiller_relay_schema ORDER BY version").fetchall()
        assert [v for (v,) in versions] == list(range(1, len(MIGRATIONS) + 1))
    finally:
        first.close()
        second.close()


def test_a_verified_history_is_stored_logged_and_paged(storage):
    author, entries = person_with_edits(5)
    result = apply_entries(storage, entries, signer="someone")
    assert len(result.accepted) == len(entries) and not result.rejected and not result.pending
    assert (result.seq_before, result.seq_after) == (0, len(entries))
    assert storage.newest_seq() == storage.newest_seq_now() == len(entries)
    assert storage.doc_count() == 1 and storage.get(author.person_id).kind == "person"
    assert storage.known(e.key for e in entries) == {e.key for e in entries}
    page, last = storage.log_page(0, 3)
    assert [e.seq for e in page] == [1, 2, 3] and last == 3
    assert [e.hash for e in storage.log_since(3, 100)] == [e.hash for e in entries[3:]]
    assert [e.seq for e in storage.log_of_doc(author.person_id, ("head",))] == [len(entries)]
    assert [d.doc_id for d in storage.snapshot("", 10)] == [author.person_id]
    again = apply_entries(storage, entries, signer="someone")
    assert again.duplicates == len(entries) and storage.newest_seq() == len(entries)


def test_a_page_stops_at_its_byte_budget_and_a_blocked_author_is_passed_over(storage, pg_database):
    from sync.pg_storage import block, blocked_entries, unblock

    spammer, spam = person_with_edits(2)
    _, honest = person_with_edits(2)
    apply_entries(storage, spam)
    apply_entries(storage, honest)
    newest = storage.newest_seq()
    assert len(storage.log_page(0, 100, max_bytes=1)[0]) == 1  # at least one entry, however big
    assert block(pg_database, spammer.person_id, "  spam  ") and not block(pg_database, spammer.person_id)
    assert [e["reason"] for e in blocked_entries(pg_database)] == ["spam"]
    with storage.exclusive():  # the write path reads the block list afresh
        assert storage.blocked_keys() == {spammer.person_id}
    # the event loop's answer comes from memory, refreshed every half second (another process may block)
    assert _eventually(lambda: storage.blocked_keys() == {spammer.person_id})
    page, last = storage.log_page(0, 100)
    assert last == newest and {e.doc_id for e in page} == {honest[0].doc_id}
    refused = apply_entries(storage, person_with_edits(1, spammer)[1], signer="x")
    assert refused.rejected and "blocked" in refused.rejected[0][1]
    assert unblock(pg_database, spammer.person_id) and not unblock(pg_database, spammer.person_id)
    assert _eventually(lambda: storage.blocked_keys() == frozenset())


def _eventually(condition: Callable[[], bool], seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_blocking_something_that_is_not_a_person_id_is_refused(pg_database):
    from skiller_desktop.errors import ValidationError
    from sync.pg_storage import block

    with pytest.raises(ValidationError):
        block(pg_database, "not-a-key")


def test_a_signer_past_its_quota_is_refused_and_others_are_not(storage, monkeypatch):
    monkeypatch.setattr(sync.engine, "MAX_PENDING_PER_SIGNER", 30)
    first = apply_entries(storage, _waiting(20), signer="greedy")
    second = apply_entries(storage, _waiting(20), signer="greedy")
    assert len(first.pending) == 20 and not first.rejected
    assert len(second.pending) == 10 and len(second.rejected) == 10
    assert "pending quota" in second.rejected[0][1]
    other = apply_entries(storage, _waiting(20), signer="other")
    assert len(other.pending) == 20 and not other.rejected
    usage = storage.pending_usage("greedy")
    assert (usage.entries, usage.signer_entries) == (50, 30) and usage.size > usage.signer_size > 0


def test_a_full_queue_evicts_from_the_heaviest_holder_not_from_a_newcomer(storage, monkeypatch):
    monkeypatch.setattr(sync.engine, "MAX_PENDING", 40)
    for flooder in ("a", "b"):
        assert not apply_entries(storage, _waiting(20), signer=flooder).rejected
    honest = apply_entries(storage, _waiting(3), signer="honest")
    assert len(honest.pending) == 3 and not honest.rejected
    assert storage.pending_count() == 40
    held = storage.pending_by_signer()
    assert held["honest"][0] == 3 and held["a"][0] + held["b"][0] == 37
    assert len(apply_entries(storage, _waiting(5), signer="c").pending) == 5
    again = apply_entries(storage, _waiting(20), signer="a")
    assert again.rejected and "queue is full" in again.rejected[-1][1]
    assert storage.pending_by_signer()["honest"][0] == 3


def test_entries_waiting_too_long_are_dropped_on_a_later_ingest(storage):
    apply_entries(storage, _waiting(5), signer="old")
    with storage._pool.connection() as conn:
        conn.execute("UPDATE sync_pending SET received_at = '2000-01-01T00:00:00Z'")
    storage._pending_sweep = 0.0  # the sweep runs at most once a minute; this is a later minute
    apply_entries(storage, _waiting(2), signer="new")
    assert list(storage.pending_by_signer()) == ["new"]


def test_waiting_entries_are_taken_from_the_queue_once_their_dependencies_come(storage):
    author, entries = person_with_edits(3)
    waiting = apply_entries(storage, entries[1:], signer="s")
    assert len(waiting.pending) == len(entries) - 1 and storage.newest_seq() == 0
    done = apply_entries(storage, entries[:1], signer="s")
    assert done.used_old_pending == len(entries) - 1 and storage.pending_count() == 0
    assert storage.newest_seq() == len(entries) and storage.get(author.person_id) is not None


def test_a_nonce_is_refused_the_second_time_on_any_relay_process(storage, pg_database):
    from sync.pg_storage import PgSyncStorage

    other = PgSyncStorage(pg_database)
    try:
        assert storage.remember_nonce("k", "n1", 2**40)
        assert not other.remember_nonce("k", "n1", 2**40)
        assert other.remember_nonce("k", "n2", 2**40)
    finally:
        other.close()


def _entry(kind: str, data: bytes, team_id: str) -> WireEntry:
    return WireEntry(team_id, kind, ts.entry_hash(data), data)


def test_a_relay_keeps_a_team_chain_and_only_entries_signed_with_the_current_key(storage):
    people = [Identity.generate() for _ in range(3)]
    first = ts.new_secret(1)
    team_id = ts.team_id_for(first)
    held = {1: first, 2: ts.new_secret(2)}
    box1 = ts.make_keybox(team_id, {1: first}, [p.person_id for p in people], None)
    box2 = ts.make_keybox(team_id, dict(held), [p.person_id for p in people[:-1]], box1)
    k1, k2 = _entry("keybox", box1.data, team_id), _entry("keybox", box2.data, team_id)
    s1 = _entry("sealed", ts.seal(team_id, held[1], "change", "01" * 32, b"x").data, team_id)
    s2 = _entry("sealed", ts.seal(team_id, held[2], "change", "02" * 32, b"y").data, team_id)
    keep, refused = relay_accept(storage, [k2])
    assert not keep and "before" in refused[0][1]
    with storage.exclusive():
        keep, refused = relay_accept(storage, [k1, s1])
        assert keep == [k1, s1] and not refused
        assert storage.append_entries(keep) == (0, 2)
    with storage.exclusive():
        keep, _ = relay_accept(storage, [k2, s2])
        storage.append_entries(keep)
    late = _entry("sealed", ts.seal(team_id, held[1], "change", "03" * 32, b"z").data, team_id)
    keep, refused = relay_accept(storage, [late])
    assert not keep and "rotated" in refused[0][1]
    assert [e.kind for e in storage.log_of_doc(team_id, ("keybox", "sealed"))] == ["keybox", "sealed"] * 2
    assert [e.seq for e in storage.log_of_doc(team_id, ("keybox",), since=1)] == [3]
    assert storage.append_entries([k1]) == (4, 4)  # already there: nothing appended, no hole left
