"""What to accept: entries from a peer, checked exactly as any update (acceptance.py).

Entries are grouped by document. Changes whose dependencies have not arrived,
and changes no valid signed head covers yet, wait in the pending queue; they
are retried whenever more entries for their document come. Entries already in
the log are no-ops. A refused document keeps nothing of what was refused.

Big batches (a first sync, a relay's ingest) have `verify_update` of person
documents run in a small pool of worker processes (`verify_prepared`: the
same checks, returning plain data); this process plans, then writes the
verified documents, log and read models in the batch's one transaction.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from skiller_desktop.acceptance import (
    Accepted,
    PersonPolicy,
    Prepared,
    WriterPolicy,
    verify_prepared,
    verify_update,
    worker_started,
)
from skiller_desktop.errors import RejectedError
from skiller_desktop.signed_heads import SignedHead
from skiller_desktop.store import StoredDoc

from .storage import SyncStorage
from .wire import WireEntry, parse_change, parse_head

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
    update: Accepted | Prepared | None
    used: list[WireEntry]
    waiting: list[WireEntry]
    job: tuple | None = None  # verify_prepared's job, when verification was deferred


def _default_policy(doc_id: str) -> WriterPolicy:
    return PersonPolicy()


def apply_entries(storage: SyncStorage, entries: Iterable[WireEntry], policy_for: PolicyFor | None = None,
                  hook: ResultHook | None = None, *, signer: str = "") -> ApplyResult:
    """Verify and commit a batch in one transaction; `hook` runs inside it.

    `signer`: who sent the batch (the signer of a pushed request; '' for what
    this node pulled), the account its pending entries are counted against.
    """
    policy_for = policy_for or _default_policy
    result = ApplyResult()
    with storage.exclusive():
        storage.expire_pending(PENDING_MAX_AGE_SECONDS)
        entries = _not_blocked(storage.blocked_keys(), signer, list(entries), result)
        fresh = _fresh(storage, entries, result)
        groups: dict[str, list[WireEntry]] = {}
        for entry in fresh:
            groups.setdefault(entry.doc_id, []).append(entry)
        old = {}
        for entry in storage.pending(groups.keys()):
            old.setdefault(entry.doc_id, []).append(entry)
        updates, add, drop = [], [], []
        stored = storage.get_many(list(groups))  # one query for the batch, not one per document
        absent = frozenset(e.hash for e in fresh if e.kind == "change")  # `_fresh` found them not in the log
        outcomes = _outcomes(storage, groups, old, stored, absent, policy_for, result)
        for doc_id, group in groups.items():
            outcome = outcomes[doc_id]
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
        result.rejected += [(e.key, "blocked: the sender's key is blocked here") for e in entries]
        return []
    kept = []
    for entry in entries:
        if entry.doc_id in blocked or (entry.kind == "head" and _head_signer(entry) in blocked):
            result.rejected.append((entry.key, "blocked: the author's key is blocked here"))
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


def _outcomes(storage, groups: dict[str, list[WireEntry]], old: dict[str, list[WireEntry]], stored: dict,
              absent: frozenset[str], policy_for: PolicyFor, result: ApplyResult) -> dict[str, _DocOutcome]:
    """What to do with each document's entries; a big batch is verified in the process pool.

    Planning (what is new, what waits) stays here; only `verify_update` of
    person documents moves to the workers, and a refusal there is handled as
    `_apply_group` handles one: the new entries are tried again on their own.
    """
    policies = {doc_id: policy_for(doc_id) for doc_id in groups}
    pooled_ids = [d for d in groups if type(policies[d]) is PersonPolicy]
    pool = _pool_for(len(pooled_ids))
    if pool is None:
        return {doc_id: _apply_group(storage, doc_id, group, old.get(doc_id, []), policies[doc_id], result,
                                     stored.get(doc_id), absent) for doc_id, group in groups.items()}
    planned: dict[str, _DocOutcome] = {}
    jobs: list[tuple[str, tuple]] = []
    for doc_id in pooled_ids:
        mine = old.get(doc_id, [])
        old_keys = {e.key for e in mine}
        attempt = [*mine, *[e for e in groups[doc_id] if e.key not in old_keys]]
        try:
            planned[doc_id] = _plan_doc(storage, doc_id, attempt, policies[doc_id], stored.get(doc_id), absent,
                                        defer=True)
        except RejectedError:
            continue  # planned again below, the plain way
        if planned[doc_id].job is not None:
            jobs.append((doc_id, planned[doc_id].job))
    verdicts: dict[str, tuple[bool, object]] = {}
    futures = []
    for start in range(0, len(jobs), POOL_CHUNK):
        chunk = jobs[start : start + POOL_CHUNK]
        futures.append((chunk, pool.submit(verify_prepared, [job for _, job in chunk], storage.project)))
    try:
        for chunk, future in futures:
            try:
                answers = future.result()
            except BrokenProcessPool:
                _pool_state.pop("pool", None)
                raise
            for (doc_id, _), answer in zip(chunk, answers, strict=True):
                verdicts[doc_id] = answer
    finally:
        for _, future in futures:
            future.cancel()
    outcomes: dict[str, _DocOutcome] = {}
    for doc_id, group in groups.items():
        plan = planned.get(doc_id)
        if plan is None:
            outcomes[doc_id] = _apply_group(storage, doc_id, group, old.get(doc_id, []), policies[doc_id], result,
                                            stored.get(doc_id), absent)
        elif plan.job is None:
            outcomes[doc_id] = plan
        elif verdicts[doc_id][0]:
            prepared = verdicts[doc_id][1]
            if prepared is not None:
                prepared = prepared.attach(plan.job[3])  # type: ignore[union-attr]
            outcomes[doc_id] = _DocOutcome(prepared, plan.used, plan.waiting)  # type: ignore[arg-type]
        else:
            mine = old.get(doc_id, [])
            old_keys = {e.key for e in mine}
            alone = [e for e in group if e.key not in old_keys]
            reason = str(verdicts[doc_id][1])
            if mine:  # as `_apply_group`: the new entries on their own
                try:
                    outcomes[doc_id] = _plan_doc(storage, doc_id, alone, policies[doc_id], stored.get(doc_id), absent)
                    continue
                except RejectedError as exc:
                    reason = str(exc)
            result.rejected += [(e.key, reason) for e in alone]
            outcomes[doc_id] = _DocOutcome(None, [], mine)
    return outcomes


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
                 policy: WriterPolicy, result: ApplyResult, stored: StoredDoc | None = None,
                 absent: frozenset[str] = frozenset()) -> _DocOutcome:
    """Try new and old pending entries together; if that fails, the new ones alone."""
    old_keys = {e.key for e in old}
    group = [e for e in group if e.key not in old_keys]
    for attempt in ([*old, *group], group) if old else ([*group],):
        try:
            return _plan_doc(storage, doc_id, attempt, policy, stored, absent)
        except RejectedError as exc:
            reason = str(exc)
    result.rejected += [(e.key, reason) for e in group]
    return _DocOutcome(None, [], old)


def _plan_doc(storage: SyncStorage, doc_id: str, entries: list[WireEntry], policy: WriterPolicy,
              stored: StoredDoc | None = None, absent: frozenset[str] = frozenset(), *,
              defer: bool = False) -> _DocOutcome:
    """`stored` is the document as stored now (read in this same transaction), None if absent.

    `absent`: change hashes this transaction already found missing from the log (not asked again).
    `defer`: leave `verify_update` to the caller, as a job for `verify_prepared` (person documents).
    """
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
    asking = {x.hex() for x in asked} - absent
    have = {bytes.fromhex(h) for _, h in storage.known(("change", x) for x in asking)} if asking else set()
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
    usable_keys = {e.key for e, _ in usable}
    waiting += [e for e, _ in heads if e.key not in usable_keys]
    if not apply and not usable:
        return _DocOutcome(None, used, waiting)
    if defer:
        job = (doc_id, stored.data if stored else None, stored.signed_heads if stored else [],
               b"".join(changes[h][0].data for h in apply), _undominated([s for _, s in usable], changes, ready),
               stored.heads if stored else None, {h: changes[h][0].data for h in apply})
        return _DocOutcome(None, used, waiting, job)
    update = verify_update(
        doc_id, stored.data if stored else None, stored.signed_heads if stored else [],
        b"".join(changes[h][0].data for h in apply), _undominated([s for _, s in usable], changes, ready), policy,
        current_heads=stored.heads if stored else None,
    )
    update.change_bytes = {h: changes[h][0].data for h in apply}  # the wire bytes, spared a re-encode
    return _DocOutcome(update if update.changed else None, used, waiting)


def _causal_order(changes: dict[bytes, tuple[WireEntry, list[bytes]]], have: set[bytes]) -> list[bytes]:
    """The changes whose dependencies are all present, each after its dependencies.

    Kahn's algorithm: linear in changes and dependencies, whatever order they
    came in (4,990 changes sent newest first once held the write lock 15-42 s).
    """
    missing: dict[bytes, int] = {}
    children: dict[bytes, list[bytes]] = {}
    ready: deque[bytes] = deque()
    for digest, (_, deps) in changes.items():
        waiting_on = 0
        for dep in set(deps):
            if dep in have:
                continue
            waiting_on += 1
            if dep in changes:
                children.setdefault(dep, []).append(digest)
            # a dependency neither stored nor in this batch keeps `digest` waiting for good
        missing[digest] = waiting_on
        if not waiting_on:
            ready.append(digest)
    order: list[bytes] = []
    while ready:
        digest = ready.popleft()
        order.append(digest)
        for child in children.get(digest, ()):
            missing[child] -= 1
            if not missing[child]:
                ready.append(child)
    return order


def _covered(changes: dict[bytes, tuple[WireEntry, list[bytes]]], ready: set[bytes],
             heads: list[bytes]) -> set[bytes]:
    """The ready changes below some signed head."""
    return _closure(changes, ready, heads)


def _undominated(offered: list[SignedHead], changes: dict, ready: set[bytes]) -> list[SignedHead]:
    """Leave out a signed head whose every head is strictly below another head by the same signer.

    verify_update would prune it anyway, after paying for its signature check;
    catching up on a long history otherwise verifies one signature per edit.
    What is left out stays covered by the signer's newer heads, which are
    kept; if one of those is forged, the whole update is refused regardless.
    One walk per signer (at most `_UNDOMINATED_SIGNERS` of them): linear in
    the batch, where comparing every pair of heads was quadratic.
    """
    if len(offered) < 2:
        return offered
    by_signer: dict[str, list[SignedHead]] = {}
    for signed in offered:
        by_signer.setdefault(signed.signer, []).append(signed)
    kept: list[SignedHead] = []
    for number, mine in enumerate(by_signer.values()):
        if len(mine) < 2 or number >= _UNDOMINATED_SIGNERS:
            kept += mine
            continue
        below = _strictly_below(changes, ready, {h for s in mine for h in s.heads})
        kept += [s for s in mine if not all(h in below for h in s.heads)]
    return kept


# Honest documents have one signer, or a team's few admins; past this many, heads are all kept.
_UNDOMINATED_SIGNERS = 16


def _strictly_below(changes: dict, ready: set[bytes], heads: set[bytes]) -> set[bytes]:
    """The ready changes that some change of `heads` depends on, directly or not."""
    return _closure(changes, ready, [d for h in heads if h in ready for d in changes[h][1]])


def _closure(changes: dict, ready: set[bytes], start: list[bytes]) -> set[bytes]:
    """The ready changes of `start` and every ready change they depend on: one walk, each change once."""
    found: set[bytes] = set()
    stack = [h for h in start if h in ready]
    while stack:
        digest = stack.pop()
        if digest in found:
            continue
        found.add(digest)
        stack += [d for d in changes[digest][1] if d in ready]
    return found


# -- whole documents (fast first sync) ---------------------------------------

@dataclass(frozen=True)
class SnapshotDoc:
    doc_id: str
    data: bytes
    signed_heads: list[SignedHead]


class SnapshotVerification:
    """Whole documents handed to the verifying processes ahead of their commit.

    Started for the next page while this one is committed, so that the
    workers never wait on SQLite. Each job is verified against the document
    as stored when it was started; `apply_snapshot` uses an answer only if
    the stored document is still the same inside its transaction, and
    otherwise verifies that document again itself.
    """

    def __init__(self, storage: SyncStorage, docs: list[SnapshotDoc], policy_for: PolicyFor | None = None) -> None:
        policy_for = policy_for or _default_policy
        self.project = storage.project
        pool = _pool_for(len(docs))
        pooled = [d for d in docs if pool is not None and type(policy_for(d.doc_id)) is PersonPolicy]
        self.basis: dict[str, StoredDoc | None] = {}
        self._incoming = {d.doc_id: d.data for d in docs}
        self._answers: dict[str, tuple[Future, int]] = {}
        self._futures: list[Future] = []
        if not pooled:
            return
        stored = storage.get_many([d.doc_id for d in pooled])
        for start in range(0, len(pooled), POOL_CHUNK):
            chunk = pooled[start : start + POOL_CHUNK]
            args = []
            for doc in chunk:
                current = self.basis[doc.doc_id] = stored.get(doc.doc_id)
                args.append((doc.doc_id, current.data if current else None, current.signed_heads if current else [],
                             doc.data, doc.signed_heads, current.heads if current else None, None))
            future = pool.submit(verify_prepared, args, self.project)
            self._futures.append(future)
            for index, doc in enumerate(chunk):
                self._answers[doc.doc_id] = (future, index)

    def answer(self, doc_id: str, stored_now: StoredDoc | None) -> tuple[bool, Prepared | str | None] | None:
        """The worker's verdict on `doc_id`, or None when it must be verified here."""
        found = self._answers.get(doc_id)
        if found is None or not _same_stored(self.basis.get(doc_id), stored_now):
            return None
        future, index = found
        try:
            ok, value = future.result()[index]
        except BrokenProcessPool:
            _pool_state.pop("pool", None)
            raise
        return (ok, value.attach(self._incoming[doc_id])) if ok and value is not None else (ok, value)

    def cancel(self) -> None:
        for future in self._futures:
            future.cancel()


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
    same code (`verify_prepared` runs `verify_update` with `PersonPolicy`).
    """
    policy_for = policy_for or _default_policy
    verifying = verifying or SnapshotVerification(storage, docs, policy_for)
    result = ApplyResult()
    try:
        with storage.exclusive():
            stored = storage.get_many([d.doc_id for d in docs])
            blocked = storage.blocked_keys()

            def changed():
                for doc in docs:
                    if doc.doc_id in blocked:
                        result.rejected.append((("doc", doc.doc_id), "blocked: the author's key is blocked here"))
                        continue
                    current = stored.get(doc.doc_id)
                    answer = verifying.answer(doc.doc_id, current)
                    if answer is None:
                        answer = _verify_here(doc, current, policy_for(doc.doc_id))
                    ok, update = answer
                    if not ok:
                        result.rejected.append((("doc", doc.doc_id), str(update)))
                    elif update is None or not update.changed:
                        result.duplicates += 1
                    else:
                        result.changed_docs.append(doc.doc_id)
                        result.accepted.append(("doc", doc.doc_id))
                        yield update

            result.seq_before, result.seq_after = storage.commit_batch(changed(), [], [], _bind(hook, result))
    finally:
        verifying.cancel()
    return result


def _verify_here(doc: SnapshotDoc, current: StoredDoc | None, policy: WriterPolicy) -> tuple[bool, object]:
    try:
        return True, verify_update(doc.doc_id, current.data if current else None,
                                   current.signed_heads if current else [], doc.data, doc.signed_heads, policy,
                                   current_heads=current.heads if current else None)
    except RejectedError as exc:
        return False, str(exc)


# -- a process pool for big batches (first sync) ---------------------------------

POOL_MIN_DOCS = 150  # below this, starting worker processes costs more than it saves
POOL_WARM_MIN_DOCS = 50  # ...and below this, even running ones do
POOL_CHUNK = 25
_pool_state: dict[str, object] = {}
_pool_lock = threading.Lock()


def _pool_workers() -> int:
    raw = os.environ.get("SKILLER_SYNC_WORKERS")
    if raw is not None:
        try:
            return max(0, int(raw))
        except ValueError:
            return 0
    return 2 if (os.cpu_count() or 1) >= 2 else 0


def verify_pool() -> ProcessPoolExecutor | None:
    """The shared pool of verifying processes (spawned, so the same on every OS), or None."""
    with _pool_lock:
        if "pool" in _pool_state:
            return _pool_state["pool"]  # type: ignore[return-value]
        workers = _pool_workers()
        pool = None
        if workers:
            try:
                pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                           initializer=worker_started)
                for _ in range(workers):  # start the workers now, while the caller waits on the network
                    pool.submit(verify_prepared, [], False)
            except (OSError, RuntimeError, NotImplementedError):
                pool = None
        _pool_state["pool"] = pool
        return pool


def shutdown_pool() -> None:
    """Stop the verifying processes, if started (a relay or CLI on its way out)."""
    with _pool_lock:
        pool = _pool_state.pop("pool", None)
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)  # type: ignore[attr-defined]


def _pool_for(docs: int) -> ProcessPoolExecutor | None:
    if docs >= POOL_MIN_DOCS:
        return verify_pool()
    if docs >= POOL_WARM_MIN_DOCS:
        return _pool_state.get("pool")  # type: ignore[return-value]
    return None
