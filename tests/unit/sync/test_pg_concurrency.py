"""Several relay processes on one PostgreSQL database: no skipped entries, no lost document updates.

Each `PgSyncStorage` here stands for one relay process (its own pool of
connections); threads stand for their concurrent requests.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator

import pytest

import sync.verify
from bench.attacks import person_with_edits
from skiller_desktop import person_doc as pd
from skiller_desktop.identity import Identity, actor_id, new_device_id
from skiller_desktop.signed_heads import SignedHead
from sync.engine import apply_entries
from sync.wire import WireEntry, head_entry


@pytest.fixture
def relays(pg_database: str) -> Iterator[list]:
    from sync.pg_storage import PgSyncStorage

    opened = [PgSyncStorage(pg_database) for _ in range(2)]
    yield opened
    for storage in opened:
        storage.close()


def _opaque(tag: str, count: int) -> list[WireEntry]:
    return [WireEntry(f"team-{tag}", "sealed", f"{tag}{i:06d}", b"x" * 40) for i in range(count)]


def test_a_reader_never_skips_an_entry_that_commits_after_a_later_numbered_one(relays):
    """Writers hold their transaction open a while after numbering; a reader pages all along."""
    writers, batches, size = 4, 12, 5
    done = threading.Event()
    seen: list[int] = []
    failures: list[BaseException] = []

    def write(number: int) -> None:
        storage = relays[number % 2]
        rng = random.Random(number)
        try:
            for batch in range(batches):
                with storage.exclusive():
                    storage.append_entries(_opaque(f"w{number}b{batch}-", size))
                    time.sleep(rng.uniform(0, 0.01))  # numbered, not yet committed
        except BaseException as exc:
            failures.append(exc)

    def read() -> None:
        cursor = 0
        while True:
            finished = done.is_set()  # read before the page: after the writers, one full pass
            page, cursor_next = relays[1].log_page(cursor, 7)
            seen.extend(e.seq for e in page)
            cursor = cursor_next
            if finished and not page:
                return

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    reader = threading.Thread(target=read)
    reader.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    reader.join(60)
    assert not failures
    total = writers * batches * size
    assert relays[0].newest_seq() == total
    assert seen == list(range(1, total + 1))  # every entry once, in order, none skipped


def _device_edits() -> tuple[list[WireEntry], list[WireEntry], list[WireEntry], Identity]:
    """A person's document, then two concurrent branches by two of their devices, each signed."""
    first = Identity.generate()
    second = Identity(first.private_key, new_device_id())
    doc = pd.new_document(first, "Two devices", "", "laptop")
    pd.apply(doc, pd.add_device(second.device_id, "phone"))

    def signed(document, since: list[bytes]) -> list[WireEntry]:
        changes = [WireEntry(first.person_id, "change", c.hash.hex(), c.bytes) for c in document.get_changes(since)]
        return [*changes, head_entry(SignedHead.sign(first, first.person_id, document.get_heads()))]

    base = signed(doc, [])
    base_heads = doc.get_heads()
    other = doc.fork()
    other.set_actor(actor_id(first.public_key, second.device_id))
    pd.apply(doc, pd.set_profile({"headline": "from the laptop"}))
    pd.apply(other, pd.set_profile({"location": "from the phone"}))
    return base, signed(doc, base_heads), signed(other, base_heads), first


def test_two_processes_updating_one_document_at_once_keep_both_updates(relays, monkeypatch):
    base, laptop, phone, person = _device_edits()
    assert not apply_entries(relays[0], base).rejected
    slow = sync.verify.verify_update

    def slow_verify(*args, **kwargs):
        time.sleep(0.3)  # both batches are past their first read before either commits
        return slow(*args, **kwargs)

    monkeypatch.setattr(sync.verify, "verify_update", slow_verify)  # the one place jobs are verified
    results: list = [None, None]

    def push(index: int, entries: list[WireEntry]) -> None:
        results[index] = apply_entries(relays[index], entries, signer=person.person_id)

    threads = [threading.Thread(target=push, args=(0, laptop)), threading.Thread(target=push, args=(1, phone))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(r is not None and not r.rejected and not r.pending for r in results)
    stored = relays[1].get(person.person_id)
    heads = {h.hex() for h in stored.document().get_heads()}
    assert heads == {laptop[-2].hash, phone[-2].hash}  # both branches' last changes are the stored heads
    assert {s.key for s in stored.signed_heads} == {laptop[-1].hash, phone[-1].hash}
    assert relays[0].newest_seq() == len(base) + len(laptop) + len(phone)


def test_a_history_pushed_to_two_processes_at_once_is_logged_once(relays):
    _, entries = person_with_edits(30)
    outcome: list = []
    threads = [threading.Thread(target=lambda s=s: outcome.append(apply_entries(s, entries))) for s in relays]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(len(r.accepted) for r in outcome) >= len(entries) and not any(r.rejected for r in outcome)
    assert relays[0].newest_seq() == len(entries)
    assert [e.seq for e in relays[0].log_since(0, 1000)] == list(range(1, len(entries) + 1))


def test_concurrent_batches_of_one_sender_cannot_all_pass_its_pending_quota(relays, monkeypatch):
    import sync.engine

    monkeypatch.setattr(sync.engine, "MAX_PENDING_PER_SIGNER", 30)
    batches = [person_with_edits(20)[1][1:21] for _ in range(6)]  # six documents, twenty waiting entries each
    for relay in relays:
        real = relay.pending_usage

        def slow(signer: str, real=real):  # widen the window between reading the quota and committing
            usage = real(signer)
            time.sleep(0.3)
            return usage

        monkeypatch.setattr(relay, "pending_usage", slow)
    threads = [threading.Thread(target=apply_entries, args=(relays[i % 2], batch), kwargs={"signer": "greedy"})
               for i, batch in enumerate(batches)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    held = relays[0].pending_by_signer().get("greedy", (0, 0))[0]
    assert 0 < held <= 30  # before the quota was read under the numbering lock, six batches held 120
