"""The HTTP client of the protocol: plain `requests`, signed requests, and a peer that cannot hold us.

A peer may be hostile (issue 10). Every request has a total deadline, from
connecting to the last byte of the answer (`RequestWatch` cuts the connection
wherever it is blocked, even on an answer trickled a byte at a time), and a
sync may have one too (`deadline`). Answers are streamed and refused past a
byte cap derived from the protocol's page limits, and parsed into typed
pages; anything else is a `BadPeer` error naming what the peer did.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.poolmanager import ProxyManager

from skiller_desktop import safe_json
from skiller_desktop.errors import RejectedError
from skiller_desktop.identity import Identity
from skiller_desktop.messages import Message
from skiller_desktop.signed_heads import SignedHead

from .auth import sign_request
from .engine import SnapshotDoc
from .transport import AnswerTooBig, Exchange, ExchangeTimedOut, LogPage, PeerInfo, PushAnswer, SnapshotPage
from .wire import (
    MAX_BATCH_ENTRIES,
    MAX_BODY_BYTES,
    MAX_LEGACY_ENTRY_BYTES,
    MAX_PAGE_BYTES,
    MAX_PAGE_ENTRIES,
    MAX_SEQ,
    ProtocolError,
    WireEntry,
    encode_json,
    unb64,
)

MiB = 1024 * 1024
# A log page holds about MAX_PAGE_BYTES of entries, and may end with one as big as a push body;
# base64 adds a third, and each entry's JSON (doc id, hash, keys) a few hundred bytes.
MAX_LOG_ANSWER = (MAX_PAGE_BYTES + MAX_BODY_BYTES) * 4 // 3 + MAX_PAGE_ENTRIES * 512 + MiB
# A snapshot page carries whole documents (1000 of a few kB each, usually): far above what an honest
# page weighs, far below what would hurt a desktop.
MAX_SNAPSHOT_ANSWER = 64 * MiB
# A push answer lists at most every entry sent, each with a reason.
MAX_PUSH_ANSWER = MAX_BATCH_ENTRIES * 1024 + MiB
MAX_INFO_ANSWER = 64 * 1024
CHUNK = 64 * 1024


class PeerUnreachable(Exception):
    """The peer did not answer (down, no route, refused the connection)."""


class BadAddress(PeerUnreachable):
    """The address itself cannot be used (no host, a malformed URL): the user's to correct, not to wait for."""


def _unreachable(url: str, exc: BaseException) -> PeerUnreachable:
    """In words, not exception class names: what `requests` said, told as a person would."""
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                        requests.exceptions.InvalidSchema, requests.exceptions.URLRequired)):
        return BadAddress(f"{url} is unreachable: it is not a valid address")
    if isinstance(exc, requests.exceptions.Timeout):
        return PeerUnreachable(f"{url} is unreachable: no answer in time")
    return PeerUnreachable(f"{url} is unreachable: the connection failed")


