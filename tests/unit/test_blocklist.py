"""The block list: one table a node and a relay share, cached per database."""

from pathlib import Path

import pytest

from skiller_desktop import blocklist
from skiller_desktop.db import Database
from skiller_desktop.errors import ValidationError
from skiller_desktop.identity import Identity


def test_block_then_unblock_is_seen_at_once(tmp_path: Path) -> None:
    db = Database(tmp_path / "store.sqlite3")
    person = Identity.generate().person_id
    assert not blocklist.is_blocked(db, person)  # primes the cache
    assert blocklist.block(db, person, "  spam  ")
    assert not blocklist.block(db, person)
    assert blocklist.is_blocked(db, person)
    assert blocklist.entries(db)[0]["reason"] == "spam"
    assert blocklist.unblock(db, person)
    assert not blocklist.is_blocked(db, person)


def test_a_block_written_by_another_connection_is_seen_at_once(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    reader, writer = Database(path), Database(path)  # the app, and the CLI run beside it
    person = Identity.generate().person_id
    assert not blocklist.is_blocked(reader, person)  # primes the reader's cache
    blocklist.block(writer, person)
    assert blocklist.is_blocked(reader, person)
    blocklist.unblock(writer, person)
    assert not blocklist.is_blocked(reader, person)


def test_only_person_ids_can_be_blocked(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        blocklist.block(Database(tmp_path / "store.sqlite3"), "did:key:zNotAKey")
