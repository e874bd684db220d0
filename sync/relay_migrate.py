"""`skiller-relay migrate --from relay.sqlite3 --to postgresql://…`: move a relay without its clients noticing.

A client's cursor on a relay is (epoch, seq). Copied here: the node id, the
epoch and every log entry with its own sequence number, so each client's
next `GET /v1/log?since=N` continues where it was, and numbering goes on
from the same newest seq. The documents, the pending queue, the unexpired
nonces (a request signed for the old relay cannot be replayed to the new
one) and the blocked keys come along. Everything is written in one
PostgreSQL transaction: a failure leaves the target empty.

The target must be a new database (or one this command left empty): merging
two logs would renumber one of them. Stop the SQLite relay first; the copy
holds its write lock, so a relay still running waits rather than diverges.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skiller_desktop.db import Database
from skiller_desktop.errors import SkillerError, StorageError

if TYPE_CHECKING:
    import psycopg

CHUNK = 2000  # rows read from SQLite at a time: a big relay is streamed, not loaded


@dataclass(frozen=True)
class Moved:
    node_id: str
    epoch: str
    newest_seq: int
    entries: int
    docs: int
    pending: int
    blocked: int


def run_migrate(args: argparse.Namespace) -> int:
    """The command: one line of result, or one line of error and exit status 2."""
    from .pg_storage import redacted
    from .relay import is_postgres

    if not is_postgres(args.target):
        print("skiller-relay: --to must be a postgresql://… URL (an empty database)", file=sys.stderr)
        return 2
    try:
        moved = migrate_relay(Path(args.source), args.target)
    except SkillerError as exc:
        print(f"skiller-relay: {exc}", file=sys.stderr)
        return 2
    print(f"moved {moved.entries} log entries (newest seq {moved.newest_seq}), {moved.docs} documents,"
          f" {moved.pending} pending, {moved.blocked} blocked keys to {redacted(args.target)};"
          f" node {moved.node_id} epoch {moved.epoch} kept", flush=True)
    return 0


def migrate_relay(source: Path, target: str) -> Moved:
    import psycopg

    from .pg_storage import connect_admin, redacted

    if not source.is_file():
        raise StorageError(f"no relay file at {source}")
    db = Database(source)  # brought to the current schema first, as the relay would on start
    try:
        with db.transaction() as lite, connect_admin(target) as conn:
            if not _is_empty(conn):
                raise StorageError(f"{redacted(target)} already holds a relay's data: migrate into an empty database")
            try:
                with conn.transaction():
                    return _copy(lite, conn)
            except psycopg.Error as exc:
                raise StorageError(f"the copy into {redacted(target)} failed, nothing was kept: {exc}") from None
    finally:
        db.close()


def _is_empty(conn: psycopg.Connection) -> bool:
    row = conn.execute("SELECT (SELECT count(*) FROM log) + (SELECT count(*) FROM docs)"
                       " + (SELECT count(*) FROM meta WHERE key IN ('node_id', 'epoch'))").fetchone()
    return row is not None and int(row[0]) == 0


def _copy(lite: sqlite3.Connection, conn: psycopg.Connection) -> Moved:
    meta = dict(lite.execute("SELECT key, value FROM meta WHERE key IN ('node_id', 'epoch')").fetchall())
    for key in ("node_id", "epoch"):  # a relay that never served has neither: the new one makes its own
        if key in meta:
            conn.execute("INSERT INTO meta (key, value) VALUES (%s, %s)", (key, meta[key]))
    entries = _stream(conn, "log", ["seq", "doc_id", "entry_kind", "hash", "author", "bytes"],
                      ["int8", "text", "text", "text", "text", "bytea"],
                      _rows(lite, "SELECT seq, doc_id, entry_kind, hash, author, bytes FROM log ORDER BY seq"))
    docs = _stream(conn, "docs", ["doc_id", "kind", "bytes", "heads", "signed_heads", "updated_at"],
                   ["text", "text", "bytea", "text", "text", "text"],
                   _rows(lite, "SELECT doc_id, kind, bytes, heads, signed_heads, updated_at FROM docs"))
    pending = _stream(conn, "sync_pending",
                      ["entry_kind", "hash", "doc_id", "bytes", "received_at", "signer", "size"],
                      ["text", "text", "text", "bytea", "text", "text", "int8"],
                      _rows(lite, "SELECT entry_kind, hash, doc_id, bytes, received_at, signer, size"
                                  " FROM sync_pending ORDER BY rowid"))  # `id` keeps the queue's order
    _stream(conn, "sync_nonces", ["signer", "nonce", "expires_at"], ["text", "text", "int8"],
            _rows(lite, "SELECT signer, nonce, expires_at FROM sync_nonces WHERE expires_at >= ?", (int(time.time()),)))
    blocked = _stream(conn, "blocked_keys", ["person_id", "reason", "blocked_at"], ["text", "text", "text"],
                      _rows(lite, "SELECT person_id, reason, blocked_at FROM blocked_keys"))
    conn.execute("UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'blocked_version'")
    row = lite.execute("SELECT MAX(seq) FROM log").fetchone()
    newest = int(row[0] or 0)
    copied = conn.execute("SELECT COALESCE(max(seq), 0), count(*) FROM log").fetchone()
    if copied is None or (int(copied[0]), int(copied[1])) != (newest, entries):
        raise StorageError("the copied log does not match the source; nothing was kept")
    return Moved(meta.get("node_id", ""), meta.get("epoch", ""), newest, entries, docs, pending, blocked)


def _rows(lite: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    cursor = lite.execute(sql, params)
    while chunk := cursor.fetchmany(CHUNK):
        yield from (tuple(r) for r in chunk)


def _stream(conn: psycopg.Connection, table: str, columns: list[str], types: list[str],
            rows: Iterable[tuple[Any, ...]]) -> int:
    """COPY rows into `table` (binary); how many."""
    count = 0
    with conn.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types(types)
        for row in rows:
            copy.write_row(row)
            count += 1
    return count