class BadPeer(ProtocolError):
    """The peer's answer breaks the protocol: too slow, too big, malformed, or a page that does not advance."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(502, code, message)


class PeerClient:
    """The protocol's calls to one peer over an `Exchange` (HTTP unless told otherwise): a `Transport`.

    `timeout`: seconds for a whole request; `deadline`: time.monotonic() a sync ends.
    """

    def __init__(self, url: str, identity: Identity, timeout: float = 20.0,
                 session: requests.Session | None = None, exchange: Exchange | None = None) -> None:
        self.url = url.rstrip("/")
        self.identity = identity
        self.timeout = timeout
        self.deadline: float | None = None
        self.exchange: Exchange = exchange or HttpExchange(self.url, session)
        self.bytes_sent = 0
        self.bytes_received = 0

    def close(self) -> None:
        self.exchange.close()

    def _too_big(self, cap: int) -> BadPeer:
        return BadPeer("too_large", f"{self.url} sent more than {cap / MiB:.0f} MiB in one answer")

    def _too_slow(self, seconds: float) -> BadPeer:
        if seconds < self.timeout:  # the sync's deadline came first
            return self._past_deadline()
        return BadPeer("timeout", f"{self.url} did not finish answering within {seconds:g} s")

    def _past_deadline(self) -> BadPeer:
        return BadPeer("deadline", f"the sync with {self.url} reached its deadline; it stops here and goes on "
                                   "next time")

    def _seconds_left(self) -> float:
        """This request's time: `timeout`, or less when the sync's deadline comes first."""
        if self.deadline is None:
            return self.timeout
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise self._past_deadline()
        return min(self.timeout, left)

    def _call(self, method: str, path: str, body: bytes = b"", cap: int = MAX_LOG_ANSWER) -> dict[str, Any]:
        seconds = self._seconds_left()
        headers = sign_request(self.identity, method, path, body)
        headers["Accept-Encoding"] = "identity"
        if body:
            headers["Content-Type"] = "application/json"
        try:
            status, content = self.exchange.request(method, path, body, headers, cap, seconds)
        except ExchangeTimedOut:
            raise self._too_slow(seconds) from None
        except AnswerTooBig:
            raise self._too_big(cap) from None
        self.bytes_sent += len(body) + len(path)
        self.bytes_received += len(content)
        try:
            data = safe_json.loads(content)  # a hostile peer's answer: bounded depth
            if not isinstance(data, dict):
                raise ValueError
        except (ValueError, RecursionError):
            raise BadPeer("malformed", f"{self.url} answered {status} without JSON") from None
        if status >= 400 and not (status == 422 and "accepted" in data):
            found = data.get("error")
            error: dict[str, Any] = found if isinstance(found, dict) else {}
            raise ProtocolError(status, str(error.get("code", "error"))[:100],
                                str(error.get("message", f"HTTP {status}"))[:500])
        return data

    def info(self) -> PeerInfo:
        data = self._call("GET", "/v1/info", cap=MAX_INFO_ANSWER)
        with _parsing(self.url, "info"):
            person = data.get("person_id")
            return PeerInfo(_text(data["node_id"]), _text(data["kind"]), None if person is None else _text(person),
                            _text(data["epoch"]), _seq(data["newest_seq"]), int(data["protocol"]))

    def log_since(self, since: int, limit: int, doc: str | None = None, kind: str = "") -> LogPage:
        """The log after `since`; with `doc`, only that document's entries (`kind="keybox"`: its keyboxes)."""
        query: dict[str, object] = {"since": since, "limit": limit}
        if doc is not None:
            query["doc"] = doc
            if kind:
                query["kind"] = kind
        data = self._call("GET", "/v1/log?" + urlencode(query))
        with _parsing(self.url, "log page"):
            # entries stored before the per-entry limit existed may be up to a body's size
            entries = [WireEntry.from_json(item, MAX_LEGACY_ENTRY_BYTES) for item in _list(data["entries"])]
            return LogPage(_text(data["epoch"]), entries, _seq(data["next"]), _flag(data["more"]),
                           _seq(data["newest_seq"]))

    def push(self, entries: list[WireEntry]) -> PushAnswer:
        """The peer's answer, checked: accepted and duplicates counts, pending and rejected lists (protocol §4.3)."""
        body = encode_json({"entries": [WireEntry(e.doc_id, e.kind, e.hash, e.data).to_json() for e in entries]})
        data = self._call("POST", "/v1/log", body, cap=MAX_PUSH_ANSWER)
        with _parsing(self.url, "push answer"):
            for name in ("accepted", "duplicates"):
                data[name] = _seq(data.get(name, 0))
            data["pending"] = [_key(item) for item in _list(data.get("pending", []))]
            data["rejected"] = [{**_key(item), "reason": _refusal(item)} for item in _list(data.get("rejected", []))]
            echo = data.get("echo")
            data["echo"] = {"from": _seq(echo["from"]), "to": _seq(echo["to"])} if isinstance(echo, dict) else None
        return data

    def snapshot(self, after: str, limit: int) -> SnapshotPage:
        data = self._call("GET", "/v1/snapshot?" + urlencode({"after": after, "limit": limit}),
                          cap=MAX_SNAPSHOT_ANSWER)
        with _parsing(self.url, "snapshot page"):
            docs = [SnapshotDoc(_text(d["doc_id"]), unb64(d["data"]),
                                [SignedHead.from_json(s) for s in _list(d["signed_heads"])])
                    for d in _list(data["docs"])]
            following = data.get("next")
            total = data.get("total")
            return SnapshotPage(_text(data["epoch"]), _seq(data["upto"]), docs,
                                None if following is None else _text(following),
                                _seq(total) if isinstance(total, int) and not isinstance(total, bool) else None)


class HttpExchange:
    """One HTTP exchange, all of it within `seconds` (`RequestWatch`), at most `cap` bytes of answer."""

    def __init__(self, url: str, session: requests.Session | None = None) -> None:
        self.url = url.rstrip("/")
        self.session = session or watched_session()

    def close(self) -> None:
        self.session.close()

    def request(self, method: str, path: str, body: bytes, headers: dict[str, str], cap: int,
                seconds: float) -> tuple[int, bytes]:
        with RequestWatch(seconds) as watch:
            try:
                # No redirects: the signature does not cover the host, so a peer answering 307 would
                # have our signed request, body and nonce, replayed to a host of its choosing.
                response = self.session.request(method, self.url + path, data=body or None, headers=headers,
                                                timeout=seconds, stream=True, allow_redirects=False)
                try:
                    status, content = response.status_code, self._read(response, cap)
                finally:
                    response.close()
            except (requests.RequestException, OSError) as exc:
                if not watch.fired:
                    raise _unreachable(self.url, exc) from None
        if watch.fired:  # cut short, even if what came looked whole (headers ended by the cut)
            raise ExchangeTimedOut
        return status, content

    def _read(self, response: requests.Response, cap: int) -> bytes:
        encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
        if encoding not in ("", "identity"):  # we asked for none: a bomb is not inflated here
            raise BadPeer("malformed", f"{self.url} sent a {encoding} answer it was not asked for")
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            raise AnswerTooBig
        chunks, size = [], 0
        for chunk in response.iter_content(CHUNK):
            size += len(chunk)
            if size > cap:
                raise AnswerTooBig
            chunks.append(chunk)
        return b"".join(chunks)


