"""Who may write a team document, decided the same way by every node (DESIGN.md §3, §4).

Each new change is judged against the document as its author saw it — the
state at the change's dependencies — so the verdict does not depend on the
order in which a node receives changes:

1. Genesis: a team document has exactly one change without dependencies.
   Its author is the creator and must be its only member, an admin.
2. Every other change must come from a member who, in the state it was made
   on, was in `members` and not removed. Outsiders and invitees are refused.
3. Only admins may touch anything but `needs`: members, invitations, name,
   description. A non-admin change whose effect on the rest of the document
   is not empty is refused — except a member marking *themselves* removed
   (leaving). The check compares the protected part of the document before
   and after that one change.
4. Removal is sticky, like device revocation in PersonPolicy: the removal
   records, per actor of the removed person, the last sequence number the
   remover had seen (`removed_after`); later changes of those actors — even
   ones made concurrently, before the author heard of the removal — are
   refused by every node that knows of the removal. An actor of theirs the
   remover never saw may write nothing. A removed person is not re-added.
   Known limit, shared with device revocation: a node that accepted such a
   concurrent change before it saw the removal keeps it.
5. Nobody may change schema, kind or id after genesis.
"""

from __future__ import annotations

from automerge import core

from .. import automerge_io as am
from ..errors import RejectedError
from ..identity import split_actor
from . import document as td

_FIXED = ("schema", "kind", "id")


class TeamPolicy:
    """WriterPolicy for documents whose id starts with `team:`."""

    def writers(self, doc_id: str, current: core.Document | None, candidate: core.Document) -> set[str]:
        if not td.is_team_id(doc_id):
            raise RejectedError(f"{doc_id[:60]!r} is not a team id")
        new_changes = candidate.get_changes(current.get_heads() if current else [])
        _check_genesis(doc_id, current, candidate, new_changes)
        for change in new_changes:
            if change.deps:
                _check_change(doc_id, candidate, change)
        return set(td.section_keys(candidate, "members"))

    def device_limit(
        self, doc_id: str, current: core.Document | None, candidate: core.Document, actor: bytes
    ) -> int | None:
        """Last sequence number an actor of a removed member may have; None while a member."""
        author = split_actor(actor)
        if author is None:
            return None
        limits = [_removal_limit(doc, author[0], actor) for doc in (current, candidate) if doc is not None]
        found = [limit for limit in limits if limit is not None]
        return min(found) if found else None


def _removal_limit(doc: core.Document, person_id: str, actor: bytes) -> int | None:
    entry = td.entry_at(doc, "members", person_id, None)
    if not entry or not entry.get("removed_at"):
        return None
    limits = entry.get("removed_after") or {}
    limit = limits.get(actor.hex(), 0) if isinstance(limits, dict) else 0
    return limit if isinstance(limit, int) else 0


def _check_genesis(doc_id: str, current: core.Document | None, candidate: core.Document, new_changes: list) -> None:
    roots = [c for c in new_changes if not c.deps]
    if current is not None:
        if roots:
            raise RejectedError(f"team {doc_id[:60]} already began; a second beginning is refused")
        return
    if len(roots) != 1:
        raise RejectedError(f"team {doc_id[:60]} must have exactly one first change")
    genesis = roots[0]
    author = split_actor(genesis.actor_id)
    state = td.extract_at(candidate, am.ROOT, [genesis.hash])
    members = state.get("members")
    if (
        author is None
        or state.get("kind") != td.KIND
        or state.get("id") != doc_id
        or not isinstance(members, dict)
        or list(members) != [author[0]]
        or (members[author[0]] or {}).get("role") != "admin"
    ):
        raise RejectedError(f"team {doc_id[:60]} does not begin with its creator as its only admin")


def _check_change(doc_id: str, doc: core.Document, change) -> None:
    label = f"change {change.hash.hex()[:12]} to {doc_id[:60]}"
    author = split_actor(change.actor_id)
    if author is None:
        raise RejectedError(f"{label} is by someone who may not write it")
    person = author[0]
    before_heads, after_heads = list(change.deps), [change.hash]
    entry = td.entry_at(doc, "members", person, before_heads)
    if not entry or entry.get("removed_at"):
        raise RejectedError(f"{label} is by someone who was not a member of the team")
    for key in _FIXED:
        if doc.get(am.ROOT, key, before_heads) != doc.get(am.ROOT, key, after_heads):
            raise RejectedError(f"{label} changes the team's {key}, which never changes")
    _check_removals_stay(label, doc, before_heads, after_heads)
    if entry.get("role") == "admin":
        return
    before = td.extract_at(doc, am.ROOT, before_heads, skip=(td.OPEN_SECTION,))
    after = td.extract_at(doc, am.ROOT, after_heads, skip=(td.OPEN_SECTION,))
    if before == after:
        return
    if not _is_own_leave(before, after, person):
        raise RejectedError(f"{label}: only admins may change members, invitations, name or description")
    if not _fair_limits(doc, change, (after["members"][person].get("removed_after") or {})):
        raise RejectedError(f"{label}: a member leaving may not keep writing after they leave")


def _fair_limits(doc: core.Document, change, limits: object) -> bool:
    """A member who leaves may allow no more than the leave itself and what was written before it."""
    if not isinstance(limits, dict):
        return False
    later = {c.hash for c in doc.get_changes(list(change.deps))}
    seen: dict[str, int] = {}
    for earlier in doc.get_changes([]):
        if earlier.hash not in later:
            key = earlier.actor_id.hex()
            seen[key] = max(seen.get(key, 0), earlier.seq)
    seen[change.actor_id.hex()] = change.seq
    return all(isinstance(v, int) and v <= seen.get(k, 0) for k, v in limits.items())


def _check_removals_stay(label: str, doc: core.Document, before_heads: list, after_heads: list) -> None:
    """A removal, once made, is never undone nor loosened, even by an admin (rule 4)."""
    before = _removals(td.section_at(doc, "members", before_heads))
    if not before:
        return
    after = _removals(td.section_at(doc, "members", after_heads))
    for person, removal in before.items():
        if after.get(person) != removal:
            raise RejectedError(f"{label} undoes the removal of a member")


def _removals(members: dict) -> dict[str, object]:
    return {pid: m.get("removed_after") for pid, m in members.items() if isinstance(m, dict) and m.get("removed_at")}


_LEAVE_FIELDS = ("removed_at", "removed_by", "removed_after")


def _is_own_leave(before: dict, after: dict, person: str) -> bool:
    """Only the author's own member entry changed, and only to mark them removed."""
    old = (before.get("members") or {}).get(person)
    new = (after.get("members") or {}).get(person)
    if not isinstance(old, dict) or not isinstance(new, dict) or not new.get("removed_at"):
        return False
    if new.get("removed_by") != person:
        return False
    if {k: v for k, v in old.items() if k not in _LEAVE_FIELDS} != {
        k: v for k, v in new.items() if k not in _LEAVE_FIELDS
    }:
        return False
    rest_before = {**before, "members": {k: v for k, v in before["members"].items() if k != person}}
    rest_after = {**after, "members": {k: v for k, v in after["members"].items() if k != person}}
    return rest_before == rest_after
