"""The peers table: every peer and relay known, with cursors and last outcome."""

from __future__ import annotations

from dataclasses import dataclass

from skiller_desktop.db import Database
from skiller_desktop.person_doc import now_iso

KINDS = ("peer", "relay")


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

    def get(self, peer_id: str) -> PeerRecord | None:
        row = self.db.one("SELECT * FROM peers WHERE peer_id = ?", (peer_id,))
        return _record(row) if row else None

    def all(self) -> list[PeerRecord]:
        return [_record(r) for r in self.db.query("SELECT * FROM peers ORDER BY added_at, peer_id")]

    def reset(self, peer_id: str, epoch: str) -> None:
        """The peer's log is new: pull and push everything again."""
        with self.db.transaction() as conn:
            conn.execute("UPDATE peers SET epoch = ?, pulled_seq = 0, pushed_seq = 0 WHERE peer_id = ?",
                         (epoch, peer_id))

    def set_cursors(self, peer_id: str, *, pulled: int | None = None, pushed: int | None = None) -> None:
        """Inside the caller's transaction when there is one (re-entrant)."""
        with self.db.transaction() as conn:
            if pulled is not None:
                conn.execute("UPDATE peers SET pulled_seq = ? WHERE peer_id = ?", (pulled, peer_id))
            if pushed is not None:
                conn.execute("UPDATE peers SET pushed_seq = ? WHERE peer_id = ?", (pushed, peer_id))

    def record_success(self, peer_id: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("UPDATE peers SET last_success = ?, last_error = '' WHERE peer_id = ?",
                         (now_iso(), peer_id))

    def record_error(self, peer_id: str, reason: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("UPDATE peers SET last_error = ? WHERE peer_id = ?", (reason[:500], peer_id))


def _record(row) -> PeerRecord:
    return PeerRecord(row["peer_id"], row["url"], row["kind"], row["epoch"], int(row["pulled_seq"]),
                      int(row["pushed_seq"]), row["last_success"], row["last_error"])
