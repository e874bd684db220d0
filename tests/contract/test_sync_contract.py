"""What every storage adapter and every transport must do, as a user of sync would notice it.

Each test runs once per (storage adapter, transport) pair: three peers
converge, cursors never skip nor repeat, entries wait for their
dependencies, refusals keep nothing, teams stay with their members, and a
crash or restart loses nothing committed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

import pytest
from contract_peers import Node, Peers
from support import doc_heads_in as doc_heads

from skiller_desktop.signed_heads import SignedHead
from sync.auth import sign_request
from sync.client import BadPeer, PeerClient, PeerUnreachable
from sync.engine import apply_entries
from sync.peers import normalize_url
from sync.scheduler import PeerState
from sync.storage import SyncStorage
from sync.wire import ProtocolError, WireEntry, head_entry

TEAM_SECRET = "note-privee-de-ben"


def _own_entries(node: Node) -> list[WireEntry]:
    return [e for e in node.storage.log_since(0, 10_000) if e.doc_id == node.person_id]


def _skills(node: Node, person_id: str) -> list[str]:
    return sorted(s.name for s in node.services.queries.skills(person_id))


def test_three_peers_converge_through_a_relay_and_each_entry_is_stored_once(peers: Peers) -> None:
    relay = peers.relay()
    ana, ben, chloe = peers.node("ana"), peers.node("ben"), peers.node("chloe")
    ana.services.add_skill("Python", 4)
    ben.services.update_profile(headline="Ébéniste")
    chloe.services.add_skill("Design", 2)
    for _ in range(2):
        for node in (ana, ben, chloe):
            report = node.sync_with(relay)
            assert report.complete, report.incomplete_reason()
    heads = [doc_heads(n.services.db) for n in (ana, ben, chloe)]
    assert heads[0] == heads[1] == heads[2] and len(heads[0]) == 3
    assert _skills(chloe, ana.person_id) == ["Python"] and _skills(ana, chloe.person_id) == ["Design"]
    assert ana.services.profile(ben.person_id).headline == "Ébéniste"
    log = relay.storage.log_since(0, 100_000, 1 << 40)
    assert len(log) == len({e.key for e in log}) == relay.storage.newest_seq()
    changes = ana.change_keys()
    assert relay.entry_keys() <= ana.entry_keys() and relay.change_keys() == changes
    assert ben.change_keys() == chloe.change_keys() == changes
    quiet = ana.sync_with(relay)  # up to date: nothing moves, nothing echoes back
    assert (quiet.pulled, quiet.pushed, quiet.complete) == (0, 0, True)


def test_two_peers_converge_directly(peers: Peers) -> None:
    ana, ben = peers.node("ana"), peers.node("ben")
    ana.services.add_skill("Rust", 3)
    ben.services.add_skill("Go", 2)
    report = ben.sync_with(ana)
    assert report.complete and (report.pulled or report.snapshot_docs) and report.pushed
    assert doc_heads(ana.services.db) == doc_heads(ben.services.db)
    assert _skills(ana, ben.person_id) == ["Go"] and _skills(ben, ana.person_id) == ["Rust"]


def test_cursors_neither_skip_nor_repeat_and_a_reset_relay_is_filled_again(peers: Peers) -> None:
    relay = peers.relay()
    ana, ben = peers.node("ana"), peers.node("ben")
    ana.services.add_skill("Python", 4)
    ana.sync_with(relay)
    ben.sync_with(relay, batch=2)  # many small pages
    record = ben.sync.book.get(normalize_url(relay.url))
    assert record is not None and record.pulled_seq == relay.storage.newest_seq()
    assert record.pushed_seq == ben.storage.newest_seq()
    before = len(relay.entry_keys())
    ana.services.add_skill("Rust", 2)
    ana.sync_with(relay)
    report = ben.sync_with(relay, batch=2)
    assert report.pulled == len(relay.entry_keys()) - before and report.duplicates == 0
    assert _skills(ben, ana.person_id) == ["Python", "Rust"]

    relay.replace(peers.factory("reset-relay"))  # the same URL, a new log (a new epoch)
    report = ben.sync_with(relay)
    assert report.restarted
    assert relay.change_keys() == ben.change_keys()
    again = ana.sync_with(relay)
    assert again.restarted and again.complete and doc_heads(ana.services.db) == doc_heads(ben.services.db)


def test_entries_wait_for_their_dependencies_and_are_not_served_until_then(peers: Peers) -> None:
    relay = peers.relay()
    ana, ben = peers.node("ana"), peers.node("ben")
    ana.services.add_skill("Python", 4)
    ana.services.add_skill("Rust", 2)
    entries = _own_entries(ana)
    first, rest = entries[:1], entries[1:]
    client = ana.client(relay.url)
    answer = client.push(rest)
    assert answer["accepted"] == 0 and answer["pending"]
    assert relay.storage.pending_count() == len(answer["pending"])
    assert not relay.storage.known(e.key for e in rest)
    ben.sync_with(relay)
    assert ana.person_id not in doc_heads(ben.services.db)  # nothing served that cannot be verified yet
    answer = client.push(first)
    assert answer["accepted"] == 1 and not answer["rejected"]
    changes = {e.key for e in entries if e.kind == "change"}
    assert relay.storage.pending_count() == 0 and relay.storage.known(changes) == changes
    assert ben.sync_with(relay).complete
    assert _skills(ben, ana.person_id) == ["Python", "Rust"]


def test_refused_entries_leave_nothing_and_a_replayed_request_is_refused(peers: Peers) -> None:
    relay = peers.relay()
    ana, bob = peers.node("ana"), peers.node("bob")
    ana.sync_with(relay)
    newest = relay.storage.newest_seq()
    doc = ana.services.store.get(ana.person_id).document()
    doc.set_actor(bob.services.require_identity().actor_id)
    before = doc.get_heads()
    from skiller_desktop import person_doc as pd

    pd.apply(doc, pd.set_profile({"headline": "hacked"}))
    forged = [WireEntry(ana.person_id, "change", ch.hash.hex(), ch.bytes) for ch in doc.get_changes(before)]
    forged.append(head_entry(SignedHead.sign(bob.services.require_identity(), ana.person_id, doc.get_heads())))
    answer = bob.client(relay.url).push(forged)
    assert answer["accepted"] == 0 and len(answer["rejected"]) == len(forged)
    change = _own_entries(ana)[0]
    altered = bytearray(change.data)
    altered[len(altered) // 2] ^= 0x40
    answer = bob.client(relay.url).push([replace(change, hash="00" * 32, data=bytes(altered))])
    assert answer["accepted"] == 0 and answer["rejected"]
    assert relay.storage.newest_seq() == newest and relay.storage.pending_count() == 0
    assert not relay.storage.known(e.key for e in forged)
    ana.sync_with(relay)
    assert ana.services.profile(ana.person_id).headline != "hacked"

    client = bob.client(relay.url)
    assert isinstance(client, PeerClient)
    headers = sign_request(bob.services.require_identity(), "GET", "/v1/log?since=0&limit=10")
    status, _ = client.exchange.request("GET", "/v1/log?since=0&limit=10", b"", dict(headers), 1 << 20, 10)
    assert status == 200
    status, body = client.exchange.request("GET", "/v1/log?since=0&limit=10", b"", dict(headers), 1 << 20, 10)
    assert status == 401 and b"replayed" in body


def test_a_team_is_seen_by_its_members_only_and_held_sealed_by_the_relay(peers: Peers) -> None:
    relay = peers.relay()
    ana, ben, chloe = peers.node("ana"), peers.node("ben"), peers.node("chloe")
    for node in (ben, chloe, ana):
        node.sync_with(relay)
    team_id = ana.services.teams.create("Atelier", "confidentiel")
    ana.services.teams.add_members(team_id, [ben.person_id])
    ana.services.teams.add_need(team_id, "Rust", 4, TEAM_SECRET)
    for node in (ana, ben, chloe, ben):
        report = node.sync_with(relay)
        assert not report.rejected, report.rejected
    assert doc_heads(ben.services.db)[team_id] == doc_heads(ana.services.db)[team_id]
    assert TEAM_SECRET in [n.note for n in ben.services.teams.needs(team_id)]
    assert team_id not in doc_heads(chloe.services.db)
    assert relay.storage.get(team_id) is None
    assert not relay.storage.log_of_doc(team_id, ("change", "head"))
    assert relay.storage.log_of_doc(team_id, ("sealed",)) and relay.storage.log_of_doc(team_id, ("keybox",))
    sealed = b"".join(e.data for e in relay.storage.log_of_doc(team_id, ("sealed", "keybox")))
    assert TEAM_SECRET.encode() not in sealed

    url = ana.serve()  # on the LAN: Ana's node serves the team to members only
    as_chloe, as_ben = chloe.client(url), ben.client(url)
    assert not [e for e in as_chloe.log_since(0, 5000).entries if e.doc_id == team_id]
    assert not as_chloe.log_since(0, 5000, doc=team_id).entries
    assert team_id not in {d.doc_id for d in as_chloe.snapshot("", 1000).docs}
    assert [e for e in as_ben.log_since(0, 5000).entries if e.doc_id == team_id]
    assert chloe.sync_with(ana).complete and team_id not in doc_heads(chloe.services.db)


def test_a_commit_cut_short_keeps_nothing_and_a_restart_loses_nothing(peers: Peers) -> None:
    relay = peers.relay()
    ana, ben = peers.node("ana"), peers.node("ben")
    ana.services.add_skill("Python", 4)
    ana.sync_with(relay)
    epoch, newest, held = relay.storage.epoch(), relay.storage.newest_seq(), relay.entry_keys()
    ana.services.add_skill("Rust", 2)
    fresh = [e for e in _own_entries(ana) if e.key not in held]

    def crash(result: object) -> None:
        raise RuntimeError("the process died inside the commit")

    with pytest.raises(RuntimeError):
        apply_entries(relay.storage, fresh, ana.services.policy_for, crash)
    assert relay.storage.newest_seq() == newest and relay.entry_keys() == held
    assert not relay.storage.known(e.key for e in fresh) and relay.storage.pending_count() == 0

    relay.storage.close()  # a restart: the same store opened again
    relay.replace(peers.factory("relay"))
    assert (relay.storage.epoch(), relay.storage.newest_seq(), relay.entry_keys()) == (epoch, newest, held)
    report = ana.sync_with(relay)
    assert not report.restarted and report.complete and report.pushed
    assert {e.key for e in fresh if e.kind == "change"} <= relay.entry_keys()
    report = ben.sync_with(relay)
    assert _skills(ben, ana.person_id) == ["Python", "Rust"]
    assert not ben.sync_with(relay).restarted


def test_a_nonce_is_accepted_once_and_a_rejected_commit_changes_nothing(
        sync_storage_factory: Callable[[str], SyncStorage]) -> None:
    """The storage alone: what several relay processes sharing one store rely on."""
    storage = sync_storage_factory("plain")
    assert storage.remember_nonce("someone", "n-1", 2**31) is True
    assert storage.remember_nonce("someone", "n-1", 2**31) is False
    assert storage.remember_nonce("someone-else", "n-1", 2**31) is True
    before = (storage.newest_seq(), storage.pending_count())

    def crash(before_seq: int, after_seq: int) -> None:
        raise RuntimeError("cut")

    waiting = WireEntry("someone", "change", "ab" * 32, b"\x00" * 10)
    with pytest.raises(RuntimeError):
        storage.commit_batch([], [waiting], [], crash, signer="someone")
    assert (storage.newest_seq(), storage.pending_count()) == before
    storage.commit_batch([], [waiting], [], signer="someone")
    assert storage.pending_count() == 1 and storage.pending_usage("someone").signer_entries == 1
    assert storage.pending(["someone"])[0].key == waiting.key


def test_a_protocol_error_names_what_was_wrong(peers: Peers) -> None:
    relay = peers.relay()
    ana = peers.node("ana")
    client = ana.client(relay.url)
    with pytest.raises(ProtocolError) as caught:
        client.log_since(0, 10, doc="x", kind="nonsense")
    assert caught.value.status == 400 and "kind" in caught.value.message


def test_the_scheduler_reaches_a_peer_by_its_url_alone(peers: Peers) -> None:
    """The transport is chosen by the URL's scheme (`sync.transport.TRANSPORTS`), as the app does."""
    relay = peers.relay()
    ana, ben = peers.node("ana"), peers.node("ben")
    ana.services.add_skill("Python", 4)
    for node in (ana, ben):
        status = node.sync.scheduler.add_peer(relay.url, "relay")
        assert node.sync.scheduler.sync_once(status.peer_id).state == PeerState.UP_TO_DATE
    assert _skills(ben, ana.person_id) == ["Python"]
    status = ben.sync.scheduler.add_peer("carrier-pigeon://nowhere", "peer")
    failed = ben.sync.scheduler.sync_once(status.peer_id)
    assert failed.state == PeerState.ERROR and "carrier-pigeon" in failed.last_error


