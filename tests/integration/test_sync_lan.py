"""Two nodes on this machine: found through zeroconf when multicast works, by address always."""

from __future__ import annotations

import json
import time

import pytest
from support import doc_heads_in
from sync_processes import doc_heads, free_port, start_relay, wait_until

from skiller_desktop.services import Services
from sync.node import NodeSync
from sync.scheduler import PeerState, SchedulerConfig

FAST = SchedulerConfig(period=0.5, debounce=0.05, min_backoff=0.1, max_backoff=0.5, timeout=5)


@pytest.fixture
def two_nodes(tmp_path):
    made = []
    for name in ("alice", "bob"):
        services = Services(tmp_path / name)
        services.create_identity(name.capitalize())
        services.add_skill("Python", 3)
        node = NodeSync(services, FAST)
        node.serve("127.0.0.1", 0)
        made.append(node)
    yield made
    for node in made:
        node.close()
        node.services.close()


def test_nodes_added_by_address_sync_both_ways_and_follow_edits(two_nodes):
    a, b = two_nodes
    a.scheduler.add_peer(b.server.url, "peer")
    a.scheduler.start()
    b.scheduler.start()
    wait_until(lambda: doc_heads_in(a.services.db) == doc_heads_in(b.services.db)
               and len(doc_heads_in(a.services.db)) == 2,
               message="first sync")
    b.services.update_profile(headline="edited on bob")
    wait_until(lambda: a.services.profile(b.services.person_id).headline == "edited on bob",
               message="a local edit on bob to reach alice")
    a.services.endorse(b.services.person_id, "Python")
    wait_until(lambda: doc_heads_in(a.services.db) == doc_heads_in(b.services.db), message="alice's edit to reach bob")
    wait_until(lambda: a.scheduler.statuses()[0].state is PeerState.UP_TO_DATE, message="up to date")


def test_nodes_find_each_other_with_zeroconf(two_nodes):
    a, b = two_nodes
    if not (a.announce() and b.announce()):
        pytest.skip("multicast DNS is unavailable on this machine; the address-based path is tested above")
    a.scheduler.start()
    b.scheduler.start()
    try:
        wait_until(lambda: a.scheduler.statuses() and b.scheduler.statuses(), timeout=15,
                   message="zeroconf to announce each node to the other")
    except AssertionError:
        pytest.skip("multicast DNS packets do not loop back here; the address-based path is tested above")
    wait_until(lambda: doc_heads_in(a.services.db) == doc_heads_in(b.services.db)
               and len(doc_heads_in(a.services.db)) == 2,
               message="sync after discovery")
    found = {s.url for s in a.scheduler.statuses()}
    assert b.server.url in found, json.dumps(sorted(found))


def test_relay_going_away_shows_offline_within_a_period_and_recovers(tmp_path, two_nodes):
    a, _ = two_nodes
    port = free_port()
    relay = start_relay(tmp_path / "relay.sqlite3", port)
    try:
        a.scheduler.add_peer(relay.url, "relay")
        a.scheduler.start()
        wait_until(lambda: a.scheduler.status(relay.url).state is PeerState.UP_TO_DATE, message="up to date")
        relay.stop()
        started = time.monotonic()
        wait_until(lambda: a.scheduler.status(relay.url).state is PeerState.OFFLINE, message="offline")
        assert time.monotonic() - started <= FAST.period + FAST.timeout + 1
        a.services.add_skill("Go", 2)
        relay = start_relay(tmp_path / "relay.sqlite3", port)
        wait_until(lambda: doc_heads(tmp_path / "relay.sqlite3").get(a.services.person_id) == _heads_list(a.services)
                   and a.scheduler.status(relay.url).state is PeerState.UP_TO_DATE,
                   message="recovery, and the offline edit reaching the relay, without user action")
    finally:
        relay.stop()


def _heads_list(services: Services) -> list[str]:
    return doc_heads_in(services.db)[services.person_id]
