"""Relay ingest and pull, SQLite against PostgreSQL (one and two relay processes), in one run. By hand:

    python bench/bench_relay.py [--people 2000] [--repeat 3] [--work DIR] [--pg-url postgresql://…]

Every figure is real processes over loopback HTTP: `skiller-relay` verifying
every signature and change (acceptance.verify_update) and committing, fed by
signed pushes of 2,000 entries, as bench/bench_sync.py measures ingest. The
community comes from bench/community.py (bench_sync's generator and cache).

- ingest, SQLite file relay: one client pushes the whole log, then two
  clients push disjoint halves (by document) at once;
- ingest, PostgreSQL, one relay process: the same two, each into a fresh
  database;
- ingest, PostgreSQL, two relay processes on one database: two clients,
  one to each process;
- pull: one client reads the whole log in pages of 5,000 from each relay.

Each ingest is run `--repeat` times and the best is reported (the machine
may be shared: the best run is the least disturbed), with CPU per 1,000
entries, which another process's load does not move.

Without `--pg-url` a throwaway cluster is started (tests/pg_cluster.py) with
`synchronous_commit=off`, fsync on: like the SQLite relay's WAL with
`synchronous=NORMAL`, a commit survives a crash of the relay or database
process but not of the machine. (`BENCH_SETTINGS` says why the others.) CPU seconds are reported per side (relay
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
from collections.abc import Callable
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
# wal_init_zero off: a fresh cluster would otherwise write 16 MB of zeros for every new WAL segment
# (measured: half the PostgreSQL relay's ingest rate here), which a server in steady state recycles.
BENCH_SETTINGS = {"synchronous_commit": "off", "shared_buffers": "256MB", "max_wal_size": "2GB",
                  "wal_init_zero": "off"}


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
    return None if after is None or before is None else after - before


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


def ingest_once(dbs: list[str], parts: list[list[WireEntry]], identities, pg_data: Path | None,
                warm: list[WireEntry]) -> dict:
    """One relay process per db in `dbs`; part i pushed by client i to relay i mod len(dbs), all at once."""
    relays = [start_relay(db) for db in dbs]  # type: ignore[arg-type]
    errors: list[str] = []
    for index, (_, url) in enumerate(relays):
        push_all(url, identities[index], warm, errors)
    pg_pid = postmaster_pid(pg_data)
    relay_before = [tree_cpu(proc.pid) for proc, _ in relays]
    pg_before = tree_cpu(pg_pid)
    threads = [threading.Thread(target=push_all, args=(relays[i % len(relays)][1], identities[i], part, errors))
               for i, part in enumerate(parts)]
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
    if errors:
        raise SystemExit(errors[0])
    total = sum(len(p) for p in parts)
    relay_cpu = sum(c for c in spent_cpu if c is not None)
    cpu_ms = (relay_cpu + (pg_cpu or 0.0)) / total * 1000 * 1000
    return {"entries": total, "stored": newest, "seconds": round(spent, 2), "entries_per_s": round(total / spent),
            "relay_cpu_s": round(relay_cpu, 2), "postgres_cpu_s": None if pg_cpu is None else round(pg_cpu, 2),
            "cpu_ms_per_1000": round(cpu_ms, 1)}


def ingest(name: str, make_db: Callable[[], str], relays: int, clients: int, entries: list[WireEntry],
           identities, pg_data: Path | None, warm: list[WireEntry], repeat: int) -> tuple[dict, str]:
    """The best of `repeat` runs, each on a fresh database (the machine is shared: the best is the least disturbed)."""
    parts = split_by_document(entries, clients)
    runs = []
    for _ in range(repeat):
        db = make_db()
        runs.append((ingest_once([db] * relays, parts, identities, pg_data, warm), db))
    best, db = max(runs, key=lambda run: run[0]["entries_per_s"])
    best["all_entries_per_s"] = [run["entries_per_s"] for run, _ in runs]
    pg_text = "" if best["postgres_cpu_s"] is None else f" + PostgreSQL {best['postgres_cpu_s']:.2f} s"
    say(f"ingest_{name}", best, f"ingest {name}: {best['entries']} entries in {best['seconds']:.1f} s ="
        f" {best['entries_per_s']:,} entries/s, best of {best['all_entries_per_s']}"
        f" (CPU: relays {best['relay_cpu_s']:.2f} s{pg_text} = {best['cpu_ms_per_1000']:.0f} ms per 1000 entries)")
    return best, db


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


def split_by_document(entries: list[WireEntry], parts: int) -> list[list[WireEntry]]:
    """Disjoint parts, every document whole in one of them (its changes stay in order)."""
    split: list[list[WireEntry]] = [[] for _ in range(parts)]
    side: dict[str, int] = {}
    for entry in entries:
        split[side.setdefault(entry.doc_id, len(side) % parts)].append(entry)
    return split


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--work", type=Path, default=None, help="keep the generated community here between runs")
    parser.add_argument("--pg-url", default=None, help="a PostgreSQL server to use (databases are created on it)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each ingest; the best is reported")
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
        files = iter(range(1000))

        def sqlite_db() -> str:
            return str(run / f"relay-{next(files)}.sqlite3")

        def pg_db() -> str:
            return fresh_database(server, "bench")

        common = (entries, identities)
        figures = {}
        for name, make, relays, clients, data in (
                ("sqlite", sqlite_db, 1, 1, None), ("sqlite_2_clients", sqlite_db, 1, 2, None),
                ("postgresql_1_relay", pg_db, 1, 1, pg_data), ("postgresql_1_relay_2_clients", pg_db, 1, 2, pg_data),
                ("postgresql_2_relays", pg_db, 2, 2, pg_data)):
            figures[name] = ingest(name, make, relays, clients, *common, data, warm, args.repeat)
        pull("sqlite", figures["sqlite"][1], identities[0])
        pull("postgresql", figures["postgresql_1_relay"][1], identities[0])
        for pg, lite in (("postgresql_1_relay", "sqlite"), ("postgresql_1_relay_2_clients", "sqlite_2_clients"),
                         ("postgresql_2_relays", "sqlite_2_clients")):
            ratio = figures[pg][0]["entries_per_s"] / figures[lite][0]["entries_per_s"]
            cpu = figures[pg][0]["cpu_ms_per_1000"] / figures[lite][0]["cpu_ms_per_1000"]
            say(f"{pg}_vs_{lite}", {"throughput": round(ratio, 2), "cpu": round(cpu, 2)},
                f"{pg} / {lite}: throughput {ratio:.2f}, CPU per entry {cpu:.2f}")
    finally:
        if cluster is not None:
            cluster.stop()
    print(json.dumps(RESULTS, indent=1))
    return 0


if __name__ == "__main__":
    threading.current_thread().name = "bench"
    raise SystemExit(main())
