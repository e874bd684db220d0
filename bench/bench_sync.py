"""Sync benchmarks on a generated community (DESIGN.md §8). Run by hand:

    python bench/bench_sync.py [--people 10000] [--work DIR] [--compare-docs 1000]

Figures: relay ingest with signature checks (HTTP and in-process), first sync of
a fresh node from the relay (snapshot), incremental sync of 100 edited
documents, bytes on the wire against raw Automerge bytes, and the same data
synced document by document with Automerge's own sync protocol over the same
HTTP stack (Starlette + uvicorn + requests).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SKILLER_NO_KEYRING", "1")

import requests  # noqa: E402
from automerge import core  # noqa: E402

from bench.community import generate, identities_for  # noqa: E402
from skiller_desktop import person_doc as pd  # noqa: E402
from skiller_desktop.acceptance import verify_prepared  # noqa: E402
from skiller_desktop.db import Database  # noqa: E402
from skiller_desktop.services import Services  # noqa: E402
from skiller_desktop.signed_heads import SignedHead  # noqa: E402
from skiller_desktop.store import Store  # noqa: E402
from sync.client import PeerClient  # noqa: E402
from sync.engine import apply_entries, verify_pool  # noqa: E402
from sync.node import node_storage  # noqa: E402
from sync.peers import PeerBook  # noqa: E402
from sync.relay import open_sqlite_storage  # noqa: E402
from sync.replicator import sync_peer  # noqa: E402
from sync.storage import SqliteSyncStorage  # noqa: E402
from sync.wire import WireEntry, head_entry  # noqa: E402

RESULTS: dict[str, object] = {}


def say(key: str, value: object, text: str) -> None:
    RESULTS[key] = value
    print(f"{text}", flush=True)


def source_store(work: Path, people: int) -> Path:
    path = work / f"source-{people}.sqlite3"
    if not path.exists():
        started = time.perf_counter()
        tmp = path.with_suffix(".part")
        tmp.unlink(missing_ok=True)
        store = Store(Database(tmp))
        generate(store, people, seed=1)
        store.db.close()
        tmp.rename(path)
        print(f"generated {people} people in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def start_relay(db: Path) -> tuple[subprocess.Popen, str]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "sync.relay", "--port", str(port), "--db", str(db)],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            requests.get(url + "/v1/info", timeout=1)
            return proc, url
        except requests.RequestException:
            time.sleep(0.05)
    raise SystemExit("relay did not start")


def fresh_node(work: Path, name: str) -> Services:
    services = Services(work / name)
    services.create_identity(name)
    return services


def bench_ingest(source: SqliteSyncStorage, url: str, identity, work: Path) -> None:
    client = PeerClient(url, identity, timeout=120)
    seq, total, raw = 0, 0, 0
    started = time.perf_counter()
    while True:
        batch = source.log_since(seq, 2000, 4 * 1024 * 1024)
        if not batch:
            break
        client.push(batch)
        seq = batch[-1].seq
        total += len(batch)
        raw += sum(len(e.data) for e in batch)
    spent = time.perf_counter() - started
    say("ingest_http_entries_per_s", round(total / spent), f"relay ingest over HTTP: {total} entries in "
        f"{spent:.1f} s = {total / spent:,.0f} entries/s (signature checks, verify_update, SQLite commit)")
    say("ingest_wire_bytes", client.bytes_sent, f"  pushed {client.bytes_sent / 1e6:.1f} MB on the wire "
        f"for {raw / 1e6:.1f} MB of raw change/head bytes ({client.bytes_sent / raw:.2f}x)")
    # the same, in-process, to separate HTTP+JSON from verification+storage
    target = open_sqlite_storage(work / "ingest-inproc.sqlite3")
    entries = source.log_since(0, 20000)
    # A relay's verifying processes live as long as it does: start them before timing, as the HTTP
    # figure above (a relay that has run a while) has them.
    warm = time.perf_counter()
    pool = verify_pool()
    if pool is not None:
        for future in [pool.submit(verify_prepared, [], False) for _ in range(4)]:
            future.result()
    RESULTS["verify_pool_start_s"] = round(time.perf_counter() - warm, 3)
    started = time.perf_counter()
    for i in range(0, len(entries), 2000):
        apply_entries(target, entries[i:i + 2000])
    spent = time.perf_counter() - started
    say("ingest_inproc_entries_per_s", round(len(entries) / spent),
        f"relay ingest in-process: {len(entries)} entries in {spent:.1f} s = {len(entries) / spent:,.0f} entries/s")


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process, where /proc tells it (Linux); None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def bench_first_sync(url: str, work: Path, people: int, source_db: Database, relay_pid: int) -> Services:
    node = fresh_node(work, "fresh")
    client = PeerClient(url, node.require_identity(), timeout=120)
    book = PeerBook(node.db)
    peer = book.add(url, "relay")
    pool = verify_pool()  # started with the app; its start is not part of a sync
    pids = {"node": os.getpid(), "relay": relay_pid,
            **{f"worker {i + 1}": p for i, p in enumerate(getattr(pool, "_processes", None) or {})}}
    cpu_before = {name: cpu_seconds(pid) for name, pid in pids.items()}
    started = time.perf_counter()
    report = sync_peer(node_storage(node), book, peer.peer_id, client, node.policy_for)
    spent = time.perf_counter() - started
    cpu = {name: round(after - cpu_before[name], 2) for name, pid in pids.items()
           if (after := cpu_seconds(pid)) is not None and cpu_before[name] is not None}
    raw = source_db.one("SELECT SUM(LENGTH(bytes)) AS n FROM docs")["n"]
    say("first_sync_s", round(spent, 2), f"first sync of a fresh node from the relay: {report.snapshot_docs} docs, "
        f"{spent:.1f} s (budget 10 s)")
    if cpu:
        say("first_sync_cpu_s", cpu, f"  CPU seconds by process: {cpu} = {sum(cpu.values()):.1f} s "
            f"on {os.cpu_count()} cores")
    say("first_sync_wire_bytes", client.bytes_received,
        f"  received {client.bytes_received / 1e6:.1f} MB for {raw / 1e6:.1f} MB of saved Automerge documents "
        f"({client.bytes_received / raw:.2f}x)")
    assert len(node.store.doc_ids()) >= people
    return node


def edited_entries(source: Store, people: int, count: int) -> list[WireEntry]:
    _, identities = identities_for(people, seed=1)
    out: list[WireEntry] = []
    for identity in identities[:count]:
        stored = source.get(identity.person_id)
        doc = stored.document()
        doc.set_actor(identity.actor_id)
        before = doc.get_heads()
        pd.apply(doc, pd.set_profile({"headline": f"edited {time.time()}"}))
        out += [WireEntry(identity.person_id, "change", c.hash.hex(), c.bytes) for c in doc.get_changes(before)]
        out.append(head_entry(SignedHead.sign(identity, identity.person_id, doc.get_heads())))
    return out


def bench_incremental(url: str, node: Services, source: Store, people: int) -> None:
    entries = edited_entries(source, people, 100)
    pusher = PeerClient(url, identities_for(1, seed=99)[1][0], timeout=60)
    started = time.perf_counter()
    pusher.push(entries)
    say("incremental_push_s", round(time.perf_counter() - started, 3),
        f"push of 100 edited documents to the relay: {time.perf_counter() - started:.3f} s")
    client = PeerClient(url, node.require_identity(), timeout=60)
    book = PeerBook(node.db)
    started = time.perf_counter()
    report = sync_peer(node_storage(node), book, url, client, node.policy_for)
    spent = time.perf_counter() - started
    say("incremental_pull_s", round(spent, 3), f"incremental sync of 100 edited documents (pull): {report.pulled} "
        f"entries, {len(report.changed_docs)} docs, {spent:.3f} s (budget 0.5 s)")
    raw = sum(len(e.data) for e in entries)
    say("incremental_wire_bytes", client.bytes_received,
        f"  received {client.bytes_received / 1e3:.1f} kB for {raw / 1e3:.1f} kB of raw entries")


# -- Automerge's own sync protocol, document by document, same HTTP stack ----------

def automerge_sync_app(docs: dict[str, bytes]):
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    loaded: dict[str, core.Document] = {}
    states: dict[tuple[str, str], core.SyncState] = {}

    async def endpoint(request: Request) -> Response:
        doc_id = request.path_params["doc_id"]
        if doc_id not in docs:
            return Response(b"", status_code=404)
        session = request.headers["x-session"]
        body = await request.body()
        doc = loaded.get(doc_id) or loaded.setdefault(doc_id, core.Document.load(docs[doc_id]))
        state = states.setdefault((session, doc_id), core.SyncState())
        if body:
            doc.receive_sync_message(state, core.Message.decode(body))
        reply = doc.generate_sync_message(state)
        return Response(reply.encode() if reply is not None else b"", media_type="application/octet-stream")

    return Starlette(routes=[Route("/am/{doc_id:path}", endpoint, methods=["POST"])])


def serve_automerge(relay_db: Path, count: int, port: int) -> None:
    """Child process: Automerge's sync protocol over the same stack (uvicorn, Starlette)."""
    import uvicorn

    db = Database(relay_db, read_only=True)
    rows = db.query("SELECT doc_id, bytes FROM docs ORDER BY doc_id LIMIT ?", (count,))
    docs = {r["doc_id"]: r["bytes"] for r in rows}
    db.close()
    uvicorn.run(automerge_sync_app(docs), host="127.0.0.1", port=port, log_level="warning", access_log=False)


