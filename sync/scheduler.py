"""When to sync: after local edits (debounced), when a peer appears, periodically.

One background thread per peer, so a slow or dead peer never delays another;
failures back off exponentially (capped, so a peer that comes back is seen
again within `max_backoff`). Each peer has a state the UI can show, offered as
plain-Python callbacks and a polling method; nothing here knows about Qt.
Callbacks run on the scheduler's threads: a UI must hop to its own thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from skiller_desktop.errors import SkillerError
from skiller_desktop.identity import Identity

from .client import BadAddress, BadPeer, PeerUnreachable
from .engine import PolicyFor
from .peers import PeerBook, PeerRecord, normalize_url
from .replicator import SyncReport, SyncSession, run
from .storage import SyncStorage
from .teams import NO_TEAMS, TeamGate
from .transport import Transport, UnknownTransport, open_transport
from .wire import ProtocolError
from .words import UNREACHABLE, Said, problem, problem_code, say_status

log = logging.getLogger("skiller.sync.scheduler")
# Until an app keeps our traces somewhere (cli_commands.keep_traces), they go nowhere: without a
# handler, Python would print them on stderr, under the user's eyes.
logging.getLogger("skiller").addHandler(logging.NullHandler())


class PeerState(StrEnum):
    OFFLINE = "offline"
    SYNCING = "syncing"
    UP_TO_DATE = "up to date"
    INCOMPLETE = "incomplete"  # the sync ran, but entries were refused or still wait: tried again soon
    ERROR = "error"


def state_of(record: PeerRecord) -> PeerState:
    """A peer's state as its last sync left it in the peers table: what `_run_sync` said at the time
    (`skiller peers` and `skiller sync` agree for the same relay)."""
    if record.last_error:
        if record.incomplete:
            return PeerState.INCOMPLETE
        return PeerState.OFFLINE if record.problem in UNREACHABLE else PeerState.ERROR
    return PeerState.UP_TO_DATE if record.last_success else PeerState.OFFLINE


@dataclass(frozen=True)
class PeerStatus:
    peer_id: str
    url: str
    kind: str
    state: PeerState
    last_success: str
    last_error: str
    last_report: SyncReport | None = None
    # During a first sync: (documents received, documents the peer holds, None if it did not say).
    progress: tuple[int, int | None] | None = None
    problem: str = ""  # the last error's ADVICE code (sync.words), "" when none known
    progress_unit: str = "documents"  # what `progress` counts: a first sync's documents, a later one's changes

    def said(self) -> Said:
        """This status in plain words (sync.words): what the CLI prints and the UI translates."""
        return say_status(self.state.value, self.last_error, self.problem, self.last_success)

    def to_json(self) -> dict[str, Any]:
        return {"peer_id": self.peer_id, "url": self.url, "kind": self.kind, "state": self.state.value,
                "last_success": self.last_success, "last_error": self.last_error, "problem": self.problem,
                "said": self.said().english(), "progress": list(self.progress) if self.progress else None,
                "progress_unit": self.progress_unit}


StatusListener = Callable[[PeerStatus], None]
ChangeListener = Callable[[list[str]], None]
ClientFactory = Callable[[PeerRecord, Identity], Transport]


@dataclass
class SchedulerConfig:
    period: float = 30.0        # seconds between periodic syncs
    debounce: float = 1.0       # wait after a local edit before syncing
    min_backoff: float = 1.0
    max_backoff: float = 60.0
    timeout: float = 20.0       # per HTTP request, all of it
    sync_deadline: float = 600.0  # per sync with one peer; past it the sync stops and goes on next time
    batch: int = 2000


class _PeerWorker:
    def __init__(self, scheduler: Scheduler, record: PeerRecord) -> None:
        self.scheduler = scheduler
        self.peer_id = record.peer_id
        self.wake = threading.Event()
        self.due = 0.0
        self.failures = 0
        self.stopped = False
        self.thread = threading.Thread(target=self.run, name=f"sync {record.url}", daemon=True)

    def poke(self, delay: float = 0.0) -> None:
        self.due = min(self.due, time.monotonic() + delay)
        self.wake.set()

    def run(self) -> None:
        while not self.stopped and not self.scheduler.stopping.is_set():
            wait = self.due - time.monotonic()
            if wait > 0:
                self.wake.wait(wait)
                self.wake.clear()
                continue
            ok = self.scheduler._run_sync(self.peer_id)
            config = self.scheduler.config
            if ok:
                self.failures = 0
                self.due = time.monotonic() + config.period
            else:
                self.failures += 1
                backoff = min(config.max_backoff, config.min_backoff * 2 ** (self.failures - 1))
                self.due = time.monotonic() + min(backoff, config.period)


class Scheduler:
    """Background sync with every known peer; the API the UI and the CLI use."""

    def __init__(self, storage: SyncStorage, book: PeerBook, identity: Callable[[], Identity],
                 policy_for: PolicyFor | None = None, config: SchedulerConfig | None = None,
                 client_factory: ClientFactory | None = None, *, gate: TeamGate = NO_TEAMS) -> None:
        self.storage = storage
        self.gate = gate
        self.client_factory: ClientFactory = client_factory or (
            lambda record, identity: open_transport(record.url, identity, self.config.timeout))
        self.book = book
        self.identity = identity
        self.policy_for = policy_for
        self.config = config or SchedulerConfig()
        self.stopping = threading.Event()
        self._lock = threading.RLock()
        self._workers: dict[str, _PeerWorker] = {}
        self._status: dict[str, PeerStatus] = {}
        self._status_listeners: list[StatusListener] = []
        self._change_listeners: list[ChangeListener] = []
        self._started = False
        self._running: dict[str, Transport] = {}  # peer id: the transport of the sync under way (cancel)
        self._cancelled: set[str] = set()
        for record in book.all():
            self._status[record.peer_id] = _initial(record)

    # -- the API for the UI ------------------------------------------------
    def add_status_listener(self, listener: StatusListener) -> None:
        """Called with a PeerStatus whenever a peer's state changes (from a worker thread)."""
        self._status_listeners.append(listener)

    def add_change_listener(self, listener: ChangeListener) -> None:
        """Called with the ids of documents a sync changed, so views can refresh."""
        self._change_listeners.append(listener)

    def statuses(self) -> list[PeerStatus]:
        with self._lock:
            return sorted(self._status.values(), key=lambda s: s.url)

    def status(self, peer_id: str) -> PeerStatus | None:
        with self._lock:
            return self._status.get(normalize_url(peer_id)) or self._status.get(peer_id)

    def add_peer(self, url: str, kind: str = "peer") -> PeerStatus:
        record = self.book.add(url, kind)
        with self._lock:
            if record.peer_id not in self._status:
                self._status[record.peer_id] = _initial(record)
            if self._started and record.peer_id not in self._workers:
                self._start_worker(record)
        return self._status[record.peer_id]

    def peer_found(self, url: str) -> None:
        """A peer appeared (zeroconf): sync with it now."""
        self.add_peer(url, "peer")
        self.sync_now(normalize_url(url))

    def remove_peer(self, peer_id: str) -> None:
        with self._lock:
            worker = self._workers.pop(peer_id, None)
            self._status.pop(peer_id, None)
        if worker:
            worker.stopped = True
            worker.wake.set()
        self.book.remove(peer_id)

    def sync_now(self, peer_id: str | None = None) -> None:
        with self._lock:
            workers = [self._workers[peer_id]] if peer_id in self._workers else (
                [] if peer_id else list(self._workers.values()))
        for worker in workers:
            worker.poke()

    def cancel(self, peer_id: str | None = None) -> None:
        """Stop the syncs under way (with `peer_id`, that one): each stops at its next request, keeps what
        it committed, says "stopped" and goes on at its next period, not sooner."""
        with self._lock:
            running = {pid: client for pid, client in self._running.items() if peer_id in (None, pid)}
            self._cancelled |= set(running)
        for client in running.values():
            client.deadline = time.monotonic() - 1  # the transport's next request raises BadPeer("deadline")

    def local_edit(self, *_: object) -> None:
        """Hook for Services.add_listener: sync soon after the user stops editing."""
        with self._lock:
            workers = list(self._workers.values())
        for worker in workers:
            worker.due = time.monotonic() + self.config.debounce
            worker.wake.set()

    # -- life cycle --------------------------------------------------------------
    def start(self) -> None:
        with self._lock:
            self._started = True
            for record in self.book.all():
                if record.peer_id not in self._workers:
                    self._start_worker(record)

    def stop(self, timeout: float = 5.0) -> None:
        self.stopping.set()
        with self._lock:
            workers = list(self._workers.values())
        for worker in workers:
            worker.wake.set()
        for worker in workers:
            worker.thread.join(timeout)

    def sync_once(self, peer_id: str) -> PeerStatus:
        """Run one sync in the calling thread (the CLI's --once)."""
        self._run_sync(peer_id)
        return self._status[peer_id]

    def _start_worker(self, record: PeerRecord) -> None:
        worker = _PeerWorker(self, record)
        self._workers[record.peer_id] = worker
        worker.thread.start()

    # -- one sync ----------------------------------------------------------------
    def _run_sync(self, peer_id: str) -> bool:
        record = self.book.get(peer_id)
        if record is None:
            return False
        self._set(peer_id, PeerState.SYNCING)
        with self._lock:
            self._cancelled.discard(peer_id)
        try:
            client = self.client_factory(record, self.identity())
            with self._lock:
                self._running[peer_id] = client
            try:
                report = run(SyncSession(
                    self.storage, self.book, peer_id, client, self.policy_for, self.gate, batch=self.config.batch,
                    deadline=time.monotonic() + self.config.sync_deadline,
                    progress=lambda done, total: self._set(peer_id, PeerState.SYNCING, progress=(done, total)),
                    changes_progress=lambda done, total: self._set(peer_id, PeerState.SYNCING, progress=(done, total),
                                                                   unit="changes")))
            finally:
                with self._lock:
                    self._running.pop(peer_id, None)
                client.close()
        except (BadAddress, UnknownTransport) as exc:  # an address the user must correct: not "offline"
            return self._fail(peer_id, PeerState.ERROR, problem(str(exc), problem_code(exc), record.url))
        except PeerUnreachable as exc:
            return self._fail(peer_id, PeerState.OFFLINE, problem(str(exc), problem_code(exc), record.url))
        except BadPeer as exc:  # our words about what the peer did
            if peer_id in self._cancelled:
                return self._stopped(peer_id, record.url)
            return self._fail(peer_id, PeerState.ERROR, problem(exc.message, problem_code(exc), record.url))
        except ProtocolError as exc:
            return self._fail(peer_id, PeerState.ERROR, problem(f"{exc.status} {exc.code}: {exc.message}",
                                                                problem_code(exc), record.url))
        except SkillerError as exc:
            return self._fail(peer_id, PeerState.ERROR, problem(str(exc), problem_code(exc), record.url))
        except Exception:  # a bug: keep the thread alive, log the trace (a log file, not the screen)
            log.exception("sync with %s failed", record.url)
            return self._fail(peer_id, PeerState.ERROR, problem("internal error (its trace is in the error log)",
                                                                "sync.internal", record.url))
        if report.complete:
            self.book.record_success(peer_id)
        else:
            self.book.record_incomplete(peer_id, problem(report.incomplete_reason(), "sync.incomplete", record.url))
        self._set(peer_id, PeerState.UP_TO_DATE if report.complete else PeerState.INCOMPLETE, report)
        if report.changed_docs:
            self.documents_changed(sorted(report.changed_docs), peer_id)
        return report.complete  # incomplete: soon again (with backoff), to ask for what was refused

    def documents_changed(self, doc_ids: list[str], source: str | None = None) -> None:
        """Documents changed by sync (a pull, or a push a peer made to our endpoint)."""
        for listener in list(self._change_listeners):
            listener(doc_ids)
        with self._lock:  # forward what we learnt to the others
            others = [w for pid, w in self._workers.items() if pid != source]
        for worker in others:
            worker.poke(self.config.debounce)

    def _stopped(self, peer_id: str, url: str) -> bool:
        """Cancelled by the user: partly synced, and True so that the next sync waits a period."""
        self.book.record_incomplete(peer_id, problem("the sync was stopped", "sync.cancelled", url))
        self._set(peer_id, PeerState.INCOMPLETE)
        return True

    def _fail(self, peer_id: str, state: PeerState, reason: str) -> bool:
        self.book.record_error(peer_id, reason)
        self._set(peer_id, state)
        return False

    def _set(self, peer_id: str, state: PeerState, report: SyncReport | None = None,
             progress: tuple[int, int | None] | None = None, unit: str = "documents") -> None:
        record = self.book.get(peer_id)
        if record is None:
            return
        with self._lock:
            previous = self._status.get(peer_id)
            up = state is PeerState.UP_TO_DATE
            status = PeerStatus(record.peer_id, record.url, record.kind, state, record.last_success,
                                "" if up else record.last_error, report, progress, "" if up else record.problem, unit)
            self._status[peer_id] = status
        if previous is None or replace(previous, last_report=None) != replace(status, last_report=None):
            for listener in list(self._status_listeners):
                try:
                    listener(status)
                except Exception:
                    log.exception("a status listener failed")


def _initial(record: PeerRecord) -> PeerStatus:
    """Before its first sync in this process, a peer is offline, unless its last one failed or fell short."""
    state = state_of(record)
    state = PeerState.OFFLINE if state is PeerState.UP_TO_DATE else state
    return PeerStatus(record.peer_id, record.url, record.kind, state, record.last_success, record.last_error,
                      problem=record.problem)
