"""What to accept: entries from a peer, checked exactly as any update (acceptance.py).

Entries are grouped by document. Changes whose dependencies have not arrived,
and changes no valid signed head covers yet, wait in the pending queue; they
are retried whenever more entries for their document come. Entries already in
the log are no-ops. A refused document keeps nothing of what was refused.

Big batches (a first sync, a relay's ingest) have `verify_update` of person
documents run in a small pool of worker processes (verify.py: one path for
entries and whole documents); this process plans (causal.py), then writes
the verified documents, log and read models in the batch's one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from skiller_desktop.acceptance import Accepted, PersonPolicy, Prepared, WriterPolicy
from skiller_desktop.errors import RejectedError
from skiller_desktop.messages import code_of, say
from skiller_desktop.signed_heads import SignedHead
from skiller_desktop.store import StoredDoc

from .causal import Changes, causal_order, covered, undominated
from .storage import CommitHook, SyncStorage
from .verify import Verdict, Verification, VerifyJob, default_policy, pool_for, shutdown_pool, verify_pool
from .wire import WireEntry, parse_change, parse_head

__all__ = ["ApplyResult", "PolicyFor", "ResultHook", "SnapshotDoc", "SnapshotVerification", "Verdict",
           "apply_entries", "apply_snapshot", "retry_pending", "shutdown_pool", "verify_pool"]

PolicyFor = Callable[[str], WriterPolicy]
# Entries waiting for dependencies are unverified: bound what a node or relay keeps,
# in all and per signer (keys are free: a full queue makes room by evicting from
# whoever holds the most, so a flood from many keys cannot lock an honest one out).
MAX_PENDING = 50_000
MAX_PENDING_BYTES = 256 * 1024 * 1024
MAX_PENDING_PER_SIGNER = 10_000
MAX_PENDING_BYTES_PER_SIGNER = 64 * 1024 * 1024
PENDING_MAX_AGE_SECONDS = 24 * 3600  # older entries are dropped on a later ingest; the sender sends again


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

    def to_json(self) -> dict[str, Any]:
        return {
            "accepted": len(self.accepted),
            "duplicates": self.duplicates,
            "pending": [{"kind": k, "hash": h} for k, h in self.pending],
            "rejected": [{"kind": k, "hash": h, "reason": why, "code": code_of(why)} for (k, h), why in self.rejected],
        }


# Runs inside the commit's transaction, with seq_before/seq_after filled in.
ResultHook = Callable[[ApplyResult], None]
Key = tuple[str, str]
# -- entries -----------------------------------------------------------------------------

@dataclass
class _Parsed:
    """An entry read once: a change's (digest, dependencies), a signed head, or why it cannot be read."""

    digest: bytes = b""
    deps: list[bytes] = field(default_factory=list)
    head: SignedHead | None = None
    error: RejectedError | None = None


def _parse(entry: WireEntry) -> _Parsed:
    try:
        if entry.kind != "change":
            return _Parsed(head=parse_head(entry))
        digest, deps = parse_change(entry.data)
        if digest.hex() != entry.hash:
            raise RejectedError(f"entry {entry.hash[:12]} does not hash to its name")
        return _Parsed(digest, deps)
    except RejectedError as exc:
        return _Parsed(error=exc)
    except (ValueError, TypeError, KeyError) as exc:
        return _Parsed(error=RejectedError(f"entry {entry.hash[:12]} is malformed ({type(exc).__name__})"))


