"""Property-based fuzzing of documents through a real relay to a node (issue 10, acceptance).

Hypothesis builds correctly signed person documents whose known fields hold
random types and sizes; each goes to one relay process (which may refuse
it), then an honest document changes too, and a node syncs. Whatever the
hostile document held: the node keeps syncing the honest one, no read-model
row holds a value outside the schema, and no process prints a traceback.
The same document also goes straight into the node's ingest (as from a LAN
peer), and, unchecked, into the store of a node "of an older version", whose
projection must skip it without raising and still project an honest one.
"""

from __future__ import annotations

import sqlite3

import pytest
from hostile_docs import entries_of, person_document, push, write_raw
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sync_processes import node_db, start_relay

from skiller_desktop import automerge_io as am
from skiller_desktop import doc_schema
from skiller_desktop import person_doc as pd
from skiller_desktop.acceptance import Accepted
from skiller_desktop.db import Database
from skiller_desktop.identity import Identity
from skiller_desktop.services import Services
from skiller_desktop.signed_heads import SignedHead
from skiller_desktop.store import Store
from skiller_desktop.text import LIMITS
from sync.client import PeerClient
from sync.engine import apply_entries
from sync.node import node_storage
from sync.peers import PeerBook
from sync.replicator import sync_peer

pytestmark = pytest.mark.slow

# Where hostile values go: every section, some entries, some fields inside them.
PATHS = [
    "schema", "kind", "profile", "profile.name", "profile.links", "profile.languages", "profile.availability",
    "devices", "devices.d1", "devices.d1.revoked_after_seq",
    "skills", "skills.py", "skills.py.level", "skills.py.years", "skills.py.position", "skills.py.keywords",
    "skills.py.evidence", "skills.py.name",
    "endorsements", "endorsements.e1", "endorsements.e1.level", "endorsements.e1.subject", "endorsements.e1.date",
    "hidden", "offers", "offers.o1", "offers.o1.answers", "offers.o1.recognition", "responses", "responses.r1",
    "imported", "imported.i1", "positions", "projects", "certificates", "team_acceptances",
]

_INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)
_SCALARS = st.one_of(
    st.none(), st.booleans(), _INT64, st.sampled_from([0, 1, 3, 5, 6, 80, 81, 1_000_000, -1]),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
    st.sampled_from(["x" * 5000, "file:///etc/passwd", "https://ok.example", "2026-01-01", "not a date"]),
    st.binary(max_size=20),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=6),
                            st.dictionaries(st.text(min_size=1, max_size=12), inner, max_size=6)),
    max_leaves=20,
)


def _raw(draw_paths: list[tuple[str, object]], subject: str) -> dict:
    raw: dict = {}
    for path, value in draw_paths:
        parent = path.rsplit(".", 1)[0]
        if any(p == parent or parent.startswith(p + ".") for p in raw):
            continue  # a parent already replaced by a scalar: nothing to nest into
        raw[path] = value
    if "endorsements.e1.subject" not in raw and "endorsements.e1" not in raw and "endorsements" not in raw:
        raw["endorsements.e1.subject"] = subject  # so an endorsement row may appear on the node
    return raw


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    base = tmp_path_factory.mktemp("fuzz")
    relay = start_relay(base / "relay.sqlite3")
    honest = Services(base / "honest")
    honest.create_identity("Honest")
    node = Services(base / "node")
    node.create_identity("Node")
    storage = node_storage(node)
    book = PeerBook(node.db)
    peer = book.add(relay.url, "relay")
    legacy = Store(Database(base / "legacy.sqlite3"))
    state = {"relay": relay, "honest": honest, "node": node, "base": base, "round": 0, "storage": storage,
             "legacy": legacy}

    def sync(services: Services) -> object:
        client = PeerClient(relay.url, services.require_identity())
        target_storage = storage if services is node else node_storage(services)
        target_book = book if services is node else PeerBook(services.db)
        target = peer if services is node else target_book.add(relay.url, "relay")
        return sync_peer(target_storage, target_book, target.peer_id, client, services.policy_for)

    state["sync"] = sync
    yield state
    relay.stop()
    stderr = relay.proc.stderr.read() if relay.proc.stderr else ""
    honest.db.close()
    node.db.close()
    legacy.db.close()
    assert "Traceback" not in stderr, stderr[-3000:]


