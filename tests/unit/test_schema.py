"""Migrations: a new store and a migrated old one have the same shape, whichever way a step is written.

`store_shape.json` is the shape of a store made by the migrations as they were
when each was plain SQL (user_version 9). Steps since rewritten with sqlite-utils
must produce exactly that shape: columns, types, defaults, keys, WITHOUT ROWID,
CHECKs, AUTOINCREMENT, indexes and the full-text table.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from skiller_desktop.db import Database
from skiller_desktop.errors import StorageError
from skiller_desktop.schema import MIGRATIONS

SHAPE = Path(__file__).with_name("data") / "store_shape.json"


def shape(conn: sqlite3.Connection) -> dict[str, object]:
    """What a store's schema means, independent of how its SQL text is quoted or spaced."""
    tables = {}
    for name, kind, wr, strict in conn.execute(
            "SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = 'main' "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%' ORDER BY name"):
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
        if kind == "virtual":
            tables[name] = {"virtual": " ".join(sql.split())}
            continue
        columns = [list(row)[1:] for row in conn.execute(f'PRAGMA table_xinfo("{name}")')]
        indexes = {}
        for _, index, unique, origin, partial in conn.execute(f'PRAGMA index_list("{name}")'):
            keys = [list(row)[1:] for row in conn.execute(f'PRAGMA index_xinfo("{index}")')]
            indexes[index if origin == "c" else f"({origin})"] = {"unique": unique, "partial": partial, "keys": keys}
        tables[name] = {"columns": columns, "without_rowid": wr, "strict": strict, "indexes": indexes,
                        "checks": re.findall(r"CHECK \((.*?)\),?\n", sql), "autoincrement": "AUTOINCREMENT" in sql}
    return {"user_version": conn.execute("PRAGMA user_version").fetchone()[0], "tables": tables}


def assert_shape_of_step_9(conn: sqlite3.Connection) -> None:
    """Steps after 9 add tables of their own (their own tests check them): those of steps 1–9 are unchanged."""
    found, wanted = shape(conn), json.loads(SHAPE.read_text())
    assert found["user_version"] >= wanted["user_version"]
    assert {k: v for k, v in found["tables"].items() if k in wanted["tables"]} == wanted["tables"]


def test_a_new_store_has_the_shape_of_the_sql_migrations(tmp_path):
    db = Database(tmp_path / "new.sqlite3")
    assert_shape_of_step_9(db.conn)
    db.close()


def test_a_store_made_before_a_rewritten_step_migrates_to_the_same_shape_and_keeps_its_rows(tmp_path):
    """A data dir last opened at user_version 5 (the steps up to 5 are SQL as they were) opens and migrates."""
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for number, step in enumerate(MIGRATIONS[:5], start=1):
        assert isinstance(step, str)
        conn.executescript(step)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.execute("INSERT INTO team_invitations (team_id, invitation_id, person_id, code_key, role, created_by, "
                 "created_at, accepted_at, accepted_by) VALUES ('t', 'i', 'p', '', 'member', 'a', 'now', '', '')")
    conn.execute("INSERT INTO sync_pending (entry_kind, hash, doc_id, bytes, received_at) "
                 "VALUES ('change', 'h', 'd', x'00ff00', 'now')")
    conn.close()
    db = Database(path)
    assert_shape_of_step_9(db.conn)
    invitation = db.one("SELECT revoked_at, revoked_by, expires_at FROM team_invitations")
    assert invitation is not None and tuple(invitation) == ("", "", "")
    pending = db.one("SELECT signer, size FROM sync_pending")
    assert pending is not None and tuple(pending) == ("", 3)
    db.close()


def test_a_step_that_fails_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    """sqlite-utils nests its work in savepoints inside our BEGIN IMMEDIATE: a failed step rolls back whole."""
    import skiller_desktop.db as db_module

    def half_done(db) -> None:
        db.table("meta").add_column("half", str, not_null_default="")
        raise sqlite3.OperationalError("disk I/O error")

    path = tmp_path / "store.sqlite3"
    Database(path).close()
    monkeypatch.setattr(db_module, "MIGRATIONS", [*MIGRATIONS, half_done])
    with pytest.raises(StorageError):
        Database(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert "half" not in [row[1] for row in conn.execute("PRAGMA table_info(meta)")]
    conn.close()
