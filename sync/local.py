"""An in-process transport: the real ASGI app, called without a socket.

Used by unit tests, the contract suite and the property-based convergence
test, so they run the same app, the same signatures and the same client as
real peers, minus TCP. An app made reachable with `serve_in_process` answers
at a `local://NAME` URL, which `transport.open_transport` opens like any other.
"""

from __future__ import annotations

import asyncio
from collections.abc import MutableMapping
from typing import Any

from starlette.types import ASGIApp

from skiller_desktop.identity import Identity

from .client import PeerClient, PeerUnreachable
from .transport import AnswerTooBig

_APPS: dict[str, ASGIApp] = {}  # local://NAME -> its app


class AsgiExchange:
    """One request to the app, in this process. The app cannot stall: the deadline is checked
    between requests, the answer's cap here. `online = False` plays a peer gone away."""

    def __init__(self, app: ASGIApp, url: str) -> None:
        self.app = app
        self.url = url
        self.online = True

    def request(self, method: str, path: str, body: bytes, headers: dict[str, str], cap: int,
                seconds: float) -> tuple[int, bytes]:
        if not self.online:
            raise PeerUnreachable(f"{self.url} is unreachable: it is offline")
        status, content = asyncio.run(_call_asgi(self.app, method, path, body, headers))
        if len(content) > cap:
            raise AnswerTooBig
        return status, content

    def close(self) -> None:
        pass


class AsgiClient(PeerClient):
    """The protocol's client over an `AsgiExchange`."""

    def __init__(self, app: ASGIApp, identity: Identity, url: str = "http://in-process",
                 timeout: float = 20.0) -> None:
        self.asgi = AsgiExchange(app, url)
        super().__init__(url, identity, timeout, exchange=self.asgi)

    @property
    def online(self) -> bool:
        return self.asgi.online

    @online.setter
    def online(self, value: bool) -> None:
        self.asgi.online = value


def serve_in_process(name: str, app: ASGIApp) -> str:
    """Make `app` reachable at `local://NAME` (until `stop_serving_in_process`); returns that URL."""
    _APPS[name] = app
    return f"local://{name}"


def stop_serving_in_process(name: str) -> None:
    _APPS.pop(name, None)


def in_process_client(url: str, identity: Identity, timeout: float = 20.0) -> AsgiClient:
    """The registered factory of `local://` URLs; a name nobody serves is an unreachable peer."""
    name = url.partition("://")[2].rstrip("/")
    app = _APPS.get(name)
    client = AsgiClient(app if app is not None else _nobody, identity, url, timeout)
    client.online = app is not None
    return client


async def _nobody(scope: Any, receive: Any, send: Any) -> None:
    raise AssertionError("never called: the client is offline")


async def _call_asgi(app: ASGIApp, method: str, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
    raw_path, _, query = path.partition("?")
    all_headers = {**headers, "content-length": str(len(body)), "host": "in-process"}
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method.upper(),
        "scheme": "http", "path": raw_path, "raw_path": raw_path.encode(), "query_string": query.encode(),
        "root_path": "", "headers": [(k.lower().encode(), v.encode()) for k, v in all_headers.items()],
        "client": ("127.0.0.1", 1), "server": ("in-process", 80),
    }
    sent = False
    status = 500
    chunks: list[bytes] = []

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks)
