"""SIGKILL while a large bundle is being imported: all of it or none of it."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from skiller_desktop.demo import generate_community
from skiller_desktop.services import Services

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only"),
]
PEOPLE = 1500
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def big_bundle(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("crash")
    source = Services(base / "source")
    source.create_identity("Exporter")
    generate_community(source.store, PEOPLE, skills_each=10, endorsements_each=5)
    bundle = base / "community.skb"
    source.export_bundle(bundle, source.store.doc_ids())
    source.close()
    receiver = Services(base / "receiver")
    receiver.create_identity("Receiver")
    receiver.close()
    return bundle, base / "receiver"


def _start_import(data_dir: Path, bundle: Path) -> subprocess.Popen:
    env = {**os.environ, "SKILLER_NO_KEYRING": "1"}
    command = [sys.executable, "-m", "skiller_desktop", "--data-dir", str(data_dir), "bundle", "import", str(bundle)]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _state(data_dir: Path) -> tuple[str, int, int, int]:
    conn = sqlite3.connect(data_dir / "skiller.sqlite3")
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        persons = conn.execute("SELECT COUNT(*) FROM persons").fetchone()[0]
        docs = conn.execute("SELECT COUNT(*) FROM docs").fetchone()[0]
        fts = conn.execute("SELECT COUNT(*) FROM persons_fts").fetchone()[0]
        return integrity, persons, docs, fts
    finally:
        conn.close()


def _wait_for(condition, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.005)
    return False


def _copy(receiver: Path, target: Path) -> Path:
    shutil.copytree(receiver, target)
    return target


@pytest.fixture(scope="module")
def full_import_seconds(big_bundle, tmp_path_factory) -> float:
    bundle, receiver = big_bundle
    data_dir = _copy(receiver, tmp_path_factory.mktemp("whole") / "data")
    began = time.monotonic()
    process = _start_import(data_dir, bundle)
    assert process.wait(timeout=120) == 0, process.stderr.read()
    assert _state(data_dir) == ("ok", PEOPLE + 2, PEOPLE + 2, PEOPLE + 2)
    return time.monotonic() - began


def test_a_complete_import_shows_everyone(full_import_seconds):
    assert full_import_seconds > 0


def test_killed_in_the_middle_of_the_commit_leaves_the_old_state_or_the_new(big_bundle, tmp_path):
    """Kill once the transaction has started spilling pages into the WAL."""
    bundle, receiver = big_bundle
    data_dir = _copy(receiver, tmp_path / "mid-commit")
    wal = data_dir / "skiller.sqlite3-wal"
    start_size = wal.stat().st_size if wal.exists() else 0
    process = _start_import(data_dir, bundle)
    grew = _wait_for(lambda: wal.exists() and wal.stat().st_size > start_size + 256 * 1024)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert grew, "the import never reached its commit"
    integrity, persons, docs, fts = _state(data_dir)
    assert integrity == "ok"
    assert persons == docs == fts
    assert persons in (1, PEOPLE + 2)


@pytest.mark.parametrize("fraction", [0.3, 0.7, 0.9])
def test_killed_at_any_moment_leaves_the_old_state_or_the_new(big_bundle, full_import_seconds, tmp_path, fraction):
    bundle, receiver = big_bundle
    full = full_import_seconds
    data_dir = _copy(receiver, tmp_path / "killed")
    process = _start_import(data_dir, bundle)
    try:
        process.wait(timeout=full * fraction)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    integrity, persons, docs, fts = _state(data_dir)
    assert integrity == "ok"
    assert persons == docs == fts
    assert persons in (1, PEOPLE + 2)
    # and the next import completes
    assert _start_import(data_dir, bundle).wait(timeout=120) == 0
    assert _state(data_dir) == ("ok", PEOPLE + 2, PEOPLE + 2, PEOPLE + 2)