def bench_automerge_sync(relay_db: Path, count: int) -> None:
    import socket

    db = Database(relay_db, read_only=True)
    rows = db.query("SELECT doc_id, bytes FROM docs ORDER BY doc_id LIMIT ?", (count,))
    docs = {r["doc_id"]: r["bytes"] for r in rows}
    db.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, __file__, "--serve-automerge", str(relay_db), str(count), str(port)],
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    session = requests.Session()
    deadline = time.monotonic() + 30
    while True:
        try:
            session.post(f"{url}/am/warmup", timeout=1)
            break
        except requests.RequestException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    sent = received = requests_made = 0
    started = time.perf_counter()
    for doc_id in docs:
        local, state = core.Document(), core.SyncState()
        while True:
            message = local.generate_sync_message(state)
            body = message.encode() if message is not None else b""
            answer = session.post(f"{url}/am/{doc_id}", data=body, headers={"x-session": "bench"}, timeout=30)
            requests_made += 1
            sent += len(body)
            received += len(answer.content)
            if answer.content:
                local.receive_sync_message(state, core.Message.decode(answer.content))
            if message is None and not answer.content:
                break
    spent = time.perf_counter() - started
    proc.terminate()
    proc.wait(10)
    raw = sum(len(b) for b in docs.values())
    say("automerge_sync_s_per_1000", round(spent / len(docs) * 1000, 2),
        f"Automerge sync protocol, doc by doc over HTTP: {len(docs)} docs in {spent:.1f} s "
        f"({requests_made} requests) -> {spent / len(docs) * 10000:.0f} s projected for 10k; "
        f"{(sent + received) / 1e6:.2f} MB on the wire for {raw / 1e6:.2f} MB saved ({(sent + received) / raw:.2f}x)."
        " No signatures are checked on this path.")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=10000)
    parser.add_argument("--work", type=Path, default=None, help="keep generated data here between runs")
    parser.add_argument("--compare-docs", type=int, default=1000)
    parser.add_argument("--serve-automerge", nargs=3, metavar=("DB", "COUNT", "PORT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_automerge:
        serve_automerge(Path(args.serve_automerge[0]), int(args.serve_automerge[1]), int(args.serve_automerge[2]))
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-sync-"))
    work.mkdir(parents=True, exist_ok=True)
    run = Path(tempfile.mkdtemp(prefix="run-", dir=work))
    source_path = source_store(work, args.people)
    source_db = Database(source_path)
    source = SqliteSyncStorage(source_db, project_read_models=False)
    print(f"community: {args.people} people, {source.newest_seq()} log entries "
          f"({source_db.one('SELECT COUNT(*) AS n FROM log WHERE entry_kind = ?', ('change',))['n']} changes)")
    relay_db = run / "relay.sqlite3"
    proc, url = start_relay(relay_db)
    try:
        bench_ingest(source, url, identities_for(1, seed=42)[1][0], run)
        node = bench_first_sync(url, run, args.people, source_db, proc.pid)
        bench_incremental(url, node, source.store, args.people)
    finally:
        proc.terminate()
        proc.wait(10)
    bench_automerge_sync(relay_db, args.compare_docs)
    print(json.dumps(RESULTS, indent=1))
    return 0


if __name__ == "__main__":
    threading.current_thread().name = "bench"
    asyncio.set_event_loop_policy(None)
    raise SystemExit(main())
