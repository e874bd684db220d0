"""Where sync reads and writes: a small interface, and its SQLite implementation.

A desktop node and the relay share the SQLite schema of the core; the node
also projects read models (through `Store.commit`), the relay does not need
them. A PostgreSQL backend for relays implements the same `SyncStorage`.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from skiller_desktop.acceptance import Accepted, Prepared
from skiller_desktop.db import Database
from skiller_desktop.person_doc import iso, now_iso
from skiller_desktop.store import Store, StoredDoc

from .wire import ENTRY_OVERHEAD, MAX_PAGE_BYTES, WireEntry

# Called inside the commit's transaction with (newest seq before, newest seq after).
CommitHook = Callable[[int, int], None]


@dataclass(frozen=True)
class PendingUsage:
    """How full the pending queue is, in all and for one signer."""

    entries: int
    size: int
    signer_entries: int
    signer_size: int


class LogStorage(Protocol):
    """The replication log and the documents it built: what serving and pulling read and write.

    `newest_seq_now` and `blocked_keys` must answer without waiting on the
    writer: the server calls them on its event loop (`/v1/info`, and the
    checks made before a request's body is read).
    """

    project: bool  # whether a commit also projects the read models (a node) or not (a relay)

    def node_id(self) -> str: ...
    def epoch(self) -> str: ...
    def newest_seq(self) -> int: ...
    def newest_seq_now(self) -> int: ...
    def log_since(self, seq: int, limit: int, max_bytes: int = MAX_PAGE_BYTES) -> list[WireEntry]: ...
    def log_page(self, seq: int, limit: int, max_bytes: int = MAX_PAGE_BYTES) -> tuple[list[WireEntry], int]: ...
    def log_of_doc(self, doc_id: str, kinds: tuple[str, ...], since: int = 0,
                   limit: int = 1_000_000) -> list[WireEntry]: ...
    def known(self, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]: ...
    def get(self, doc_id: str) -> StoredDoc | None: ...
    def get_many(self, doc_ids: list[str]) -> dict[str, StoredDoc]: ...
    def snapshot(self, after: str, limit: int) -> list[StoredDoc]: ...
    def doc_count(self) -> int: ...
    def blocked_keys(self) -> frozenset[str]: ...
    def exclusive(self) -> AbstractContextManager[None]: ...
    def commit_batch(self, accepted: Iterable[Accepted | Prepared], pending_add: list[WireEntry],
                     pending_drop: list[tuple[str, str]], hook: CommitHook | None = None,
                     signer: str = "") -> tuple[int, int]: ...
    def append_entries(self, entries: list[WireEntry]) -> tuple[int, int]: ...


class PendingStorage(Protocol):
    """The queue of entries waiting for their dependencies, bounded per signer (engine.py)."""

    def pending(self, doc_ids: Iterable[str] | None = None) -> list[WireEntry]: ...
    def pending_count(self) -> int: ...
    def pending_usage(self, signer: str) -> PendingUsage: ...
    def pending_by_signer(self) -> dict[str, tuple[int, int]]: ...
    def pending_oldest(self, signer: str, limit: int) -> list[tuple[tuple[str, str], int]]: ...
    def expire_pending(self, max_age_seconds: float) -> int: ...


class NonceStorage(Protocol):
    """Request nonces seen, so a replayed signature is refused (shared by every process of a relay)."""

    def remember_nonce(self, signer: str, nonce: str, expires_at: int) -> bool: ...


class SyncStorage(LogStorage, PendingStorage, NonceStorage, Protocol):
    """Everything replication needs from a node's or a relay's storage; every adapter implements all of it.

    A relay and a node use the same members: a relay appends a team's sealed
    entries (`append_entries`) and reads a document's entries (`log_of_doc`),
    a node reads the latter to serve a team's history. What differs between
    them is injected elsewhere (a node's `TeamGate`, its write lock), never
    patched onto the storage. `close` lets go of connections and pools.
    """

    def close(self) -> None: ...


LogRow = tuple[int, str, str, str, str, bytes]  # seq, doc_id, kind, hash, author, bytes


def page_of(rows: Iterable[LogRow], seq: int, max_bytes: int,
            blocked: frozenset[str]) -> tuple[list[WireEntry], int]:
    """A page of log rows after `seq` within `max_bytes` (at least one entry), leaving out blocked keys' entries;
    and the last seq looked at, so the cursor moves past what was left out. Every store pages this way."""
    out: list[WireEntry] = []
    size, last = 0, seq
    for row_seq, doc_id, kind, hash_, author, data in rows:
        size += len(data) + ENTRY_OVERHEAD
        if out and size > max_bytes:
            break
        last = row_seq
        if not blocked or (author not in blocked and doc_id not in blocked):
            out.append(WireEntry(doc_id, kind, hash_, data, row_seq))
    return out, last


class SqliteSyncStorage:
    """SyncStorage over the core's SQLite schema (one Database, one Store)."""

    def __init__(self, db: Database, *, project_read_models: bool = True,
                 extra_lock: threading.RLock | None = None) -> None:
        self.db = db
        self.store = Store(db)
        self.project = project_read_models
        self._extra_lock = extra_lock
        self._nonce_sweep = 0.0
        self._pending_sweep = 0.0
        self.reader = ReadSide(db.path)

    # -- identity of this log --------------------------------------------
    def node_id(self) -> str:
        found = self.store.meta("node_id")
        if found is None:
            found = secrets.token_hex(8)
            self.store.set_meta("node_id", found)
        return found

    def epoch(self) -> str:
        return self.store.epoch()

    def newest_seq(self) -> int:
        return self.store.newest_seq()

    # -- reading ---------------------------------------------------------------
    def log_since(self, seq: int, limit: int, max_bytes: int = MAX_PAGE_BYTES) -> list[WireEntry]:
        """Entries after `seq`, blocked authors' included (this node's own log, to push)."""
        return self._page(seq, limit, max_bytes, frozenset())[0]

    def log_page(self, seq: int, limit: int, max_bytes: int = MAX_PAGE_BYTES) -> tuple[list[WireEntry], int]:
        """A page to serve: entries after `seq` whose author is not blocked, and the last seq looked at.

        Blocked keys' entries stay in the append-only log but are no longer
        served; the caller's cursor still moves past them.
        """
        return self._page(seq, limit, max_bytes, self.blocked_keys())

    def _page(self, seq: int, limit: int, max_bytes: int,
              blocked: frozenset[str]) -> tuple[list[WireEntry], int]:
        rows = ((r.seq, r.doc_id, r.entry_kind, r.hash, r.author, r.data) for r in self.store.log_since(seq, limit))
        return page_of(rows, seq, max_bytes, blocked)

    def newest_seq_now(self) -> int:
        return self.reader.newest_seq()

    def blocked_keys(self) -> frozenset[str]:
        return self.reader.blocked()

    def get(self, doc_id: str) -> StoredDoc | None:
        return self.store.get(doc_id)

    def get_many(self, doc_ids: list[str]) -> dict[str, StoredDoc]:
        """The stored documents among `doc_ids`, by id (absent ones left out)."""
        found: dict[str, StoredDoc] = {}
        ids = list(dict.fromkeys(doc_ids))
        for start in range(0, len(ids), 400):
            chunk = ids[start : start + 400]
            rows = self.db.query(
                f"SELECT doc_id, kind, bytes, signed_heads, heads FROM docs"
                f" WHERE doc_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            found.update((r["doc_id"], StoredDoc.from_row(r)) for r in rows)
        return found

    def snapshot(self, after: str, limit: int) -> list[StoredDoc]:
        rows = self.db.query(
            "SELECT doc_id, kind, bytes, signed_heads, heads FROM docs WHERE doc_id > ? ORDER BY doc_id LIMIT ?",
            (after, limit),
        )
        return [StoredDoc.from_row(r) for r in rows]

    def doc_count(self) -> int:
        row = self.db.one("SELECT COUNT(*) AS n FROM docs")
        return int(row["n"]) if row else 0

    def known(self, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        by_kind: dict[str, list[str]] = {}
        for kind, hash_ in set(keys):
            by_kind.setdefault(kind, []).append(hash_)
        found: set[tuple[str, str]] = set()
        for kind, hashes in by_kind.items():
            for start in range(0, len(hashes), 500):
                chunk = hashes[start : start + 500]
                rows = self.db.query(  # one index search per hash (a row-value IN would scan)
                    f"SELECT hash FROM log WHERE entry_kind = ? AND hash IN ({','.join('?' * len(chunk))})",
                    [kind, *chunk],
                )
                found.update((kind, r["hash"]) for r in rows)
        return found

    def pending(self, doc_ids: Iterable[str] | None = None) -> list[WireEntry]:
        if doc_ids is None:
            rows = self.db.query("SELECT * FROM sync_pending ORDER BY rowid")
        else:
            ids = list(set(doc_ids))
            rows = []
            for start in range(0, len(ids), 400):
                chunk = ids[start : start + 400]
                rows += self.db.query(
                    f"SELECT * FROM sync_pending WHERE doc_id IN ({','.join('?' * len(chunk))}) ORDER BY rowid",
                    chunk,
                )
        return [WireEntry(r["doc_id"], r["entry_kind"], r["hash"], r["bytes"]) for r in rows]

    def pending_count(self) -> int:
        row = self.db.one("SELECT COUNT(*) AS n FROM sync_pending")
        return int(row["n"]) if row else 0

    def pending_usage(self, signer: str) -> PendingUsage:
        row = self.db.one(  # one pass over the queue for both totals
            "SELECT COUNT(*), COALESCE(SUM(size), 0), COALESCE(SUM(signer = ?), 0),"
            " COALESCE(SUM(CASE WHEN signer = ? THEN size END), 0) FROM sync_pending", (signer, signer))
        return PendingUsage(*(int(value) for value in row)) if row else PendingUsage(0, 0, 0, 0)

    def pending_by_signer(self) -> dict[str, tuple[int, int]]:
        """(entries, bytes) waiting per signer."""
        rows = self.db.query("SELECT signer, COUNT(*) AS n, SUM(size) AS size FROM sync_pending GROUP BY signer")
        return {r["signer"]: (r["n"], r["size"]) for r in rows}

    def pending_oldest(self, signer: str, limit: int) -> list[tuple[tuple[str, str], int]]:
        """((kind, hash), size) of `signer`'s longest-waiting entries, oldest first."""
        rows = self.db.query("SELECT entry_kind, hash, size FROM sync_pending WHERE signer = ?"
                             " ORDER BY received_at LIMIT ?", (signer, limit))
        return [((r["entry_kind"], r["hash"]), r["size"]) for r in rows]

    def expire_pending(self, max_age_seconds: float) -> int:
        """Drop entries that waited longer than `max_age_seconds` (looked at once a minute at most)."""
        now = time.time()
        if now - self._pending_sweep < 60:
            return 0
        self._pending_sweep = now
        cutoff = iso(datetime.now(UTC) - timedelta(seconds=max_age_seconds))
        with self.db.transaction() as conn:
            return conn.execute("DELETE FROM sync_pending WHERE received_at < ?", (cutoff,)).rowcount

    # -- writing -------------------------------------------------------------
    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the write lock from reading the current state to committing."""
        with ExitStack() as stack:
            if self._extra_lock is not None:
                stack.enter_context(self._extra_lock)
            stack.enter_context(self.db.transaction())
            yield

    def commit_batch(self, accepted: Iterable[Accepted | Prepared], pending_add: list[WireEntry],
                     pending_drop: list[tuple[str, str]], hook: CommitHook | None = None,
                     signer: str = "") -> tuple[int, int]:
        with self.exclusive():
            conn = self.db.conn
            before = self.newest_seq()
            self.store.commit(accepted, read_models=self.project)
            conn.executemany("DELETE FROM sync_pending WHERE entry_kind = ? AND hash = ?", pending_drop)
            stamp = now_iso()
            conn.executemany(
                "INSERT OR IGNORE INTO sync_pending (entry_kind, hash, doc_id, bytes, received_at, signer, size)"
                " VALUES (?,?,?,?,?,?,?)",
                [(e.kind, e.hash, e.doc_id, e.data, stamp, signer, len(e.data)) for e in pending_add],
            )
            after = self.newest_seq()
            if hook is not None:
                hook(before, after)
        return before, after

    def remember_nonce(self, signer: str, nonce: str, expires_at: int) -> bool:
        now = time.time()
        with self.db.transaction() as conn:
            if now - self._nonce_sweep > 60:
                conn.execute("DELETE FROM sync_nonces WHERE expires_at < ?", (int(now),))
                self._nonce_sweep = now
            cursor = conn.execute(
                "INSERT OR IGNORE INTO sync_nonces (signer, nonce, expires_at) VALUES (?,?,?)",
                (signer, nonce, expires_at),
            )
            return cursor.rowcount == 1

    # -- sealed team entries (protocol §7), added for team privacy ----------------
    def log_of_doc(self, doc_id: str, kinds: tuple[str, ...], since: int = 0,
                   limit: int = 1_000_000) -> list[WireEntry]:
        """Log entries of one document and of the given kinds, after `since`, in order."""
        rows = self.db.query(
            f"SELECT seq, doc_id, entry_kind, hash, bytes FROM log WHERE doc_id = ? AND seq > ?"
            f" AND entry_kind IN ({','.join('?' * len(kinds))}) ORDER BY seq LIMIT ?",
            (doc_id, since, *kinds, limit),
        )
        return [WireEntry(r["doc_id"], r["entry_kind"], r["hash"], r["bytes"], r["seq"]) for r in rows]

    def append_entries(self, entries: list[WireEntry]) -> tuple[int, int]:
        """Append already-verified opaque entries (a relay's keyboxes and sealed entries) to the log."""
        with self.exclusive():
            before = self.newest_seq()
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO log (doc_id, entry_kind, hash, author, bytes) VALUES (?,?,?,?,?)",
                [(e.doc_id, e.kind, e.hash, "", e.data) for e in entries],
            )
            return before, self.newest_seq()

    def close(self) -> None:
        """Let go of the side connection; the Database belongs to whoever opened it."""
        self.reader.close()


class ReadSide:
    """A read-only connection of its own, for answers that must never wait on the writer.

    In WAL mode a reader does not block on a write transaction, and this
    connection has its own lock: `/v1/info` and the checks made before a
    request's body is read stay quick while a big batch is being committed.
    The blocked keys are read again whenever the file changed (`data_version`
    moves on every commit by another connection, such as `skiller-relay block`).
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._version: int | None = None
        self._blocked: frozenset[str] = frozenset()

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                         check_same_thread=False, isolation_level=None)
        return self._conn

    def newest_seq(self) -> int:
        with self._lock:
            row = self._connection().execute("SELECT MAX(seq) FROM log").fetchone()
        return int(row[0] or 0)

    def blocked(self) -> frozenset[str]:
        with self._lock:
            conn = self._connection()
            version = conn.execute("PRAGMA data_version").fetchone()[0]
            if version != self._version:
                self._blocked = frozenset(r[0] for r in conn.execute("SELECT person_id FROM blocked_keys"))
                self._version = version
            return self._blocked

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
