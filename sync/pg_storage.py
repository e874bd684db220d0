"""A relay's `RelayStorage` on PostgreSQL: several relay processes, on several hosts, serve one log.

Imported only when a relay is given a `postgresql://` URL (psycopg is not
needed otherwise, and the CLI starts faster without it).

Same behaviour as the SQLite relay (`SqliteSyncStorage` with
`project_read_models=False`): documents, an append-only log numbered by
`seq`, the pending queue with its quotas and expiry, request nonces (shared,
so a request replayed to another relay process is refused too), blocked keys,
and the log's node id and epoch. What differs is how writers share it:

- Numbering (the sequence-gap hazard, docs/protocol.md §8.1): a writer
  takes one transaction-level advisory lock (`pg_advisory_xact_lock`) just
  before it numbers its entries and holds it until its commit. Entries are
  therefore numbered in commit order, every reader's snapshot holds a
  gap-free prefix of the log, and a cursor `since=N` never skips an entry
  that commits later with a lower number.
- Documents: verification (the CPU-heavy part) runs *before* that lock, so
  relay processes verify in parallel. Inside `exclusive()` the first read of
  a batch's documents (`pending(ids)` or `get_many(ids)`) takes a
  transaction-level advisory lock per document (sorted, so two batches never
  deadlock; nothing is written, so refused junk leaves no trace), so two
  processes never verify against the same stored state and overwrite each
  other's result. A team's keybox chain is held the same way while a relay
  checks what extends it. Lock order is always documents, then numbering.
- Pending quotas are read under the numbering lock (taken only by a batch
  that queues entries), so concurrent batches cannot all pass one quota.
- Nothing waits forever: a session idle in a transaction, a lock wait and a
  statement are cut after `SESSION_LIMIT`, and TCP keepalives notice a dead
  host, so a relay host lost while holding a lock frees it within minutes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import psycopg
from psycopg_pool import ConnectionPool

from skiller_desktop.acceptance import Accepted, Prepared, prepare
from skiller_desktop.errors import StorageError, ValidationError
from skiller_desktop.identity import is_person_id
from skiller_desktop.person_doc import iso, now_iso
from skiller_desktop.signed_heads import SignedHead
from skiller_desktop.store import StoredDoc, stored_heads

from .storage import CommitHook, PendingUsage, page_of
from .wire import MAX_PAGE_BYTES, WireEntry

log = logging.getLogger("skiller.relay.pg")

# Advisory lock keys, in the two-int space (which never meets the one-bigint space).
_LOCK_CLASS = 0x534B  # "SK"
_SEQ_LOCK = 1        # held from numbering entries to commit: seq order is commit order
_MIGRATE_LOCK = 2    # two relay processes starting together migrate once
_DOC_LOCK_CLASS = 0x534C  # "SL": one lock per document, keyed by a 32-bit hash of its id
MAX_REASON = 500     # as skiller_desktop.blocklist

# Bounds on every session (seconds). A push holds its documents from its first read through its
# verification (seconds for a 5,000-entry batch on a loaded host), so the limits sit well above
# that, and at the pool's own wait: a lock held by a lost host is let go within two minutes, not
# the two hours of default TCP keepalives. Commits are synchronous and reads READ COMMITTED,
# whatever the database's defaults: numbering relies on both (docs/protocol.md §8.1).
SESSION_LIMIT = 120
READER_LIMIT = 10  # the read side answers /v1/info: it gives up sooner
_OPTIONS = ("-c idle_in_transaction_session_timeout={limit}s -c lock_timeout={limit}s"
            " -c statement_timeout={limit}s -c synchronous_commit=on"
            " -c default_transaction_isolation=read\\ committed")
_KEEPALIVE = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 3}


def session_kwargs(limit: int = SESSION_LIMIT) -> dict[str, Any]:
    """Connection keywords bounding every wait of a session (see SESSION_LIMIT)."""
    return {"autocommit": True, "connect_timeout": 10, "options": _OPTIONS.format(limit=limit), **_KEEPALIVE}

# Each migration runs in one transaction with its version number; never edit one that shipped.
MIGRATIONS: list[str] = [
    # 1: the relay's tables, as the SQLite relay's (skiller_desktop/schema.py) with what a relay uses.
    # Ids compare bytewise (COLLATE "C"), as in SQLite, so snapshot paging orders the same everywhere.
    # Stored blobs are already compressed by Automerge: kept out of line, not compressed again.
    """
    CREATE TABLE meta (key text COLLATE "C" PRIMARY KEY, value text NOT NULL);
    CREATE TABLE docs (
        doc_id text COLLATE "C" PRIMARY KEY,
        kind text NOT NULL,
        bytes bytea NOT NULL,
        heads text NOT NULL,
        signed_heads text NOT NULL,
        updated_at text NOT NULL
    );
    ALTER TABLE docs ALTER COLUMN bytes SET STORAGE EXTERNAL;
    CREATE TABLE doc_locks (doc_id text COLLATE "C" PRIMARY KEY);
    CREATE TABLE log (
        seq bigint PRIMARY KEY,
        doc_id text COLLATE "C" NOT NULL,
        entry_kind text NOT NULL CHECK (entry_kind IN ('change', 'head', 'keybox', 'sealed')),
        hash text COLLATE "C" NOT NULL,
        author text NOT NULL,
        bytes bytea NOT NULL,
        UNIQUE (entry_kind, hash)
    );
    ALTER TABLE log ALTER COLUMN bytes SET STORAGE EXTERNAL;
    CREATE INDEX log_doc ON log (doc_id, seq);
    CREATE TABLE sync_pending (
        id bigserial NOT NULL,
        entry_kind text NOT NULL,
        hash text COLLATE "C" NOT NULL,
        doc_id text COLLATE "C" NOT NULL,
        bytes bytea NOT NULL,
        received_at text NOT NULL,
        signer text NOT NULL DEFAULT '',
        size bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (entry_kind, hash)
    );
    CREATE INDEX sync_pending_doc ON sync_pending (doc_id, id);
    CREATE INDEX sync_pending_signer ON sync_pending (signer, received_at) INCLUDE (size);
    CREATE INDEX sync_pending_age ON sync_pending (received_at);
    CREATE TABLE sync_nonces (
        signer text NOT NULL,
        nonce text NOT NULL,
        expires_at bigint NOT NULL,
        PRIMARY KEY (signer, nonce)
    );
    CREATE INDEX sync_nonces_expiry ON sync_nonces (expires_at);
    CREATE TABLE blocked_keys (
        person_id text PRIMARY KEY,
        reason text NOT NULL DEFAULT '',
        blocked_at text NOT NULL
    );
    INSERT INTO meta (key, value) VALUES ('blocked_version', '0')
    """,
    # 2: documents are held by advisory locks; a table of locks kept a row for every id ever pushed.
    "DROP TABLE doc_locks",
]


def _doc_key(doc_id: str) -> int:
    """A document's advisory lock key: a signed 32-bit hash of its id, the same in every process."""
    return int.from_bytes(hashlib.blake2b(doc_id.encode(), digest_size=4).digest(), "big", signed=True)