def _out_of_schema(path) -> list[str]:
    """Read-model values no sane document produces (doc_schema's bounds), straight from the SQLite file."""
    conn = sqlite3.connect(path)
    try:
        checks = {
            "skill level": "SELECT COUNT(*) FROM skills WHERE level NOT BETWEEN 1 AND 5",
            "skill years": "SELECT COUNT(*) FROM skills WHERE years NOT BETWEEN 0 AND 80",
            "skill name": f"SELECT COUNT(*) FROM skills WHERE length(name) > {max(LIMITS['skill'], doc_schema.MAX_ID)}",
            "best level": "SELECT COUNT(*) FROM persons WHERE max_level NOT BETWEEN 0 AND 5",
            "person name": f"SELECT COUNT(*) FROM persons WHERE length(name) > {LIMITS['name']}",
            "links": "SELECT COUNT(*) FROM persons WHERE json_type(links) != 'array'",
            "endorsement level": "SELECT COUNT(*) FROM endorsements WHERE level NOT BETWEEN 0 AND 5",
            "endorsement date": f"SELECT COUNT(*) FROM endorsements WHERE length(date) > {doc_schema.MAX_DATE}",
            "facets": "SELECT COUNT(*) FROM persons_fts WHERE length(facets) > 20000",
            "types": "SELECT COUNT(*) FROM skills WHERE typeof(level) != 'integer' OR typeof(position) != 'real'",
        }
        return [name for name, sql in checks.items() if conn.execute(sql).fetchone()[0]]
    finally:
        conn.close()


@settings(max_examples=50, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.tuples(st.sampled_from(PATHS), _VALUES), min_size=1, max_size=4))
def test_hostile_documents_never_stop_the_node(world, hostile):
    world["round"] += 1
    honest, node = world["honest"], world["node"]
    attacker = Identity.generate()
    raw = _raw(hostile, honest.person_id)
    try:
        doc = person_document(attacker, "Mallory", None)
        pd.apply(doc, write_raw(raw))
    except (TypeError, ValueError, OverflowError):
        return  # a value Automerge itself cannot store: no document to send
    entries = entries_of(attacker, doc)
    answer = push(world["relay"].url, attacker, entries)
    assert answer.status_code in (200, 422), answer.text  # accepted, or refused with a reason
    event(f"relay answered {answer.status_code}")
    if answer.status_code == 422:
        assert answer.json()["error"]["code"] == "rejected"
    # as from a LAN peer: the node's own ingest refuses or accepts, never raises
    result = apply_entries(world["storage"], entries, node.policy_for)
    assert bool(result.rejected) == (answer.status_code == 422), result.rejected

    # a node of an older version stored it unchecked: projection skips it, never raises, projects the rest
    signed = SignedHead.sign(attacker, attacker.person_id, doc.get_heads())
    other = Identity.generate()
    fine = person_document(other, "Fine")
    fine_signed = SignedHead.sign(other, other.person_id, fine.get_heads())
    world["legacy"].commit([Accepted(attacker.person_id, doc, doc.get_changes([]), [signed], [signed]),
                            Accepted(other.person_id, fine, fine.get_changes([]), [fine_signed], [fine_signed])])
    assert world["legacy"].db.one("SELECT 1 FROM persons WHERE person_id = ?", (other.person_id,)) is not None
    assert _out_of_schema(world["base"] / "legacy.sqlite3") == []

    honest.update_profile(headline=f"round {world['round']}")
    world["sync"](honest)
    world["sync"](node)

    # the honest document always arrives, whatever came before it
    assert node.queries.profile(honest.person_id).headline == f"round {world['round']}"
    assert _out_of_schema(node_db(world["base"] / "node")) == []
    stored = node.store.get(attacker.person_id)
    if stored is not None:  # what the node accepted is sane by this version's schema
        assert doc_schema.problem(attacker.person_id, am.to_python(stored.document())) is None