@dataclass
class _Batch:
    """A batch's new entries by document, the pending ones of those documents, every entry parsed once,
    and which change hashes the log holds: all of it from one `known()` question."""

    groups: dict[str, list[WireEntry]]
    old: dict[str, list[WireEntry]]
    parsed: dict[Key, _Parsed]
    have: set[bytes]

    @classmethod
    def read(cls, storage: SyncStorage, entries: list[WireEntry], result: ApplyResult) -> _Batch:
        seen: set[Key] = set()
        unique: list[WireEntry] = []
        for entry in entries:
            if entry.key in seen:
                result.duplicates += 1
                continue
            seen.add(entry.key)
            unique.append(entry)
        waiting = storage.pending({e.doc_id for e in unique}) if unique else []
        parsed = {e.key: _parse(e) for e in [*unique, *waiting]}
        asked = set(seen)
        for item in parsed.values():
            hashes = [item.digest, *item.deps] if item.head is None else item.head.heads
            asked.update(("change", h.hex()) for h in hashes if h)
        known = storage.known(asked) if asked else set()
        result.duplicates += len(seen & known)
        groups: dict[str, list[WireEntry]] = {}
        for entry in unique:
            if entry.key not in known:
                groups.setdefault(entry.doc_id, []).append(entry)
        old: dict[str, list[WireEntry]] = {}
        for entry in waiting:
            if entry.doc_id in groups:
                old.setdefault(entry.doc_id, []).append(entry)
        have = {bytes.fromhex(h) for kind, h in known if kind == "change"}
        return cls(groups, old, parsed, have)


@dataclass
class _DocOutcome:
    update: Accepted | Prepared | None
    used: list[WireEntry]
    waiting: list[WireEntry]
    job: VerifyJob | None = None  # what is left to verify before `update` is known


def apply_entries(storage: SyncStorage, entries: Iterable[WireEntry], policy_for: PolicyFor | None = None,
                  hook: ResultHook | None = None, *, signer: str = "") -> ApplyResult:
    """Verify and commit a batch in one transaction; `hook` runs inside it.

    `signer`: who sent the batch (the signer of a pushed request; '' for what
    this node pulled), the account its pending entries are counted against.
    """
    policy_for = policy_for or default_policy
    result = ApplyResult()
    with storage.exclusive():
        storage.expire_pending(PENDING_MAX_AGE_SECONDS)
        batch = _Batch.read(storage, _not_blocked(storage.blocked_keys(), signer, list(entries), result), result)
        stored = storage.get_many(list(batch.groups))  # one query for the batch, not one per document
        outcomes = _outcomes(batch, stored, policy_for, storage.project, result)
        updates: list[Accepted | Prepared] = []
        add: list[WireEntry] = []
        drop: list[Key] = []
        for doc_id, group in batch.groups.items():
            outcome = outcomes[doc_id]
            old_keys = {e.key for e in batch.old.get(doc_id, [])}
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
        if add:
            add, evicted = _admit(storage, signer, add, drop, result)
            drop += evicted
        result.seq_before, result.seq_after = storage.commit_batch(updates, add, drop, _bind(hook, result),
                                                                   signer=signer)
    return result


def _not_blocked(blocked: frozenset[str], signer: str, entries: list[WireEntry],
                 result: ApplyResult) -> list[WireEntry]:
    """Refuse what a blocked key sent or wrote: its requests, its document, its signed heads.

    A change by a blocked author cannot be accepted anyway: acceptance wants a
    valid signed head by the change's own author, and those are refused here.
    """
    if not blocked:
        return entries
    if signer in blocked:
        result.rejected += [(e.key, say("sync.blocked_sender")) for e in entries]
        return []
    kept = []
    for entry in entries:
        if entry.doc_id in blocked or (entry.kind == "head" and _head_signer(entry) in blocked):
            result.rejected.append((entry.key, say("sync.blocked_author")))
        else:
            kept.append(entry)
    return kept


def _head_signer(entry: WireEntry) -> str:
    try:
        return parse_head(entry).signer
    except (RejectedError, ValueError, TypeError, KeyError):
        return ""  # refused later, with its own reason


