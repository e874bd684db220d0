"""Replication through the real app in-process: cursors, epochs, echoes, states."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_fixtures import Node, Relay, doc_heads, read_models, wait_until

from sync.local import AsgiClient
from sync.peers import PeerBook
from sync.scheduler import PeerState, Scheduler, SchedulerConfig


def _converged(*nodes: Node) -> bool:
    heads = [doc_heads(n.services.db) for n in nodes]
    models = [read_models(n.services.db) for n in nodes]
    return all(h == heads[0] for h in heads) and all(m == models[0] for m in models)


def test_three_nodes_converge_through_relay_and_directly(tmp_path):
    relay = Relay(tmp_path / "relay.db")
    a, b, c = (Node(tmp_path / n, n.upper()) for n in "abc")
    for node in (a, b, c):
        node.sync_with(relay)
    for node in (a, b, c):
        node.sync_with(relay)
    a.services.add_skill("Python", 4)
    b.services.add_skill("Rust", 2)
    for node in (a, b, c):
        node.sync_with(relay)
    c.services.endorse(a.person_id, "Python", "great")
    eid = b.services.endorse(a.person_id, "Python")
    b.services.revoke_endorsement(eid)
    a.services.add_offer("offer", "Python", "Mentoring")
    c.sync_with(b)      # node-node
    a.sync_with(c)
    b.sync_with(relay)
    a.sync_with(relay)
    c.sync_with(relay)
    b.sync_with(relay)
    assert _converged(a, b, c)
    assert len(relay.storage.store.doc_ids()) == 3


def test_no_echo_after_push_then_pull(tmp_path):
    relay = Relay(tmp_path / "relay.db")
    a = Node(tmp_path / "a", "A")
    first = a.sync_with(relay)
    assert first.pushed > 0
    again = a.sync_with(relay)
    assert again.pulled == 0 and again.pushed == 0 and again.duplicates == 0


def test_new_relay_epoch_makes_nodes_push_again(tmp_path):
    relay = Relay(tmp_path / "relay.db")
    a, b = Node(tmp_path / "a", "A"), Node(tmp_path / "b", "B")
    a.sync_with(relay)
    b.sync_with(relay)
    wiped = Relay(tmp_path / "relay2.db")
    wiped.url = relay.url  # same address, new log
    report = a.sync_with(wiped)
    assert report.restarted and report.pushed > 0
    b.sync_with(wiped)
    a.sync_with(wiped)
    assert _converged(a, b)


def test_scheduler_reports_offline_then_recovers(tmp_path):
    relay = Relay(tmp_path / "relay.db")
    a = Node(tmp_path / "a", "A")
    clients: list[AsgiClient] = []

    def factory(record, identity):
        client = AsgiClient(relay.app, identity, record.url)
        client.online = online
        clients.append(client)
        return client

    online = True
    seen: list[PeerState] = []
    scheduler = Scheduler(a.storage, PeerBook(a.services.db), a.services.require_identity,
                          a.services.policy_for, SchedulerConfig(period=0.2, debounce=0.05, min_backoff=0.05,
                                                                 max_backoff=0.2), factory)
    scheduler.add_status_listener(lambda s: seen.append(s.state))
    a.services.add_listener(scheduler.local_edit)
    scheduler.add_peer(relay.url, "relay")
    scheduler.start()
    try:
        wait_until(lambda: scheduler.statuses()[0].state is PeerState.UP_TO_DATE, message="up to date")
        online = False
        wait_until(lambda: scheduler.statuses()[0].state is PeerState.OFFLINE, message="offline")
        assert "unreachable" in scheduler.statuses()[0].last_error
        a.services.add_skill("Go", 2)
        online = True
        wait_until(lambda: scheduler.statuses()[0].state is PeerState.UP_TO_DATE
                   and doc_heads(relay.storage.db) == doc_heads(a.services.db), message="recovered")
    finally:
        scheduler.stop()
    assert PeerState.SYNCING in seen


EDIT = st.sampled_from(["skill", "profile", "endorse", "revoke", "offer"])
STEP = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 2), EDIT, st.integers(0, 1000)),
    st.tuples(st.just("relay"), st.integers(0, 2)),
    st.tuples(st.just("peer"), st.integers(0, 2), st.integers(0, 2)),
)


def _edit(node: Node, others: list[Node], kind: str, n: int) -> None:
    s = node.services
    try:
        if kind == "skill":
            s.add_skill(f"Skill {n % 7}", 1 + n % 5)
        elif kind == "profile":
            s.update_profile(headline=f"Headline {n}")
        elif kind == "endorse":
            other = others[n % len(others)]
            skills = s.queries.skills(other.person_id)
            if skills:
                s.endorse(other.person_id, skills[n % len(skills)].name)
        elif kind == "revoke":
            given = [e for e in s.queries.endorsements(endorser_id=s.person_id) if not e.revoked]
            if given:
                s.revoke_endorsement(given[n % len(given)].endorsement_id)
        elif kind == "offer":
            s.add_offer("offer" if n % 2 else "request", "Python", f"Offer {n}")
    except Exception as exc:  # duplicates and unknown people are refused by design
        from skiller_desktop.errors import SkillerError

        assert isinstance(exc, SkillerError), exc


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, min_size=1, max_size=14))
def test_random_edit_and_sync_schedules_converge(tmp_path_factory, steps):
    base = tmp_path_factory.mktemp("prop")
    relay = Relay(base / "relay.db")
    nodes = [Node(base / f"n{i}", f"N{i}") for i in range(3)]
    for step in steps:
        if step[0] == "edit":
            _, i, kind, n = step
            _edit(nodes[i], [x for x in nodes if x is not nodes[i]], kind, n)
        elif step[0] == "relay":
            nodes[step[1]].sync_with(relay)
        elif step[1] != step[2]:
            nodes[step[1]].sync_with(nodes[step[2]])
    for _ in range(2):
        for node in nodes:
            node.sync_with(relay)
    assert _converged(*nodes)
    assert doc_heads(relay.storage.db) == doc_heads(nodes[0].services.db)
    for node in nodes:
        node.services.close()
