"""One verification path for everything sync accepts: a job per document, in a process pool or here.

Entries (engine.apply_entries) and whole documents (engine.apply_snapshot)
build the same `VerifyJob` (what `verify_update` checks: the stored
document, the incoming bytes, the signed heads offered) and hand their jobs
to one `Verification`. A big enough batch of person documents goes to a small
pool of worker processes (`verify_prepared`: the same checks, returning plain
data); everything else is verified in this process when its verdict is asked.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

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

# A verification's answer: (True, the update, or None when it changes nothing) or (False, the reason).
Verdict = tuple[bool, Accepted | Prepared | str | None]


def default_policy(doc_id: str) -> WriterPolicy:
    return PersonPolicy()


@dataclass(frozen=True)
class VerifyJob:
    """What `verify_update` checks for one document, built in this one place for entries and snapshots.

    `stored`: the document as stored when the job was made (None: absent);
    `incoming`: the new changes concatenated, or a whole saved document;
    `change_bytes`: the wire bytes of those changes by hash, spared a re-encode.
    """

    doc_id: str
    stored: StoredDoc | None
    incoming: bytes
    offered: list[SignedHead]
    change_bytes: dict[bytes, bytes] | None = None

    def args(self) -> tuple[str, bytes | None, list[SignedHead], bytes, list[SignedHead],
                            tuple[bytes, ...] | None, dict[bytes, bytes] | None]:
        """The job as `verify_prepared` takes it, in a worker process."""
        stored = self.stored
        return (self.doc_id, stored.data if stored else None, stored.signed_heads if stored else [],
                self.incoming, self.offered, stored.heads if stored else None, self.change_bytes)

    def here(self, policy: WriterPolicy) -> Verdict:
        """The same checks, in this process (any policy)."""
        doc_id, current, signed, incoming, offered, heads, change_bytes = self.args()
        try:
            update = verify_update(doc_id, current, signed, incoming, offered, policy, current_heads=heads)
        except RejectedError as exc:
            return False, exc.as_message()
        update.change_bytes = change_bytes
        return True, update if update.changed else None


class Verification:
    """Jobs verified in the pool of worker processes when the batch is big enough, or here when asked.

    Only person documents go to the workers (`verify_prepared` checks with
    `PersonPolicy`); the rest, and every job when the batch is small, are
    verified in this process by `verdict`. Started early, the workers run
    while the caller waits on the network or on SQLite.
    """

    def __init__(self, jobs: Iterable[VerifyJob], policies: Mapping[str, WriterPolicy], project: bool) -> None:
        self._policies = policies
        self._answers: dict[str, tuple[VerifyJob, Future[list[tuple[bool, Prepared | str | None]]], int]] = {}
        self._futures: list[Future[list[tuple[bool, Prepared | str | None]]]] = []
        pooled = [job for job in jobs if type(policies[job.doc_id]) is PersonPolicy]
        pool = pool_for(len(pooled))
        if pool is None:
            return
        for start in range(0, len(pooled), POOL_CHUNK):
            chunk = pooled[start : start + POOL_CHUNK]
            future: Future[list[tuple[bool, Prepared | str | None]]] = pool.submit(
                verify_prepared, [job.args() for job in chunk], project)
            self._futures.append(future)
            for index, job in enumerate(chunk):
                self._answers[job.doc_id] = (job, future, index)

    def verdict(self, job: VerifyJob) -> Verdict:
        """The workers' answer on `job` if they were given this very job, else verified here."""
        found = self._answers.get(job.doc_id)
        if found is None or found[0] is not job:
            policy = self._policies.get(job.doc_id)
            return job.here(policy if policy is not None else default_policy(job.doc_id))
        _, future, index = found
        try:
            ok, value = future.result()[index]
        except BrokenProcessPool:
            _pool_state.pop("pool", None)
            raise
        return (ok, value.attach(job.incoming)) if isinstance(value, Prepared) else (ok, value)

    def cancel(self) -> None:
        for future in self._futures:
            future.cancel()


# -- the process pool ----------------------------------------------------------------

POOL_MIN_DOCS = 150  # below this, starting worker processes costs more than it saves
POOL_WARM_MIN_DOCS = 50  # ...and below this, even running ones do
POOL_CHUNK = 25
_pool_state: dict[str, ProcessPoolExecutor | None] = {}
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
            return _pool_state["pool"]
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
        pool.shutdown(wait=True, cancel_futures=True)


def pool_for(docs: int) -> ProcessPoolExecutor | None:
    if docs >= POOL_MIN_DOCS:
        return verify_pool()
    if docs >= POOL_WARM_MIN_DOCS:
        return _pool_state.get("pool")
    return None