def _admit(storage: SyncStorage, signer: str, add: list[WireEntry], drop: list[tuple[str, str]],
           result: ApplyResult) -> tuple[list[WireEntry], list[tuple[str, str]]]:
    """Which new pending entries to keep, and which older ones of others to evict for them.

    A signer keeps at most its quota. When the whole queue is full, room is
    made by evicting the longest-waiting entries of whoever holds more than
    this signer would; only when nobody does is the rest refused.
    """
    usage = storage.pending_usage(signer)
    count, size = usage.signer_entries, usage.signer_size
    kept: list[WireEntry] = []
    for index, entry in enumerate(add):
        if count + 1 > MAX_PENDING_PER_SIGNER or size + len(entry.data) > MAX_PENDING_BYTES_PER_SIGNER:
            _refuse_pending(add[index:], result, f"pending quota: this sender already has {count} entries"
                            f" ({size} bytes) waiting for dependencies; send the dependencies first")
            break
        kept.append(entry)
        count, size = count + 1, size + len(entry.data)
    over_count = usage.entries - len(drop) + len(kept) - MAX_PENDING
    over_size = usage.size + sum(len(e.data) for e in kept) - MAX_PENDING_BYTES
    if over_count <= 0 and over_size <= 0:
        return kept, []
    evicted = _evict(storage, signer, count, over_count, over_size, set(drop))
    over_count -= len(evicted)
    over_size -= sum(entry_size for _, entry_size in evicted)
    keep = len(kept)
    while keep and (over_count > 0 or over_size > 0):  # nobody holds more: refuse the newest of ours
        keep -= 1
        over_count, over_size = over_count - 1, over_size - len(kept[keep].data)
    _refuse_pending(kept[keep:], result, "the pending queue is full; send dependencies first")
    return kept[:keep], [key for key, _ in evicted]


def _evict(storage: SyncStorage, signer: str, count: int, over_count: int, over_size: int,
           dropping: set[tuple[str, str]]) -> list[tuple[tuple[str, str], int]]:
    """The oldest entries of the heaviest holders, down to this signer's share at most."""
    evicted: list[tuple[tuple[str, str], int]] = []
    holders = sorted(storage.pending_by_signer().items(), key=lambda item: item[1][0], reverse=True)
    for holder, (held, _) in holders:
        if over_count <= 0 and over_size <= 0:
            break
        if holder == signer or held <= count:
            continue
        for key, entry_size in storage.pending_oldest(holder, min(held - count, max(over_count, 0) + 1_000)):
            if (over_count <= 0 and over_size <= 0) or key in dropping:
                continue
            evicted.append((key, entry_size))
            over_count, over_size = over_count - 1, over_size - entry_size
    return evicted


def _refuse_pending(entries: list[WireEntry], result: ApplyResult, reason: str) -> None:
    gone = {e.key for e in entries}
    result.pending = [k for k in result.pending if k not in gone]
    result.rejected += [(e.key, reason) for e in entries]


def _outcomes(batch: _Batch, stored: dict[str, StoredDoc], policy_for: PolicyFor, project: bool,
              result: ApplyResult) -> dict[str, _DocOutcome]:
    """What to do with each document's entries: planned here, verified in one `Verification`.

    A document's new entries are tried with its old pending ones; if that is
    refused (unreadable, or failing verification), with the new ones alone.
    """
    policies = {doc_id: policy_for(doc_id) for doc_id in batch.groups}
    planned: dict[str, _DocOutcome] = {}
    together: set[str] = set()  # planned with their old pending entries: refused, tried alone
    for doc_id in batch.groups:
        try:
            planned[doc_id] = _plan_doc(batch, doc_id, _new_and_old(batch, doc_id), stored.get(doc_id))
            together.add(doc_id)
        except RejectedError as exc:
            planned[doc_id] = _alone(batch, doc_id, stored.get(doc_id), policies[doc_id], exc.as_message(), result)
    verification = Verification([p.job for p in planned.values() if p.job is not None], policies, project)
    try:
        outcomes: dict[str, _DocOutcome] = {}
        for doc_id, plan in planned.items():
            if plan.job is None:
                outcomes[doc_id] = plan
                continue
            ok, update = verification.verdict(plan.job)
            if ok:
                outcomes[doc_id] = _DocOutcome(update if not isinstance(update, str) else None, plan.used,
                                               plan.waiting)
            elif doc_id in together and batch.old.get(doc_id):
                outcomes[doc_id] = _alone(batch, doc_id, stored.get(doc_id), policies[doc_id], _reason(update), result)
            else:
                outcomes[doc_id] = _refused(batch, doc_id, _reason(update), result)
    finally:
        verification.cancel()
    return outcomes


