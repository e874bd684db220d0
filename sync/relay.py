"""`skiller-relay`: the protocol's app over the relay's own store.

A relay has no person identity; it verifies every entry exactly as a desktop
node does (acceptance.verify_update) and stores and forwards only what
verifies. Team documents reach it sealed only (protocol §7): it checks each
team's keybox chain and that every sealed entry is signed with the team's
current key, stores ciphertext it cannot read, and refuses plaintext team
entries. Its storage is any `SyncStorage`; SQLite is the embedded default, PostgreSQL for several processes.

Its operator blocks a key with `skiller-relay block <person id>` (and
`unblock`, `blocked`), on the database file, even while the relay runs: the
relay reads the blocked keys again whenever the file changed.

`--db postgresql://…` keeps the relay's state in PostgreSQL instead
(sync/pg_storage.py, imported only then): any number of relay processes, on
any hosts, serve one log from one database; `block` and the others work on it
the same way. `skiller-relay migrate --from relay.sqlite3 --to postgresql://…`
moves a relay there keeping its log's identity and numbering
(sync/relay_migrate.py).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import logging
import multiprocessing
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skiller_desktop import blocklist
from skiller_desktop.db import Database
from skiller_desktop.errors import SkillerError

from .api import BODY_TIMEOUT_SECONDS, MAX_REQUESTS_PER_CLIENT, AppConfig, create_app
from .engine import shutdown_pool
from .serving import HEADER_TIMEOUT_SECONDS, SERVER_OPTIONS, header_deadline, raise_open_files_limit
from .storage import SqliteSyncStorage

if TYPE_CHECKING:
    from .pg_storage import PgSyncStorage


def open_sqlite_storage(path: Path) -> SqliteSyncStorage:
    return SqliteSyncStorage(Database(Path(path)), project_read_models=False)


def is_postgres(db: str | Path) -> bool:
    return isinstance(db, str) and db.startswith(("postgresql://", "postgres://"))


def open_storage(db: str | Path) -> SqliteSyncStorage | PgSyncStorage:
    """The relay's storage: PostgreSQL for a `postgresql://` URL (psycopg imported only then), else a SQLite file."""
    if is_postgres(db):
        from .pg_storage import PgSyncStorage

        return PgSyncStorage(str(db))
    return open_sqlite_storage(Path(db))


def main(argv: list[str] | None = None) -> int:
    """`skiller-relay [--host H --port P --db F|URL]` serves; `block`, `unblock`, `blocked`, `migrate` manage."""
    multiprocessing.freeze_support()  # the verifying workers are spawned processes (a frozen build needs this)
    args = _parser().parse_args(argv)
    wants_postgres = is_postgres(getattr(args, "db", "")) or is_postgres(getattr(args, "target", ""))
    if wants_postgres and importlib.util.find_spec("psycopg") is None:  # the packaged app leaves it out
        print("skiller-relay: this build has no PostgreSQL support; run the relay installed with pip "
              "(pip install skiller-desktop) to keep its state in PostgreSQL", file=sys.stderr)
        return 2
    if args.command in ("block", "unblock", "blocked"):
        return _manage_blocked(args)
    if args.command == "migrate":
        from .relay_migrate import run_migrate

        return run_migrate(args)
    return _serve(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="skiller-relay", description="Skiller relay: stores and forwards signed logs")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--db", default="skiller-relay.sqlite3",
                        help="the relay's SQLite file, or a postgresql://user@host/db URL")
    parser.add_argument("--log-level", default="warning")
    parser.add_argument("--body-timeout", type=float, default=BODY_TIMEOUT_SECONDS,
                        help="seconds a whole request body may take to arrive")
    parser.add_argument("--header-timeout", type=float, default=HEADER_TIMEOUT_SECONDS,
                        help="seconds a request's headers may take to arrive")
    parser.add_argument("--max-per-client", type=int, default=MAX_REQUESTS_PER_CLIENT,
                        help="requests in flight per client address (0: no limit)")
    commands = parser.add_subparsers(dest="command", metavar="{serve,block,unblock,blocked,migrate}")
    commands.add_parser("serve", help="serve (the default)")
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument("--db", default=argparse.SUPPRESS, help="the relay's database file or postgresql:// URL")
    block = commands.add_parser("block", parents=[db_option], help="refuse a key's entries and stop serving them")
    block.add_argument("person_id")
    block.add_argument("--reason", default="")
    unblock = commands.add_parser("unblock", parents=[db_option], help="accept and serve a key again")
    unblock.add_argument("person_id")
    commands.add_parser("blocked", parents=[db_option], help="list the blocked keys")
    move = commands.add_parser("migrate", help="copy a SQLite relay into PostgreSQL, keeping its log's numbering")
    move.add_argument("--from", dest="source", required=True, help="the SQLite relay file (stop its relay first)")
    move.add_argument("--to", dest="target", required=True, help="an empty postgresql:// database")
    return parser


