"""Team privacy between real processes on loopback (issue #6): three members, an outsider, a relay.

Members converge on the team document through the relay, which holds it only
sealed; the outsider and the relay never see its plaintext; forgeries are
refused everywhere; a removed member's later edits are refused and what the
team writes after the key rotation stays unreadable to them.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from sync_processes import doc_heads, node_db, skiller, start_node_server, start_relay

from skiller_desktop import person_doc as pd
from skiller_desktop.services import Services
from skiller_desktop.signed_heads import SignedHead
from skiller_desktop.teams import document as td
from skiller_desktop.teams import sealed as ts
from sync.client import PeerClient
from sync.wire import WireEntry, head_entry

pytestmark = pytest.mark.slow

TEAM = "Atelier Zéphyr"
ABOUT = "ébénisterie confidentielle"
SECRETS = ("note-privee-de-ben", "note-privee-de-chloe", "apres-la-rotation")


def _sync(d, *args):
    out = skiller(d, "sync", *args, "--once", check=False)
    return out if isinstance(out, dict) else out[-1]


def _file_bytes(path) -> bytes:
    data = b""
    for suffix in ("", "-wal"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            data += part.read_bytes()
    return data


def _plain_team_entries(path, team_id) -> int:
    conn = sqlite3.connect(path)
    try:
        docs = conn.execute("SELECT COUNT(*) FROM docs WHERE doc_id = ?", (team_id,)).fetchone()[0]
        logs = conn.execute("SELECT COUNT(*) FROM log WHERE doc_id = ? AND entry_kind IN ('change', 'head')",
                            (team_id,)).fetchone()[0]
        return docs + logs
    finally:
        conn.close()


def _needs(d, team_id) -> list[str]:
    conn = sqlite3.connect(node_db(d))
    try:
        return sorted(r[0] for r in conn.execute("SELECT note FROM team_needs WHERE team_id = ?", (team_id,)))
    finally:
        conn.close()


def _change_entries(services: Services, team_id: str, make) -> list[WireEntry]:
    """One new change to the team document by this data dir's person, with their signed head."""
    identity = services.require_identity()
    stored = services.store.get(team_id)
    doc = stored.document()
    doc.set_actor(identity.actor_id)
    before = doc.get_heads()
    pd.apply(doc, make(doc))
    changes = doc.get_changes(before)
    signed = SignedHead.sign(identity, team_id, doc.get_heads())
    return [*(WireEntry(team_id, "change", c.hash.hex(), c.bytes) for c in changes), head_entry(signed)]


def _need(note: str) -> dict:
    return {"skill": "Rust", "level": 3, "note": note, "status": "open", "created_by": "", "created_at": "",
            "filled_at": "", "filled_by": ""}


