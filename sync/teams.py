"""Team documents on the wire: who may read them, and sealing for relays (docs/protocol.md §7).

- A node serves a team's plaintext entries only to a signed caller who is an
  active member or a named, pending invitee of that team (`NodeTeamGate.may_read`).
- Whatever a node *pushes* of a team leaves it sealed (`seal_outgoing`): a
  client cannot authenticate the server it pushes to, so plaintext never goes
  out unasked. Keyboxes go along, so relays and members can follow the chain.
- A relay stores keyboxes and sealed entries after checking them
  (`relay_accept`), never plaintext team entries, and serves them to anyone
  who asks: they are ciphertext.
- A member's node opens the sealed entries it pulls or is pushed
  (`NodeTeamGate.unseal`) and hands the plaintext entries to the engine, which
  verifies them with TeamPolicy like any other.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from skiller_desktop.errors import RejectedError
from skiller_desktop.teams import sealed as ts
from skiller_desktop.teams.document import PREFIX as TEAM_PREFIX

from .storage import LogStorage
from .wire import WireEntry

if TYPE_CHECKING:
    from skiller_desktop.services import Services

log = logging.getLogger("skiller.sync.teams")
TEAM_KINDS = ("keybox", "sealed")


def is_team_doc(doc_id: str) -> bool:
    return doc_id.startswith(TEAM_PREFIX)


@dataclass
class Unsealed:
    plain: list[WireEntry] = field(default_factory=list)
    keyboxes: int = 0
    unreadable: int = 0
    refused: list[tuple[tuple[str, str], str]] = field(default_factory=list)


Refusal = tuple[tuple[str, str], str]  # ((kind, hash), reason)


class TeamGate(Protocol):
    """Which peer may see which team document, and how team entries cross the wire: a node's policy.

    Injected where it is used (`AppConfig.team_gate` to serve, `SyncSession.gate`
    to sync), never patched onto a storage. `NoTeams` is the policy of a node
    that holds no team keys: it serves no team, and pushes no team entry.
    """

    def may_read(self, caller: str, team_id: str) -> bool: ...
    def keybox_entries(self, team_id: str, after: int = 0) -> list[WireEntry]: ...
    def teams_of_interest(self) -> list[str]: ...
    def absorb(self, entries: list[WireEntry]) -> list[Refusal]: ...
    def unseal(self, entries: list[WireEntry]) -> Unsealed: ...
    def seal_outgoing(self, entries: list[WireEntry]) -> tuple[list[WireEntry], list[str]]: ...
    def catchup(self) -> list[str]: ...
    def caught_up(self, team_id: str) -> None: ...
    def after_sync(self) -> bool: ...


class NoTeams:
    """A node without team keys: team entries neither leave it nor are read by it."""

    def may_read(self, caller: str, team_id: str) -> bool:
        return False

    def keybox_entries(self, team_id: str, after: int = 0) -> list[WireEntry]:
        return []

    def teams_of_interest(self) -> list[str]:
        return []

    def absorb(self, entries: list[WireEntry]) -> list[Refusal]:
        return []

    def unseal(self, entries: list[WireEntry]) -> Unsealed:
        out = Unsealed()
        for entry in entries:
            if entry.kind == "keybox":
                out.keyboxes += 1
            elif entry.kind == "sealed":
                out.unreadable += 1
            else:
                out.plain.append(entry)
        return out

    def seal_outgoing(self, entries: list[WireEntry]) -> tuple[list[WireEntry], list[str]]:
        out = [e for e in entries if not is_team_doc(e.doc_id)]
        skipped = [f"{e.hash[:12]}: no team keys on this node" for e in entries if is_team_doc(e.doc_id)]
        return out, skipped

    def catchup(self) -> list[str]:
        return []

    def caught_up(self, team_id: str) -> None:
        pass

    def after_sync(self) -> bool:
        return False


NO_TEAMS = NoTeams()


class NodeTeamGate:
    """A desktop node's side: membership from its read model, keys from `services.teams.keys`."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.keys = services.teams.keys

    # -- serving -------------------------------------------------------------
    def may_read(self, caller: str, team_id: str) -> bool:
        db = self.services.db
        if db.one("SELECT 1 FROM team_members WHERE team_id = ? AND person_id = ? AND removed_at = ''",
                  (team_id, caller)):
            return True
        return db.one("""SELECT 1 FROM team_invitations WHERE team_id = ? AND person_id = ? AND accepted_at = ''""",
                      (team_id, caller)) is not None

    def keybox_entries(self, team_id: str, after: int = 0) -> list[WireEntry]:
        boxes = self.keys.keyboxes_after(team_id, after)
        return [WireEntry(b.team_id, "keybox", b.hash, b.data, b.version) for b in boxes]

    def teams_of_interest(self) -> list[str]:
        """Teams whose keys this node follows: those it has keys of, belongs to, or accepted."""
        found = set(self.keys.teams())
        identity = self.services.identity
        if identity is not None:
            me = identity.person_id
            db = self.services.db
            found |= {r["team_id"] for r in db.query(
                "SELECT team_id FROM team_members WHERE person_id = ? AND removed_at = ''", (me,))}
            found |= {r["team_id"] for r in db.query(
                "SELECT team_id FROM team_acceptances WHERE person_id = ?", (me,))}
        return sorted(t for t in found if is_team_doc(t))

    # -- receiving -----------------------------------------------------------
    def absorb(self, entries: list[WireEntry]) -> list[Refusal]:
        """Keep the keyboxes among `entries`, in chain order; returns those refused."""
        boxes, refused = _keyboxes([e for e in entries if e.kind == "keybox"])
        for entry, box in boxes:
            try:
                if ts.entry_hash(entry.data) != entry.hash:
                    raise RejectedError("a keybox does not hash to its name")
                self.keys.absorb_box(box)
            except RejectedError as exc:
                refused.append((entry.key, str(exc)))
        return refused

    def unseal(self, entries: list[WireEntry]) -> Unsealed:
        """Plaintext entries for the engine: keyboxes kept, sealed ones opened, others as they are."""
        out = Unsealed()
        out.refused = self.absorb(entries)
        out.keyboxes = sum(1 for e in entries if e.kind == "keybox")
        held: dict[str, dict[int, ts.TeamSecret]] = {}
        for entry in entries:
            if entry.kind == "keybox":
                continue
            if entry.kind != "sealed":
                out.plain.append(entry)
                continue
            try:
                box = ts.parse_sealed(entry.data)
                if box.team_id != entry.doc_id:
                    raise RejectedError("a sealed entry names another team")
                if box.team_id not in held:
                    held[box.team_id] = self.keys.secrets(box.team_id)
                if box.version not in held[box.team_id]:
                    out.unreadable += 1  # not for us (an outsider, or removed before this version)
                    continue
                kind, hash_, data = ts.open_sealed(box, held[box.team_id])
            except RejectedError as exc:
                out.refused.append((entry.key, str(exc)))
                continue
            out.plain.append(WireEntry(entry.doc_id, kind, hash_, data, entry.seq))
        return out

    # -- pushing -------------------------------------------------------------
    def seal_outgoing(self, entries: list[WireEntry]) -> tuple[list[WireEntry], list[str]]:
        """Team entries sealed with the current key; the ones this node may not send are left out."""
        out: list[WireEntry] = []
        skipped: list[str] = []
        current: dict[str, ts.TeamSecret | None] = {}
        for entry in entries:
            if not is_team_doc(entry.doc_id):
                out.append(entry)
                continue
            if entry.doc_id not in current:
                current[entry.doc_id] = self.keys.current(entry.doc_id)
            secret = current[entry.doc_id]
            if secret is None:
                skipped.append(f"{entry.hash[:12]}: no current key of {entry.doc_id[:40]} here "
                               "(not a member since its last key rotation, or a team without keys)")
                continue
            box = ts.seal(entry.doc_id, secret, entry.kind, entry.hash, entry.data)
            out.append(WireEntry(entry.doc_id, "sealed", box.hash, box.data, entry.seq))
        return out, skipped

    def catchup(self) -> list[str]:
        """Teams whose keys just arrived: their history is to be fetched again."""
        return self.keys.catchup()

    def caught_up(self, team_id: str) -> None:
        self.keys.caught_up(team_id)

    def after_sync(self) -> bool:
        """Admit accepted invitations and rotate keys if membership changed; True if anything was written."""
        teams = self.services.teams
        admitted = teams.process_acceptances()
        rotated = teams.reconcile_keys()
        return bool(admitted or rotated)


