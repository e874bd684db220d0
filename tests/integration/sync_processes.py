"""Real processes for sync tests: relays, nodes serving, CLI runs; conditions, never sleeps."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import requests
from support import doc_heads_in, read_models_in, wait_until

from skiller_desktop.db import Database

ROOT = Path(__file__).resolve().parents[2]
CLI = Path(__file__).with_name("sync_cli.py")


def env() -> dict:
    return {**os.environ, "SKILLER_NO_KEYRING": "1", "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def skiller(data_dir: Path, *args: str, check: bool = True, timeout: float = 120) -> object:
    """Run the CLI with --json; returns the parsed output (last JSON line, or all lines)."""
    done = subprocess.run([sys.executable, str(CLI), "--data-dir", str(data_dir), "--json", *args],
                          capture_output=True, text=True, env=env(), cwd=ROOT, timeout=timeout)
    if check and done.returncode != 0:
        raise AssertionError(f"skiller {' '.join(args)} failed ({done.returncode}): {done.stderr}{done.stdout}")
    try:
        return json.loads(done.stdout)
    except ValueError:
        return [json.loads(line) for line in done.stdout.splitlines() if line.strip().startswith(("{", "["))]


class Process:
    def __init__(self, command: list[str], url: str) -> None:
        self.url = url
        self.proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     env=env(), cwd=ROOT)
        wait_until(self.ready, message=f"{url} to answer")

    def ready(self) -> bool:
        if self.proc.poll() is not None:
            raise AssertionError(f"process exited: {self.proc.stderr.read() if self.proc.stderr else ''}")
        try:
            return requests.get(self.url + "/v1/info", timeout=1).status_code == 200
        except requests.RequestException:
            return False

    def info(self) -> dict:
        return requests.get(self.url + "/v1/info", timeout=5).json()

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


def start_relay(db: Path, port: int | None = None) -> Process:
    port = port or free_port()
    return Process([sys.executable, "-m", "sync.relay", "--port", str(port), "--db", str(db)],
                   f"http://127.0.0.1:{port}")


def start_node_server(data_dir: Path, port: int | None = None, *extra: str) -> Process:
    port = port or free_port()
    return Process([sys.executable, str(CLI), "--data-dir", str(data_dir), "--json", "serve", "--host", "127.0.0.1",
                    "--port", str(port), "--no-lan", *extra], f"http://127.0.0.1:{port}")


def doc_heads(path: Path) -> dict[str, list[str]]:
    db = Database(path, read_only=True)
    try:
        return doc_heads_in(db)
    finally:
        db.close()


def read_models(path: Path) -> dict[str, list[tuple]]:
    db = Database(path, read_only=True)
    try:
        return read_models_in(db)
    finally:
        db.close()



def node_db(data_dir: Path) -> Path:
    return data_dir / "skiller.sqlite3"
