"""One sync with one peer: pull what it has, push what it lacks, cursors kept.

Order: info (epoch check), push, pull (a snapshot of whole documents when
starting from nothing, then the log), documents to ask for again. Pushing
first means that, in the usual case, the peer already has everything we have
when the pull commits, so the push cursor can move over what the pull added
and nothing is echoed back (and a push the peer says added only our entries
moves the pull cursor likewise). A cursor moves only inside the transaction
that commits the batch it covers.

Nothing a peer says is taken on trust (issue 10): its pages must advance
toward the end it advertised (`_Pages`), entries it refused are sent again
(the push cursor stops before them), entries we refused are noted and asked
for again by document, each a bounded number of times, and a sync that left
any of that undone is not complete (`SyncReport.complete`).

Teams (protocol §7): the session's `gate` (a desktop node's `NodeTeamGate`;
`NoTeams` otherwise) decides: keyboxes are exchanged first, team entries are pushed sealed with the
current team key, sealed entries pulled are opened before the engine sees
them, a team whose keys just arrived has its history fetched again, and an
admin's node admits accepted invitations and rotates keys after the pull.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from skiller_desktop.messages import FINAL_REFUSALS, code_of

from .client import BadPeer
from .engine import (
    ApplyResult,
    PolicyFor,
    ResultHook,
    SnapshotVerification,
    apply_entries,
    apply_snapshot,
    retry_pending,
)
from .peers import MAX_PUSH_REFUSALS, PeerBook, PeerNotes, PeerRecord
from .storage import SyncStorage
from .teams import NO_TEAMS, TeamGate
from .transport import LogPage, PeerInfo, PushAnswer, SnapshotPage, Transport
from .wire import WireEntry

PUSH_BYTES = 4 * 1024 * 1024
SNAPSHOT_PAGE = 1000
DOC_PAGE = 200  # a document's entries asked for again: small pages, as `?doc=` pages have no byte bound
MAX_TRIES = 3  # an entry refused is sent, or asked for, this many times in all; then it is given up and reported

Key = tuple[str, str]


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
    rejected: list[str] = field(default_factory=list)  # every refusal, either side: "hash: reason"
    changed_docs: set[str] = field(default_factory=set)
    restarted: bool = False
    waiting: int = 0  # entries pulled from this peer still waiting for their dependencies at the end
    given_up: int = 0  # refused entries this sync stopped retrying
    for_good: int = 0  # refusals that asking again cannot change (`refused_for_good`): reported, not retried
    pending_keys: set[Key] = field(default_factory=set, repr=False)  # pulled entries that went pending
    push_reached: int = 0  # the last seq this sync pushed (refused ones included), not to push twice
    push_hold: int | None = None  # the push cursor stays at or before this seq: a refused entry follows it

    def refuse(self, hash_: str, why: str) -> bool:
        """One refusal, either side, reported; True (and counted) if it is for good (`refused_for_good`)."""
        self.rejected.append(f"{hash_[:12]}: {why}")
        final = refused_for_good(why)
        self.for_good += final
        return final

    @property
    def complete(self) -> bool:
        """Up to date: nothing refused on either side, nothing left waiting, the advertised end reached."""
        return len(self.rejected) == self.for_good and not self.waiting

    def incomplete_reason(self) -> str:
        parts = []
        if len(self.rejected) > self.for_good:
            parts.append(f"{len(self.rejected) - self.for_good} entries refused ({self.rejected[0]})"
                         + (f", {self.given_up} given up after {MAX_TRIES} tries" if self.given_up else
                            ", tried again next sync"))
        if self.waiting:
            parts.append(f"{self.waiting} entries still wait for others they depend on")
        return "; ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {"peer": self.peer_id, "pulled": self.pulled, "pushed": self.pushed,
                "duplicates": self.duplicates, "snapshot_docs": self.snapshot_docs, "pending": self.pending,
                "rejected": self.rejected[:20], "changed_docs": len(self.changed_docs),
                "restarted": self.restarted, "waiting": self.waiting, "given_up": self.given_up,
                "refused_for_good": self.for_good,
                "complete": self.complete}


# Called during a first sync with (documents received so far, documents the peer holds or None).
Progress = Callable[[int, int | None], None]


@dataclass
class SyncSession:
    """One sync with one peer: what it works on, with what policy, and what it found so far."""

    storage: SyncStorage
    book: PeerBook
    peer_id: str
    client: Transport
    policy_for: PolicyFor | None = None
    gate: TeamGate = NO_TEAMS  # which team entries go out sealed, come in opened (protocol §7)
    batch: int = 2000
    use_snapshot: bool = True
    progress: Progress | None = None
    # (changes received, changes expected) while a log pull longer than one page goes (a later sync's count)
    changes_progress: Progress | None = None
    deadline: float | None = None  # time.monotonic() the sync ends (BadPeer), cursors where the last commit left them
    report: SyncReport = field(init=False)
    epoch: str = ""  # the peer's, as its info said at the start

    def __post_init__(self) -> None:
        self.report = SyncReport(self.peer_id)

    def peer(self) -> PeerRecord:
        record = self.book.get(self.peer_id)
        assert record is not None, self.peer_id
        return record

    def apply(self, entries: list[WireEntry], hook: ResultHook | None = None) -> ApplyResult:
        return apply_entries(self.storage, entries, self.policy_for, hook)


def sync_peer(storage: SyncStorage, book: PeerBook, peer_id: str, client: Transport,
              policy_for: PolicyFor | None = None, *, gate: TeamGate = NO_TEAMS, batch: int = 2000,
              use_snapshot: bool = True, progress: Progress | None = None,
              deadline: float | None = None) -> SyncReport:
    """One sync (`run` of a `SyncSession` made of these)."""
    return run(SyncSession(storage, book, peer_id, client, policy_for, gate, batch, use_snapshot, progress,
                           deadline=deadline))


def run(session: SyncSession) -> SyncReport:
    """One sync; up to three tries when the peer's log is reset meanwhile."""
    session.client.deadline = session.deadline
    session.client = _UnsealingClient(session.client, session.gate)
    report = session.report
    for _ in range(3):
        try:
            _sync(session)
            _teams_after_pull(session)
            return report
        except EpochChanged:  # both cursors start over, so does what this sync pushed
            report.restarted, report.push_reached, report.push_hold = True, 0, None
    raise EpochChanged(f"{session.client.url} keeps changing its epoch")


