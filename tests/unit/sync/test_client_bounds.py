"""The client's bounds (issue 10): retries that end, a snapshot that resumes, traces kept off the screen."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys

from support import ROOT
from sync_fixtures import Node, Relay

from bench.community import generate
from sync import replicator
from sync.cli_commands import ERROR_LOG, keep_traces
from sync.local import AsgiClient
from sync.peers import PeerBook


class _Refusing(AsgiClient):
    """The real relay app, behind a transport that answers the last entry of each push as refused."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.sent: list[list[str]] = []

    def push(self, entries):
        self.sent.append([e.hash for e in entries])
        answer = super().push(entries[:-1]) if len(entries) > 1 else {"epoch": self.info().epoch, "accepted": 0,
                                                                      "duplicates": 0, "pending": [], "rejected": [],
                                                                      "echo": None}
        last = entries[-1]
        answer["rejected"] = [*answer["rejected"], {"kind": last.kind, "hash": last.hash, "reason": "no room"}]
        answer["echo"] = None
        return answer


def test_an_entry_refused_again_and_again_is_given_up_after_three_tries(tmp_path):
    relay = Relay(tmp_path / "relay.sqlite3")
    node = Node(tmp_path / "n", "n")
    book = PeerBook(node.services.db)
    peer = book.add(relay.url, "relay")
    client = _Refusing(relay.app, node.services.require_identity(), relay.url)
    reports = [replicator.sync_peer(node.storage, book, peer.peer_id, client, node.services.policy_for)
               for _ in range(4)]
    refused = client.sent[0][-1]
    assert [refused in sent for sent in client.sent] == [True, True, True]  # and not a fourth time
    assert [r.complete for r in reports] == [False, False, False, True]
    assert reports[2].given_up == 1 and "no room" in reports[0].incomplete_reason()
    assert book.get(peer.peer_id).pushed_seq == node.storage.newest_seq()
    assert not book.notes(peer.peer_id)


class _Breaking(AsgiClient):
    """Goes offline after `pages` snapshot pages, as a deadline or a dropped link would cut a first sync."""

    def __init__(self, *args, pages: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.pages = pages
        self.asked: list[str] = []

    def snapshot(self, after, limit):
        self.asked.append(after)
        if len(self.asked) > self.pages:
            self.online = False
        return super().snapshot(after, limit)


def test_a_first_sync_cut_short_goes_on_from_its_last_page(tmp_path, monkeypatch):
    monkeypatch.setattr(replicator, "SNAPSHOT_PAGE", 4)
    relay = Relay(tmp_path / "relay.sqlite3")
    generate(relay.storage.store, 10, seed=4, skills=2)
    node = Node(tmp_path / "n", "n")
    book = PeerBook(node.services.db)
    peer = book.add(relay.url, "relay")
    cut = _Breaking(relay.app, node.services.require_identity(), relay.url, pages=2)
    try:
        replicator.sync_peer(node.storage, book, peer.peer_id, cut, node.services.policy_for)
    except Exception as exc:  # the link went down: PeerUnreachable
        assert "unreachable" in str(exc)
    assert book.get(peer.peer_id).pulled_seq == 0
    resumed_from = book.notes(peer.peer_id).snapshot_after
    assert resumed_from == cut.asked[1]  # the first page was committed; the second was in flight
    again = _Breaking(relay.app, node.services.require_identity(), relay.url, pages=99)
    report = replicator.sync_peer(node.storage, book, peer.peer_id, again, node.services.policy_for)
    assert again.asked[0] == resumed_from and report.complete
    assert book.get(peer.peer_id).pulled_seq > 0 and not book.notes(peer.peer_id)
    assert node.services.db.one("SELECT COUNT(*) AS n FROM docs")["n"] == relay.storage.doc_count()


def test_a_trace_logged_by_sync_never_reaches_the_screen(tmp_path):
    """Python prints a logged trace on stderr when no handler is set (its last resort): not ours."""
    code = ("import logging, sync.scheduler\n"
            "try:\n    1 / 0\nexcept ZeroDivisionError:\n"
            "    logging.getLogger('skiller.sync.scheduler').exception('sync with x failed')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert done.returncode == 0 and "Traceback" not in done.stderr and "failed" not in done.stderr


def test_kept_traces_go_to_a_private_file_in_the_data_dir(tmp_path, capfd):
    logger = logging.getLogger("skiller")
    before = list(logger.handlers)
    try:
        keep_traces(tmp_path)
        keep_traces(tmp_path)  # once only
        assert len(logger.handlers) == len(before) + 1
        try:
            raise ValueError("boom")
        except ValueError:
            logging.getLogger("skiller.sync.scheduler").exception("sync with x failed")
        for handler in logger.handlers:
            handler.flush()
        text = (tmp_path / ERROR_LOG).read_text("utf-8")
        assert "sync with x failed" in text and "Traceback" in text and "ValueError: boom" in text
        assert stat.S_IMODE((tmp_path / ERROR_LOG).stat().st_mode) == 0o600
        assert "Traceback" not in capfd.readouterr().err
    finally:
        for handler in logger.handlers[len(before):]:
            logger.removeHandler(handler)
            handler.close()
