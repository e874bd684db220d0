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

from . import automerge_io as am
from . import search_index
from .acceptance import Accepted
from .db import Database
from .identity import split_actor
from .person_doc import now_iso
from .readmodel import project_person
from .signed_heads import SignedHead
from .teams.readmodel import project_acceptances, project_team


@dataclass(frozen=True)
class StoredDoc:
    doc_id: str
    kind: str
    data: bytes
    signed_heads: list[SignedHead]

    def document(self) -> core.Document:
        return core.Document.load(self.data)


@dataclass(frozen=True)
class LogEntry:
    seq: int
    doc_id: str
    entry_kind: str
    hash: str
    author: str
    data: bytes


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
        with self.db.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

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
        if row is None:
            return None
        heads = [SignedHead.from_json(item) for item in json.loads(row["signed_heads"])]
        return StoredDoc(row["doc_id"], row["kind"], row["bytes"], heads)

    def doc_ids(self, kind: str | None = None) -> list[str]:
        if kind is None:
            return [r["doc_id"] for r in self.db.query("SELECT doc_id FROM docs ORDER BY doc_id")]
        rows = self.db.query("SELECT doc_id FROM docs WHERE kind = ? ORDER BY doc_id", (kind,))
        return [r["doc_id"] for r in rows]

    def commit(self, updates: Iterable[Accepted], *, read_models: bool = True) -> int:
        """Write every update in one transaction; returns how many changed.

        A relay keeps documents and the log only (`read_models=False`).
        """
        changed = 0
        with self.db.transaction() as conn:
            for update in updates:
                if not update.changed:
                    continue
                self._write_doc(conn, update)
                self._append_log(conn, update)
                changed += 1
                if not read_models:
                    continue
                data = am.to_python(update.document)
                data["updated_at"] = now_iso()
                if data.get("kind") == "person":
                    project_person(conn, update.doc_id, data)
                    project_acceptances(conn, update.doc_id, data)
                elif data.get("kind") == "team":
                    project_team(conn, update.doc_id, data)
        return changed

    def _write_doc(self, conn, update: Accepted) -> None:
        doc = update.document
        conn.execute(
            """INSERT INTO docs (doc_id, kind, bytes, heads, signed_heads, updated_at)
               VALUES (?,?,?,?,?,?)
               ON CONFLICT (doc_id) DO UPDATE SET bytes=excluded.bytes, heads=excluded.heads,
                   signed_heads=excluded.signed_heads, updated_at=excluded.updated_at""",
            (
                update.doc_id,
                _kind(doc),
                update.saved if update.saved is not None else doc.save(),
                json.dumps(sorted(h.hex() for h in doc.get_heads())),
                json.dumps([s.to_json() for s in update.signed_heads]),
                now_iso(),
            ),
        )

    def _append_log(self, conn, update: Accepted) -> None:
        rows = []
        for change in update.new_changes:
            author = split_actor(change.actor_id)
            rows.append((update.doc_id, "change", change.hash.hex(), author[0] if author else "", change.bytes))
        for signed in update.new_signed_heads:
            body = json.dumps(signed.to_json(), separators=(",", ":")).encode()
            rows.append((update.doc_id, "head", signed.key, signed.signer, body))
        conn.executemany(
            "INSERT OR IGNORE INTO log (doc_id, entry_kind, hash, author, bytes) VALUES (?,?,?,?,?)",
            rows,
        )

    # -- log ---------------------------------------------------------------
    def log_since(self, seq: int, limit: int) -> list[LogEntry]:
        rows = self.db.query("SELECT * FROM log WHERE seq > ? ORDER BY seq LIMIT ?", (seq, limit))
        return [LogEntry(r["seq"], r["doc_id"], r["entry_kind"], r["hash"], r["author"], r["bytes"]) for r in rows]

    def newest_seq(self) -> int:
        row = self.db.one("SELECT MAX(seq) AS seq FROM log")
        return int(row["seq"] or 0) if row else 0


def _kind(doc: core.Document) -> str:
    found = doc.get(am.ROOT, "kind")
    if found is None or not isinstance(found[0], tuple):
        return "unknown"
    return str(found[0][1])