def _sync(session: SyncSession) -> None:
    storage, book, peer_id, report = session.storage, session.book, session.peer_id, session.report
    info = session.client.info()
    session.epoch = info.epoch
    peer = session.peer()
    if info.epoch != peer.epoch:
        report.restarted = report.restarted or bool(peer.epoch)
        book.reset(peer_id, info.epoch)
    asked_again = list(book.notes(peer_id).refetch)  # refused by an earlier sync: asked for after the pull
    _push(session)
    end = max(info.newest_seq, session.peer().pulled_seq)  # our push may have moved the pull cursor past it
    if session.use_snapshot and session.peer().pulled_seq == 0 and info.newest_seq > 0:
        _pull_snapshot(session)
    _pull_log(session, end)
    _ask_again(session, asked_again)
    if storage.pending_count():
        retried = retry_pending(storage, session.policy_for)
        _count(report, retried)
        report.waiting = len(report.pending_keys & set(retried.pending))


# -- the checks of a peer's pages -----------------------------------------------------

def _not_advancing(url: str, detail: str) -> BadPeer:
    return BadPeer("no_progress", f"{url} sent a page that does not advance toward its end ({detail})")


def _check_log_page(url: str, page: LogPage, since: int, limit: int, end: int | None) -> None:
    """`next` moves forward (unless the log ended), stays within the peer's log, and holds the entries given.

    A peer reads its newest seq before the page, so a page may go past it by what arrived in
    between (at most a page); a whole-log page that says `more` is still short of it."""
    forward = page.next > since or (page.next == since and not page.more)
    within = page.next <= max(page.newest_seq, end or 0, since) + limit
    short = not page.more or end is None or page.next < page.newest_seq
    if not (forward and within and short) or len(page.entries) > limit:
        raise _not_advancing(url, f"next {page.next} after {since}, newest {page.newest_seq}, "
                                  f"{len(page.entries)} entries")
    if any(e.seq and not since < e.seq <= page.next for e in page.entries):
        raise _not_advancing(url, f"entries outside {since}..{page.next}")


def _check_snapshot_page(url: str, page: SnapshotPage, after: str, limit: int) -> None:
    """Documents in ascending id order after `after`; `next`, if any, after `after` and the last of them."""
    ids = [after, *(d.doc_id for d in page.docs)]
    ascending = all(a < b for a, b in pairwise(ids))
    if not ascending or len(page.docs) > limit or (page.next is not None and (page.next <= after
                                                                               or page.next < ids[-1])):
        raise _not_advancing(url, f"next {str(page.next)[:40]!r} after {after[:40]!r}")


