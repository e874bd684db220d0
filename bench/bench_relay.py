"""Relay ingest and pull, SQLite against PostgreSQL (one and two relay processes), in one run. By hand:

    python bench/bench_relay.py [--people 2000] [--work DIR] [--pg-url postgresql://…]

Every figure is real processes over loopback HTTP: `skiller-relay` verifying
every signature and change (acceptance.verify_update) and committing, fed by
signed pushes of 2,000 entries, as bench/bench_sync.py measures ingest. The
community comes from bench/community.py (bench_sync's generator and cache).

- ingest, SQLite file relay: one client pushes the whole log;
- ingest, PostgreSQL, one relay process: the same, into a fresh database;
- ingest, PostgreSQL, two relay processes on one database: two clients push
  disjoint halves (by document) at once, one to each process;
- pull: one client reads the whole log in pages of 5,000 from each relay.

Without `--pg-url` a throwaway cluster is started (tests/pg_cluster.py) with
`synchronous_commit=off`, fsync on: like the SQLite relay's WAL with
`synchronous=NORMAL`, a commit survives a crash of the relay or database
process but not of the machine. CPU seconds are reported per side (relay
processes with their verifying workers; the PostgreSQL server), so the
scaling with cores can be read off: verification is parallel across relay
processes and hosts, only the numbering and commit are one at a time.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("SKILLER_NO_KEYRING", "1")

from bench.bench_sync import source_store, start_relay  # noqa: E402
from bench.community import generate, identities_for  # noqa: E402
from skiller_desktop.db import Database  # noqa: E402
from skiller_desktop.store import Store  # noqa: E402
from sync.client import PeerClient  # noqa: E402
from sync.storage import SqliteSyncStorage  # noqa: E402
from sync.wire import WireEntry  # noqa: E402

RESULTS: dict[str, object] = {}
PUSH_BATCH = 2000
PULL_PAGE = 5000
WARM_PEOPLE = 160  # a batch this big starts a relay's verifying processes: done before the clock starts
BENCH_SETTINGS = {"synchronous_commit": "off", "shared_buffers": "256MB", "max_wal_size": "2GB"}


def say(key: str, value: object, text: str) -> None:
    RESULTS[key] = value
    print(text, flush=True)


def tree_cpu(pid: int | None) -> float | None:
    """CPU seconds of a process and all its descendants, live or exited (Linux /proc); None elsewhere.

    A relay's verifying workers and PostgreSQL's backends are children: their
    time counts, read while they live, and in their parent's once they exited.
    """
    if pid is None:
        return None
    try:
        tick = os.sysconf("SC_CLK_TCK")
        stats: dict[int, tuple[int, float]] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # exited meanwhile
            stats[int(entry.name)] = (int(fields[1]), sum(int(f) for f in fields[11:15]) / tick)
    except (OSError, ValueError, IndexError, AttributeError):
        return None
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        total += stats.get(current, (0, 0.0))[1]
        todo += [child for child, (parent, _) in stats.items() if parent == current]
    return total


def postmaster_pid(data_dir: Path | None) -> int | None:
    try:
        return int((data_dir / "postmaster.pid").read_text().split()[0]) if data_dir is not None else None
    except (OSError, ValueError, IndexError):
        return None


def delta(after: float | None, before: float | None) -> float | None:
    return None if after is None or before is None else round(after - before, 1)


def batches(entries: list[WireEntry]) -> list[list[WireEntry]]:
    return [entries[i : i + PUSH_BATCH] for i in range(0, len(entries), PUSH_BATCH)]


def push_all(url: str, identity, entries: list[WireEntry], errors: list[str]) -> None:
    client = PeerClient(url, identity, timeout=300)
    for batch in batches(entries):
        answer = client.push(batch)
        if answer["rejected"]:
            errors.append(f"{url}: {len(answer['rejected'])} rejected: {answer['rejected'][0]['reason']}")


def stop(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        proc.send_signal(signal.SIGTERM)
    for proc in procs:
        proc.wait(30)


def warm_entries(work: Path) -> list[WireEntry]:
    """Other people than the community's (another seed), pushed first so every relay runs warm."""
    path = work / f"warm-{WARM_PEOPLE}.sqlite3"
    if not path.exists():
        store = Store(Database(path))
        generate(store, WARM_PEOPLE, seed=7)
        store.db.close()
    db = Database(path)
    try:
        return SqliteSyncStorage(db, project_read_models=False).log_since(0, 10**9, 2**62)
    finally:
        db.close()


