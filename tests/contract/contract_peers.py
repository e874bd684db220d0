"""Relays and nodes for the contract suite, reachable through the transport under test."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from skiller_desktop.services import Services
from sync.api import AppConfig, create_app
from sync.local import serve_in_process, stop_serving_in_process
from sync.node import NodeSync, ServerThread
from sync.replicator import SyncReport, SyncSession, run
from sync.storage import SyncStorage
from sync.transport import Transport, open_transport

_names = itertools.count()


class Swappable:
    """An ASGI app that forwards to another, which a test may replace (a relay reset behind one URL)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.app(scope, receive, send)


class HttpHost:
    """Apps on real loopback HTTP servers (uvicorn in a thread), reached with `requests`."""

    def __init__(self) -> None:
        self.servers: dict[str, tuple[ServerThread, Swappable]] = {}

    def serve(self, name: str, app: Any) -> str:
        if name in self.servers:
            self.servers[name][1].app = app
            return self.servers[name][0].url
        front = Swappable(app)
        server = ServerThread(front)
        server.start()
        self.servers[name] = (server, front)
        return server.url

    def unreachable_url(self) -> str:
        """A loopback port nobody listens on."""
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def stop(self) -> None:
        for server, _ in self.servers.values():
            server.stop()


class InProcessHost:
    """Apps called in this process, at `local://NAME` URLs."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def serve(self, name: str, app: Any) -> str:
        unique = f"contract-{id(self)}-{name}"
        self.names.append(unique)
        return serve_in_process(unique, app)

    def unreachable_url(self) -> str:
        return f"local://contract-{id(self)}-nobody"

    def stop(self) -> None:
        for name in self.names:
            stop_serving_in_process(name)


Host = HttpHost | InProcessHost


class Relay:
    def __init__(self, host: Host, factory: Callable[[str], SyncStorage], name: str = "relay") -> None:
        self.host, self.name = host, name
        self.storage = factory(name)
        self.url = host.serve(name, create_app(self.storage, AppConfig(kind="relay")))

    def replace(self, storage: SyncStorage) -> None:
        """Serve another store behind the same URL (a relay reset, or restarted)."""
        self.storage = storage
        self.host.serve(self.name, create_app(storage, AppConfig(kind="relay")))

    def entry_keys(self) -> set[tuple[str, str]]:
        return {e.key for e in self.storage.log_since(0, 1_000_000, 1 << 40)}

    def change_keys(self) -> set[tuple[str, str]]:
        """The changes held (a relay keeps only the newest signed head of a run: heads differ)."""
        return {key for key in self.entry_keys() if key[0] == "change"}


class Node:
    """A desktop node: its services, its sync storage and team policy, its own endpoint once served."""

    def __init__(self, path: Path, name: str, host: Host) -> None:
        self.services = Services(path)
        self.services.create_identity(name)
        self.sync = NodeSync(self.services)
        self.host, self.name = host, name
        self.url = ""

    @property
    def person_id(self) -> str:
        return self.services.person_id

    @property
    def storage(self) -> SyncStorage:
        return self.sync.storage

    def serve(self) -> str:
        self.url = self.host.serve(self.name, create_app(self.sync.storage, self.sync.app_config()))
        return self.url

    def client(self, url: str) -> Transport:
        return open_transport(url, self.services.require_identity(), 20.0)

    def sync_with(self, other: Relay | Node, batch: int = 2000) -> SyncReport:
        url = other.url or (other.serve() if isinstance(other, Node) else "")
        peer = self.sync.book.add(url, "relay" if isinstance(other, Relay) else "peer")
        client = self.client(url)
        try:
            return run(SyncSession(self.sync.storage, self.sync.book, peer.peer_id, client,
                                   self.services.policy_for, self.sync.gate, batch=batch))
        finally:
            client.close()

    def entry_keys(self) -> set[tuple[str, str]]:
        return {e.key for e in self.storage.log_since(0, 1_000_000, 1 << 40)}

    def change_keys(self) -> set[tuple[str, str]]:
        """The changes held (a relay keeps only the newest signed head of a run: heads differ)."""
        return {key for key in self.entry_keys() if key[0] == "change"}

    def close(self) -> None:
        self.sync.close()
        self.services.close()


class Peers:
    """Makes the relays and nodes of one test, and closes them."""

    def __init__(self, base: Path, host: Host, factory: Callable[[str], SyncStorage]) -> None:
        self.base, self.host, self.factory = base, host, factory
        self.nodes: list[Node] = []

    def relay(self, name: str = "relay") -> Relay:
        return Relay(self.host, self.factory, name)

    def node(self, name: str) -> Node:
        made = Node(self.base / f"{name}-{next(_names)}", name.capitalize(), self.host)
        self.nodes.append(made)
        return made

    def close(self) -> None:
        for node in self.nodes:
            node.close()
