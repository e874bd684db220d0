"""Sealed team replication: keybox chains, sealed entries, what a relay checks."""

from __future__ import annotations

import json

import pytest

from skiller_desktop.db import Database
from skiller_desktop.errors import RejectedError
from skiller_desktop.identity import Identity
from skiller_desktop.teams import sealed as ts
from skiller_desktop.teams.keys import TeamKeys
from sync.storage import SqliteSyncStorage
from sync.teams import relay_accept
from sync.wire import WireEntry


@pytest.fixture
def people():
    return [Identity.generate() for _ in range(3)]


def _chain(people, rotations=1):
    first = ts.new_secret(1)
    team_id = ts.team_id_for(first)
    held = {1: first}
    boxes = [ts.make_keybox(team_id, held, [p.person_id for p in people], None)]
    for _ in range(rotations):
        fresh = ts.new_secret(len(held) + 1)
        held[fresh.version] = fresh
        boxes.append(ts.make_keybox(team_id, dict(held), [p.person_id for p in people[:-1]], boxes[-1]))
    return team_id, held, boxes


def test_the_team_id_commits_to_the_first_key_and_the_chain_verifies(people):
    team_id, _, boxes = _chain(people, rotations=2)
    assert team_id.startswith("team:") and len(team_id) == 37
    ts.verify_keybox(boxes[0], None)
    ts.verify_keybox(boxes[1], boxes[0])
    ts.verify_keybox(boxes[2], boxes[1])
    with pytest.raises(RejectedError):
        ts.verify_keybox(boxes[2], boxes[0])  # a gap
    with pytest.raises(RejectedError):
        ts.verify_keybox(boxes[1], None)
    # someone else's first keybox for this team id does not verify
    other = ts.make_keybox(team_id, {1: ts.new_secret(1)}, [people[0].person_id], None)
    with pytest.raises(RejectedError, match="commit"):
        ts.verify_keybox(other, None)


def test_a_rotation_signed_with_a_key_not_of_the_chain_is_refused(people):
    team_id, _, boxes = _chain(people, rotations=0)
    forged = ts.make_keybox(team_id, {1: ts.new_secret(1), 2: ts.new_secret(2)}, [people[0].person_id], boxes[0])
    with pytest.raises(RejectedError, match="not signed"):
        ts.verify_keybox(forged, boxes[0])


def test_members_open_their_box_and_the_removed_one_gets_nothing_new(people):
    _, held, boxes = _chain(people, rotations=1)
    for person in people:
        opened = ts.open_keybox(boxes[0], person)
        assert opened is not None and opened.secrets[1].secret == held[1].secret
    for person in people[:-1]:
        opened = ts.open_keybox(boxes[1], person)
        assert set(opened.secrets) == {1, 2} and opened.members == sorted(p.person_id for p in people[:-1])
    assert ts.open_keybox(boxes[1], people[-1]) is None
    assert ts.open_keybox(boxes[0], Identity.generate()) is None


def test_sealed_entries_round_trip_deterministically_and_resist_tampering(people):
    team_id, held, _ = _chain(people, rotations=1)
    box = ts.seal(team_id, held[2], "change", "ab" * 32, b"secret team bytes")
    again = ts.seal(team_id, held[2], "change", "ab" * 32, b"secret team bytes")
    assert box.data == again.data  # the same entry under one version is stored once
    assert b"secret team bytes" not in box.data
    ts.verify_sealed(box, held[2].sign_public)
    assert ts.open_sealed(box, held) == ("change", "ab" * 32, b"secret team bytes")
    with pytest.raises(RejectedError):
        ts.open_sealed(box, {1: held[1]})  # the removed member holds only version 1
    with pytest.raises(RejectedError):
        ts.verify_sealed(box, held[1].sign_public)
    raw = json.loads(box.data)
    flipped = bytearray(ts.parse_sealed(box.data).ciphertext)
    flipped[-1] ^= 1
    raw["ct"] = ts._b64(bytes(flipped))
    tampered = ts.parse_sealed(json.dumps(raw).encode())
    with pytest.raises(RejectedError):
        ts.verify_sealed(tampered, held[2].sign_public)


def _entry(kind, data, team_id):
    return WireEntry(team_id, kind, ts.entry_hash(data), data)


def test_a_relay_keeps_the_chain_and_only_entries_signed_with_the_current_key(tmp_path, people):
    storage = SqliteSyncStorage(Database(tmp_path / "relay.sqlite3"), project_read_models=False)
    team_id, held, boxes = _chain(people, rotations=1)
    k1, k2 = (_entry("keybox", b.data, team_id) for b in boxes)
    s1 = _entry("sealed", ts.seal(team_id, held[1], "change", "01" * 32, b"x").data, team_id)
    s2 = _entry("sealed", ts.seal(team_id, held[2], "change", "02" * 32, b"y").data, team_id)
    keep, refused = relay_accept(storage, [s1])
    assert not keep and "keybox" in refused[0][1]
    keep, refused = relay_accept(storage, [k2])
    assert not keep and "before" in refused[0][1]
    keep, refused = relay_accept(storage, [k1, s1])
    assert keep == [k1, s1] and not refused
    storage.append_entries(keep)
    keep, refused = relay_accept(storage, [k2, s2])
    assert keep == [k2, s2]
    storage.append_entries(keep)
    # after the rotation, version 1 (all a removed member holds) no longer writes
    late = _entry("sealed", ts.seal(team_id, held[1], "change", "03" * 32, b"z").data, team_id)
    keep, refused = relay_accept(storage, [late])
    assert not keep and "rotated" in refused[0][1]
    # a forged signature, plaintext team entries and a forked keybox are refused
    outsider = ts.new_secret(2)
    forged = _entry("sealed", ts.seal(team_id, outsider, "change", "04" * 32, b"f").data, team_id)
    plain = WireEntry(team_id, "change", "05" * 32, b"plaintext")
    fork = ts.make_keybox(team_id, {1: held[1], 2: ts.new_secret(2)}, [people[0].person_id], boxes[0])
    keep, refused = relay_accept(storage, [forged, plain, _entry("keybox", fork.data, team_id)])
    assert not keep and len(refused) == 3
    assert [e.kind for e in storage.log_of_doc(team_id, ("keybox", "sealed"))] == ["keybox", "sealed"] * 2


def test_a_node_keeps_keys_it_can_open_and_flags_history_to_fetch(tmp_path, people):
    team_id, held, boxes = _chain(people, rotations=1)
    member = TeamKeys(Database(tmp_path / "member.sqlite3"), lambda: people[0])
    removed = TeamKeys(Database(tmp_path / "removed.sqlite3"), lambda: people[-1])
    for keys in (member, removed):
        with pytest.raises(RejectedError):
            keys.absorb(boxes[1].data)  # a gap
        assert keys.absorb_many([boxes[1].data, boxes[0].data]) == []
    assert member.current(team_id).secret == held[2].secret
    assert member.catchup() == [team_id]
    assert removed.current(team_id) is None and set(removed.secrets(team_id)) == {1}
    rotated = member.rotate(team_id, [people[0].person_id])
    assert rotated.version == 3 and member.sealed_to(team_id) == {people[0].person_id}
    assert removed.absorb(rotated.data) and removed.current(team_id) is None
