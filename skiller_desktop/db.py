"""The one owner of the SQLite connection: WAL, migrations, transactions, errors.

Every write runs inside `transaction()`, so a crash leaves the old state or the
new one. Errors of the environment (read-only dir, full disk, locked file)
become StorageError with words a user can act on; anything else is our bug.

Two ways to the same connection: plain `sqlite3` for the hot paths (a commit's
batches, searches, every read a command makes), and sqlite-utils (`utils`) for
schema work and occasional writes, where it says more in fewer lines. sqlite-utils
is imported on first use only: with its plugins it costs ~40 ms, more than a
quarter of a read-only command's budget (bench/bench_cli_start.py).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import StorageError
from .messages import say
from .paths import create_private_file, make_private_dir, make_private_files
from .schema import MIGRATIONS

if TYPE_CHECKING:
    import sqlite_utils

# SQLite's own words (not ours) for what the environment refused, and our code for each
_ENVIRONMENT_ERRORS = {
    "readonly": "storage.readonly",
    "disk is full": "storage.full",
    "locked": "storage.locked",
    "unable to open": "storage.unopenable",
    "disk i/o": "storage.io",
    "not a database": "storage.damaged",
}


def storage_error(exc: sqlite3.Error) -> StorageError:
    text = str(exc).lower()
    for needle, code in _ENVIRONMENT_ERRORS.items():
        if needle in text:
            return StorageError(say(code))
    return StorageError(say("storage.failed", detail=exc))


class Database:
    """A serialised connection: one writer at a time, safe across threads."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._lock = threading.RLock()
        try:
            if read_only:
                conn = _connect_read_only(path)
            else:
                _prepare_private_store(path)
                conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            conn.isolation_level = None
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA busy_timeout = 15000")  # an import may hold the write lock a while
            self.conn = conn
            if not read_only:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                # Big batches (a first sync) insert into several indexes at random places: a 32 MB
                # page cache (SQLite's default is 2 MB) keeps them from going to disk page by page.
                conn.execute("PRAGMA cache_size = -32768")
                self._migrate()
        except sqlite3.Error as exc:
            raise storage_error(exc) from None
        except OSError as exc:
            raise StorageError(say("storage.folder", path=path.parent, detail=exc.strerror)) from None

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StorageError(say("storage.newer"))
        for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction():
                if isinstance(step, str):
                    for statement in _statements(step):
                        self.conn.execute(statement)
                else:  # sqlite-utils nests its own work in savepoints: the step stays one transaction
                    step(self.utils)
                self.conn.execute(f"PRAGMA user_version = {number}")

    @cached_property
    def utils(self) -> sqlite_utils.Database:
        """sqlite-utils over this connection: for schema work and writes off the hot paths.

        Use it inside `transaction()` (it then joins that transaction through
        savepoints, and holds the lock). Plugins are not loaded: finding them
        scans every installed package's metadata, and we use none.
        """
        import sqlite_utils

        return sqlite_utils.Database(self.conn, recursive_triggers=False, execute_plugins=False)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error; re-entrant."""
        with self._lock:
            if self.conn.in_transaction:
                yield self.conn
                return
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self.conn
                except BaseException:
                    if self.conn.in_transaction:  # SQLite already rolled back on SQLITE_FULL
                        self.conn.execute("ROLLBACK")
                    raise
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise storage_error(exc) from None

    def query(self, sql: str, params: Sequence[Any] | dict = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self.conn.execute(sql, params).fetchall()
            except sqlite3.OperationalError as exc:
                raise storage_error(exc) from None

    def one(self, sql: str, params: Sequence[Any] | dict = ()) -> sqlite3.Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Sequence[Any] | dict = ()) -> Any:
        """The first column of the first row: for aggregates (COUNT, MAX), which always give one row."""
        row = self.one(sql, params)
        if row is None:
            raise RuntimeError(f"no row from: {sql[:80]}")  # our bug: the query is no aggregate
        return row[0]

    def execute(self, sql: str, params: Sequence[Any] | dict = ()) -> sqlite3.Cursor:
        with self._lock:
            return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self._lock:
            self.conn.executemany(sql, rows)

    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def close(self) -> None:
        with self._lock:
            self.conn.close()


def _prepare_private_store(path: Path) -> None:
    """The store and its -wal/-shm are the owner's only (they hold team secrets).

    Created 0600 before SQLite opens it, since SQLite gives the -wal and -shm
    files the mode of the store; an existing store's modes are fixed. Missing
    folders are created 0700; an existing folder is left as it is (a relay's
    may be shared), the data dir is made private by `paths.make_private_dir`.
    """
    if not path.parent.exists():
        make_private_dir(path.parent)
    create_private_file(path)
    make_private_files(path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Read-only; on read-only media a WAL store has no -shm file, so open it as immutable."""
    uri = path.resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def _statements(script: str) -> list[str]:
    """Split a migration into statements (our scripts have no ';' inside strings)."""
    return [part.strip() for part in script.split(";\n") if part.strip()]
