"""Hostile documents against real relays, nodes and the CLI (issue 10, points 1 and 2).

A throwaway key signs a document whose content no honest version writes;
the relay refuses it with a reason, a node that meets one anyway (from a
relay that stored it before the schema existed) refuses it and syncs
everything else, and fields this version does not know pass untouched.
"""

from __future__ import annotations

import pytest
from hostile_docs import entries_of, person_document, push
from sync_processes import node_db, skiller, start_relay

from skiller_desktop.acceptance import Accepted
from skiller_desktop.db import Database
from skiller_desktop.identity import Identity
from skiller_desktop.signed_heads import SignedHead
from skiller_desktop.store import Store

pytestmark = pytest.mark.slow

BAD = {"skills": ["Python", 5], "profile.links": 42}


def _store_unchecked(db_path, identity: Identity, doc) -> None:
    """Store a document as a relay of an older version did: no schema check, no read models."""
    signed = SignedHead.sign(identity, identity.person_id, doc.get_heads())
    store = Store(Database(db_path))
    try:
        store.commit([Accepted(identity.person_id, doc, doc.get_changes([]), [signed], [signed])], read_models=False)
    finally:
        store.db.close()


def _honest(tmp_path, name="honest"):
    data_dir = tmp_path / name
    out = skiller(data_dir, "init", "--name", name.capitalize())
    skiller(data_dir, "skill", "add", "Python", "--level", "4")
    return data_dir, out["person_id"]


def test_relay_refuses_a_document_of_the_wrong_shape_and_keeps_the_honest_one(tmp_path):
    relay = start_relay(tmp_path / "relay.sqlite3")
    try:
        honest_dir, honest_id = _honest(tmp_path)
        skiller(honest_dir, "sync", "--relay", relay.url, "--once")
        attacker = Identity.generate()
        answer = push(relay.url, attacker, entries_of(attacker, person_document(attacker, "Mallory", BAD)))
        assert answer.status_code == 422, answer.text
        message = answer.json()["error"]["message"]
        assert "profile.links must be a list" in message
        fresh = tmp_path / "fresh"
        skiller(fresh, "init", "--name", "Fresh")
        skiller(fresh, "sync", "--relay", relay.url, "--once")
        found = skiller(fresh, "search", "Honest")
        assert [p["person_id"] for p in found["people"]] == [honest_id]
    finally:
        relay.stop()
    assert "Traceback" not in relay.proc.stderr.read()


def test_node_refuses_a_bad_document_an_older_relay_stored_and_syncs_the_rest(tmp_path):
    relay_db = tmp_path / "relay.sqlite3"
    attacker = Identity.generate()
    _store_unchecked(relay_db, attacker, person_document(attacker, "Mallory", BAD))
    relay = start_relay(relay_db)
    try:
        honest_dir, honest_id = _honest(tmp_path)
        skiller(honest_dir, "sync", "--relay", relay.url, "--once")
        node = tmp_path / "node"
        skiller(node, "init", "--name", "Node")
        # Refused for good (asking again brings the same signed bytes): reported, not retried,
        # and the sync of everything else is complete.
        out = skiller(node, "sync", "--relay", relay.url, "--once")  # exits 0, or this raises
        assert out["state"] == "up to date" and out["report"]["refused_for_good"] == 1, out
        rejected = " ".join(out["report"]["rejected"])
        assert "profile.links must be a list" in rejected, out
        found = skiller(node, "search", "Honest")
        assert [p["person_id"] for p in found["people"]] == [honest_id]
        db = Database(node_db(node), read_only=True)
        try:
            assert db.one("SELECT 1 FROM persons WHERE person_id = ?", (attacker.person_id,)) is None
            assert db.one("SELECT 1 FROM docs WHERE doc_id = ?", (attacker.person_id,)) is None
        finally:
            db.close()
    finally:
        relay.stop()


def test_reused_endorsement_and_offer_ids_overwrite_nobody(tmp_path):
    relay = start_relay(tmp_path / "relay.sqlite3")
    try:
        alice, alice_id = _honest(tmp_path, "alice")
        bob = tmp_path / "bob"
        bob_id = skiller(bob, "init", "--name", "Bob")["person_id"]
        skiller(alice, "sync", "--relay", relay.url, "--once")
        skiller(bob, "sync", "--relay", relay.url, "--once")
        endorsement_id = skiller(bob, "endorse", alice_id, "Python", "--comment", "solid")["endorsement_id"]
        offer_id = skiller(bob, "offer", "add", "--skill", "Python", "--title", "Python lessons")["offer_id"]
        skiller(bob, "sync", "--relay", relay.url, "--once")

        # a throwaway key reuses Bob's ids in its own, correctly signed document
        attacker = Identity.generate()
        stamp = "2026-11-29T10:00:00Z"
        copied = {
            f"endorsements.{endorsement_id}": {"subject": alice_id, "skill": "Python", "comment": "fake",
                                                "level": 0, "date": stamp, "revoked": False, "revoked_at": ""},
            f"offers.{offer_id}": {"kind": "offer", "skill": "Python", "title": "Fake lessons", "description": "",
                                    "status": "open", "created_at": stamp, "updated_at": stamp, "recognition": {}},
        }
        answer = push(relay.url, attacker, entries_of(attacker, person_document(attacker, "Mallory", copied)))
        assert answer.status_code == 200, answer.text

        skiller(alice, "sync", "--relay", relay.url, "--once")
        received = skiller(alice, "endorsements", "--received")["endorsements"]
        assert sorted((e["endorser_id"], e["endorsement_id"], e["comment"]) for e in received) == sorted(
            [(bob_id, endorsement_id, "solid"), (attacker.person_id, endorsement_id, "fake")])
        offers = skiller(alice, "offer", "list")
        assert sorted((o["person_id"], o["offer_id"], o["title"]) for o in offers) == sorted(
            [(bob_id, offer_id, "Python lessons"), (attacker.person_id, offer_id, "Fake lessons")])

        # the ids are ambiguous now: Alice says whose, and only that one is hidden or answered
        skiller(alice, "endorsement", "hide", endorsement_id, "--endorser", attacker.person_id)
        shown = skiller(alice, "endorsements", "--received")["endorsements"]
        assert [(e["endorser_id"], e["comment"]) for e in shown] == [(bob_id, "solid")]
        skiller(alice, "offer", "respond", offer_id, "I'm in", "--owner", bob_id)
        skiller(alice, "sync", "--relay", relay.url, "--once")
        skiller(bob, "sync", "--relay", relay.url, "--once")
        mine = skiller(bob, "offer", "list", "--mine")
        assert [(o["title"], [r["message"] for r in o["responses"]]) for o in mine] == [("Python lessons", ["I'm in"])]
    finally:
        relay.stop()