def test_team_privacy_with_three_members_an_outsider_and_a_relay(tmp_path, monkeypatch):
    monkeypatch.setenv("SKILLER_NO_KEYRING", "1")
    relay_db = tmp_path / "relay.sqlite3"
    relay = start_relay(relay_db)
    server = None
    try:
        dirs, ids = {}, {}
        for name in ("ana", "ben", "chloe", "dan"):
            dirs[name] = tmp_path / name
            ids[name] = skiller(dirs[name], "init", "--name", name.capitalize())["person_id"]
        a, b, c, d = (dirs[n] for n in ("ana", "ben", "chloe", "dan"))
        team_id = skiller(a, "team", "create", TEAM, "--description", ABOUT)["team_id"]
        for name in ("ben", "chloe"):
            skiller(a, "team", "invite", team_id, ids[name])
            skiller(dirs[name], "team", "join", team_id)
        for x in (b, c, d, a):  # Ana's node admits Ben and Chloé, rotates the key to them, pushes
            _sync(x, "--relay", relay.url)
        for x in (b, c):
            _sync(x, "--relay", relay.url)
        skiller(b, "team", "needs", team_id, "add", "Rust", "--level", "4", "--note", SECRETS[0])
        _sync(b, "--relay", relay.url)
        skiller(c, "team", "needs", team_id, "add", "Design", "--level", "2", "--note", SECRETS[1])
        for x in (c, a, b, d):
            _sync(x, "--relay", relay.url)

        # the members converge; the outsider has nothing of the team
        heads = [doc_heads(node_db(x)).get(team_id) for x in (a, b, c)]
        assert heads[0] and heads[0] == heads[1] == heads[2]
        assert _needs(a, team_id) == _needs(b, team_id) == _needs(c, team_id) == sorted(SECRETS[:2])
        members = skiller(b, "team", "members", team_id)
        assert {m["person_id"] for m in members} == {ids["ana"], ids["ben"], ids["chloe"]}
        assert team_id not in doc_heads(node_db(d))

        # the relay holds the team only sealed: no team field anywhere in its files
        assert _plain_team_entries(relay_db, team_id) == 0
        raw = _file_bytes(relay_db)
        for secret in (TEAM, ABOUT, *SECRETS[:2], "Design"):
            assert secret.encode("utf-8") not in raw, secret
        for secret in (TEAM, ABOUT, *SECRETS[:2]):
            assert secret.encode("utf-8") not in _file_bytes(node_db(d)), secret

        # on the LAN: Ana's node serves the team to members only
        server = start_node_server(a)
        dan = Services(d)
        ben = Services(b)
        try:
            as_dan = PeerClient(server.url, dan.require_identity())
            as_ben = PeerClient(server.url, ben.require_identity())
            assert not [e for e in as_dan.log_since(0, 5000).entries if e.doc_id == team_id]
            assert not as_dan.log_since(0, 5000, doc=team_id).entries
            assert [e for e in as_ben.log_since(0, 5000).entries if e.doc_id == team_id]
            snap = as_dan.snapshot("", 2000)
            assert team_id not in {doc.doc_id for doc in snap.docs}
            # an outsider's forged change: a second beginning of the team, by Dan
            fake = td.new_document(dan.require_identity(), team_id, "repris", "")
            signed = SignedHead.sign(dan.require_identity(), team_id, fake.get_heads())
            forged = [*(WireEntry(team_id, "change", ch.hash.hex(), ch.bytes) for ch in fake.get_changes([])),
                      head_entry(signed)]
            answer = as_dan.push(forged)
            assert answer["accepted"] == 0 and answer["rejected"]
            to_relay = PeerClient(relay.url, dan.require_identity())
            answer = to_relay.push(forged)
            assert answer["accepted"] == 0 and "sealed only" in answer["rejected"][0]["reason"]
            version = len(to_relay.log_since(0, 100, doc=team_id, kind="keybox").entries)
            sealed = [ts.seal(team_id, ts.new_secret(version), e.kind, e.hash, e.data) for e in forged]
            answer = to_relay.push([WireEntry(team_id, "sealed", s.hash, s.data) for s in sealed])
            assert answer["accepted"] == 0 and "not signed" in answer["rejected"][0]["reason"]
        finally:
            dan.close()
            ben.close()
        assert _sync(d, "--peer", server.url)["state"] == "up to date"
        assert team_id not in doc_heads(node_db(d))
        assert _sync(b, "--peer", server.url)["state"] == "up to date"
        assert doc_heads(node_db(b))[team_id] == doc_heads(node_db(a))[team_id]

        # removing Chloé rotates the key: what follows is unreadable to her, her edits are refused
        skiller(a, "team", "remove", team_id, ids["chloe"])
        _sync(a, "--relay", relay.url)
        _sync(c, "--relay", relay.url)
        _sync(b, "--relay", relay.url)
        skiller(b, "team", "needs", team_id, "add", "Python", "--note", SECRETS[2])
        _sync(b, "--relay", relay.url)
        _sync(c, "--relay", relay.url)
        assert SECRETS[2] not in _needs(c, team_id)
        assert SECRETS[2].encode() not in _file_bytes(node_db(c))
        _sync(a, "--relay", relay.url)
        assert SECRETS[2] in _needs(a, team_id)

        chloe = Services(c)
        try:
            late = _change_entries(chloe, team_id, lambda doc: td.put_need("tard", _need("ecrit-apres-retrait")))
            old_key = chloe.teams.keys.secrets(team_id)
            assert chloe.teams.keys.current(team_id) is None and old_key
            newest_held = old_key[max(old_key)]
            sealed = [ts.seal(team_id, newest_held, e.kind, e.hash, e.data) for e in late]
            answer = PeerClient(relay.url, chloe.require_identity()).push(
                [WireEntry(team_id, "sealed", s.hash, s.data) for s in sealed])
            assert answer["accepted"] == 0 and "rotated" in answer["rejected"][0]["reason"]
            answer = PeerClient(server.url, chloe.require_identity()).push(late)  # plaintext, on the LAN
            reasons = json.dumps(answer["rejected"])
            assert answer["accepted"] == 0 and ("revoked" in reasons or "not a member" in reasons), reasons
        finally:
            chloe.close()
        # her own node does not send team edits it cannot seal with the current key
        skiller(c, "team", "needs", team_id, "add", "Go", "--note", "chloe-hors-equipe")
        out = _sync(c, "--relay", relay.url)
        assert any("not a member" in r for r in out["report"]["rejected"])
        _sync(a, "--relay", relay.url)
        assert "chloe-hors-equipe" not in _needs(a, team_id) and "ecrit-apres-retrait" not in _needs(a, team_id)
        assert _plain_team_entries(relay_db, team_id) == 0
        assert SECRETS[2].encode() not in _file_bytes(relay_db)
    finally:
        if server is not None:
            server.stop()
        relay.stop()


