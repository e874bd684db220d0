"""The HTTP client of the protocol: plain `requests`, timeouts, signed requests."""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlencode

import requests

from skiller_desktop.identity import Identity
from skiller_desktop.signed_heads import SignedHead

from .auth import sign_request
from .engine import SnapshotDoc
from .wire import ProtocolError, WireEntry, encode_json, unb64


class PeerUnreachable(Exception):
    """The peer did not answer (down, no route, timeout)."""


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


@dataclass(frozen=True)
class SnapshotPage:
    epoch: str
    upto: int
    docs: list[SnapshotDoc]
    next: str | None
    total: int | None = None  # how many documents the peer holds, for progress (protocol §4.4)


class PeerClient:
    def __init__(self, url: str, identity: Identity, timeout: float = 20.0,
                 session: requests.Session | None = None) -> None:
        self.url = url.rstrip("/")
        self.identity = identity
        self.timeout = timeout
        self.session = session or requests.Session()
        self.bytes_sent = 0
        self.bytes_received = 0

    def close(self) -> None:
        self.session.close()

    def _request(self, method: str, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        """The transport: one HTTP exchange. In-process transports override this."""
        try:
            response = self.session.request(method, self.url + path, data=body or None, headers=headers,
                                            timeout=self.timeout)
        except requests.RequestException as exc:
            raise PeerUnreachable(f"{self.url} is unreachable ({type(exc).__name__})") from None
        return response.status_code, response.content

    def _call(self, method: str, path: str, body: bytes = b"") -> dict:
        headers = sign_request(self.identity, method, path, body)
        if body:
            headers["Content-Type"] = "application/json"
        status, content = self._request(method, path, body, headers)
        self.bytes_sent += len(body) + len(path)
        self.bytes_received += len(content)
        try:
            data = json.loads(content)
            if not isinstance(data, dict):
                raise ValueError
        except ValueError:
            raise ProtocolError(status, "bad_answer", f"{self.url} answered {status} without JSON") from None
        if status >= 400 and not (status == 422 and "accepted" in data):
            error = data.get("error") or {}
            raise ProtocolError(status, str(error.get("code", "error")),
                                str(error.get("message", f"HTTP {status}")))
        return data

    def info(self) -> PeerInfo:
        data = self._call("GET", "/v1/info")
        try:
            return PeerInfo(str(data["node_id"]), str(data["kind"]), data.get("person_id"), str(data["epoch"]),
                            int(data["newest_seq"]), int(data["protocol"]))
        except (KeyError, TypeError, ValueError):
            raise ProtocolError(502, "bad_answer", f"{self.url} sent a malformed info answer") from None

    def log_since(self, since: int, limit: int, doc: str | None = None, kind: str = "") -> LogPage:
        """The log after `since`; with `doc`, only that document's entries (`kind="keybox"`: its keyboxes)."""
        query: dict[str, object] = {"since": since, "limit": limit}
        if doc is not None:
            query["doc"] = doc
            if kind:
                query["kind"] = kind
        data = self._call("GET", "/v1/log?" + urlencode(query))
        entries = [WireEntry.from_json(item) for item in data["entries"]]
        return LogPage(str(data["epoch"]), entries, int(data["next"]), bool(data["more"]), int(data["newest_seq"]))

    def push(self, entries: list[WireEntry]) -> dict:
        body = encode_json({"entries": [WireEntry(e.doc_id, e.kind, e.hash, e.data).to_json() for e in entries]})
        return self._call("POST", "/v1/log", body)

    def snapshot(self, after: str, limit: int) -> SnapshotPage:
        data = self._call("GET", "/v1/snapshot?" + urlencode({"after": after, "limit": limit}))
        docs = [
            SnapshotDoc(str(d["doc_id"]), unb64(d["data"]), [SignedHead.from_json(s) for s in d["signed_heads"]])
            for d in data["docs"]
        ]
        total = data.get("total")
        return SnapshotPage(str(data["epoch"]), int(data["upto"]), docs, data.get("next"),
                            total if isinstance(total, int) and not isinstance(total, bool) and total >= 0 else None)
