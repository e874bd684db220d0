"""Documents, the replication log and the read models, kept in step.

`commit` writes a verified update — document bytes, log entries and read
models — as one SQLite transaction, so a crash never leaves half of it.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from automerge import core

from . import blocklist, readmodel, search_index
from .acceptance import Accepted, Prepared, prepare
from .db import Database
from .person_doc import now_iso
from .readmodel import write_people
from .signed_heads import SignedHead
from .teams.readmodel import project_team


@dataclass(frozen=True)
class StoredDoc:
    doc_id: str
    kind: str
    data: bytes
    signed_heads: list[SignedHead]
    heads: tuple[bytes, ...] | None = None  # the stored heads of `data`, when read from the store

    def document(self) -> core.Document:
        return core.Document.load(self.data)

    @classmethod
    def from_row(cls, row) -> StoredDoc:
        """A `docs` row (doc_id, kind, bytes, signed_heads, heads) as a StoredDoc."""
        return cls(row["doc_id"], row["kind"], row["bytes"],
                   [SignedHead.from_json(item) for item in json.loads(row["signed_heads"])], stored_heads(row["heads"]))


@dataclass(frozen=True)
class LogEntry:
    seq: int
    doc_id: str
    entry_kind: str
    hash: str
    author: str
    data: bytes


def stored_heads(raw: str | None) -> tuple[bytes, ...] | None:
    try:
        return tuple(bytes.fromhex(h) for h in json.loads(raw)) if raw else None
    except (ValueError, TypeError):
        return None


class Store:
    def __init__(self, db: Database) -> None:
        self.db = db
        if not db.read_only and self.meta("search_index_stale"):
            with db.transaction() as conn:
                search_index.rebuild(conn)

    # -- meta -----------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.db.one("SELECT value FROM meta WHERE key = ?", (key,))
        return row["value"] if row else None

    def set_meta(self, key: str, value: str) -> None:
        """A rare write (an epoch, a node id): sqlite-utils' upsert; `meta` stays a plain read, done at every open."""
        with self.db.transaction():
            self.db.utils.table("meta").upsert({"key": key, "value": value}, pk="key")

    def epoch(self) -> str:
        """The log's epoch: a node whose log is reset gets a new one."""
        epoch = self.meta("epoch")
        if epoch is None:
            epoch = secrets.token_hex(8)
            self.set_meta("epoch", epoch)
        return epoch

    # -- documents -------------------------------------------------------
    def get(self, doc_id: str) -> StoredDoc | None:
        row = self.db.one("SELECT * FROM docs WHERE doc_id = ?", (doc_id,))
        return StoredDoc.from_row(row) if row is not None else None

    def doc_ids(self, kind: str | None = None) -> list[str]:
        if kind is None:
            return [r["doc_id"] for r in self.db.query("SELECT doc_id FROM docs ORDER BY doc_id")]
        rows = self.db.query("SELECT doc_id FROM docs WHERE kind = ? ORDER BY doc_id", (kind,))
        return [r["doc_id"] for r in rows]

    def commit(self, updates: Iterable[Accepted | Prepared], *, read_models: bool = True) -> int:
        """Write every update in one transaction; returns how many changed.

        A relay keeps documents and the log only (`read_models=False`). Updates
        may come verified in-process (`Accepted`) or as plain data from a worker
        process (`Prepared`); documents and log rows are written in batches.
        """
        changed = 0
        docs: list[tuple] = []
        log: list[tuple] = []
        people: list[tuple] = []
        with self.db.transaction() as conn:
            # read inside the transaction: a block committed by another connection meanwhile counts here
            blocked = blocklist.blocked(self.db) if read_models else frozenset()
            for update in updates:
                if not update.changed:
                    continue
                ready = update if isinstance(update, Prepared) else prepare(update, read_models)
                stamp = ready.data.get("updated_at") if ready.data else None
                stamp = stamp if isinstance(stamp, str) else now_iso()
                docs.append((
                    ready.doc_id, ready.kind, ready.saved, json.dumps(ready.heads),
                    json.dumps([s.to_json() for s in ready.signed_heads]), stamp,
                ))
                log += [(ready.doc_id, "change", h, author, data) for h, author, data in ready.changes]
                log += [(ready.doc_id, "head", s.key, s.signer, s.encoded())
                        for s in ready.new_signed_heads]
                changed += 1
                if not read_models or ready.doc_id in blocked:  # a blocked person's document stays unseen
                    continue
                data = ready.data if ready.data is not None else {}
                if ready.person_rows is not None:
                    people.append(ready.person_rows)
                if data.get("kind") == "team":
                    project_team(conn, ready.doc_id, data)
            write_people(conn, people)
            conn.executemany(
                """INSERT INTO docs (doc_id, kind, bytes, heads, signed_heads, updated_at)
                   VALUES (?,?,?,?,?,?)
                   ON CONFLICT (doc_id) DO UPDATE SET bytes=excluded.bytes, heads=excluded.heads,
                       signed_heads=excluded.signed_heads, updated_at=excluded.updated_at""",
                docs,
            )
            conn.executemany(
                "INSERT OR IGNORE INTO log (doc_id, entry_kind, hash, author, bytes) VALUES (?,?,?,?,?)", log
            )
        return changed

    # -- read models of one document ----------------------------------------
    def remove_projection(self, doc_id: str) -> None:
        """Drop a person's read-model rows, keeping their stored document (blocking hides, unblocking restores)."""
        with self.db.transaction() as conn:
            readmodel.remove_people(conn, [doc_id])

    def reproject(self, doc_id: str) -> bool:
        """Rebuild a person's read-model rows from their stored document; False when there is none to show."""
        with self.db.transaction() as conn:
            stored = self.get(doc_id)
            if stored is None or stored.kind != "person":
                return False
            ready = prepare(Accepted(doc_id, stored.document(), saved=stored.data))
            if ready.person_rows is None:  # refused by the projection (e.g. outside the document schema)
                return False
            write_people(conn, [ready.person_rows])
        return True

    # -- log ---------------------------------------------------------------
    def log_since(self, seq: int, limit: int) -> list[LogEntry]:
        rows = self.db.query("SELECT * FROM log WHERE seq > ? ORDER BY seq LIMIT ?", (seq, limit))
        return [LogEntry(r["seq"], r["doc_id"], r["entry_kind"], r["hash"], r["author"], r["bytes"]) for r in rows]

    def newest_seq(self) -> int:
        row = self.db.one("SELECT MAX(seq) AS seq FROM log")
        return int(row["seq"] or 0) if row else 0


