"""One sync with one peer: pull what it has, push what it lacks, cursors kept.

Order: info (epoch check), push, pull (a snapshot of whole documents when
starting from nothing, then the log). Pushing first means that, in the usual
case, the peer already has everything we have when the pull commits, so the
push cursor can move over what the pull added and nothing is echoed back (and
a push the peer says added only our entries moves the pull cursor likewise).
A cursor moves only inside the transaction that commits the batch it covers.

Teams (protocol §7): when the storage carries a `team_gate` (a desktop
node), keyboxes are exchanged first, team entries are pushed sealed with the
current team key, sealed entries pulled are opened before the engine sees
them, a team whose keys just arrived has its history fetched again, and an
admin's node admits accepted invitations and rotates keys after the pull.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .client import LogPage, PeerClient
from .engine import (
    ApplyResult,
    PolicyFor,
    SnapshotVerification,
    apply_entries,
    apply_snapshot,
    retry_pending,
)
from .peers import PeerBook
from .storage import SyncStorage

PUSH_BYTES = 4 * 1024 * 1024
SNAPSHOT_PAGE = 1000


class EpochChanged(Exception):
    """The peer's log was reset while we synced; start over."""


@dataclass
class SyncReport:
    peer_id: str
    pulled: int = 0
    pushed: int = 0
    duplicates: int = 0
    snapshot_docs: int = 0
    pending: int = 0
    rejected: list[str] = field(default_factory=list)
    changed_docs: set[str] = field(default_factory=set)
    restarted: bool = False

    def to_json(self) -> dict:
        return {"peer": self.peer_id, "pulled": self.pulled, "pushed": self.pushed,
                "duplicates": self.duplicates, "snapshot_docs": self.snapshot_docs, "pending": self.pending,
                "rejected": self.rejected[:20], "changed_docs": len(self.changed_docs),
                "restarted": self.restarted}


# Called during a first sync with (documents received so far, documents the peer holds or None).
Progress = Callable[[int, int | None], None]


def sync_peer(storage: SyncStorage, book: PeerBook, peer_id: str, client: PeerClient,
              policy_for: PolicyFor | None = None, *, batch: int = 2000, use_snapshot: bool = True,
              progress: Progress | None = None) -> SyncReport:
    report = SyncReport(peer_id)
    gate = getattr(storage, "team_gate", None)
    if gate is not None:
        client = _UnsealingClient(client, gate, report)
    for _ in range(3):
        try:
            _sync(storage, book, peer_id, client, policy_for, batch, use_snapshot, report, progress)
            if gate is not None:
                _teams_after_pull(storage, book, peer_id, client, policy_for, gate, batch, report)
            return report
        except EpochChanged:
            report.restarted = True
    raise EpochChanged(f"{client.url} keeps changing its epoch")


def _sync(storage, book, peer_id, client, policy_for, batch, use_snapshot, report, progress=None) -> None:
    info = client.info()
    peer = book.get(peer_id)
    assert peer is not None, peer_id
    if info.epoch != peer.epoch:
        report.restarted = report.restarted or bool(peer.epoch)
        book.reset(peer_id, info.epoch)
    _push(storage, book, peer_id, client, info.epoch, batch, report)
    if use_snapshot and book.get(peer_id).pulled_seq == 0 and info.newest_seq > 0:
        _pull_snapshot(storage, book, peer_id, client, policy_for, info.epoch, report, progress)
    _pull_log(storage, book, peer_id, client, policy_for, info.epoch, batch, report)
    if storage.pending_count():
        _count(report, retry_pending(storage, policy_for))


def _echo_hook(book: PeerBook, peer_id: str, pulled: int | None):
    """Inside the commit: move the pull cursor; if the peer had all we had, the push cursor too."""
    def hook(result: ApplyResult) -> None:
        peer = book.get(peer_id)
        pushed = None
        if peer is not None and peer.pushed_seq == result.seq_before and result.used_old_pending == 0:
            pushed = result.seq_after
        book.set_cursors(peer_id, pulled=pulled, pushed=pushed)
    return hook


def _pull_snapshot(storage, book, peer_id, client, policy_for, epoch, report, progress=None) -> None:
    """Pages of whole documents, pipelined: page N+1 downloads and goes to the verifying
    processes before page N is committed, so neither the network nor SQLite leaves them idle."""
    upto = None
    page = client.snapshot("", SNAPSHOT_PAGE)
    total, received = page.total, 0
    verifying = SnapshotVerification(storage, page.docs, policy_for)
    if progress is not None:
        progress(0, total)
    while True:
        if page.epoch != epoch:
            verifying.cancel()
            raise EpochChanged
        upto = page.upto if upto is None else upto
        following, verifying_next = None, None
        try:
            if page.next is not None:  # the workers are busy with this page meanwhile
                following = client.snapshot(page.next, SNAPSHOT_PAGE)
                verifying_next = SnapshotVerification(storage, following.docs, policy_for)
            result = apply_snapshot(storage, page.docs, policy_for,
                                    _echo_hook(book, peer_id, upto if following is None else None), verifying)
        except BaseException:
            verifying.cancel()
            if verifying_next is not None:
                verifying_next.cancel()
            raise
        report.snapshot_docs += len(result.accepted)
        _count(report, result)
        received += len(page.docs)
        if progress is not None:
            progress(received, max(total, received) if total is not None else None)
        if following is None:
            return
        page, verifying = following, verifying_next


