"""Keys this store refuses: their entries are not accepted, not kept, not served.

One table for a desktop node and a relay alike (both use the core schema).
Reads are cached per `Database` (a commit asks, blocking is rare), and read
again when another connection wrote to the file (`PRAGMA data_version`): a
key blocked with the CLI while the app runs counts at the app's next commit.
"""

from __future__ import annotations

import threading
from weakref import WeakKeyDictionary

from .db import Database
from .errors import ValidationError
from .identity import is_person_id
from .messages import say
from .person_doc import now_iso

MAX_REASON = 500

_cache: WeakKeyDictionary[Database, tuple[int, frozenset[str]]] = WeakKeyDictionary()
_cache_lock = threading.Lock()
_forgotten = 0  # counts forget(): a set read before one is not cached after it (a reader racing a block)


def blocked(db: Database) -> frozenset[str]:
    """Every blocked person id (cached until this connection or another one writes the file)."""
    with _cache_lock:
        cached, forgotten = _cache.get(db), _forgotten
    version = db.query("PRAGMA data_version")[0][0]  # changes when another connection commits
    if cached is not None and cached[0] == version:
        return cached[1]
    found = frozenset(r["person_id"] for r in db.query("SELECT person_id FROM blocked_keys"))
    with _cache_lock:
        if forgotten == _forgotten:
            _cache[db] = (version, found)
    return found


def is_blocked(db: Database, person_id: str) -> bool:
    return person_id in blocked(db)


def entries(db: Database) -> list[dict[str, str]]:
    """The blocked keys with why and when, newest first."""
    rows = db.query("SELECT person_id, reason, blocked_at FROM blocked_keys ORDER BY blocked_at DESC, person_id")
    return [dict(row) for row in rows]


def block(db: Database, person_id: str, reason: str = "") -> bool:
    """Block a key; False when it already was."""
    if not is_person_id(person_id):
        raise ValidationError(say("block.not_an_id"), "person_id")
    reason = reason.strip()[:MAX_REASON]
    with db.transaction() as conn:
        cursor = conn.execute(
            "INSERT OR IGNORE INTO blocked_keys (person_id, reason, blocked_at) VALUES (?,?,?)",
            (person_id, reason, now_iso()),
        )
    forget(db)
    return cursor.rowcount == 1


def unblock(db: Database, person_id: str) -> bool:
    """Unblock a key; False when it was not blocked."""
    with db.transaction() as conn:
        cursor = conn.execute("DELETE FROM blocked_keys WHERE person_id = ?", (person_id,))
    forget(db)
    return cursor.rowcount == 1


def forget(db: Database) -> None:
    """Drop the cached set (after a write through another path, or by another process).

    Called inside the writer's transaction, which holds the connection: a
    reader waits for the commit, and one that read before it caches nothing.
    """
    global _forgotten
    with _cache_lock:
        _cache.pop(db, None)
        _forgotten += 1