def _keyboxes(entries: Iterable[WireEntry]) -> tuple[list[tuple[WireEntry, ts.Keybox]], list[Refusal]]:
    """Keybox entries parsed once, in chain order (team, version); those that do not parse, refused."""
    parsed: list[tuple[WireEntry, ts.Keybox]] = []
    refused: list[Refusal] = []
    for entry in entries:
        try:
            parsed.append((entry, ts.parse_keybox(entry.data)))
        except RejectedError as exc:
            refused.append((entry.key, str(exc)))
    parsed.sort(key=lambda pair: (pair[1].team_id, pair[1].version))
    return parsed, refused


# -- the relay's side -----------------------------------------------------------


def relay_accept(storage: LogStorage, entries: list[WireEntry]) -> tuple[list[WireEntry], list[Refusal]]:
    """Check keyboxes and sealed entries against the chains the relay holds (call inside its write lock).

    Returns (entries to append to the log, refused with reasons). Plaintext
    entries of a team are refused: a relay never holds a team's plaintext.
    """
    keep: list[WireEntry] = []
    chains: dict[str, list[ts.Keybox]] = {}

    def chain(team_id: str) -> list[ts.Keybox]:
        if team_id not in chains:
            chains[team_id] = [ts.parse_keybox(e.data) for e in storage.log_of_doc(team_id, ("keybox",))]
        return chains[team_id]

    # Every team of the batch read (and, on a shared store, held) first, in id order: two
    # batches holding several teams then never wait for each other in a cycle.
    for team_id in sorted({e.doc_id for e in entries if e.kind in ("keybox", "sealed")}):
        chain(team_id)
    boxes, refused = _keyboxes(e for e in entries if e.kind == "keybox")
    ordered: list[tuple[WireEntry, ts.Keybox | None]] = [*boxes, *((e, None) for e in entries if e.kind != "keybox")]
    for entry, box in ordered:
        try:
            if entry.kind in ("change", "head"):
                raise RejectedError("a relay takes a team's entries sealed only (protocol §7)")
            if ts.entry_hash(entry.data) != entry.hash:
                raise RejectedError("a team entry does not hash to its name")
            if box is not None:
                if box.team_id != entry.doc_id:
                    raise RejectedError("a keybox names another team")
                held = chain(box.team_id)
                if box.version <= len(held):
                    if held[box.version - 1].hash != box.hash:
                        raise RejectedError(f"keybox {box.version} of {box.team_id[:40]} forks the chain here")
                    continue  # a duplicate
                if box.version != len(held) + 1:
                    raise RejectedError(f"keybox {box.version} of {box.team_id[:40]} comes before "
                                        f"keybox {len(held) + 1}; send the chain in order")
                ts.verify_keybox(box, held[-1] if held else None)
                held.append(box)
                keep.append(entry)
            else:
                sealed = ts.parse_sealed(entry.data)
                if sealed.team_id != entry.doc_id:
                    raise RejectedError("a sealed entry names another team")
                held = chain(sealed.team_id)
                if not held:
                    raise RejectedError(f"no keybox of {sealed.team_id[:40]} here: send it first")
                if sealed.version != len(held):
                    raise RejectedError(f"a sealed entry of {sealed.team_id[:40]} uses key version "
                                        f"{sealed.version}; the team's key is at version {len(held)} (rotated)")
                ts.verify_sealed(sealed, held[-1].sign_public)
                keep.append(entry)
        except RejectedError as exc:
            refused.append((entry.key, str(exc)))
    return keep, refused