# -- in process (the real app and client, no sockets): leaving, two admins, LAN pushes --------------


class _Relay:
    def __init__(self, path):
        from sync.api import AppConfig, create_app
        from sync.relay import open_sqlite_storage

        self.storage = open_sqlite_storage(path)
        self.app = create_app(self.storage, AppConfig(kind="relay"))
        self.url = f"http://relay-{path.stem}"


class _Node:
    def __init__(self, path, name):
        from sync.node import NodeSync
        from sync.scheduler import SchedulerConfig

        self.services = Services(path)
        self.services.create_identity(name)
        self.sync = NodeSync(self.services, SchedulerConfig())
        from sync.api import create_app

        self.app = create_app(self.sync.storage, self.sync.app_config())
        self.url = f"http://node-{path.stem}"

    @property
    def id(self):
        return self.services.person_id

    def sync_with(self, other):
        from sync.local import AsgiClient
        from sync.replicator import sync_peer

        peer = self.sync.book.add(other.url, "relay" if isinstance(other, _Relay) else "peer")
        client = AsgiClient(other.app, self.services.require_identity(), other.url)
        return sync_peer(self.sync.storage, self.sync.book, peer.peer_id, client, self.services.policy_for,
                         gate=self.sync.gate, batch=7)

    def close(self):
        self.services.close()


def test_leaving_rotates_once_with_two_admins_and_nodes_push_sealed(tmp_path):
    relay = _Relay(tmp_path / "relay.sqlite3")
    ana, ben, chloe = (_Node(tmp_path / n, n.capitalize()) for n in ("ana", "ben", "chloe"))
    try:
        for node in (ben, chloe, ana):
            node.sync_with(relay)  # person documents, so that names show
        team_id = ana.services.teams.create(TEAM, ABOUT)
        ana.services.teams.add_members(team_id, [ben.id, chloe.id])  # the acting admin rotates at once
        ana.services.teams.set_role(team_id, ben.id, "admin")
        assert ana.services.teams.keys.newest_version(team_id) == 2
        for node in (ana, ben, chloe):
            assert not node.sync_with(relay).rejected
        # on the LAN, Ben's node pushes sealed to Ana's node, which opens and verifies
        ben.services.teams.add_need(team_id, "Rust", 4, SECRETS[0])
        report = ben.sync_with(ana)
        assert not report.rejected and report.pushed >= 1
        assert SECRETS[0] in [n.note for n in ana.services.teams.needs(team_id)]
        for node in (ana, chloe):
            node.sync_with(relay)
        heads = {node.services.store.get(team_id).document().get_heads().__repr__() for node in (ana, ben, chloe)}
        assert len(heads) == 1

        chloe.services.teams.leave(team_id)
        assert not chloe.sync_with(relay).rejected
        reports = [ana.sync_with(relay), ben.sync_with(relay), ana.sync_with(relay)]
        assert not any(r.rejected for r in reports), [r.rejected for r in reports]
        # exactly one of the two admins rotated: no fork
        assert ana.services.teams.keys.newest_version(team_id) == ben.services.teams.keys.newest_version(team_id) == 3
        assert len(relay.storage.log_of_doc(team_id, ("keybox",))) == 3
        assert ana.services.teams.keys.sealed_to(team_id) == {ana.id, ben.id}
        ben.services.teams.add_need(team_id, "Python", 3, SECRETS[2])
        ben.sync_with(relay)
        chloe.sync_with(relay)
        ana.sync_with(relay)
        assert chloe.services.teams.keys.current(team_id) is None
        assert SECRETS[2] not in [n.note for n in chloe.services.teams.needs(team_id)]
        assert SECRETS[2] in [n.note for n in ana.services.teams.needs(team_id)]
    finally:
        for node in (ana, ben, chloe):
            node.close()
