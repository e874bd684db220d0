"""A node's side of sync: its storage, its peer endpoint in a thread, its scheduler.

The composition root (the desktop app, `skiller serve`, `skiller sync`) calls
`NodeSync(services)` and picks what to start.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import logging
import socket
import threading
import time
from typing import TYPE_CHECKING

import uvicorn
from starlette.types import ASGIApp

from skiller_desktop.services import Services
from skiller_desktop.views import Changes

from .api import AppConfig, create_app
from .peers import PeerBook
from .scheduler import Scheduler, SchedulerConfig
from .serving import SERVER_OPTIONS, header_deadline
from .storage import SqliteSyncStorage
from .teams import NodeTeamGate

if TYPE_CHECKING:
    from .discovery import Discovery


def node_storage(services: Services) -> SqliteSyncStorage:
    """The node's sync storage, holding the services' write lock around each commit.

    Services serialises its own edits with that lock; sync takes it too, so a
    local edit and an accepted batch never read the same old document.
    """
    return SqliteSyncStorage(services.db, project_read_models=True, extra_lock=services.write_lock)


def node_gate(services: Services) -> NodeTeamGate:
    """The node's team policy: who may read its teams, sealing pushes and opening pulls (protocol §7)."""
    return NodeTeamGate(services)


class ServerThread:
    """uvicorn in a background thread; `port=0` picks a free port."""

    def __init__(self, app: ASGIApp, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host = host
        self.sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
        try:
            # Rebind soon after a restart; on Windows SO_REUSEADDR would let us take a port in use.
            exclusive = getattr(socket, "SO_EXCLUSIVEADDRUSE", None)
            self.sock.setsockopt(socket.SOL_SOCKET, exclusive if exclusive is not None else socket.SO_REUSEADDR, 1)
            self.sock.bind((host, port))
        except OSError:
            self.sock.close()  # a taken port: give the socket back now, not at garbage collection
            raise
        self.port = self.sock.getsockname()[1]
        # The same bounds as a relay's (sync/serving.py): a LAN peer is no more trusted than the internet.
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                                http=header_deadline(), **SERVER_OPTIONS)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]},
                                       name="sync endpoint", daemon=True)

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host
        return f"http://{host}:{self.port}"

    def start(self, timeout: float = 10.0) -> None:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started and time.monotonic() < deadline and self.thread.is_alive():
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(5)
        self.sock.close()


class NodeSync:
    """Everything sync for one open data dir."""

    def __init__(self, services: Services, config: SchedulerConfig | None = None) -> None:
        self.services = services
        self.storage = node_storage(services)
        self.gate = node_gate(services)
        self.book = PeerBook(services.db)
        self.scheduler = Scheduler(self.storage, self.book, services.require_identity,
                                   services.policy_for, config, gate=self.gate)
        services.add_listener(self._local_changes)
        # Synced documents reach the services' listeners as Changes, like local edits (one channel
        # for the UI); told from one thread of their own, never on the endpoint's event loop.
        self._notifier = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync changes")
        self.scheduler.add_change_listener(self._synced)
        self.server: ServerThread | None = None
        self.announcer: Discovery | None = None

    def app_config(self) -> AppConfig:
        identity = self.services.identity
        return AppConfig(kind="node", person_id=identity.person_id if identity else None,
                         policy_for=self.services.policy_for,
                         on_accepted=[self._accepted], team_gate=self.gate)

    def _accepted(self, doc_ids: list[str]) -> None:
        self.scheduler.documents_changed(doc_ids)

    def _local_changes(self, changes: Changes) -> None:
        if not changes.synced:  # what a sync brought, the scheduler already passes on
            self.scheduler.local_edit()

    def _synced(self, doc_ids: list[str]) -> None:
        with contextlib.suppress(RuntimeError):  # closing: what lands now is stored, just not told
            self._notifier.submit(self._tell_synced, list(doc_ids))

    def _tell_synced(self, doc_ids: list[str]) -> None:
        try:
            self.services.documents_committed(doc_ids, synced=True)
        except Exception:  # a listener's bug must not stop the next batch from being told
            logging.getLogger(__name__).exception("telling listeners about synced documents failed")

    def serve(self, host: str = "127.0.0.1", port: int = 0) -> ServerThread:
        self.server = ServerThread(create_app(self.storage, self.app_config()), host, port)
        self.server.start()
        return self.server

    def announce(self) -> bool:
        """Announce the endpoint on the LAN and add peers found; False if multicast is unusable."""
        from .discovery import Discovery

        if self.server is None:
            raise RuntimeError("serve() first")
        identity = self.services.identity
        announcer = self.announcer = Discovery(self.storage.node_id(), identity.person_id if identity else "",
                                               self.server.host, self.server.port, self.scheduler.peer_found)
        return announcer.start()

    def unserve(self) -> None:
        """Withdraw the mDNS record (zeroconf says goodbye), then close the port; `serve` may open it again."""
        if self.announcer is not None:
            self.announcer.stop()
            self.announcer = None
        if self.server is not None:
            self.server.stop()
            self.server = None

    def close(self) -> None:
        self.scheduler.stop()
        self._notifier.shutdown(wait=True)  # the last synced documents told before the store closes
        if self.announcer is not None:
            self.announcer.stop()
        if self.server is not None:
            self.server.stop()  # kept, stopped: a caller may still ask about its thread
        self.storage.close()  # the side connection that answers /v1/info and the block list
