"""What to accept: entries from a peer, checked exactly as any update (acceptance.py).

Entries are grouped by document. Changes whose dependencies have not arrived,
and changes no valid signed head covers yet, wait in the pending queue; they
are retried whenever more entries for their document come. Entries already in
the log are no-ops. A refused document keeps nothing of what was refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from skiller_desktop.acceptance import Accepted, WriterPolicy, verify_update
from skiller_desktop.errors import RejectedError
from skiller_desktop.signed_heads import SignedHead

from .storage import SyncStorage
from .wire import WireEntry, parse_change, parse_head

PolicyFor = Callable[[str], WriterPolicy]
# Entries waiting for dependencies are unverified: bound how many a node keeps.
MAX_PENDING = 50_000


@dataclass
class ApplyResult:
    accepted: list[tuple[str, str]] = field(default_factory=list)
    rejected: list[tuple[tuple[str, str], str]] = field(default_factory=list)
    pending: list[tuple[str, str]] = field(default_factory=list)
    duplicates: int = 0
    changed_docs: list[str] = field(default_factory=list)
    used_old_pending: int = 0
    seq_before: int = 0
    seq_after: int = 0

    def to_json(self) -> dict:
        return {
            "accepted": len(self.accepted),
            "duplicates": self.duplicates,
            "pending": [{"kind": k, "hash": h} for k, h in self.pending],
            "rejected": [{"kind": k, "hash": h, "reason": why} for (k, h), why in self.rejected],
        }


# Runs inside the commit's transaction, with seq_before/seq_after filled in.
ResultHook = Callable[[ApplyResult], None]


@dataclass
class _DocOutcome:
    update: Accepted | None
    used: list[WireEntry]
    waiting: list[WireEntry]


def _default_policy(doc_id: str) -> WriterPolicy:
    from skiller_desktop.acceptance import PersonPolicy

    return PersonPolicy()


def apply_entries(storage: SyncStorage, entries: Iterable[WireEntry], policy_for: PolicyFor | None = None,
                  hook: ResultHook | None = None) -> ApplyResult:
    """Verify and commit a batch in one transaction; `hook` runs inside it."""
    policy_for = policy_for or _default_policy
    result = ApplyResult()
    with storage.exclusive():
        fresh = _fresh(storage, list(entries), result)
        groups: dict[str, list[WireEntry]] = {}
        for entry in fresh:
            groups.setdefault(entry.doc_id, []).append(entry)
        old = {}
        for entry in storage.pending(groups.keys()):
            old.setdefault(entry.doc_id, []).append(entry)
        updates, add, drop = [], [], []
        for doc_id, group in groups.items():
            outcome = _apply_group(storage, doc_id, group, old.get(doc_id, []), policy_for(doc_id), result)
            old_keys = {e.key for e in old.get(doc_id, [])}
            if outcome.update is not None:
                updates.append(outcome.update)
                result.changed_docs.append(doc_id)
            for entry in outcome.used:
                if entry.key in old_keys:
                    result.used_old_pending += 1
                else:
                    result.accepted.append(entry.key)
            waiting_keys = {e.key for e in outcome.waiting}
            add += [e for e in outcome.waiting if e.key not in old_keys]
            drop += [k for k in old_keys if k not in waiting_keys]
            result.pending += [e.key for e in group if e.key in waiting_keys]
        room = MAX_PENDING - storage.pending_count() + len(drop)
        if len(add) > max(room, 0):
            refused = add[max(room, 0):]
            add = add[: max(room, 0)]
            gone = {e.key for e in refused}
            result.pending = [k for k in result.pending if k not in gone]
            result.rejected += [(e.key, "the pending queue is full; send dependencies first") for e in refused]
        result.seq_before, result.seq_after = storage.commit_batch(updates, add, drop, _bind(hook, result))
    return result


def _bind(hook: ResultHook | None, result: ApplyResult):
    if hook is None:
        return None

    def inside(before: int, after: int) -> None:
        result.seq_before, result.seq_after = before, after
        hook(result)
    return inside


def retry_pending(storage: SyncStorage, policy_for: PolicyFor | None = None) -> ApplyResult:
    """Try the whole pending queue again (after a snapshot filled dependencies in)."""
    return apply_entries(storage, storage.pending(None), policy_for)


def _fresh(storage: SyncStorage, entries: list[WireEntry], result: ApplyResult) -> list[WireEntry]:
    seen: set[tuple[str, str]] = set()
    unique = []
    for entry in entries:
        if entry.key in seen:
            result.duplicates += 1
            continue
        seen.add(entry.key)
        unique.append(entry)
    known = storage.known(seen)
    result.duplicates += len(known)
    return [e for e in unique if e.key not in known]


def _apply_group(storage: SyncStorage, doc_id: str, group: list[WireEntry], old: list[WireEntry],
                 policy: WriterPolicy, result: ApplyResult) -> _DocOutcome:
    """Try new and old pending entries together; if that fails, the new ones alone."""
    old_keys = {e.key for e in old}
    group = [e for e in group if e.key not in old_keys]
    for attempt in ([*old, *group], group) if old else ([*group],):
        try:
            return _plan_doc(storage, doc_id, attempt, policy)
        except RejectedError as exc:
            reason = str(exc)
    result.rejected += [(e.key, reason) for e in group]
    return _DocOutcome(None, [], old)


def _plan_doc(storage: SyncStorage, doc_id: str, entries: list[WireEntry], policy: WriterPolicy) -> _DocOutcome:
    stored = storage.get(doc_id)
    parsed: list[tuple[WireEntry, bytes, list[bytes]]] = []
    heads: list[tuple[WireEntry, SignedHead]] = []
    for entry in entries:
        if entry.kind == "change":
            digest, deps = parse_change(entry.data)
            if digest.hex() != entry.hash:
                raise RejectedError(f"entry {entry.hash[:12]} does not hash to its name")
            parsed.append((entry, digest, deps))
        else:
            heads.append((entry, parse_head(entry)))
    # The log holds every change of every stored document: ask it, rather than load the document.
    asked = {h for _, digest, deps in parsed for h in [digest, *deps]}
    asked |= {h for _, signed in heads for h in signed.heads}
    have = {bytes.fromhex(h) for _, h in storage.known(("change", x.hex()) for x in asked)}
    changes: dict[bytes, tuple[WireEntry, list[bytes]]] = {}
    used: list[WireEntry] = []
    for entry, digest, deps in parsed:
        if digest in have:
            used.append(entry)
        else:
            changes[digest] = (entry, deps)
    order = _causal_order(changes, have)
    ready = set(order)
    usable = [(e, s) for e, s in heads if all(h in have or h in ready for h in s.heads)]
    signed = (stored.signed_heads if stored else []) + [s for _, s in usable]
    covered = _covered(changes, ready, [h for s in signed for h in s.heads])
    apply = [h for h in order if h in covered]
    used += [changes[h][0] for h in apply] + [e for e, _ in usable]
    waiting = [changes[h][0] for h in changes if h not in covered]
    waiting += [e for e, s in heads if (e, s) not in usable]
    if not apply and not usable:
        return _DocOutcome(None, used, waiting)
    update = verify_update(
        doc_id, stored.data if stored else None, stored.signed_heads if stored else [],
        b"".join(changes[h][0].data for h in apply), _undominated([s for _, s in usable], changes, ready), policy,
    )
    return _DocOutcome(update if update.changed else None, used, waiting)


def _causal_order(changes: dict[bytes, tuple[WireEntry, list[bytes]]], have: set[bytes]) -> list[bytes]:
    """The changes whose dependencies are all present, each after its dependencies."""
    placed: set[bytes] = set()
    order: list[bytes] = []
    remaining = dict(changes)
    progress = True
    while remaining and progress:
        progress = False
        for digest, (_, deps) in list(remaining.items()):
            if all(d in have or d in placed for d in deps):
                placed.add(digest)
                order.append(digest)
                del remaining[digest]
                progress = True
    return order


def _covered(changes: dict[bytes, tuple[WireEntry, list[bytes]]], ready: set[bytes],
             heads: list[bytes]) -> set[bytes]:
    """The ready changes below some signed head."""
    covered: set[bytes] = set()
    stack = [h for h in heads if h in ready]
    while stack:
        digest = stack.pop()
        if digest in covered:
            continue
        covered.add(digest)
        stack += [d for d in changes[digest][1] if d in ready]
    return covered


def _undominated(offered: list[SignedHead], changes: dict, ready: set[bytes]) -> list[SignedHead]:
    """Leave out a signed head that a later one by the same signer covers.

    verify_update would prune it anyway, after paying for its signature check;
    catching up on a long history otherwise verifies one signature per edit.
    If the covering head is forged, the whole update is refused regardless.
    """
    if len(offered) < 2:
        return offered
    below = [_covered(changes, ready, list(s.heads)) for s in offered]
    kept = []
    for i, signed in enumerate(offered):
        dominated = any(
            j != i and other.signer == signed.signer and set(signed.heads) <= below[j]
            and not set(other.heads) <= below[i]
            for j, other in enumerate(offered)
        )
        if not dominated:
            kept.append(signed)
    return kept


# -- whole documents (fast first sync) ---------------------------------------

@dataclass(frozen=True)
class SnapshotDoc:
    doc_id: str
    data: bytes
    signed_heads: list[SignedHead]


def apply_snapshot(storage: SyncStorage, docs: list[SnapshotDoc], policy_for: PolicyFor | None = None,
                   hook: ResultHook | None = None) -> ApplyResult:
    """Verify whole saved documents with their signed heads and commit them together."""
    policy_for = policy_for or _default_policy
    result = ApplyResult()
    with storage.exclusive():
        updates = []
        for doc in docs:
            stored = storage.get(doc.doc_id)
            try:
                update = verify_update(
                    doc.doc_id, stored.data if stored else None, stored.signed_heads if stored else [],
                    doc.data, doc.signed_heads, policy_for(doc.doc_id),
                )
            except RejectedError as exc:
                result.rejected.append((("doc", doc.doc_id), str(exc)))
                continue
            if update.changed:
                updates.append(update)
                result.changed_docs.append(doc.doc_id)
                result.accepted.append(("doc", doc.doc_id))
            else:
                result.duplicates += 1
        result.seq_before, result.seq_after = storage.commit_batch(updates, [], [], _bind(hook, result))
    return result
