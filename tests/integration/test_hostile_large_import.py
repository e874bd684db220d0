"""A large honest import syncs (issue 10, point 7): written as several changes, each under the entry limit.

Before, a 12 MB LinkedIn import was one change, over the relay's body limit
once encoded: it could never be pushed, and an entry cannot be split.
"""

from __future__ import annotations

import base64
import random
import zipfile
from pathlib import Path

import pytest
from sync_processes import doc_heads, node_db, skiller, start_relay

from skiller_desktop.db import Database
from sync.wire import MAX_BODY_BYTES, MAX_ENTRY_BYTES

pytestmark = pytest.mark.slow

# 3,000 positions and 3,000 projects (the schema allows 5,000 of each), each with a 2,000-character
# description: about 12 MB of text that deflates poorly.
POSITIONS = PROJECTS = 3000


def large_linkedin_export(path: Path) -> None:
    """A LinkedIn ZIP whose positions and projects hold ~12 MB of hard-to-compress text (random base64)."""
    rng = random.Random(10)

    def text() -> str:
        return base64.b64encode(rng.randbytes(1500)).decode()  # 2,000 characters, the description limit

    rows = ["Company Name,Title,Description,Location,Started On,Finished On"]
    rows += [f"Company {n},Role {n},{text()},Lyon,Jan 2020,Feb 2021" for n in range(POSITIONS)]
    projects = ["Title,Description,Url,Started On,Finished On"]
    projects += [f"Project {n},{text()},https://example.org/{n},Jan 2020,Feb 2021" for n in range(PROJECTS)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Positions.csv", "\r\n".join(rows) + "\r\n")
        archive.writestr("Projects.csv", "\r\n".join(projects) + "\r\n")
        archive.writestr("Skills.csv", "Name\r\n" + "".join(f"Skill {n}\r\n" for n in range(300)))


def change_sizes(data_dir: Path, doc_id: str) -> list[int]:
    db = Database(node_db(data_dir), read_only=True)
    try:
        rows = db.query("SELECT bytes FROM log WHERE doc_id = ? AND entry_kind = 'change'", [doc_id])
        return [len(r["bytes"]) for r in rows]
    finally:
        db.close()


def test_a_large_linkedin_import_is_several_changes_and_reaches_another_node_whole(tmp_path):
    alice, bob = tmp_path / "alice", tmp_path / "bob"
    alice_id = skiller(alice, "init", "--name", "Alice")["person_id"]
    skiller(bob, "init", "--name", "Bob")
    export = tmp_path / "linkedin.zip"
    large_linkedin_export(export)
    summary = skiller(alice, "import", "linkedin", str(export), timeout=300)
    assert summary["positions"] == POSITIONS and summary["projects"] == PROJECTS, summary

    sizes = change_sizes(alice, alice_id)
    assert sum(sizes) > MAX_BODY_BYTES  # more than one push could ever carry as one entry
    assert max(sizes) <= MAX_ENTRY_BYTES, sizes

    relay = start_relay(tmp_path / "relay.sqlite3")
    try:
        skiller(alice, "sync", "--relay", relay.url, "--once", timeout=300)
        skiller(bob, "sync", "--relay", relay.url, "--once", timeout=300)
    finally:
        relay.stop()
    assert doc_heads(node_db(bob))[alice_id] == doc_heads(node_db(alice))[alice_id]
    positions = skiller(bob, "profile", "show", "--person", alice_id)
    assert positions["person_id"] == alice_id
    db = Database(node_db(bob), read_only=True)
    try:
        skills = db.one("SELECT COUNT(*) AS n FROM skills WHERE person_id = ?", [alice_id])["n"]
    finally:
        db.close()
    assert skills == 300