def redacted(url: str) -> str:
    """The URL without its password, for logs, errors and the start-up line."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.Error:
        return url.split("://", 1)[0] + "://…"  # not parsable: show nothing that might be a secret
    if "password" not in info:
        return url
    if "://" not in url:  # a "key=value" string
        return psycopg.conninfo.make_conninfo("", **{k: ("***" if k == "password" else v) for k, v in info.items()})
    parts = urlsplit(url)
    user, _, host = parts.netloc.rpartition("@")
    netloc = f"{user.split(':', 1)[0]}:***@{host}" if ":" in user else parts.netloc
    query = "&".join(f"{k}={'***' if k == 'password' else v}" for k, v in parse_qsl(parts.query))
    return f"{parts.scheme}://{netloc}{parts.path}" + (f"?{query}" if query else "")


def connect(url: str) -> psycopg.Connection:
    """An autocommit connection, or a StorageError in words (the password left out)."""
    try:
        return psycopg.connect(url, **session_kwargs())
    except psycopg.OperationalError as exc:
        raise StorageError(f"cannot reach the relay database {redacted(url)}: {exc}".strip()) from None
    except psycopg.Error:
        raise StorageError(f"not a usable PostgreSQL URL: {redacted(url)}") from None


def migrate(conn: psycopg.Connection) -> int:
    """Bring the schema up to date (once, whoever of several starting processes comes first); the version."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", (_LOCK_CLASS, _MIGRATE_LOCK))
        conn.execute("CREATE TABLE IF NOT EXISTS skiller_relay_schema (version integer NOT NULL)")
        row = conn.execute("SELECT max(version) FROM skiller_relay_schema").fetchone()
        version = int(row[0] or 0) if row else 0
        if version > len(MIGRATIONS):
            raise StorageError(f"the relay database has schema {version}, newer than this relay knows"
                               f" ({len(MIGRATIONS)}): upgrade skiller-relay")
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            conn.execute(script)
            conn.execute("INSERT INTO skiller_relay_schema (version) VALUES (%s)", (number,))
        return len(MIGRATIONS)


