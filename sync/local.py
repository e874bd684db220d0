"""An in-process transport: the real ASGI app, called without a socket.

Used by unit tests and the property-based convergence test, so they run the
same app, the same signatures and the same client as real peers, minus TCP.
"""

from __future__ import annotations

import asyncio

from skiller_desktop.identity import Identity

from .client import PeerClient, PeerUnreachable


class AsgiClient(PeerClient):
    def __init__(self, app, identity: Identity, url: str = "http://in-process") -> None:
        super().__init__(url, identity)
        self.app = app
        self.online = True

    def _request(self, method: str, path: str, body: bytes, headers: dict[str, str], cap: int,
                 seconds: float) -> tuple[int, bytes]:
        """In process, the app cannot stall: the deadline is checked between requests, the cap here."""
        if not self.online:
            raise PeerUnreachable(f"{self.url} is unreachable (offline)")
        status, content = asyncio.run(_call_asgi(self.app, method, path, body, headers))
        if len(content) > cap:
            raise self._too_big(cap)
        return status, content


async def _call_asgi(app, method: str, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
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

    async def receive() -> dict:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks)
