"""The relay's app on PostgreSQL, in-process: nodes converge through it; moving a SQLite relay keeps cursors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_fixtures import Node, Relay, doc_heads, read_models

from sync.api import AppConfig, create_app
from sync.relay import main as relay_main


class PgRelay(Relay):
    """sync_fixtures' in-process relay, its storage in PostgreSQL."""

    def __init__(self, url: str, address: str = "http://relay-pg") -> None:
        from sync.pg_storage import PgSyncStorage

        self.storage = PgSyncStorage(url)  # type: ignore[assignment]
        self.app = create_app(self.storage, AppConfig(kind="relay"))
        self.url = address


@pytest.fixture
def relays() -> Iterator[list[PgRelay]]:
    opened: list[PgRelay] = []
    yield opened
    for relay in opened:
        relay.storage.close()


def _converged(*nodes: Node) -> bool:
    heads = [doc_heads(n.services.db) for n in nodes]
    models = [read_models(n.services.db) for n in nodes]
    return all(h == heads[0] for h in heads) and all(m == models[0] for m in models)


def test_three_nodes_converge_through_two_relay_processes_on_one_database(tmp_path, pg_database, relays):
    relays += [PgRelay(pg_database, "http://relay-one"), PgRelay(pg_database, "http://relay-two")]
    one, two = relays
    a, b, c = (Node(tmp_path / n, n.upper()) for n in "abc")
    a.services.add_skill("Python", 4)
    b.services.add_skill("Rust", 2)
    a.sync_with(one)
    b.sync_with(two)
    c.sync_with(one)
    c.services.endorse(a.person_id, "Python", "great")
    c.sync_with(two)
    for node, relay in ((a, two), (b, one), (a, one), (b, two)):
        node.sync_with(relay)
    assert _converged(a, b, c)
    assert one.storage.doc_count() == 3
    assert one.storage.node_id() == two.storage.node_id()  # one log, served by both


def test_moving_a_sqlite_relay_keeps_epoch_numbering_and_every_cursor(tmp_path, pg_database, relays, capsys):
    sqlite_relay = Relay(tmp_path / "relay.sqlite3")
    a, b = Node(tmp_path / "a", "A"), Node(tmp_path / "b", "B")
    a.services.add_skill("Python", 4)
    a.sync_with(sqlite_relay)
    b.sync_with(sqlite_relay)
    before = sqlite_relay.storage
    epoch, node_id, newest = before.epoch(), before.node_id(), before.newest_seq()
    before.db.close()

    assert relay_main(["migrate", "--from", str(tmp_path / "relay.sqlite3"), "--to", pg_database]) == 0
    assert f"epoch {epoch} kept" in capsys.readouterr().out
    relays.append(PgRelay(pg_database, sqlite_relay.url))  # the same address, now on PostgreSQL
    moved = relays[0].storage
    assert (moved.epoch(), moved.node_id(), moved.newest_seq()) == (epoch, node_id, newest)

    a.services.add_skill("Rust", 2)
    pushed = a.sync_with(relays[0])
    assert not pushed.restarted and pushed.pushed > 0
    assert moved.newest_seq() == newest + pushed.pushed  # numbering goes on from the old relay's
    pulled = b.sync_with(relays[0])
    assert not pulled.restarted and pulled.snapshot_docs == 0
    assert pulled.pulled == pushed.pushed  # only what is new: B's cursor continued, no sync from the start
    assert _converged(a, b)


def test_migrating_into_a_database_that_holds_a_relay_is_refused(tmp_path, pg_database, relays, capsys):
    relays.append(PgRelay(pg_database))
    a = Node(tmp_path / "a", "A")
    a.sync_with(relays[0])
    Relay(tmp_path / "relay.sqlite3").storage.db.close()
    assert relay_main(["migrate", "--from", str(tmp_path / "relay.sqlite3"), "--to", pg_database]) == 2
    assert "already holds" in capsys.readouterr().err
    assert relay_main(["migrate", "--from", str(tmp_path / "absent.sqlite3"), "--to", pg_database]) == 2
    assert not Path(tmp_path / "absent.sqlite3").exists()
    assert relay_main(["migrate", "--from", str(tmp_path / "relay.sqlite3"), "--to", str(tmp_path / "x")]) == 2
    assert "postgresql://" in capsys.readouterr().err


def test_block_unblock_and_blocked_work_on_a_postgresql_relay(pg_database, capsys):
    from skiller_desktop.identity import Identity

    person = Identity.generate().person_id
    assert relay_main(["block", person, "--reason", "spam", "--db", pg_database]) == 0
    assert relay_main(["block", person, "--db", pg_database]) == 0
    assert relay_main(["blocked", "--db", pg_database]) == 0
    out = capsys.readouterr().out
    assert f"blocked {person}" in out and "was already blocked" in out and f"{person}\t" in out and "\tspam" in out
    assert relay_main(["unblock", person, "--db", pg_database]) == 0
    assert relay_main(["block", "nonsense", "--db", pg_database]) == 2
    assert relay_main(["blocked", "--db", "postgresql://nobody:pw@127.0.0.1:1/none"]) == 2
    assert relay_main(["blocked", "--db", "postgresql://nobody:pw@127.0.0.1/none?nonsense=1"]) == 2
    captured = capsys.readouterr()
    assert f"unblocked {person}" in captured.out and "cannot reach" in captured.err
    assert "not a usable PostgreSQL URL" in captured.err and ":pw@" not in captured.err


def test_the_relay_command_imports_psycopg_only_for_a_postgresql_url():
    import subprocess
    import sys

    from sync.pg_storage import redacted

    code = "import sys, sync.relay; print('psycopg' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[3])
    assert done.stdout.strip() == "False"
    assert redacted("postgresql://relay:s3cret@db.example:5432/skiller") == "postgresql://relay:***@db.example:5432/skiller"
    assert redacted("postgresql://relay@db.example/skiller") == "postgresql://relay@db.example/skiller"