def _log_pages(client: Transport, epoch: str, since: int, limit: int, end: int | None = None,
               doc: str | None = None) -> Iterator[LogPage]:
    """The peer's log pages from `since` up to `end`, each checked; with `doc`, that document's to its last page.

    Each page must advance, so there are at most as many as the seqs the peer advertised."""
    while end is None or since < end:
        page = client.log_since(since, limit, doc=doc) if doc is not None else client.log_since(since, limit)
        if page.epoch != epoch:
            raise EpochChanged
        _check_log_page(client.url, page, since, limit, end)
        if not page.more and end is not None and page.next < end:
            raise _not_advancing(client.url, f"its log ends at {page.next}, before the {end} it advertised")
        yield page
        if not page.more:
            return
        since = page.next


# -- pulling -----------------------------------------------------------------------------

def _pull_hook(book: PeerBook, peer_id: str, pulled: int | None, refused_before: tuple[tuple[str, str, str], ...],
               doc_of: Callable[[], dict[Key, str]]) -> ResultHook:
    """Inside the commit: move the pull cursor (and the push cursor if the peer had all we had),
    and note what was refused, to ask for it again next sync."""
    def hook(result: ApplyResult) -> None:
        peer = book.get(peer_id)
        pushed = None
        if peer is not None and peer.pushed_seq == result.seq_before and result.used_old_pending == 0:
            pushed = result.seq_after
        book.set_cursors(peer_id, pulled=pulled, pushed=pushed)
        refused = list(refused_before)
        again = _to_ask_again(result.rejected)
        if again:
            docs = doc_of()
            refused += [(docs.get(key, key[1]), key[1], why) for key, why in again]
        if refused:
            _note_refused(book, peer_id, refused)
    return hook


def _note_refused(book: PeerBook, peer_id: str, refused: list[tuple[str, str, str]]) -> None:
    notes = book.notes(peer_id)
    for doc_id, hash_, why in refused:
        notes.note_refused(doc_id, hash_, why)
    book.save_notes(peer_id, notes)


def _pull_snapshot(session: SyncSession) -> None:
    """Pages of whole documents, pipelined: page N+1 downloads and goes to the verifying
    processes before page N is committed, so neither the network nor SQLite leaves them idle.

    A peer's snapshot has at most as many pages as it holds documents (`total`, or
    `upto`: every document has an entry in its log), each one further on. A snapshot
    cut short (a deadline, an error) goes on from its last committed page next time,
    with the `upto` of its first page, which every later page still covers."""
    storage, client, policy_for, progress = session.storage, session.client, session.policy_for, session.progress
    notes = session.book.notes(session.peer_id)
    page = _snapshot_page(client, session.epoch, notes.snapshot_after)
    upto, total, received = notes.snapshot_upto or page.upto, page.total, 0
    pages_left = min(total, upto) if total is not None else upto
    verifying = SnapshotVerification(storage, page.docs, policy_for)
    if progress is not None:
        progress(0, total)
    while True:
        following, verifying_next = None, None
        try:
            if page.next is not None:  # the workers are busy with this page meanwhile
                pages_left -= 1
                if pages_left < 0:
                    raise _not_advancing(client.url, f"more pages than the {upto} entries it holds")
                following = _snapshot_page(client, session.epoch, page.next)
                verifying_next = SnapshotVerification(storage, following.docs, policy_for)
            hook = _snapshot_hook(session.book, session.peer_id, upto, None if following is None else page.next)
            result = apply_snapshot(storage, page.docs, policy_for, hook, verifying)
        except BaseException:
            verifying.cancel()
            if verifying_next is not None:
                verifying_next.cancel()
            raise
        session.report.snapshot_docs += len(result.accepted)
        _count(session.report, result)
        received += len(page.docs)
        if progress is not None:
            progress(received, max(total, received) if total is not None else None)
        if following is None or verifying_next is None:
            return
        page, verifying = following, verifying_next


def _snapshot_hook(book: PeerBook, peer_id: str, upto: int, resume_after: str | None) -> ResultHook:
    """Inside a snapshot page's commit: where to go on from (None: the last page, the pull cursor to `upto`)."""
    cursors = _pull_hook(book, peer_id, upto if resume_after is None else None, (),
                         dict)  # a refused document's key is ("doc", its id): no lookup needed

    def hook(result: ApplyResult) -> None:
        cursors(result)
        notes = book.notes(peer_id)
        notes.snapshot_after, notes.snapshot_upto = (resume_after, upto) if resume_after is not None else ("", 0)
        book.save_notes(peer_id, notes)
    return hook