def _pull_log(storage, book, peer_id, client, policy_for, epoch, batch, report) -> None:
    since = book.get(peer_id).pulled_seq
    while True:
        page = client.log_since(since, batch)
        if page.epoch != epoch:
            raise EpochChanged
        if page.entries or page.next != since:
            result = apply_entries(storage, page.entries, policy_for, _echo_hook(book, peer_id, page.next))
            report.pulled += len(result.accepted)
            _count(report, result)
        if not page.more or page.next == since:
            return
        since = page.next


def _push(storage, book, peer_id, client, epoch, batch, report) -> None:
    gate = getattr(storage, "team_gate", None)
    if gate is not None:
        _exchange_keyboxes(gate, client, report)
    pushed = book.get(peer_id).pushed_seq
    while True:
        entries = storage.log_since(pushed, batch, PUSH_BYTES)
        if not entries:
            return
        sending = entries
        if gate is not None:  # team entries leave this node sealed, or not at all
            sending, skipped = gate.seal_outgoing(entries)
            report.rejected += skipped
            if not sending:
                pushed = entries[-1].seq
                book.set_cursors(peer_id, pushed=pushed)
                continue
        answer = client.push(sending)
        if answer.get("epoch") != epoch:
            raise EpochChanged
        report.pushed += int(answer.get("accepted", 0))
        report.duplicates += int(answer.get("duplicates", 0))
        report.rejected += [f"{r.get('hash', '')[:12]}: {r.get('reason', '')}" for r in answer.get("rejected", [])]
        echo = answer.get("echo")
        peer = book.get(peer_id)
        pulled = None
        if isinstance(echo, dict) and echo.get("from") == peer.pulled_seq:
            pulled = int(echo["to"])
        pushed = entries[-1].seq
        book.set_cursors(peer_id, pushed=pushed, pulled=pulled)


def _exchange_keyboxes(gate, client, report: SyncReport) -> None:
    """Learn the peer's newer keyboxes of our teams, and give it those it lacks, before sealing anything."""
    for team_id in gate.teams_of_interest():
        page = client.log_since(0, 5000, doc=team_id, kind="keybox")
        theirs = [e for e in page.entries if e.kind == "keybox" and e.doc_id == team_id]
        report.rejected += [f"{key[1][:12]}: {why}" for key, why in gate.absorb(theirs)]
        missing = gate.keybox_entries(team_id, len(theirs))
        if missing:
            answer = client.push(missing)
            report.rejected += [f"{r.get('hash', '')[:12]}: {r.get('reason', '')}" for r in answer.get("rejected", [])]


def _teams_after_pull(storage, book, peer_id, client, policy_for, gate, batch, report: SyncReport) -> None:
    """Fetch the history of teams whose keys just arrived; admit, rotate, and push what that wrote."""
    for team_id in gate.keys.catchup():
        since = 0
        while True:
            page = client.log_since(since, batch, doc=team_id)
            if page.entries:
                result = apply_entries(storage, page.entries, policy_for)
                report.pulled += len(result.accepted)
                _count(report, result)
            if not page.more or page.next == since:
                break
            since = page.next
        gate.keys.caught_up(team_id)
    if gate.after_sync():
        info = client.info()
        _push(storage, book, peer_id, client, info.epoch, batch, report)


class _UnsealingClient:
    """The peer client, but pulled pages come with keyboxes kept and sealed team entries opened."""

    def __init__(self, client: PeerClient, gate, report: SyncReport) -> None:
        self._client = client
        self._gate = gate
        self._report = report

    def __getattr__(self, name: str):
        return getattr(self._client, name)

    def log_since(self, since: int, limit: int, doc: str | None = None, kind: str = "") -> LogPage:
        page = self._client.log_since(since, limit, doc=doc, kind=kind)
        if kind == "keybox":
            return page
        opened = self._gate.unseal(page.entries)
        self._report.rejected += [f"{key[1][:12]}: {why}" for key, why in opened.refused]
        return LogPage(page.epoch, opened.plain, page.next, page.more, page.newest_seq)


def _count(report: SyncReport, result: ApplyResult) -> None:
    report.duplicates += result.duplicates
    report.pending += len(result.pending)
    report.rejected += [f"{key[1][:12]}: {why}" for key, why in result.rejected]
    report.changed_docs.update(result.changed_docs)