def _new_and_old(batch: _Batch, doc_id: str, with_old: bool = True) -> list[WireEntry]:
    old = batch.old.get(doc_id, [])
    old_keys = {e.key for e in old}
    new = [e for e in batch.groups[doc_id] if e.key not in old_keys]
    return [*old, *new] if with_old else new


def _alone(batch: _Batch, doc_id: str, stored: StoredDoc | None, policy: WriterPolicy, reason: str,
           result: ApplyResult) -> _DocOutcome:
    """The "new entries alone" fallback, the one place it is written: planned and verified here."""
    if batch.old.get(doc_id):
        try:
            plan = _plan_doc(batch, doc_id, _new_and_old(batch, doc_id, with_old=False), stored)
            if plan.job is None:
                return plan
            ok, update = plan.job.here(policy)
            if ok:
                return _DocOutcome(update if not isinstance(update, str) else None, plan.used, plan.waiting)
            reason = _reason(update)
        except RejectedError as exc:
            reason = exc.as_message()
    return _refused(batch, doc_id, reason, result)


def _reason(update: object) -> str:
    """A refusal's words, with its code when it has one (a `Message`: refused_for_good decides by it)."""
    return update if isinstance(update, str) else str(update)


def _refused(batch: _Batch, doc_id: str, reason: str, result: ApplyResult) -> _DocOutcome:
    """The new entries refused; the document's old pending ones keep waiting."""
    result.rejected += [(e.key, reason) for e in _new_and_old(batch, doc_id, with_old=False)]
    return _DocOutcome(None, [], batch.old.get(doc_id, []))


def _bind(hook: ResultHook | None, result: ApplyResult) -> CommitHook | None:
    if hook is None:
        return None

    def inside(before: int, after: int) -> None:
        result.seq_before, result.seq_after = before, after
        hook(result)
    return inside


def retry_pending(storage: SyncStorage, policy_for: PolicyFor | None = None) -> ApplyResult:
    """Try the whole pending queue again (after a snapshot filled dependencies in)."""
    return apply_entries(storage, storage.pending(None), policy_for)


def _plan_doc(batch: _Batch, doc_id: str, entries: list[WireEntry], stored: StoredDoc | None) -> _DocOutcome:
    """Which of `entries` are usable now, which wait, and the verification job for the usable ones.

    `stored` is the document as stored now (read in this same transaction), None if absent.
    The log holds every change of every stored document: `batch.have` answers, no document is loaded.
    RejectedError if one of `entries` cannot be read.
    """
    changes: Changes = {}
    heads: list[tuple[WireEntry, SignedHead]] = []
    used: list[WireEntry] = []
    have = batch.have
    for entry in entries:
        item = batch.parsed[entry.key]
        if item.error is not None:
            raise item.error
        if item.head is not None:
            heads.append((entry, item.head))
        elif item.digest in have:
            used.append(entry)
        else:
            changes[item.digest] = (entry, item.deps)
    order = causal_order(changes, have)
    ready = set(order)
    usable = [(e, s) for e, s in heads if all(h in have or h in ready for h in s.heads)]
    signed = (stored.signed_heads if stored else []) + [s for _, s in usable]
    cover = covered(changes, ready, [h for s in signed for h in s.heads])
    apply = [h for h in order if h in cover]
    used += [changes[h][0] for h in apply] + [e for e, _ in usable]
    waiting = [changes[h][0] for h in changes if h not in cover]
    usable_keys = {e.key for e, _ in usable}
    waiting += [e for e, _ in heads if e.key not in usable_keys]
    if not apply and not usable:
        return _DocOutcome(None, used, waiting)
    job = VerifyJob(doc_id, stored, b"".join(changes[h][0].data for h in apply),
                    undominated([s for _, s in usable], changes, ready), {h: changes[h][0].data for h in apply})
    return _DocOutcome(None, used, waiting, job)