def _manage_blocked(args: argparse.Namespace) -> int:
    """Works on the relay's file while it runs: the relay sees the change on its next request."""
    if is_postgres(args.db):
        return _manage_blocked_pg(args)
    try:
        db = Database(Path(args.db))
        try:
            if args.command == "block":
                changed = blocklist.block(db, args.person_id, args.reason)
                print(f"blocked {args.person_id}" if changed else f"{args.person_id} was already blocked")
            elif args.command == "unblock":
                changed = blocklist.unblock(db, args.person_id)
                print(f"unblocked {args.person_id}" if changed else f"{args.person_id} was not blocked")
            else:
                for row in blocklist.entries(db):
                    print(f"{row['person_id']}\t{row['blocked_at']}\t{row['reason']}")
        finally:
            db.close()
    except SkillerError as exc:
        print(f"skiller-relay: {exc}", file=sys.stderr)
        return 2
    return 0


def _manage_blocked_pg(args: argparse.Namespace) -> int:
    """The same commands on a PostgreSQL relay: every relay process of it sees the change on its next request."""
    from . import pg_storage

    try:
        if args.command == "block":
            changed = pg_storage.block(args.db, args.person_id, args.reason)
            print(f"blocked {args.person_id}" if changed else f"{args.person_id} was already blocked")
        elif args.command == "unblock":
            changed = pg_storage.unblock(args.db, args.person_id)
            print(f"unblocked {args.person_id}" if changed else f"{args.person_id} was not blocked")
        else:
            for row in pg_storage.blocked_entries(args.db):
                print(f"{row['person_id']}\t{row['blocked_at']}\t{row['reason']}")
    except SkillerError as exc:
        print(f"skiller-relay: {exc}", file=sys.stderr)
        return 2
    return 0


def _serve(args: argparse.Namespace) -> int:
    logging.basicConfig(level=args.log_level.upper())
    import uvicorn

    try:
        storage = open_storage(args.db)
        epoch = storage.epoch()
    except SkillerError as exc:
        print(f"skiller-relay: {exc}", file=sys.stderr)
        return 2
    raise_open_files_limit()
    config = AppConfig(kind="relay", body_timeout=args.body_timeout, max_requests_per_client=args.max_per_client)
    shown = args.db
    if is_postgres(args.db):
        from .pg_storage import redacted

        shown = redacted(args.db)
    print(f"skiller-relay listening on http://{args.host}:{args.port} epoch {epoch} db {shown}", flush=True)
    # lifespan "on": on SIGTERM/SIGINT uvicorn stops serving, runs the lifespan's end (the
    # verifying processes let go cleanly), then re-raises the signal.
    options: dict[str, Any] = dict(SERVER_OPTIONS)
    try:
        uvicorn.run(create_app(storage, config, lifespan=_stop_workers_at_shutdown), host=args.host,
                    port=args.port, log_level=args.log_level, access_log=False, lifespan="on",
                    http=header_deadline(args.header_timeout), **options)
    finally:
        storage.close()  # a PostgreSQL pool and its read side let go of their connections
    return 0


@contextlib.asynccontextmanager
async def _stop_workers_at_shutdown(app: object) -> AsyncIterator[None]:
    yield
    shutdown_pool()


if __name__ == "__main__":
    raise SystemExit(main())
