"""In-process nodes and relays for sync unit tests: the real app, no sockets."""

from __future__ import annotations

from pathlib import Path

# Re-exported for the sync tests that import them from here.
from support import doc_heads_in as doc_heads  # noqa: F401
from support import read_models_in as read_models  # noqa: F401
from support import wait_until  # noqa: F401

from skiller_desktop.services import Services
from sync.api import AppConfig, create_app
from sync.local import AsgiClient
from sync.node import node_gate, node_storage
from sync.peers import PeerBook
from sync.relay import open_sqlite_storage
from sync.replicator import sync_peer


class Relay:
    def __init__(self, path: Path) -> None:
        self.storage = open_sqlite_storage(path)
        self.app = create_app(self.storage, AppConfig(kind="relay"))
        self.url = f"http://relay-{path.stem}"


class Node:
    def __init__(self, path: Path, name: str) -> None:
        self.services = Services(path)
        self.services.create_identity(name)
        self.storage = node_storage(self.services)
        self.gate = node_gate(self.services)
        self.book = PeerBook(self.services.db)
        self.app = create_app(self.storage, AppConfig(kind="node", person_id=self.services.person_id,
                                                      policy_for=self.services.policy_for))
        self.url = f"http://node-{path.stem}"

    @property
    def person_id(self) -> str:
        return self.services.person_id

    def sync_with(self, other: Node | Relay):
        peer = self.book.add(other.url, "relay" if isinstance(other, Relay) else "peer")
        client = AsgiClient(other.app, self.services.require_identity(), other.url)
        return sync_peer(self.storage, self.book, peer.peer_id, client, self.services.policy_for, gate=self.gate,
                         batch=7)