# -- whole documents (fast first sync) ---------------------------------------

@dataclass(frozen=True)
class SnapshotDoc:
    doc_id: str
    data: bytes
    signed_heads: list[SignedHead]


class SnapshotVerification:
    """Whole documents handed to the verifying processes ahead of their commit.

    Started for the next page while this one is committed, so that the
    workers never wait on SQLite. Each job is made against the document as
    stored when it was started; `apply_snapshot` uses its answer only if the
    stored document is still the same inside its transaction, and otherwise
    verifies a job made against the document as stored now.
    """

    def __init__(self, storage: SyncStorage, docs: list[SnapshotDoc], policy_for: PolicyFor | None = None) -> None:
        policy_for = policy_for or default_policy
        self.policies = {d.doc_id: policy_for(d.doc_id) for d in docs}
        self.jobs: dict[str, VerifyJob] = {}
        if pool_for(sum(1 for p in self.policies.values() if type(p) is PersonPolicy)) is not None:
            stored = storage.get_many([d.doc_id for d in docs])
            self.jobs = {d.doc_id: _snapshot_job(d, stored.get(d.doc_id)) for d in docs}
        self.verification = Verification(self.jobs.values(), self.policies, storage.project)

    def verdict(self, doc: SnapshotDoc, stored_now: StoredDoc | None) -> Verdict:
        """The answer on `doc` against the document as stored now."""
        job = self.jobs.get(doc.doc_id)
        if job is None or not _same_stored(job.stored, stored_now):
            job = _snapshot_job(doc, stored_now)
        return self.verification.verdict(job)

    def cancel(self) -> None:
        self.verification.cancel()


def _snapshot_job(doc: SnapshotDoc, stored: StoredDoc | None) -> VerifyJob:
    return VerifyJob(doc.doc_id, stored, doc.data, doc.signed_heads)


def _same_stored(before: StoredDoc | None, now: StoredDoc | None) -> bool:
    if before is None or now is None:
        return before is now
    return before.data == now.data and [s.signature for s in before.signed_heads] == [
        s.signature for s in now.signed_heads]


def apply_snapshot(storage: SyncStorage, docs: list[SnapshotDoc], policy_for: PolicyFor | None = None,
                   hook: ResultHook | None = None, verifying: SnapshotVerification | None = None) -> ApplyResult:
    """Verify whole saved documents with their signed heads and commit them together.

    A big batch of person documents is verified (and turned into plain data)
    in the process pool (`verifying`, started now unless the caller started
    it earlier) while this process writes what is ready; the checks are the
    same code (`VerifyJob`, `Verification`).
    """
    verifying = verifying or SnapshotVerification(storage, docs, policy_for)
    result = ApplyResult()
    try:
        with storage.exclusive():
            stored = storage.get_many([d.doc_id for d in docs])
            blocked = storage.blocked_keys()

            def changed() -> Iterator[Accepted | Prepared]:
                for doc in docs:
                    if doc.doc_id in blocked:
                        result.rejected.append((("doc", doc.doc_id), say("sync.blocked_author")))
                        continue
                    ok, update = verifying.verdict(doc, stored.get(doc.doc_id))
                    if not ok or isinstance(update, str):
                        result.rejected.append((("doc", doc.doc_id), _reason(update)))
                    elif update is None:
                        result.duplicates += 1
                    else:
                        result.changed_docs.append(doc.doc_id)
                        result.accepted.append(("doc", doc.doc_id))
                        yield update

            result.seq_before, result.seq_after = storage.commit_batch(changed(), [], [], _bind(hook, result))
    finally:
        verifying.cancel()
    return result