def _refusal(item: dict[str, Any]) -> str:
    """A peer's refusal: its words and its code (protocol §4.3: "code" beside "reason")."""
    reason = _text(item.get("reason", ""))[:500]
    code = _text(item.get("code", ""))[:80] or legacy_refusal_code(reason)
    return Message(reason, code)


def legacy_refusal_code(reason: str) -> str:
    """The code of a refusal from a peer older than refusal codes, which sends only words.

    The one place a refusal's words are read: at the border, for old peers; inside, codes decide.
    """
    if reason.startswith(("document.", "document[")):
        return "document.schema"
    if reason.startswith("document "):
        return "document.unknown_kind" if "of no kind" in reason else "document.empty"
    if reason.startswith("blocked:"):
        return "sync.blocked_author"
    return ""


@contextmanager
def _parsing(url: str, what: str) -> Iterator[None]:
    """Any error while reading a peer's answer becomes one BadPeer line."""
    try:
        yield
    except (KeyError, TypeError, ValueError, AttributeError, ProtocolError, RejectedError) as exc:
        detail = exc.message if isinstance(exc, ProtocolError) else str(exc) or type(exc).__name__
        raise BadPeer("malformed", f"{url} sent a malformed {what} ({detail[:200]})") from None


def _text(value: object) -> str:
    if not isinstance(value, str) or len(value) > 1000:
        raise ValueError("not a short string")
    return value


def _seq(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_SEQ:
        raise ValueError("not a sequence number")
    return value


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError("not a boolean")
    return value


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError("not a list")
    return value


def _key(item: object) -> dict[str, str]:
    if not isinstance(item, dict):
        raise ValueError("not an object")
    return {"kind": _text(item.get("kind", "")), "hash": _text(item.get("hash", ""))}


# -- a total deadline per request --------------------------------------------------

_watching = threading.local()  # the RequestWatch of the request this thread is making


class RequestWatch:
    """Cuts the connection of one request when its time is up, wherever it is blocked.

    A socket timeout bounds each read only: a peer sending one byte per
    second (even inside the headers) never trips it. The watch shuts the
    socket down instead, which wakes the blocked read at once; the
    connection is then broken and urllib3 drops it from its pool.
    """

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._conn: HTTPConnection | None = None
        self._done = False
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def __enter__(self) -> RequestWatch:
        _watching.watch = self
        self._timer.start()
        return self

    def __exit__(self, *_: object) -> None:
        with self._lock:
            self._done = True
        self._timer.cancel()
        _watching.watch = None

    def attach(self, conn: HTTPConnection) -> None:
        with self._lock:
            self._conn = conn
            late = self.fired
        if late:
            _shut(conn)

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.fired = True
            conn = self._conn
        if conn is not None:
            _shut(conn)


def _shut(conn: HTTPConnection) -> None:
    sock = getattr(conn, "sock", None)
    if sock is not None:
        with suppress(OSError):  # the plain socket's shutdown, even under TLS: the SSL object is the reader's
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


if TYPE_CHECKING:  # the mixin below extends urllib3's connections; typed as one, it may call their methods
    _Connection = HTTPConnection
else:
    _Connection = object


class _Watched(_Connection):
    """A connection that tells the current RequestWatch it carries the request."""

    def _watched(self) -> None:
        watch = getattr(_watching, "watch", None)
        if watch is not None:
            watch.attach(self)

    def connect(self) -> None:
        self._watched()
        super().connect()

    def request(self, *args: Any, **kwargs: Any) -> None:
        self._watched()
        super().request(*args, **kwargs)


class _WatchedHTTPConnection(_Watched, HTTPConnection):
    pass


class _WatchedHTTPSConnection(_Watched, HTTPSConnection):
    pass


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_WATCHED_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class _WatchedAdapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_WATCHED_POOLS)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if type(manager) is ProxyManager:  # an HTTP(S) proxy; a SOCKS one keeps its own connections
            manager.pool_classes_by_scheme = dict(_WATCHED_POOLS)
        return manager


def watched_session() -> requests.Session:
    """A requests session whose connections a RequestWatch can cut (direct, or through an HTTP proxy)."""
    session = requests.Session()
    adapter = _WatchedAdapter()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
