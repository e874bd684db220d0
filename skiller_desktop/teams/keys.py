"""A node's team keys: the keybox chains it has verified and the secrets it could open.

Secrets stay in this node's database (`team_secrets`); they leave it only
inside keyboxes, sealed to each member. Keyboxes (`team_keyboxes`) are public
ciphertext and travel to relays and peers. `team_catchup` lists the teams
whose keys this node obtained after it may have skipped their sealed entries
(a newcomer, or a member away during a rotation): sync fetches their sealed
history again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from ..db import Database
from ..errors import RejectedError
from ..identity import Identity
from . import sealed as ts


class TeamKeys:
    def __init__(self, db: Database, identity: Callable[[], Identity | None]) -> None:
        self.db = db
        self._identity = identity

    # -- reading ---------------------------------------------------------------
    def chain(self, team_id: str) -> list[ts.Keybox]:
        rows = self.db.query("SELECT bytes FROM team_keyboxes WHERE team_id = ? ORDER BY version", (team_id,))
        return [ts.parse_keybox(r["bytes"]) for r in rows]

    def newest(self, team_id: str) -> ts.Keybox | None:
        row = self.db.one("SELECT bytes FROM team_keyboxes WHERE team_id = ? ORDER BY version DESC LIMIT 1",
                          (team_id,))
        return ts.parse_keybox(row["bytes"]) if row else None

    def newest_version(self, team_id: str) -> int:
        row = self.db.one("SELECT MAX(version) AS v FROM team_keyboxes WHERE team_id = ?", (team_id,))
        return int(row["v"] or 0) if row else 0

    def keyboxes_after(self, team_id: str, version: int) -> list[ts.Keybox]:
        rows = self.db.query("SELECT bytes FROM team_keyboxes WHERE team_id = ? AND version > ? ORDER BY version",
                             (team_id, version))
        return [ts.parse_keybox(r["bytes"]) for r in rows]

    def secrets(self, team_id: str) -> dict[int, ts.TeamSecret]:
        rows = self.db.query("SELECT version, secret FROM team_secrets WHERE team_id = ?", (team_id,))
        return {r["version"]: ts.TeamSecret(r["version"], bytes(r["secret"])) for r in rows}

    def current(self, team_id: str) -> ts.TeamSecret | None:
        """The secret of the newest keybox known here, if this node holds it (else: not a member any more)."""
        version = self.newest_version(team_id)
        if not version:
            return None
        row = self.db.one("SELECT secret FROM team_secrets WHERE team_id = ? AND version = ?", (team_id, version))
        return ts.TeamSecret(version, bytes(row["secret"])) if row else None

    def sealed_to(self, team_id: str) -> set[str] | None:
        """Who the newest version was sealed to, if this node holds it."""
        version = self.newest_version(team_id)
        row = self.db.one("SELECT members FROM team_secrets WHERE team_id = ? AND version = ?", (team_id, version))
        return set(json.loads(row["members"])) if row else None

    def teams(self) -> list[str]:
        return [r["team_id"] for r in self.db.query("SELECT DISTINCT team_id FROM team_keyboxes ORDER BY team_id")]

    def catchup(self) -> list[str]:
        return [r["team_id"] for r in self.db.query("SELECT team_id FROM team_catchup ORDER BY team_id")]

    def caught_up(self, team_id: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM team_catchup WHERE team_id = ?", (team_id,))

    # -- writing ---------------------------------------------------------------
    def absorb(self, data: bytes) -> bool:
        """Verify a keybox against the chain held here and keep it; True if it is new.

        RejectedError if it does not verify, does not follow the chain yet
        (a gap: send the older ones first), or forks it.
        """
        return self.absorb_box(ts.parse_keybox(data))

    def absorb_box(self, box: ts.Keybox) -> bool:
        """`absorb` of a keybox already parsed (sync parses each one once, to sort a chain)."""
        with self.db.transaction() as conn:
            row = conn.execute("SELECT hash FROM team_keyboxes WHERE team_id = ? AND version = ?",
                               (box.team_id, box.version)).fetchone()
            if row is not None:
                if row["hash"] != box.hash:
                    raise RejectedError(f"keybox {box.version} of {box.team_id[:40]} differs from the one here")
                return False
            previous = None
            if box.version > 1:
                prev = conn.execute("SELECT bytes FROM team_keyboxes WHERE team_id = ? AND version = ?",
                                    (box.team_id, box.version - 1)).fetchone()
                if prev is None:
                    raise RejectedError(f"keybox {box.version} of {box.team_id[:40]} arrived before the one "
                                        "it follows")
                previous = ts.parse_keybox(prev["bytes"])
            ts.verify_keybox(box, previous)
            conn.execute("INSERT INTO team_keyboxes (team_id, version, hash, bytes) VALUES (?,?,?,?)",
                         (box.team_id, box.version, box.hash, box.data))
            identity = self._identity()
            opened = ts.open_keybox(box, identity) if identity is not None else None
            if opened is not None:
                self._keep(conn, box.team_id, opened.secrets, box.version, opened.members)
        return True

    def absorb_many(self, datas: Iterable[bytes]) -> list[str]:
        """Absorb keyboxes in chain order; returns the reasons of those refused."""
        boxes = []
        refused = []
        for data in datas:
            try:
                boxes.append(ts.parse_keybox(data))
            except RejectedError as exc:
                refused.append(str(exc))
        for box in sorted(boxes, key=lambda b: (b.team_id, b.version)):
            try:
                self.absorb_box(box)
            except RejectedError as exc:
                refused.append(str(exc))
        return refused

    def start(self, team_id: str, first: ts.TeamSecret, members: Iterable[str]) -> ts.Keybox:
        """Keybox 1 of a new team (inside the caller's transaction)."""
        box = ts.make_keybox(team_id, {1: first}, members, None)
        with self.db.transaction() as conn:
            conn.execute("INSERT INTO team_keyboxes (team_id, version, hash, bytes) VALUES (?,?,?,?)",
                         (team_id, 1, box.hash, box.data))
            self._keep(conn, team_id, {1: first}, 1, sorted(set(members)), new_team=True)
        return box

    def rotate(self, team_id: str, members: Iterable[str]) -> ts.Keybox:
        """The next key version, sealed to `members` (with every older secret, for the history)."""
        with self.db.transaction() as conn:
            held = self.secrets(team_id)
            newest = self.newest(team_id)
            if newest is None or newest.version not in held:
                raise RejectedError(f"this node does not hold the current key of {team_id[:40]}")
            fresh = ts.new_secret(newest.version + 1)
            box = ts.make_keybox(team_id, {**held, fresh.version: fresh}, members, newest)
            conn.execute("INSERT INTO team_keyboxes (team_id, version, hash, bytes) VALUES (?,?,?,?)",
                         (team_id, box.version, box.hash, box.data))
            self._keep(conn, team_id, {fresh.version: fresh}, fresh.version, sorted(set(members)), new_team=True)
        return box

    def _keep(self, conn, team_id: str, found: dict[int, ts.TeamSecret], version: int, members: list[str],
              new_team: bool = False) -> None:
        held = {r["version"] for r in conn.execute("SELECT version FROM team_secrets WHERE team_id = ?", (team_id,))}
        conn.executemany(
            "INSERT OR IGNORE INTO team_secrets (team_id, version, secret, members) VALUES (?,?,?,?)",
            [(team_id, v, s.secret, json.dumps(members if v == version else [])) for v, s in found.items()],
        )
        conn.execute("UPDATE team_secrets SET members = ? WHERE team_id = ? AND version = ?",
                     (json.dumps(members), team_id, version))
        if not new_team and set(found) - held:
            # keys to versions not readable here before: sealed entries of them were skipped
            conn.execute("INSERT OR IGNORE INTO team_catchup (team_id) VALUES (?)", (team_id,))
