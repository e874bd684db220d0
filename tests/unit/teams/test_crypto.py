"""Team keys: sealed to members' converted Ed25519 keys, rotated when someone leaves."""

from __future__ import annotations

import pytest

from skiller_desktop.errors import RejectedError
from skiller_desktop.identity import Identity
from skiller_desktop.teams import crypto


@pytest.fixture
def people():
    return [Identity.generate() for _ in range(3)]


def test_each_member_opens_the_key_sealed_for_them(people):
    key = crypto.new_team_key()
    sealed = crypto.seal_for_members(key, [p.person_id for p in people])
    for person in people:
        opened = crypto.open_key(sealed[person.person_id], person)
        assert (opened.version, opened.key) == (key.version, key.key)


def test_a_key_sealed_for_someone_else_does_not_open(people):
    sealed = crypto.seal_key(crypto.new_team_key(), people[0].person_id)
    with pytest.raises(RejectedError):
        crypto.open_key(sealed, people[1])


def test_encrypt_decrypt_and_tampering(people):
    key = crypto.new_team_key()
    data = crypto.encrypt(key, "données d'équipe".encode())
    assert crypto.decrypt(key, data) == "données d'équipe".encode()
    flipped = data[:-1] + bytes([data[-1] ^ 1])
    with pytest.raises(RejectedError):
        crypto.decrypt(key, flipped)
    with pytest.raises(RejectedError):
        crypto.decrypt(crypto.new_team_key(), data)
    with pytest.raises(RejectedError):
        crypto.decrypt(key, data[:3])


def test_rotation_leaves_out_who_left_and_keeps_old_versions_readable(people):
    first = crypto.new_team_key()
    old_message = crypto.encrypt(first, b"before")
    second, sealed = crypto.rotate(first, [p.person_id for p in people[:2]])
    assert second.version == 2 and second.key != first.key
    assert set(sealed) == {people[0].person_id, people[1].person_id}
    kept = crypto.open_key(sealed[people[1].person_id], people[1])
    new_message = crypto.encrypt(second, b"after")
    keyring = {1: first, 2: kept}
    assert crypto.decrypt(keyring, old_message) == b"before"
    assert crypto.decrypt(keyring, new_message) == b"after"
    with pytest.raises(RejectedError):
        crypto.decrypt(first, new_message)  # who left holds only version 1


def test_a_changed_version_header_is_refused(people):
    key = crypto.new_team_key(version=3)
    data = crypto.encrypt(key, b"x")
    relabeled = (4).to_bytes(4, "big") + data[4:]
    with pytest.raises(RejectedError):
        crypto.decrypt({4: crypto.TeamKey(4, key.key)}, relabeled)
    assert "key" not in repr(key).replace("TeamKey", "")