def ingest(name: str, dbs: list[str], parts: list[list[WireEntry]], identities, pg_data: Path | None,
           warm: list[WireEntry]) -> dict:
    """Start one relay per part (all on `dbs`), push each part to its relay at once; entries/s and CPU."""
    relays = [start_relay(db) for db in dbs]  # type: ignore[arg-type]
    errors: list[str] = []
    for index, (_, url) in enumerate(relays):
        push_all(url, identities[index], warm, errors)
    pg_pid = postmaster_pid(pg_data)
    relay_before = [tree_cpu(proc.pid) for proc, _ in relays]
    pg_before = tree_cpu(pg_pid)
    threads = [threading.Thread(target=push_all, args=(url, identities[i], part, errors))
               for i, ((_, url), part) in enumerate(zip(relays, parts, strict=True))]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    spent = time.perf_counter() - started
    newest = PeerClient(relays[0][1], identities[0]).info().newest_seq
    spent_cpu = [delta(tree_cpu(proc.pid), before) for (proc, _), before in zip(relays, relay_before, strict=True)]
    pg_cpu = delta(tree_cpu(pg_pid), pg_before)
    stop([proc for proc, _ in relays])
    total = sum(len(p) for p in parts)
    relay_cpu = sum(c for c in spent_cpu if c is not None)
    if errors:
        raise SystemExit(f"{name}: {errors[0]}")
    figures = {"entries": total, "stored": newest, "seconds": round(spent, 2), "entries_per_s": round(total / spent),
               "relay_cpu_s": round(relay_cpu, 1), "postgres_cpu_s": pg_cpu}
    pg_text = "" if pg_cpu is None else f", PostgreSQL {pg_cpu:.1f} s"
    say(f"ingest_{name}", figures, f"ingest {name}: {total} entries in {spent:.1f} s = {total / spent:,.0f} entries/s"
        f" (CPU: relays {relay_cpu:.1f} s{pg_text})")
    return figures


def pull(name: str, db: str, identity) -> dict:
    (proc, url) = start_relay(db)  # type: ignore[arg-type]
    client = PeerClient(url, identity, timeout=300)
    since, total, size = 0, 0, 0
    started = time.perf_counter()
    while True:
        page = client.log_since(since, PULL_PAGE)
        total += len(page.entries)
        size += sum(len(e.data) for e in page.entries)
        since = page.next
        if not page.more:
            break
    spent = time.perf_counter() - started
    stop([proc])
    figures = {"entries": total, "seconds": round(spent, 2), "entries_per_s": round(total / spent),
               "mb_per_s": round(size / spent / 1e6, 1)}
    say(f"pull_{name}", figures, f"pull {name}: {total} entries in {spent:.2f} s = {total / spent:,.0f} entries/s"
        f" ({size / spent / 1e6:.1f} MB/s of entry bytes)")
    return figures


def split_by_document(entries: list[WireEntry]) -> list[list[WireEntry]]:
    """Two disjoint halves, every document whole in one of them (its changes stay in order)."""
    halves: list[list[WireEntry]] = [[], []]
    side: dict[str, int] = {}
    for entry in entries:
        halves[side.setdefault(entry.doc_id, len(side) % 2)].append(entry)
    return halves


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--work", type=Path, default=None, help="keep the generated community here between runs")
    parser.add_argument("--pg-url", default=None, help="a PostgreSQL server to use (databases are created on it)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-relay-"))
    work.mkdir(parents=True, exist_ok=True)
    run = Path(tempfile.mkdtemp(prefix="run-", dir=work))
    source_db = Database(source_store(work, args.people))
    entries = SqliteSyncStorage(source_db, project_read_models=False).log_since(0, 10**9, 2**62)
    source_db.close()
    identities = identities_for(2, seed=42)[1]
    warm = warm_entries(work)
    print(f"community: {args.people} people, {len(entries)} log entries; {os.cpu_count()} cores", flush=True)

    from pg_cluster import Cluster, find_bin_dir, fresh_database

    cluster = None
    server = args.pg_url
    if server is None:
        bin_dir = find_bin_dir()
        if bin_dir is None:
            raise SystemExit("no PostgreSQL binaries: give --pg-url")
        cluster = Cluster(bin_dir, settings=dict(BENCH_SETTINGS)).start()
        server = cluster.url
    pg_data = cluster.root / "data" if cluster is not None else None
    try:
        sqlite_db = str(run / "relay.sqlite3")
        lite = ingest("sqlite", [sqlite_db], [entries], identities, None, warm)
        one_db = fresh_database(server, "bench_one")
        one = ingest("postgresql_1_relay", [one_db], [entries], identities, pg_data, warm)
        two_db = fresh_database(server, "bench_two")
        two = ingest("postgresql_2_relays", [two_db, two_db], split_by_document(entries), identities, pg_data,
                     warm)
        pull("sqlite", sqlite_db, identities[0])
        pull("postgresql", one_db, identities[0])
        for name, figures in (("1 relay", one), ("2 relays", two)):
            ratio = figures["entries_per_s"] / lite["entries_per_s"]
            say(f"postgresql_{name.replace(' ', '_')}_vs_sqlite", round(ratio, 2),
                f"PostgreSQL ({name}) / SQLite ingest: {ratio:.2f}")
    finally:
        if cluster is not None:
            cluster.stop()
    print(json.dumps(RESULTS, indent=1))
    return 0


if __name__ == "__main__":
    threading.current_thread().name = "bench"
    raise SystemExit(main())
