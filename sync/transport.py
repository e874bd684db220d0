"""How a node reaches a peer: the `Transport` interface, and the registry that picks one by URL scheme.

The replicator talks to a peer through `Transport` only (the protocol's four
calls, typed pages back). What a transport carries is the same everywhere:
signed requests, bounded answers, checked pages (`PeerClient` in client.py).
What differs is how one request and its answer travel, an `Exchange`: HTTP
with a total deadline (client.py), or the ASGI app called in-process
(local.py). A new transport is one `Exchange` in one file, plus one line in
`TRANSPORTS` naming the URL scheme it serves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from .wire import WireEntry

if TYPE_CHECKING:
    from skiller_desktop.identity import Identity

    from .engine import SnapshotDoc


@dataclass(frozen=True)
class PeerInfo:
    node_id: str
    kind: str
    person_id: str | None
    epoch: str
    newest_seq: int
    protocol: int


@dataclass(frozen=True)
class LogPage:
    epoch: str
    entries: list[WireEntry]
    next: int
    more: bool
    newest_seq: int
    # (doc id, hash, reason) of entries refused before the engine saw them (sealed ones that did not open)
    refused: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class SnapshotPage:
    epoch: str
    upto: int
    docs: list[SnapshotDoc]
    next: str | None
    total: int | None = None  # how many documents the peer holds, for progress (protocol §4.4)


# A push's answer, checked: "epoch", "accepted", "duplicates", "pending", "rejected" (each a dict
# with "kind", "hash", "reason"), "echo" ({"from", "to"} or None). See docs/protocol.md §4.3.
PushAnswer = dict[str, Any]


class Transport(Protocol):
    """One peer, as the replicator sees it. `deadline` (time.monotonic()) bounds a whole sync."""

    deadline: float | None

    @property
    def url(self) -> str: ...
    def info(self) -> PeerInfo: ...
    def log_since(self, since: int, limit: int, doc: str | None = None, kind: str = "") -> LogPage: ...
    def push(self, entries: list[WireEntry]) -> PushAnswer: ...
    def snapshot(self, after: str, limit: int) -> SnapshotPage: ...
    def close(self) -> None: ...


class Exchange(Protocol):
    """One request and its whole answer, the part a transport changes.

    `request` returns (status, body) within `seconds` and at most `cap` bytes of
    body; it raises `PeerUnreachable` when the peer cannot be reached,
    `ExchangeTimedOut` when time ran out, `AnswerTooBig` past the cap.
    """

    def request(self, method: str, path: str, body: bytes, headers: dict[str, str], cap: int,
                seconds: float) -> tuple[int, bytes]: ...
    def close(self) -> None: ...


class ExchangeTimedOut(Exception):
    """The exchange was cut when its time ran out (even if what came looked whole)."""


class AnswerTooBig(Exception):
    """The answer went past the cap it was given."""


TransportFactory = Callable[[str, "Identity", float], Transport]


def _http(url: str, identity: Identity, timeout: float) -> Transport:
    from .client import PeerClient

    return PeerClient(url, identity, timeout)


def _in_process(url: str, identity: Identity, timeout: float) -> Transport:
    from .local import in_process_client

    return in_process_client(url, identity, timeout)


# URL scheme -> how to reach a peer there.
TRANSPORTS: dict[str, TransportFactory] = {"http": _http, "https": _http, "local": _in_process}


class UnknownTransport(ValueError):
    """No transport serves this URL's scheme."""


def open_transport(url: str, identity: Identity, timeout: float = 20.0) -> Transport:
    """The transport for `url`, chosen by its scheme."""
    scheme = url.partition("://")[0].lower() if "://" in url else "http"
    factory = TRANSPORTS.get(scheme)
    if factory is None:
        raise UnknownTransport(f"no transport for {scheme}:// URLs (known: {', '.join(sorted(TRANSPORTS))})")
    return factory(url, identity, timeout)
