"""Sync in plain words: one vocabulary of states and problems, relative times, codes that decide, Stop."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sync_fixtures import Node, Relay

from bench.community import generate
from skiller_desktop.errors import RejectedError
from skiller_desktop.messages import ADVICE, FINAL_REFUSALS, STATES, Message, say
from sync import replicator
from sync.client import BadAddress, BadPeer, PeerClient, PeerUnreachable, legacy_refusal_code
from sync.local import AsgiClient
from sync.peers import PeerBook
from sync.replicator import refused_for_good
from sync.scheduler import PeerState, PeerStatus, Scheduler, SchedulerConfig, state_of
from sync.transport import UnknownTransport
from sync.wire import ProtocolError
from sync.words import problem_code, say_status, when

NOW = datetime(2026, 11, 29, 14, 5, 59, tzinfo=UTC)


def _ago(**delta: float) -> str:
    return (NOW - timedelta(**delta)).isoformat().replace("+00:00", "Z")


@pytest.mark.parametrize(("iso", "expected"), [
    ("", ("time.never", {})),
    ("not a date", ("time.never", {})),
    (_ago(seconds=20), ("time.just_now", {})),
    (_ago(minutes=1, seconds=5), ("time.minute", {})),
    (_ago(minutes=3), ("time.minutes", {"n": 3})),
    (_ago(hours=5), ("time.hours", {"n": 5})),
    (_ago(days=3), ("time.days", {"n": 3})),
])
def test_times_are_relative(iso: str, expected: tuple) -> None:
    assert when(iso, NOW) == expected


def test_an_old_date_is_a_local_date_not_a_timestamp() -> None:
    code, params = when(_ago(days=40), NOW)
    assert code == "time.date" and "T" not in params["date"] and len(params["date"]) == 10


def test_each_state_and_problem_reads_as_one_sentence_with_what_to_try() -> None:
    said = say_status("offline", "http://x is unreachable: the connection failed", "sync.unreachable",
                      _ago(minutes=3), now=NOW)
    assert said.english() == f"{STATES['state.offline']}: {ADVICE['sync.unreachable']} Last synced: 3 minutes ago."
    assert say_status("up to date", "", "", _ago(hours=1), now=NOW).english() == "Up to date. Last synced: 1 hour ago."
    assert say_status("offline", "", "", "", now=NOW).english() == "Waiting to sync. Last synced: never."
    for line in (said.english(), say_status("error", "boom", "", "", now=NOW).english()):
        assert "Error)" not in line and "2026-" not in line


def test_refusals_for_good_are_decided_by_code_not_words() -> None:
    assert refused_for_good(Message("document.skills is too long", "document.schema"))
    assert refused_for_good(say("sync.blocked_author"))
    assert not refused_for_good("document.skills is too long")  # words alone decide nothing
    assert not refused_for_good(Message("document.skills is too long", "rejected"))
    assert {legacy_refusal_code(r) for r in ("document.skills x", "blocked: the author's key is blocked here",
                                             "document abc is empty")} <= FINAL_REFUSALS
    assert legacy_refusal_code("a change chunk is truncated") == ""


def test_an_address_that_is_not_one_is_said_so_without_a_class_name(tmp_path) -> None:
    node = Node(tmp_path / "n", "n")
    for url, kind in (("http://127.0.0.1:9", PeerUnreachable), ("http://127.0.0.1:99999", BadAddress)):
        with pytest.raises(kind) as caught:
            PeerClient(url, node.services.require_identity(), timeout=3).info()
        assert "Error" not in str(caught.value) and "(" not in str(caught.value), str(caught.value)


def _scheduler(node: Node, relay: Relay, online: list[bool]) -> Scheduler:
    def factory(record, identity):
        client = AsgiClient(relay.app, identity, relay.url)
        client.online = online[0]
        return client

    return Scheduler(node.storage, PeerBook(node.services.db), node.services.require_identity,
                     node.services.policy_for, client_factory=factory)


def test_sync_and_peers_say_the_same_state_for_the_same_relay(tmp_path) -> None:
    relay, node = Relay(tmp_path / "relay.sqlite3"), Node(tmp_path / "n", "n")
    scheduler = _scheduler(node, relay, [False])
    peer = scheduler.add_peer(relay.url, "relay")
    status = scheduler.sync_once(peer.peer_id)
    record = scheduler.book.get(peer.peer_id)
    assert status.state is PeerState.OFFLINE and state_of(record) is PeerState.OFFLINE
    assert status.problem == record.problem == "sync.unreachable"
    fresh = Scheduler(node.storage, PeerBook(node.services.db), node.services.require_identity)  # a new process
    assert fresh.statuses()[0].said() == status.said()


def test_stop_keeps_what_arrived_says_so_and_the_next_sync_goes_on(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(replicator, "SNAPSHOT_PAGE", 4)
    relay = Relay(tmp_path / "relay.sqlite3")
    generate(relay.storage.store, 12, seed=4, skills=2)
    node = Node(tmp_path / "n", "n")
    scheduler = _scheduler(node, relay, [True])
    peer = scheduler.add_peer(relay.url, "relay")
    scheduler.add_status_listener(lambda s: scheduler.cancel() if s.progress and s.progress[0] >= 4 else None)
    stopped = scheduler.sync_once(peer.peer_id)
    assert stopped.state is PeerState.INCOMPLETE and stopped.problem == "sync.cancelled"
    assert stopped.said().english().startswith("Partly synced: You stopped the sync")
    assert state_of(scheduler.book.get(peer.peer_id)) is PeerState.INCOMPLETE
    got = node.services.db.one("SELECT COUNT(*) AS n FROM docs")["n"]
    assert 1 < got < 13  # what the pages before Stop brought is kept; not everything
    scheduler._status_listeners.clear()
    again = scheduler.sync_once(peer.peer_id)
    assert again.state is PeerState.UP_TO_DATE and again.problem == ""
    assert node.services.db.one("SELECT COUNT(*) AS n FROM docs")["n"] == 13


@pytest.mark.parametrize(("exc", "code"), [
    (PeerUnreachable("x"), "sync.unreachable"), (BadAddress("x"), "sync.bad_address"),
    (UnknownTransport("x"), "sync.no_transport"), (BadPeer("no_progress", "x"), "sync.malformed"),
    (BadPeer("deadline", "x"), "sync.deadline"), (ProtocolError(401, "stale", "x"), "sync.clock"),
    (ProtocolError(403, "blocked", "x"), "sync.blocked_there"),
    (ProtocolError(401, "bad_key", "x"), "sync.peer_refused"),
    (RejectedError("x"), "sync.failed"), (KeyError("x"), "sync.internal"),
])
def test_what_ended_a_sync_has_a_problem_with_words_and_what_to_try(exc: BaseException, code: str) -> None:
    assert problem_code(exc) == code and code in ADVICE


def test_a_later_sync_of_many_changes_counts_them(tmp_path) -> None:
    relay, node, other = Relay(tmp_path / "relay.sqlite3"), Node(tmp_path / "n", "n"), Node(tmp_path / "o", "o")
    scheduler = Scheduler(node.storage, PeerBook(node.services.db), node.services.require_identity,
                          node.services.policy_for, SchedulerConfig(batch=4),
                          client_factory=lambda record, identity: AsgiClient(relay.app, identity, relay.url))
    peer = scheduler.add_peer(relay.url, "relay")
    assert scheduler.sync_once(peer.peer_id).state is PeerState.UP_TO_DATE
    for i in range(12):
        other.services.add_skill(f"Skill {i}", 3)
    other.sync_with(relay)
    seen: list[PeerStatus] = []
    scheduler.add_status_listener(seen.append)
    assert scheduler.sync_once(peer.peer_id).state is PeerState.UP_TO_DATE
    counts = [s.progress for s in seen if s.progress]
    assert counts and all(s.progress_unit == "changes" for s in seen if s.progress), counts
    assert counts[-1][0] == counts[-1][1] > 4 and counts == sorted(counts), counts
