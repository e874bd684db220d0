"""How long a relay takes to answer `/v1/info` while cheap-request attacks run (issue 10, point 6).

Starts a real relay process on 127.0.0.1, runs each attack on its own with a
bounded load, polls `/v1/info` all the while, and prints a table. The budget
is 1 s for the slowest answer. Stops by itself (a minute or so).

    .venv/bin/python bench/bench_attacks.py [--stalled 200] [--burst 16]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from bench.attacks import (  # noqa: E402
    info_seconds,
    person_with_edits,
    person_with_skill_level,
    push,
    stalled_bodies,
)

BUDGET_SECONDS = 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stalled", type=int, default=200, help="stalled request bodies held open")
    parser.add_argument("--burst", type=int, default=16, help="8 MiB unsigned bodies sent at once")
    parser.add_argument("--hold", type=float, default=5.0, help="seconds the stalled bodies are held")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        relay = _start_relay(Path(work) / "relay.sqlite3")
        try:
            rows = [
                _measure(relay.url, "4,990 changes, newest first", lambda: _reverse_history(relay.url)),
                _measure(relay.url, "one skill at level 1,000,000", lambda: _absurd_level(relay.url)),
                _measure(relay.url, f"{args.stalled} stalled bodies, {args.hold:g} s",
                         lambda: _stalled(relay.url, args.stalled, args.hold)),
                _measure(relay.url, f"{args.burst} unsigned 8 MiB bodies", lambda: _burst(relay.url, args.burst)),
            ]
        finally:
            relay.terminate()
            relay.wait(15)
    _print(rows)
    return 0 if all(row[3] <= BUDGET_SECONDS for row in rows) else 1


def _start_relay(db: Path) -> subprocess.Popen:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "sync.relay", "--port", str(port), "--db", str(db)],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    proc.url = f"http://127.0.0.1:{port}"  # type: ignore[attr-defined]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            info_seconds(proc.url, timeout=1)  # type: ignore[attr-defined]
            return proc
        except requests.RequestException:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the relay did not start")


def _measure(url: str, name: str, attack: Callable[[], str]) -> tuple[str, float, int, float, float, str]:
    """Run `attack` in a thread; poll /v1/info until it ends. (name, attack s, answers, max s, median s, outcome)."""
    outcome: list[str] = []
    thread = threading.Thread(target=lambda: outcome.append(attack()), daemon=True)
    start = time.perf_counter()
    thread.start()
    latencies = []
    while thread.is_alive() or not latencies:
        latencies.append(info_seconds(url))
        time.sleep(0.05)
    thread.join()
    took = time.perf_counter() - start
    return name, took, len(latencies), max(latencies), statistics.median(latencies), outcome[0] if outcome else "?"


def _reverse_history(url: str) -> str:
    identity, entries = person_with_edits(4_988)
    answer = push(url, identity, [*entries[-2::-1], entries[-1]])
    return f"{answer.status_code}, {answer.json().get('accepted')} accepted"


def _absurd_level(url: str) -> str:
    identity, entries = person_with_skill_level(1_000_000)
    answer = push(url, identity, entries)
    return f"{answer.status_code}, {answer.json().get('accepted')} accepted"


def _stalled(url: str, count: int, hold: float) -> str:
    sockets = stalled_bodies(url, count)
    time.sleep(hold)
    refused = 0
    for sock in sockets:
        sock.setblocking(False)
        with contextlib.suppress(OSError):  # nothing answered yet: held, not refused
            refused += b" 429 " in sock.recv(4096)
        sock.close()
    return f"{refused} answered 429 at once"


def _burst(url: str, count: int) -> str:
    body = b"{" + b" " * (8 * 1024 * 1024 - 2) + b"}"
    codes: list[str] = []

    def send() -> None:
        try:
            codes.append(str(requests.post(url + "/v1/log", data=body, timeout=60).status_code))
        except requests.RequestException as exc:  # refused before the body: the upload is cut short
            codes.append(type(exc).__name__)
    threads = [threading.Thread(target=send) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return ", ".join(sorted({f"{codes.count(c)}x {c}" for c in codes}))


def _print(rows) -> None:
    print(f"{'attack':<36} {'attack s':>9} {'info n':>7} {'info max s':>11} {'median s':>9}  budget  outcome")
    for name, took, count, worst, median, outcome in rows:
        verdict = "ok" if worst <= BUDGET_SECONDS else "OVER"
        print(f"{name:<36} {took:>9.2f} {count:>7} {worst:>11.3f} {median:>9.3f}  {verdict:<6}  {outcome}")


if __name__ == "__main__":
    raise SystemExit(main())
