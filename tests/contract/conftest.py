"""The contract every sync storage adapter and every transport passes (issue 11).

Like automerge-repo's shared adapter suites: the same tests run against each
storage adapter (`ADAPTERS`, the relay's storage) and each transport
(`TRANSPORTS`: HTTP on a real loopback server, the ASGI app in-process).
Adding an adapter is one line in `ADAPTERS`: a maker taking (a temporary
directory, a store name) and returning a `SyncStorage`; called again with
the same name after `close()`, it opens the same store (a restart).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pg_cluster
import pytest
from contract_peers import HttpHost, InProcessHost, Peers

from skiller_desktop.db import Database
from sync.storage import SqliteSyncStorage, SyncStorage

StorageMaker = Callable[[Path, str], SyncStorage]
StorageFactory = Callable[[str], SyncStorage]


def make_sqlite_storage(base: Path, name: str) -> SyncStorage:
    return SqliteSyncStorage(Database(base / f"{name}.sqlite3"), project_read_models=False)


def make_postgresql_storage(base: Path, name: str) -> SyncStorage:
    """A relay storage in a database of its own on the session's throwaway cluster, one per (base, name)."""
    from sync.pg_storage import PgSyncStorage

    key = (base, name)
    if key not in _pg_databases:
        _pg_databases[key] = pg_cluster.fresh_database(_pg_server[0], prefix="contract")
    return PgSyncStorage(_pg_databases[key])


_pg_server: list[str] = []  # the cluster's URL, set by the fixture when a PostgreSQL run starts
_pg_databases: dict[tuple[Path, str], str] = {}

ADAPTERS: dict[str, StorageMaker] = {"sqlite": make_sqlite_storage, "postgresql": make_postgresql_storage}
TRANSPORTS = {"http": HttpHost, "asgi": InProcessHost}


def _close(storage: SyncStorage) -> None:
    storage.close()
    db = getattr(storage, "db", None)  # the SQLite adapter's Database is the maker's to close
    if isinstance(db, Database):
        db.close()


@pytest.fixture(params=sorted(ADAPTERS))
def sync_storage_factory(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StorageFactory]:
    """Opens relay storages of the adapter under test, by name; all closed at the end."""
    make = ADAPTERS[request.param]
    if request.param == "postgresql" and not _pg_server:
        _pg_server.append(request.getfixturevalue("postgres_url"))  # starts the cluster, or skips saying why
    opened: list[SyncStorage] = []

    def factory(name: str = "relay") -> SyncStorage:
        storage = make(tmp_path / "stores", name)
        opened.append(storage)
        return storage

    (tmp_path / "stores").mkdir()
    yield factory
    for storage in opened:
        _close(storage)


@pytest.fixture(params=sorted(TRANSPORTS))
def host(request: pytest.FixtureRequest) -> Iterator[HttpHost | InProcessHost]:
    """Serves apps over the transport under test; clients are opened by URL (`transport.open_transport`)."""
    served = TRANSPORTS[request.param]()
    yield served
    served.stop()


@pytest.fixture
def peers(tmp_path: Path, host: HttpHost | InProcessHost, sync_storage_factory: StorageFactory) -> Iterator[Peers]:
    made = Peers(tmp_path, host, sync_storage_factory)
    yield made
    made.close()