def test_a_pull_whose_commit_fails_moves_no_cursor_and_the_next_sync_gets_everything(
        peers: Peers, monkeypatch: pytest.MonkeyPatch) -> None:
    relay = peers.relay()
    ana, ben = peers.node("ana"), peers.node("ben")
    ana.services.add_skill("Python", 4)
    ana.sync_with(relay)
    ben.sync_with(relay)
    ana.services.add_skill("Rust", 2)
    ana.sync_with(relay)
    storage = ben.storage
    real = storage.commit_batch

    def failing(*args: object, **kwargs: object) -> tuple[int, int]:
        raise OSError("disk full")

    monkeypatch.setattr(storage, "commit_batch", failing)
    with pytest.raises(OSError):
        ben.sync_with(relay)
    record = ben.sync.book.get(normalize_url(relay.url))
    assert record is not None and record.pulled_seq < relay.storage.newest_seq()
    assert _skills(ben, ana.person_id) == ["Python"]
    monkeypatch.setattr(storage, "commit_batch", real)
    assert ben.sync_with(relay).complete
    assert _skills(ben, ana.person_id) == ["Python", "Rust"]


def test_an_unreachable_peer_and_a_spent_deadline_are_said_the_same_way_by_every_transport(peers: Peers) -> None:
    relay = peers.relay()
    ana = peers.node("ana")
    with pytest.raises(PeerUnreachable):
        ana.client(peers.host.unreachable_url()).info()
    client = ana.client(relay.url)
    client.deadline = time.monotonic() - 1
    with pytest.raises(BadPeer) as caught:
        client.info()
    assert caught.value.code == "deadline"


def test_control_characters_in_ids_are_refused_as_bad_requests_by_every_store(peers: Peers) -> None:
    """A NUL cannot be stored in PostgreSQL text: every adapter refuses it up front (400), none fails (500)."""
    relay = peers.relay()
    ana, bob = peers.node("ana"), peers.node("bob")
    ana.sync_with(relay)
    newest = relay.storage.newest_seq()
    good = _own_entries(ana)[0]
    client = bob.client(relay.url)
    assert isinstance(client, PeerClient)
    for doc_id in (good.doc_id + "\x00x", "did:key:z6Mk\x07bell", "two words"):
        with pytest.raises(ProtocolError) as refused:
            client.push([replace(good, doc_id=doc_id)])
        assert refused.value.status == 400
    for query in ("/v1/snapshot?after=%00&limit=5", "/v1/log?since=0&doc=did%3Akey%00x"):
        headers = sign_request(bob.services.require_identity(), "GET", query)
        status, body = client.exchange.request("GET", query, b"", dict(headers), 1 << 20, 10)
        assert status == 400 and b"document id" in body
    assert relay.storage.newest_seq() == newest
    bob.sync_with(relay)  # the relay serves on
    assert bob.services.profile(ana.person_id).name
