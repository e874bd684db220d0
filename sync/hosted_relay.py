"""A relay for your team, run from the desktop app in one click (issue 12, point 1).

The same protocol app as `skiller-relay` (sync/api.py with `kind="relay"`),
served from a background thread of the app on a LAN-reachable port, over its
own SQLite file in the data dir: the relay's log is not the node's store, so
what it holds for others never mixes with the user's documents, and the file
survives a restart (the relay keeps its epoch and numbering; peers resume).

Its addresses go into invitation links; the app stops it when it quits.
No Qt here: the UI calls `start()` off its thread and `stop()` at quit.
"""

from __future__ import annotations

import contextlib
import socket
from pathlib import Path

from .api import AppConfig, create_app
from .node import ServerThread
from .relay import open_sqlite_storage
from .storage import SqliteSyncStorage

RELAY_FILE = "hosted-relay.sqlite3"
DEFAULT_PORT = 8767  # next to the node endpoint's 8766 and skiller-relay's 8765


def lan_address() -> str | None:
    """This machine's address on the network that reaches others (no packet is sent: UDP `connect` only routes)."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere, but picks the outgoing interface
        address = str(probe.getsockname()[0])
        if not address.startswith(("127.", "0.")):
            return address
    return None


class HostedRelay:
    """One relay in this process: `start()`, then its `urls`; `stop()` closes the port and the file."""

    def __init__(self, data_dir: Path, host: str = "0.0.0.0", port: int = DEFAULT_PORT) -> None:
        self.path = Path(data_dir) / RELAY_FILE
        self.host = host
        self.port = port
        self.storage: SqliteSyncStorage | None = None
        self.server: ServerThread | None = None

    @property
    def running(self) -> bool:
        return self.server is not None

    def start(self) -> list[str]:
        """Serve; a taken port falls back to any free one. Returns the addresses to hand out, LAN first."""
        if self.server is not None:
            return self.urls
        storage = open_sqlite_storage(self.path)
        try:
            app = create_app(storage, AppConfig(kind="relay"))
            try:
                server = ServerThread(app, self.host, self.port)
            except OSError:
                server = ServerThread(app, self.host, 0)
            server.start()
            if not server.server.started:
                server.stop()
                raise OSError("the relay did not start")
        except BaseException:
            storage.close()
            raise
        self.storage, self.server = storage, server
        self.port = server.port
        return self.urls

    @property
    def local_url(self) -> str:
        """The address this device itself syncs with (loopback: works with no network at all)."""
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host
        return f"http://{host}:{self.port}"

    @property
    def urls(self) -> list[str]:
        """Where others reach it: the LAN address when there is one, then loopback (for this machine only)."""
        if self.server is None:
            return []
        lan = lan_address() if self.host in ("0.0.0.0", "") else None
        return ([f"http://{lan}:{self.port}"] if lan else []) + [self.local_url]

    def stop(self) -> None:
        server, storage = self.server, self.storage
        self.server = self.storage = None
        if server is not None:
            server.stop()
        if storage is not None:
            storage.close()