class PgReadSide:
    """What `/v1/info` and the cheap checks before a body ask, answered from memory.

    They run on the server's event loop, which must never wait on the
    network (a database failing over would stall every request, `/v1/info`
    and the per-client limits included). A thread of its own reads the
    newest seq and the blocked keys every `REFRESH_SECONDS` on a connection
    of its own; this process's commits move the newest seq at once. The
    blocked keys are read again only when `blocked_version` moved (bumped
    with every block and unblock), as the SQLite relay watches
    `data_version`; a block made elsewhere counts here within a refresh,
    and inside the write lock at once (`PgSyncStorage.blocked_keys`).
    """

    REFRESH_SECONDS = 0.5

    def __init__(self, url: str) -> None:
        self.url = url
        self._lock = threading.Lock()  # the values below
        self._start_lock = threading.Lock()
        self._conn: psycopg.Connection | None = None  # the refreshing thread's only, after the first read
        self._version: str | None = None
        self._blocked: frozenset[str] = frozenset()
        self._newest = 0
        self._started = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _query(self, sql: str) -> list[tuple[Any, ...]]:
        for attempt in (1, 2):  # a connection dropped by a server restart is opened again once
            try:
                if self._conn is None or self._conn.closed:
                    self._conn = psycopg.connect(self.url, **session_kwargs(READER_LIMIT))
                return self._conn.execute(sql).fetchall()
            except psycopg.OperationalError:
                if self._conn is not None:
                    self._conn.close()
                self._conn = None
                if attempt == 2:
                    raise
        return []

    def _refresh(self) -> None:
        newest = int(self._query("SELECT COALESCE(max(seq), 0) FROM log")[0][0])
        rows = self._query("SELECT value FROM meta WHERE key = 'blocked_version'")
        version = rows[0][0] if rows else ""
        blocked = self._blocked
        if version != self._version:
            # version read first: a block landing between the two reads is seen on the next refresh too
            blocked = frozenset(r[0] for r in self._query("SELECT person_id FROM blocked_keys"))
        with self._lock:
            self._newest = max(self._newest, newest)
            self._blocked, self._version = blocked, version

    def _ensure_started(self) -> None:
        if self._started:
            return
        with self._start_lock:  # the first answer is read here: its caller waits, once
            if not self._started:
                self._refresh()
                self._thread = threading.Thread(target=self._run, name="relay read side", daemon=True)
                self._thread.start()
                self._started = True

    def _run(self) -> None:
        while not self._stop.wait(self.REFRESH_SECONDS):
            try:
                self._refresh()
            except psycopg.Error as exc:  # the last values stand until the database answers again
                log.warning("relay read side: %s", exc)

    def newest_seq(self) -> int:
        self._ensure_started()
        return self._newest

    def saw(self, seq: int) -> None:
        """This process committed up to `seq`: say so at once, not at the next refresh."""
        with self._lock:
            self._newest = max(self._newest, seq)

    def blocked(self) -> frozenset[str]:
        self._ensure_started()
        return self._blocked

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class PgSyncStorage:
    """`RelayStorage` over PostgreSQL, shared by any number of relay processes."""

    project = False  # a relay keeps documents and the log, no read models

    # A push holds a connection from its first read to its commit, verification included: the
    # server's threads (40) queue for one rather than for the database, and a wait for one counts
    # as the SQLite relay's wait for its write lock (no deadline shorter than a client's own).
    def __init__(self, url: str, *, max_connections: int = 16, wait_seconds: float = 120.0) -> None:
        self.url = url
        with connect(url) as conn:
            migrate(conn)
        self._pool = ConnectionPool(url, min_size=1, max_size=max_connections, kwargs=session_kwargs(),
                                    timeout=wait_seconds, name="skiller-relay", open=True)
        self._local = threading.local()
        self._nonce_sweep = 0.0
        self._pending_sweep = 0.0
        self.reader = PgReadSide(url)
        self._node_id: str | None = None
        self._epoch: str | None = None

    def close(self) -> None:
        self.reader.close()
        self._pool.close()

    # -- connections -----------------------------------------------------------
    def _tx(self) -> psycopg.Connection | None:
        """The connection of this thread's `exclusive()` transaction, if one is open."""
        return getattr(self._local, "conn", None)

    @contextmanager
    def _cursor(self) -> Iterator[psycopg.Cursor]:
        """A cursor in this thread's transaction, or on a pooled connection (each statement its own)."""
        conn = self._tx()
        if conn is not None:
            with conn.cursor(binary=True) as cur:
                yield cur
            return
        with self._pool.connection() as conn, conn.cursor(binary=True) as cur:
            yield cur

    def _rows(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        with self._cursor() as cur:
            return cur.execute(sql, params).fetchall()

    # -- identity of this log --------------------------------------------
    def _meta_once(self, key: str) -> str:
        """A meta value made once for the life of the database (the first process to ask writes it)."""
        with self._pool.connection() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES (%s, %s) ON CONFLICT (key) DO NOTHING",
                         (key, secrets.token_hex(8)))
            row = conn.execute("SELECT value FROM meta WHERE key = %s", (key,)).fetchone()
        return str(row[0]) if row else ""

    def node_id(self) -> str:
        if self._node_id is None:
            self._node_id = self._meta_once("node_id")
        return self._node_id

    def epoch(self) -> str:
        if self._epoch is None:
            self._epoch = self._meta_once("epoch")
        return self._epoch

    def newest_seq(self) -> int:
        return int(self._rows("SELECT COALESCE(max(seq), 0) FROM log")[0][0])

    def newest_seq_now(self) -> int:
        return self.reader.newest_seq()

    def blocked_keys(self) -> frozenset[str]:
        """From memory on the event loop; read afresh inside the write path, so a block made meanwhile counts."""
        if self._tx() is None:
            return self.reader.blocked()
        return frozenset(r[0] for r in self._rows("SELECT person_id FROM blocked_keys"))

    # -- reading the log ---------------------------------------------------------
    def log_since(self, seq: int, limit: int, max_bytes: int = MAX_PAGE_BYTES) -> list[WireEntry]:
        return self._page(seq, limit, max_bytes, frozenset())[0]

    def log_page(self, seq: int, limit: int, max_bytes: int = MAX_PAGE_BYTES) -> tuple[list[WireEntry], int]:
        """Entries after `seq` not by a blocked key, and the last seq looked at (the cursor moves past the rest)."""
        return self._page(seq, limit, max_bytes, self.blocked_keys())

    def _page(self, seq: int, limit: int, max_bytes: int,
              blocked: frozenset[str]) -> tuple[list[WireEntry], int]:
        rows = self._rows("SELECT seq, doc_id, entry_kind, hash, author, bytes FROM log WHERE seq > %s"
                          " ORDER BY seq LIMIT %s", (seq, limit))
        return page_of(rows, seq, max_bytes, blocked)

    def log_of_doc(self, doc_id: str, kinds: tuple[str, ...], since: int = 0,
                   limit: int = 1_000_000) -> list[WireEntry]:
        """One document's entries of `kinds` after `since`, in order.

        Inside `exclusive()` this is a relay checking a team's keybox chain
        before appending to it: the team is held first, as a document, so two
        processes never both extend the chain from the same last keybox, and
        the numbering lock stays free while the chain's signatures are checked.
        """
        self._lock_docs([doc_id])
        rows = self._rows("SELECT seq, doc_id, entry_kind, hash, bytes FROM log WHERE doc_id = %s AND seq > %s"
                          " AND entry_kind = ANY(%s) ORDER BY seq LIMIT %s", (doc_id, since, list(kinds), limit))
        return [WireEntry(d, k, h, b, s) for s, d, k, h, b in rows]

    # -- reading documents ---------------------------------------------------------
    def _lock_docs(self, doc_ids: Iterable[str]) -> None:
        """Inside `exclusive()`: hold these documents until commit (sorted: two batches cannot deadlock)."""
        conn = self._tx()
        ids = sorted(set(doc_ids))
        if conn is None or not ids:
            return
        held: set[str] = self._local.locked
        wanted = [d for d in ids if d not in held]
        if not wanted:
            return
        # Taken in the array's order (a function scan keeps it), sorted by key: two batches holding
        # some of the same documents wait for each other, never in a cycle. Two ids sharing a key
        # only wait a little more.
        keys = sorted({_doc_key(d) for d in wanted})
        conn.execute("SELECT count(pg_advisory_xact_lock(%s, k)) FROM unnest(%s::int[]) AS k",
                     (_DOC_LOCK_CLASS, keys))
        held.update(wanted)

    def get(self, doc_id: str) -> StoredDoc | None:
        return self.get_many([doc_id]).get(doc_id)

    def get_many(self, doc_ids: list[str]) -> dict[str, StoredDoc]:
        ids = list(dict.fromkeys(doc_ids))
        self._lock_docs(ids)
        rows = self._rows("SELECT doc_id, kind, bytes, signed_heads, heads FROM docs WHERE doc_id = ANY(%s)", (ids,))
        return {row[0]: _stored(row) for row in rows}

    def snapshot(self, after: str, limit: int) -> list[StoredDoc]:
        rows = self._rows("SELECT doc_id, kind, bytes, signed_heads, heads FROM docs WHERE doc_id > %s"
                          " ORDER BY doc_id LIMIT %s", (after, limit))
        return [_stored(row) for row in rows]

    def doc_count(self) -> int:
        return int(self._rows("SELECT count(*) FROM docs")[0][0])

    def known(self, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        by_kind: dict[str, list[str]] = {}
        for kind, hash_ in set(keys):
            by_kind.setdefault(kind, []).append(hash_)
        found: set[tuple[str, str]] = set()
        for kind, hashes in by_kind.items():
            rows = self._rows("SELECT hash FROM log WHERE entry_kind = %s AND hash = ANY(%s)", (kind, hashes))
            found.update((kind, r[0]) for r in rows)
        return found

    # -- the pending queue -----------------------------------------------------------
    def pending(self, doc_ids: Iterable[str] | None = None) -> list[WireEntry]:
        if doc_ids is None:
            rows = self._rows("SELECT doc_id, entry_kind, hash, bytes FROM sync_pending ORDER BY id")
        else:
            ids = list(set(doc_ids))
            self._lock_docs(ids)  # the first read of a batch's documents: they are held from here on
            rows = self._rows("SELECT doc_id, entry_kind, hash, bytes FROM sync_pending WHERE doc_id = ANY(%s)"
                              " ORDER BY id", (ids,))
        return [WireEntry(d, k, h, b) for d, k, h, b in rows]

    def pending_count(self) -> int:
        return int(self._rows("SELECT count(*) FROM sync_pending")[0][0])

    def pending_usage(self, signer: str) -> PendingUsage:
        """Inside `exclusive()`, under the numbering lock: the quota read and the queueing commit are one step."""
        if self._tx() is not None:
            self._take_seq_lock()
        row = self._rows(
            "SELECT count(*), COALESCE(sum(size), 0)::bigint, count(*) FILTER (WHERE signer = %s),"
            " COALESCE(sum(size) FILTER (WHERE signer = %s), 0)::bigint FROM sync_pending", (signer, signer))[0]
        return PendingUsage(int(row[0]), int(row[1]), int(row[2]), int(row[3]))

    def pending_by_signer(self) -> dict[str, tuple[int, int]]:
        rows = self._rows("SELECT signer, count(*), sum(size)::bigint FROM sync_pending GROUP BY signer")
        return {r[0]: (int(r[1]), int(r[2])) for r in rows}

    def pending_oldest(self, signer: str, limit: int) -> list[tuple[tuple[str, str], int]]:
        rows = self._rows("SELECT entry_kind, hash, size FROM sync_pending WHERE signer = %s"
                          " ORDER BY received_at, id LIMIT %s", (signer, limit))
        return [((r[0], r[1]), int(r[2])) for r in rows]

    def expire_pending(self, max_age_seconds: float) -> int:
        """Drop entries older than `max_age_seconds` (once a minute at most per process).

        On a connection of its own, committed at once: inside the batch's
        transaction the deleted rows would stay locked until its commit, and
        a writer dropping the same rows under the numbering lock would wait.
        """
        now = time.time()
        if now - self._pending_sweep < 60:
            return 0
        self._pending_sweep = now
        cutoff = iso(datetime.now(UTC) - timedelta(seconds=max_age_seconds))
        with self._pool.connection() as conn:
            # Rows a batch holds (queued or being dropped) are left to the next sweep, never waited for.
            return conn.execute("DELETE FROM sync_pending WHERE (entry_kind, hash) IN (SELECT entry_kind, hash"
                                " FROM sync_pending WHERE received_at < %s FOR UPDATE SKIP LOCKED)",
                                (cutoff,)).rowcount

    # -- writing ---------------------------------------------------------------
    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """One transaction for this thread, from reading the current state to committing; re-entrant.

        Unlike SQLite's write lock it does not keep other processes out by
        itself: the documents read are locked as they are read, and the
        numbering lock is taken when entries are numbered (module docstring).
        """
        if self._tx() is not None:
            yield
            return
        self._local.appended = 0
        with self._pool.connection() as conn, conn.transaction():
            self._local.conn, self._local.locked = conn, set()
            try:
                yield
            finally:
                self._local.conn, self._local.locked = None, set()
        if self._local.appended:  # committed: /v1/info tells it now, never before it is readable
            self.reader.saw(self._local.appended)

    def _take_seq_lock(self) -> None:
        self._rows("SELECT pg_advisory_xact_lock(%s, %s)", (_LOCK_CLASS, _SEQ_LOCK))

    def commit_batch(self, accepted: Iterable[Accepted | Prepared], pending_add: list[WireEntry],
                     pending_drop: list[tuple[str, str]], hook: CommitHook | None = None,
                     signer: str = "") -> tuple[int, int]:
        with self.exclusive():
            # Everything CPU-bound (a snapshot's verification is lazy in `accepted`) before the numbering lock.
            ready = [u if isinstance(u, Prepared) else prepare(u, False) for u in accepted if u.changed]
            docs: dict[str, tuple[Any, ...]] = {}
            entries: list[tuple[str, str, str, str, bytes]] = []
            for update in ready:
                docs[update.doc_id] = (update.doc_id, update.kind, update.saved, json.dumps(update.heads),
                                       json.dumps([s.to_json() for s in update.signed_heads]), now_iso())
                entries += [(update.doc_id, "change", h, author, data) for h, author, data in update.changes]
                entries += [(update.doc_id, "head", s.key, s.signer, s.encoded()) for s in update.new_signed_heads]
            before, after = self._append(entries)
            with self._cursor() as cur:
                if docs:
                    cur.execute(
                        "INSERT INTO docs (doc_id, kind, bytes, heads, signed_heads, updated_at)"
                        " SELECT * FROM unnest(%b::text[], %b::text[], %b::bytea[], %b::text[], %b::text[],"
                        " %b::text[]) ON CONFLICT (doc_id) DO UPDATE SET bytes = excluded.bytes,"
                        " heads = excluded.heads, signed_heads = excluded.signed_heads,"
                        " updated_at = excluded.updated_at", [list(c) for c in zip(*docs.values(), strict=True)])
                if pending_drop:
                    cur.execute("DELETE FROM sync_pending WHERE (entry_kind, hash) IN"
                                " (SELECT * FROM unnest(%s::text[], %s::text[]))",
                                ([k for k, _ in pending_drop], [h for _, h in pending_drop]))
                if pending_add:
                    stamp = now_iso()
                    cur.execute(
                        "INSERT INTO sync_pending (entry_kind, hash, doc_id, bytes, received_at, signer, size)"
                        " SELECT k, h, d, b, %b, %b, length(b) FROM unnest(%b::text[], %b::text[], %b::text[],"
                        " %b::bytea[]) AS t(k, h, d, b) ON CONFLICT (entry_kind, hash) DO NOTHING",
                        (stamp, signer, [e.kind for e in pending_add], [e.hash for e in pending_add],
                         [e.doc_id for e in pending_add], [e.data for e in pending_add]))
            if hook is not None:
                hook(before, after)
        return before, after

    def _append(self, entries: list[tuple[str, str, str, str, bytes]]) -> tuple[int, int]:
        """Number and insert log rows (doc_id, kind, hash, author, bytes); (newest seq before, after).

        Takes the numbering lock, held until this transaction commits: the
        next writer numbers after us only once our rows are visible.
        Entries already in the log (another process was quicker) are left
        out first, so numbers have no holes.
        """
        self._take_seq_lock()
        before = self.newest_seq()
        unique = list({(kind, hash_): (d, kind, hash_, a, b) for d, kind, hash_, a, b in entries}.values())
        if unique:
            present = self.known((kind, hash_) for _, kind, hash_, _, _ in unique)
            unique = [row for row in unique if (row[1], row[2]) not in present]
        if not unique:
            return before, before
        with self._cursor() as cur, cur.copy(
                "COPY log (seq, doc_id, entry_kind, hash, author, bytes) FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(["int8", "text", "text", "text", "text", "bytea"])
            for number, row in enumerate(unique, start=before + 1):
                copy.write_row((number, *row))
        self._local.appended = before + len(unique)
        return before, before + len(unique)

    def append_entries(self, entries: list[WireEntry]) -> tuple[int, int]:
        """Append already-verified opaque entries (a team's keyboxes and sealed entries) to the log."""
        with self.exclusive():
            return self._append([(e.doc_id, e.kind, e.hash, "", e.data) for e in entries])

    def remember_nonce(self, signer: str, nonce: str, expires_at: int) -> bool:
        """False when this nonce was seen already, by this relay process or another one."""
        now = time.time()
        with self._pool.connection() as conn:
            if now - self._nonce_sweep > 60:
                self._nonce_sweep = now
                conn.execute("DELETE FROM sync_nonces WHERE expires_at < %s", (int(now),))
            cursor = conn.execute("INSERT INTO sync_nonces (signer, nonce, expires_at) VALUES (%s, %s, %s)"
                                  " ON CONFLICT (signer, nonce) DO NOTHING", (signer, nonce, expires_at))
            return cursor.rowcount == 1


def _stored(row: tuple[Any, ...]) -> StoredDoc:
    doc_id, kind, data, signed, heads = row
    return StoredDoc(doc_id, kind, bytes(data), [SignedHead.from_json(item) for item in json.loads(signed)],
                     stored_heads(heads))


# -- blocked keys, managed by the operator (`skiller-relay block … --db postgresql://…`) --------------

def _blocked_changed(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'blocked_version'")


def block(url: str, person_id: str, reason: str = "") -> bool:
    """Block a key on every relay process of this database; False when it already was."""
    if not is_person_id(person_id):
        raise ValidationError("not a person id (did:key:z6Mk…)", "person_id")
    with connect_admin(url) as conn, conn.transaction():
        cursor = conn.execute("INSERT INTO blocked_keys (person_id, reason, blocked_at) VALUES (%s, %s, %s)"
                              " ON CONFLICT (person_id) DO NOTHING",
                              (person_id, reason.strip()[:MAX_REASON], now_iso()))
        _blocked_changed(conn)
        return cursor.rowcount == 1


def unblock(url: str, person_id: str) -> bool:
    with connect_admin(url) as conn, conn.transaction():
        cursor = conn.execute("DELETE FROM blocked_keys WHERE person_id = %s", (person_id,))
        _blocked_changed(conn)
        return cursor.rowcount == 1


def blocked_entries(url: str) -> list[dict[str, str]]:
    """The blocked keys with why and when, newest first (as skiller_desktop.blocklist.entries)."""
    with connect_admin(url) as conn:
        rows = conn.execute("SELECT person_id, reason, blocked_at FROM blocked_keys"
                            " ORDER BY blocked_at DESC, person_id").fetchall()
    return [{"person_id": p, "reason": r, "blocked_at": b} for p, r, b in rows]


@contextmanager
def connect_admin(url: str) -> Iterator[psycopg.Connection]:
    """One autocommit connection for an operator's command, the schema brought up to date first."""
    with connect(url) as conn:
        migrate(conn)
        yield conn