def _snapshot_page(client: Transport, epoch: str, after: str) -> SnapshotPage:
    """One checked page; over the answer cap (documents bigger than usual), asked again in smaller pages."""
    limit = SNAPSHOT_PAGE
    while True:
        try:
            page = client.snapshot(after, limit)
            break
        except BadPeer as exc:
            if exc.code != "too_large" or limit == 1:
                raise
            limit = max(1, limit // 30)  # 1000, 33, 1: a hostile peer costs three answers at most
    if page.epoch != epoch:
        raise EpochChanged
    _check_snapshot_page(client.url, page, after, limit)
    return page


def _pull_log(session: SyncSession, end: int) -> None:
    start = since = session.peer().pulled_seq
    expected = end - start
    told = session.changes_progress if expected > session.batch else None  # one page is quick: no count
    for page in _log_pages(session.client, session.epoch, since, session.batch, end):
        if page.entries or page.next != since or page.refused:
            hook = _pull_hook(session.book, session.peer_id, page.next, page.refused, _docs_of(page.entries))
            result = session.apply(page.entries, hook)
            session.report.pulled += len(result.accepted)
            _count(session.report, result, page)
        since = page.next
        if told is not None:
            told(min(max(since - start, 0), expected), expected)


def _docs_of(entries: list[WireEntry]) -> Callable[[], dict[Key, str]]:
    return lambda: {e.key: e.doc_id for e in entries}


def _pull_doc(session: SyncSession, doc_id: str) -> ApplyResult:
    """All of one document's entries, applied; the outcome summed over its pages."""
    total = ApplyResult()
    for page in _log_pages(session.client, session.epoch, 0, DOC_PAGE, doc=doc_id):
        result = session.apply(page.entries)
        session.report.pulled += len(result.accepted)
        _count(session.report, result, page)
        total.rejected += result.rejected + [(("sealed", hash_), why) for _, hash_, why in page.refused]
        total.pending += result.pending
    return total


def _ask_again(session: SyncSession, doc_ids: list[str]) -> None:
    """Documents refused in earlier syncs, asked for again by document until accepted or given up."""
    book, peer_id = session.book, session.peer_id
    notes = book.notes(peer_id)  # read once: pulling a document here writes no notes (no commit hook)
    for doc_id in doc_ids:
        note = notes.refetch.get(doc_id)
        if note is None:
            continue
        note.tries += 1  # counted before asking: a document whose answer fails the sync is given up too
        book.save_notes(peer_id, notes)
        result = _pull_doc(session, doc_id)
        again = _to_ask_again(result.rejected)
        if not again and not result.pending:
            del notes.refetch[doc_id]
        elif note.tries >= MAX_TRIES - 1:  # the refusal that noted it was the first try
            del notes.refetch[doc_id]
            session.report.given_up += len(again) or 1
        book.save_notes(peer_id, notes)


# -- pushing -----------------------------------------------------------------------------

def _push(session: SyncSession) -> None:
    """Our log after the push cursor, in batches. The cursor stops before the first entry the peer
    refused (so it goes again next sync), unless that entry was refused MAX_TRIES times.

    Team entries leave this node sealed by the gate, or not at all."""
    book, peer_id, client, report, gate = session.book, session.peer_id, session.client, session.report, session.gate
    _exchange_keyboxes(session)
    pushed = max(session.peer().pushed_seq, report.push_reached)
    notes = book.notes(peer_id)
    while True:
        entries, last = session.storage.log_page(pushed, session.batch, PUSH_BYTES)  # blocked keys' not passed on
        if last == pushed:
            return
        sending, skipped = gate.seal_outgoing(entries)
        report.rejected += skipped
        answer: PushAnswer = (client.push(sending) if sending else
                              {"epoch": session.epoch, "rejected": [], "echo": None})
        if answer["epoch"] != session.epoch:
            raise EpochChanged
        report.pushed += answer.get("accepted", 0)
        report.duplicates += answer.get("duplicates", 0)
        held = _push_refusals(notes, sending, answer["rejected"], report)
        if held is not None:
            report.push_hold = held if report.push_hold is None else min(report.push_hold, held)
        pushed = report.push_reached = last
        echo = answer.get("echo")
        pulled = echo["to"] if echo and echo["from"] == session.peer().pulled_seq else None
        with book.db.transaction():
            book.set_cursors(peer_id, pulled=pulled,
                             pushed=pushed if report.push_hold is None else min(report.push_hold, pushed))
            book.save_notes(peer_id, notes)


def _push_refusals(notes: PeerNotes, sent: list[WireEntry], rejected: list[dict[str, str]],
                   report: SyncReport) -> int | None:
    """Count each refusal in `notes`; the seq the push cursor must stay at, or None if it may pass them all."""
    if not rejected and not notes.push_refusals:
        return None
    refused = {(r["kind"], r["hash"]): r["reason"] for r in rejected}
    hold = None
    for entry in sent:
        label = f"{entry.kind}:{entry.hash}"
        if entry.key not in refused:
            if notes.push_refusals:
                notes.push_refusals.pop(label, None)
            continue
        if report.refuse(entry.hash, refused[entry.key]):
            continue  # sending it again cannot help: the cursor passes it
        tries = notes.push_refusals.pop(label, 0) + 1
        if tries >= MAX_TRIES or len(notes.push_refusals) >= MAX_PUSH_REFUSALS:
            report.given_up += 1
            continue
        notes.push_refusals[label] = tries
        hold = entry.seq - 1 if hold is None else min(hold, entry.seq - 1)
    return hold


def _exchange_keyboxes(session: SyncSession) -> None:
    """Learn the peer's newer keyboxes of our teams, and give it those it lacks, before sealing anything."""
    gate, client, report = session.gate, session.client, session.report
    for team_id in gate.teams_of_interest():
        page = client.log_since(0, 5000, doc=team_id, kind="keybox")
        theirs = [e for e in page.entries if e.kind == "keybox" and e.doc_id == team_id]
        report.rejected += [f"{key[1][:12]}: {why}" for key, why in gate.absorb(theirs)]
        missing = gate.keybox_entries(team_id, len(theirs))
        if missing:
            answer = client.push(missing)
            for refusal in answer["rejected"]:  # a peer that blocked our key refuses these for good too
                report.refuse(refusal["hash"], refusal["reason"])


def _teams_after_pull(session: SyncSession) -> None:
    """Fetch the history of teams whose keys just arrived; admit, rotate, and push what that wrote."""
    gate = session.gate
    for team_id in gate.catchup():
        result = _pull_doc(session, team_id)
        again = _to_ask_again(result.rejected)
        if again:
            _note_refused(session.book, session.peer_id, [(team_id, key[1], why) for key, why in again])
        gate.caught_up(team_id)
    if gate.after_sync():
        session.epoch = session.client.info().epoch
        _push(session)


class _UnsealingClient:
    """The peer's transport, but pulled pages come with keyboxes kept and sealed team entries opened."""

    def __init__(self, client: Transport, gate: TeamGate) -> None:
        self._client = client
        self._gate = gate

    @property
    def url(self) -> str:
        return self._client.url

    @property
    def deadline(self) -> float | None:
        return self._client.deadline

    @deadline.setter
    def deadline(self, value: float | None) -> None:
        self._client.deadline = value

    def info(self) -> PeerInfo:
        return self._client.info()

    def push(self, entries: list[WireEntry]) -> PushAnswer:
        return self._client.push(entries)

    def snapshot(self, after: str, limit: int) -> SnapshotPage:
        return self._client.snapshot(after, limit)

    def close(self) -> None:
        self._client.close()

    def log_since(self, since: int, limit: int, doc: str | None = None, kind: str = "") -> LogPage:
        page = self._client.log_since(since, limit, doc=doc, kind=kind)
        if kind == "keybox":
            return page
        opened = self._gate.unseal(page.entries)
        docs = {e.key: e.doc_id for e in page.entries} if opened.refused else {}
        refused = [(docs.get(key, ""), key[1], why) for key, why in opened.refused]
        return LogPage(page.epoch, opened.plain, page.next, page.more, page.newest_seq, tuple(refused))


def _count(report: SyncReport, result: ApplyResult, page: LogPage | None = None) -> None:
    report.duplicates += result.duplicates
    report.pending += len(result.pending)
    report.pending_keys.update(result.pending)
    for key, why in result.rejected:
        report.refuse(key[1], why)
    if page is not None:
        report.rejected += [f"{hash_[:12]}: {why}" for _, hash_, why in page.refused]
    report.changed_docs.update(result.changed_docs)


def refused_for_good(reason: str) -> bool:
    """A refusal the very same signed bytes would meet again: the document breaks the schema
    (doc_schema's SchemaError), is empty, too deep, of no known kind, or its key is blocked here.

    Asking again cannot change it, so it is reported but neither retried nor counted against
    "up to date" (otherwise one hostile document on an older relay keeps every node incomplete).
    Corrupt bytes, a bad signature or missing dependencies may be the transport's fault: retried.
    Decided by the refusal's code (skiller_desktop.messages.FINAL_REFUSALS), never by its words;
    a peer's refusals arrive with theirs (sync.client).
    """
    return code_of(reason) in FINAL_REFUSALS


def _to_ask_again(rejected: list[tuple[Key, str]]) -> list[tuple[Key, str]]:
    return [(key, why) for key, why in rejected if not refused_for_good(why)]
