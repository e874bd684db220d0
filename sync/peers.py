"""The peers table: every peer and relay known, with cursors and last outcome.

What a sync leaves undone with a peer (entries it refused, to ask for again;
entries the peer refused, with how often) is kept in `meta` beside it, as
small bounded JSON, since the peers table has no column for it.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from skiller_desktop.db import Database
from skiller_desktop.messages import code_of, params_of
from skiller_desktop.person_doc import now_iso

KINDS = ("peer", "relay")
# Bounds of what is kept per peer: past them, a refusal is reported and not retried.
MAX_REFETCH_DOCS = 200
MAX_HASHES_PER_DOC = 20
MAX_PUSH_REFUSALS = 1000
_NOTES = "sync.notes."            # + peer_id: PeerNotes as JSON
_INCOMPLETE = "sync.incomplete."  # + peer_id: present when the last sync did not end up to date
_PROBLEM = "sync.problem."        # + peer_id: the last error's code and params as JSON (skiller_desktop.messages)


@dataclass(frozen=True)
class PeerRecord:
    peer_id: str
    url: str
    kind: str
    epoch: str
    pulled_seq: int
    pushed_seq: int
    last_success: str
    last_error: str
    incomplete: bool = False  # the last sync ended, but not up to date (last_error says why)
    problem: str = ""  # the last error's code (sync.words.ADVICE), "" when none or recorded before codes
    problem_params: dict[str, Any] = field(default_factory=dict)


@dataclass
class Refetch:
    """A document whose entries we refused from this peer: asked for again, by document, next sync."""

    hashes: list[str] = field(default_factory=list)
    tries: int = 0
    reason: str = ""


@dataclass
class PeerNotes:
    refetch: dict[str, Refetch] = field(default_factory=dict)  # by doc id
    push_refusals: dict[str, int] = field(default_factory=dict)  # "kind:hash" of our entries -> times refused
    snapshot_after: str = ""  # a first sync's snapshot cut short: the last document committed...
    snapshot_upto: int = 0    # ...and the `upto` of its first page (0: none under way)

    def note_refused(self, doc_id: str, hash_: str, reason: str) -> bool:
        """Remember to ask for `doc_id` again; False when the notes are full (then it is not retried)."""
        note = self.refetch.get(doc_id)
        if note is None:
            if len(self.refetch) >= MAX_REFETCH_DOCS:
                return False
            note = self.refetch[doc_id] = Refetch(reason=reason[:200])
        if hash_ not in note.hashes and len(note.hashes) < MAX_HASHES_PER_DOC:
            note.hashes.append(hash_)
        return True

    def __bool__(self) -> bool:
        return bool(self.refetch or self.push_refusals or self.snapshot_upto)

    def to_json(self) -> str:
        return json.dumps({"refetch": {d: vars(n) for d, n in self.refetch.items()},
                           "push_refusals": self.push_refusals,
                           "snapshot": [self.snapshot_after, self.snapshot_upto]}, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | None) -> PeerNotes:
        try:
            data = json.loads(text or "{}")
            after, upto = data.get("snapshot", ["", 0])
            refetch, refusals = data.get("refetch", {}).items(), data.get("push_refusals", {}).items()
            # bounded on read as on write: a row from another version or a damaged file stays small
            return cls({d: Refetch(list(n["hashes"])[:MAX_HASHES_PER_DOC], int(n["tries"]), str(n["reason"])[:200])
                        for d, n in islice(refetch, MAX_REFETCH_DOCS)},
                       {str(k): int(v) for k, v in islice(refusals, MAX_PUSH_REFUSALS)}, str(after), int(upto))
        except (ValueError, TypeError, KeyError, AttributeError):
            return cls()  # notes are a help, never a reason to fail a sync


def normalize_url(url: str) -> str:
    url = url.strip().rstrip("/")
    if "://" not in url:
        url = "http://" + url
    return url


class PeerBook:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, url: str, kind: str = "peer") -> PeerRecord:
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}")
        url = normalize_url(url)
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO peers (peer_id, url, kind, added_at) VALUES (?,?,?,?)",
                (url, url, kind, now_iso()),
            )
        found = self.get(url)
        assert found is not None
        return found

    def remove(self, peer_id: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM peers WHERE peer_id = ?", (peer_id,))
            conn.execute("DELETE FROM meta WHERE key IN (?, ?, ?)",
                         (_NOTES + peer_id, _INCOMPLETE + peer_id, _PROBLEM + peer_id))

    def get(self, peer_id: str) -> PeerRecord | None:
        row = self.db.one(f"{_SELECT} WHERE peers.peer_id = ?", (_INCOMPLETE, _PROBLEM, peer_id))
        return _record(row) if row else None

    def all(self) -> list[PeerRecord]:
        query = f"{_SELECT} ORDER BY added_at, peers.peer_id"
        return [_record(r) for r in self.db.query(query, (_INCOMPLETE, _PROBLEM))]

    def reset(self, peer_id: str, epoch: str) -> None:
        """The peer's log is new: pull and push everything again (and forget what was to retry)."""
        with self.db.transaction() as conn:
            conn.execute("UPDATE peers SET epoch = ?, pulled_seq = 0, pushed_seq = 0 WHERE peer_id = ?",
                         (epoch, peer_id))
            conn.execute("DELETE FROM meta WHERE key = ?", (_NOTES + peer_id,))

    def set_cursors(self, peer_id: str, *, pulled: int | None = None, pushed: int | None = None) -> None:
        """Inside the caller's transaction when there is one (re-entrant)."""
        with self.db.transaction() as conn:
            if pulled is not None:
                conn.execute("UPDATE peers SET pulled_seq = ? WHERE peer_id = ?", (pulled, peer_id))
            if pushed is not None:
                conn.execute("UPDATE peers SET pushed_seq = ? WHERE peer_id = ?", (pushed, peer_id))

    def notes(self, peer_id: str) -> PeerNotes:
        row = self.db.one("SELECT value FROM meta WHERE key = ?", (_NOTES + peer_id,))
        return PeerNotes.from_json(row["value"] if row else None)

    def save_notes(self, peer_id: str, notes: PeerNotes) -> None:
        """Inside the caller's transaction when there is one, so that notes and cursors move together."""
        with self.db.transaction() as conn:
            if notes:
                conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                             (_NOTES + peer_id, notes.to_json()))
            else:
                conn.execute("DELETE FROM meta WHERE key = ?", (_NOTES + peer_id,))

    def record_success(self, peer_id: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("UPDATE peers SET last_success = ?, last_error = '' WHERE peer_id = ?",
                         (now_iso(), peer_id))
            conn.execute("DELETE FROM meta WHERE key IN (?, ?)", (_INCOMPLETE + peer_id, _PROBLEM + peer_id))

    def record_incomplete(self, peer_id: str, reason: str) -> None:
        """The sync ran to its end but left something undone (refusals, entries still waiting)."""
        with self.db.transaction() as conn:
            conn.execute("UPDATE peers SET last_error = ? WHERE peer_id = ?", (reason[:500], peer_id))
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')", (_INCOMPLETE + peer_id,))
            _keep_problem(conn, peer_id, reason)

    def record_error(self, peer_id: str, reason: str) -> None:
        """`reason` a `Message` (its code and params kept beside the words, so `state_of` and the UI use them)."""
        with self.db.transaction() as conn:
            conn.execute("UPDATE peers SET last_error = ? WHERE peer_id = ?", (reason[:500], peer_id))
            conn.execute("DELETE FROM meta WHERE key = ?", (_INCOMPLETE + peer_id,))
            _keep_problem(conn, peer_id, reason)


def _keep_problem(conn: sqlite3.Connection, peer_id: str, reason: str) -> None:
    if code_of(reason):
        value = json.dumps({"code": code_of(reason), "params": params_of(reason)}, default=str)
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (_PROBLEM + peer_id, value))
    else:
        conn.execute("DELETE FROM meta WHERE key = ?", (_PROBLEM + peer_id,))


_SELECT = ("SELECT peers.*, meta.key IS NOT NULL AS incomplete, problem.value AS problem FROM peers"
           " LEFT JOIN meta ON meta.key = ? || peers.peer_id"
           " LEFT JOIN meta AS problem ON problem.key = ? || peers.peer_id")


def _record(row: sqlite3.Row) -> PeerRecord:
    problem = _problem(row["problem"])
    return PeerRecord(row["peer_id"], row["url"], row["kind"], row["epoch"], int(row["pulled_seq"]),
                      int(row["pushed_seq"]), row["last_success"], row["last_error"], bool(row["incomplete"]),
                      str(problem.get("code") or ""), dict(problem.get("params") or {}))


def _problem(value: str | None) -> dict[str, Any]:
    try:
        found = json.loads(value) if value else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) and isinstance(found.get("params", {}), dict) else {}
