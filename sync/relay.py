"""`skiller-relay`: the protocol's app over the relay's own store.

A relay has no person identity; it verifies every entry exactly as a desktop
node does (acceptance.verify_update) and stores and forwards only what
verifies. Team documents reach it sealed only (protocol §7): it checks each
team's keybox chain and that every sealed entry is signed with the team's
current key, stores ciphertext it cannot read, and refuses plaintext team
entries. Its storage is any `RelayStorage`; SQLite is the embedded default.

Its operator blocks a key with `skiller-relay block <person id>` (and
`unblock`, `blocked`), on the database file, even while the relay runs: the
relay reads the blocked keys again whenever the file changed.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import multiprocessing
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Protocol

from skiller_desktop import blocklist
from skiller_desktop.db import Database
from skiller_desktop.errors import SkillerError

from .api import BODY_TIMEOUT_SECONDS, MAX_REQUESTS_PER_CLIENT, AppConfig, create_app
from .engine import shutdown_pool
from .serving import HEADER_TIMEOUT_SECONDS, SERVER_OPTIONS, header_deadline, raise_open_files_limit
from .storage import SqliteSyncStorage, SyncStorage
from .wire import WireEntry


class RelayStorage(SyncStorage, Protocol):
    """What a relay stores: a node's sync storage, plus a team's sealed entries.

    A PostgreSQL backend implements the same Protocol (nonces included, so
    several relay processes can share one database).
    """

    def log_of_doc(self, doc_id: str, kinds: tuple[str, ...], since: int = 0,
                   limit: int = 1_000_000) -> list[WireEntry]: ...
    def append_entries(self, entries: list[WireEntry]) -> tuple[int, int]: ...


def open_sqlite_storage(path: Path) -> SqliteSyncStorage:
    return SqliteSyncStorage(Database(Path(path)), project_read_models=False)


def main(argv: list[str] | None = None) -> int:
    """`skiller-relay [--host H --port P --db F]` serves; `block`, `unblock`, `blocked` manage blocked keys."""
    multiprocessing.freeze_support()  # the verifying workers are spawned processes (a frozen build needs this)
    args = _parser().parse_args(argv)
    if args.command in ("block", "unblock", "blocked"):
        return _manage_blocked(args)
    return _serve(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="skiller-relay", description="Skiller relay: stores and forwards signed logs")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--db", type=Path, default=Path("skiller-relay.sqlite3"))
    parser.add_argument("--log-level", default="warning")
    parser.add_argument("--body-timeout", type=float, default=BODY_TIMEOUT_SECONDS,
                        help="seconds a whole request body may take to arrive")
    parser.add_argument("--header-timeout", type=float, default=HEADER_TIMEOUT_SECONDS,
                        help="seconds a request's headers may take to arrive")
    parser.add_argument("--max-per-client", type=int, default=MAX_REQUESTS_PER_CLIENT,
                        help="requests in flight per client address (0: no limit)")
    commands = parser.add_subparsers(dest="command", metavar="{serve,block,unblock,blocked}")
    commands.add_parser("serve", help="serve (the default)")
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="the relay's database file")
    block = commands.add_parser("block", parents=[db_option], help="refuse a key's entries and stop serving them")
    block.add_argument("person_id")
    block.add_argument("--reason", default="")
    unblock = commands.add_parser("unblock", parents=[db_option], help="accept and serve a key again")
    unblock.add_argument("person_id")
    commands.add_parser("blocked", parents=[db_option], help="list the blocked keys")
    return parser


def _manage_blocked(args: argparse.Namespace) -> int:
    """Works on the relay's file while it runs: the relay sees the change on its next request."""
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


def _serve(args: argparse.Namespace) -> int:
    logging.basicConfig(level=args.log_level.upper())
    import uvicorn

    try:
        storage = open_sqlite_storage(args.db)
        epoch = storage.epoch()
    except SkillerError as exc:
        print(f"skiller-relay: {exc}", file=sys.stderr)
        return 2
    raise_open_files_limit()
    config = AppConfig(kind="relay", body_timeout=args.body_timeout, max_requests_per_client=args.max_per_client)
    print(f"skiller-relay listening on http://{args.host}:{args.port} epoch {epoch} db {args.db}", flush=True)
    # lifespan "on": on SIGTERM/SIGINT uvicorn stops serving, runs the lifespan's end (the
    # verifying processes let go cleanly), then re-raises the signal.
    uvicorn.run(create_app(storage, config, lifespan=_stop_workers_at_shutdown), host=args.host, port=args.port,
                log_level=args.log_level, access_log=False, lifespan="on",
                http=header_deadline(args.header_timeout), **SERVER_OPTIONS)
    return 0


@contextlib.asynccontextmanager
async def _stop_workers_at_shutdown(app) -> AsyncIterator[None]:
    yield
    shutdown_pool()


if __name__ == "__main__":
    raise SystemExit(main())
