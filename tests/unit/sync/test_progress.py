"""A first sync tells how far it is: documents received out of those the peer holds."""

from __future__ import annotations

from sync_fixtures import Node, Relay

from bench.community import generate
from sync import replicator
from sync.local import AsgiClient
from sync.peers import PeerBook
from sync.scheduler import PeerState, Scheduler


def _relay_with_people(tmp_path, people: int) -> Relay:
    relay = Relay(tmp_path / "relay.sqlite3")
    generate(relay.storage.store, people, seed=4, skills=2)
    return relay


def test_first_sync_reports_documents_received_out_of_the_relays(tmp_path, monkeypatch):
    monkeypatch.setattr(replicator, "SNAPSHOT_PAGE", 5)
    relay = _relay_with_people(tmp_path, 12)
    node = Node(tmp_path / "n", "n")
    book = PeerBook(node.services.db)
    peer = book.add(relay.url, "relay")
    seen: list[tuple[int, int | None]] = []
    client = AsgiClient(relay.app, node.services.require_identity(), relay.url)
    report = replicator.sync_peer(node.storage, book, peer.peer_id, client, node.services.policy_for,
                                  progress=lambda done, total: seen.append((done, total)))
    assert report.snapshot_docs == 12  # the node's own document went up first, and came back as a duplicate
    assert seen == [(0, 13), (5, 13), (10, 13), (13, 13)]
    seen.clear()
    replicator.sync_peer(node.storage, book, peer.peer_id, client, node.services.policy_for,
                         progress=lambda done, total: seen.append((done, total)))
    assert seen == []  # later syncs pull the log: no snapshot, nothing to count


def test_the_scheduler_shows_progress_while_syncing_and_drops_it_when_done(tmp_path, monkeypatch):
    monkeypatch.setattr(replicator, "SNAPSHOT_PAGE", 4)
    relay = _relay_with_people(tmp_path, 9)
    node = Node(tmp_path / "n", "n")
    statuses = []
    scheduler = Scheduler(node.storage, PeerBook(node.services.db), node.services.require_identity,
                          node.services.policy_for,
                          client_factory=lambda record, identity: AsgiClient(relay.app, identity, relay.url))
    scheduler.add_status_listener(statuses.append)
    peer = scheduler.add_peer(relay.url, "relay")
    final = scheduler.sync_once(peer.peer_id)
    assert [s.progress for s in statuses if s.progress] == [(0, 10), (4, 10), (8, 10), (10, 10)]
    assert all(s.state is PeerState.SYNCING for s in statuses if s.progress)
    assert final.state is PeerState.UP_TO_DATE and final.progress is None
    assert final.to_json()["progress"] is None