def test_fields_this_version_does_not_know_sync_and_display(tmp_path):
    relay = start_relay(tmp_path / "relay.sqlite3")
    try:
        author = Identity.generate()
        future = {
            "future_section": {"anything": [1, {"deep": "yes"}]},
            "skills.rust": {"name": "Rust", "level": 4, "years": 3, "sparkle": {"x": 1}, "keywords": ["cargo"]},
            "profile.pronouns": "they",
            "profile.headline": "From a newer version",
        }
        answer = push(relay.url, author, entries_of(author, person_document(author, "Futura", future)))
        assert answer.status_code == 200, answer.text
        node = tmp_path / "node"
        skiller(node, "init", "--name", "Node")
        out = skiller(node, "sync", "--relay", relay.url, "--once")
        assert not out["report"]["rejected"], out
        found = skiller(node, "search", "Futura", "--skill", "Rust")
        assert [(p["person_id"], p["matched_level"]) for p in found["people"]] == [(author.person_id, 4)]
        profile = skiller(node, "profile", "show", "--person", author.person_id)
        assert profile["headline"] == "From a newer version"
        from skiller_desktop.services import Services

        services = Services(node)
        try:
            assert [(s.name, s.level, s.keywords) for s in services.queries.skills(author.person_id)] == [
                ("Rust", 4, ["cargo"])]
        finally:
            services.db.close()
        # the unknown fields are kept: the node serves them on, byte for byte
        db = Database(node_db(node), read_only=True)
        try:
            stored = Store(db).get(author.person_id)
            assert stored is not None
            from automerge import core

            kept = core.extract(stored.document())
            assert kept["future_section"] == {"anything": [1, {"deep": "yes"}]}
            assert kept["skills"]["rust"]["sparkle"] == {"x": 1}
        finally:
            db.close()
    finally:
        relay.stop()


def test_a_member_refuses_a_sealed_team_change_out_of_bounds(tmp_path):
    """The relay cannot read a team's entries; the members' nodes check them when unsealed."""
    from skiller_desktop import person_doc as pd
    from skiller_desktop.services import Services
    from skiller_desktop.teams import document as td
    from skiller_desktop.teams import sealed as ts
    from sync.client import PeerClient
    from sync.wire import WireEntry, head_entry

    relay = start_relay(tmp_path / "relay.sqlite3")
    try:
        ana, ben = tmp_path / "ana", tmp_path / "ben"
        skiller(ana, "init", "--name", "Ana")
        ben_id = skiller(ben, "init", "--name", "Ben")["person_id"]
        team_id = skiller(ana, "team", "create", "Atelier")["team_id"]
        skiller(ana, "team", "invite", team_id, ben_id)
        skiller(ben, "team", "join", team_id)
        for d in (ben, ana, ben):
            skiller(d, "sync", "--relay", relay.url, "--once")

        services = Services(ben)
        try:
            identity = services.require_identity()
            doc = services.store.get(team_id).document()
            doc.set_actor(identity.actor_id)
            before = doc.get_heads()
            need = {"skill": "Rust", "level": 1_000_000, "note": "", "status": "open", "created_by": ben_id,
                    "created_at": "2026-11-29T10:00:00Z", "filled_at": "", "filled_by": ""}
            pd.apply(doc, td.put_need("huge", need))
            plain = [*(WireEntry(team_id, "change", c.hash.hex(), c.bytes) for c in doc.get_changes(before)),
                     head_entry(SignedHead.sign(identity, team_id, doc.get_heads()))]
            secret = services.teams.keys.current(team_id)
            sealed = [ts.seal(team_id, secret, e.kind, e.hash, e.data) for e in plain]
            answer = PeerClient(relay.url, identity).push(
                [WireEntry(team_id, "sealed", s.hash, s.data) for s in sealed])
            assert answer["accepted"] == len(sealed), answer  # the relay cannot read it: it stores it sealed
        finally:
            services.close()

        out = skiller(ana, "sync", "--relay", relay.url, "--once")  # exits 0, or this raises
        assert "level must be from 1 to 5" in " ".join(out["report"]["rejected"]), out
        db = Database(node_db(ana), read_only=True)
        try:
            assert db.one("SELECT 1 FROM team_needs WHERE need_id = 'huge'") is None
            assert db.one("SELECT 1 FROM teams WHERE team_id = ?", (team_id,)) is not None
        finally:
            db.close()
    finally:
        relay.stop()
