"""`skiller-relay`: the protocol's app over the relay's own store.

A relay has no person identity; it verifies every entry exactly as a desktop
node does (acceptance.verify_update) and stores and forwards only what
verifies. Team documents reach it sealed only (protocol §7): it checks each
team's keybox chain and that every sealed entry is signed with the team's
current key, stores ciphertext it cannot read, and refuses plaintext team
entries. Its storage is any `RelayStorage`; SQLite is the embedded default.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Protocol

from skiller_desktop.db import Database
from skiller_desktop.errors import SkillerError

from .api import AppConfig, create_app
from .engine import shutdown_pool
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


def create_relay_app(storage: RelayStorage, lifespan=None):
    return create_app(storage, AppConfig(kind="relay"), lifespan)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="skiller-relay", description="Skiller relay: stores and forwards signed logs")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--db", type=Path, default=Path("skiller-relay.sqlite3"))
    parser.add_argument("--log-level", default="warning")
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log_level.upper())
    import uvicorn

    try:
        storage = open_sqlite_storage(args.db)
        epoch = storage.epoch()
    except SkillerError as exc:
        print(f"skiller-relay: {exc}", file=sys.stderr)
        return 2
    print(f"skiller-relay listening on http://{args.host}:{args.port} epoch {epoch} db {args.db}", flush=True)
    # lifespan "on": on SIGTERM/SIGINT uvicorn stops serving, runs the lifespan's end (the
    # verifying processes let go cleanly), then re-raises the signal.
    uvicorn.run(create_relay_app(storage, lifespan=_stop_workers_at_shutdown), host=args.host, port=args.port,
                log_level=args.log_level, access_log=False, lifespan="on")
    return 0


@contextlib.asynccontextmanager
async def _stop_workers_at_shutdown(app) -> AsyncIterator[None]:
    yield
    shutdown_pool()


if __name__ == "__main__":
    raise SystemExit(main())
