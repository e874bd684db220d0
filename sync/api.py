"""The protocol as one ASGI application, served by the relay and by every node.

Routes (docs/protocol.md has the details):
    GET  /v1/info                    who this is, its epoch and newest sequence
    GET  /v1/log?since=N&limit=M     entries after N, paged, signed request
    POST /v1/log                     entries the caller has; answers per entry
    GET  /v1/snapshot?after=ID&limit whole saved documents for a fast first sync
A node serves a team's entries only to its members; a relay holds teams
sealed only (protocol §7, sync/teams.py).
Every refusal is a 4xx JSON body {"error": {"code", "message"}}.

Hostile callers cost little (issue 10): the signature headers, the key's
standing and the declared size are checked before a body is read, a body has
a total deadline, each client address has a bound on requests in flight, and
`/v1/info` answers from memory and a reader of its own, never behind the writer.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Lifespan, Receive, Scope, Send

from skiller_desktop.errors import RejectedError, SkillerError

from . import PROTOCOL_VERSION
from .auth import check_headers, check_signature
from .engine import ApplyResult, PolicyFor, apply_entries
from .storage import SyncStorage
from .teams import NO_TEAMS, TEAM_KINDS, TeamGate, is_team_doc, relay_accept
from .wire import (
    DEFAULT_PAGE_ENTRIES,
    ENTRY_OVERHEAD,
    MAX_BATCH_ENTRIES,
    MAX_BODY_BYTES,
    MAX_PAGE_BYTES,
    MAX_PAGE_ENTRIES,
    MAX_SNAPSHOT_DOCS,
    ProtocolError,
    WireEntry,
    b64,
    bad_request,
    decode_body,
    encode_json,
    printable_id,
)

log = logging.getLogger("skiller.sync.api")


BODY_TIMEOUT_SECONDS = 15.0  # 8 MiB at 5 Mbit/s takes 13 s; a stalled body is let go after this
MAX_REQUESTS_PER_CLIENT = 16  # an honest node makes one request at a time; a NAT hides a few
_QUERY_INT = re.compile(r"[0-9]{1,18}")  # below 2^63, which is all SQLite takes


@dataclass
class AppConfig:
    kind: str = "node"                      # "node" or "relay"
    person_id: str | None = None            # the node's person, None for a relay
    policy_for: PolicyFor | None = None
    on_accepted: list[Callable[[list[str]], None]] = field(default_factory=list)
    max_body_bytes: int = MAX_BODY_BYTES
    team_gate: TeamGate | None = None   # a node's team policy; None: a relay, or a node without teams
    body_timeout: float = BODY_TIMEOUT_SECONDS  # a whole request body must arrive within this
    max_requests_per_client: int = MAX_REQUESTS_PER_CLIENT  # in flight per client address; 0: no limit


class _JSON(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return encode_json(content)


def create_app(storage: SyncStorage, config: AppConfig | None = None,
               lifespan: Lifespan[Starlette] | None = None) -> ASGIApp:
    """The protocol's app; `lifespan` (Starlette's) lets a relay clean up when its server stops."""
    config = config or AppConfig()
    node_id, epoch = storage.node_id(), storage.epoch()  # fixed for the life of a log: read once

    async def info(request: Request) -> Response:
        # On the event loop, from memory and the storage's own reader: never behind the writer.
        return _JSON({
            "protocol": PROTOCOL_VERSION, "kind": config.kind, "node_id": node_id,
            "person_id": config.person_id, "epoch": epoch, "newest_seq": storage.newest_seq_now(),
            "limits": {"max_body_bytes": config.max_body_bytes, "max_batch_entries": MAX_BATCH_ENTRIES,
                       "max_page_entries": MAX_PAGE_ENTRIES, "max_snapshot_docs": MAX_SNAPSHOT_DOCS,
                       "body_timeout_seconds": config.body_timeout,
                       "max_requests_per_client": config.max_requests_per_client},
        })

    async def get_log(request: Request) -> Response:
        await _authenticate(request, storage, config)
        since = _int_param(request, "since", 0)
        limit = min(max(_int_param(request, "limit", DEFAULT_PAGE_ENTRIES), 1), MAX_PAGE_ENTRIES)
        reader = _reader(request, config)
        doc = _id_param(request, "doc")
        if doc is not None:
            kind = request.query_params.get("kind", "")
            return _JSON(await run_in_threadpool(_doc_page, storage, config, reader, doc, kind, since, limit))
        return _JSON(await run_in_threadpool(_log_page, storage, since, limit, reader))

    async def post_log(request: Request) -> Response:
        body = await _authenticate(request, storage, config)
        entries = _parse_push(body)
        result, echo_ok = await run_in_threadpool(_accept_push, storage, config, entries, request.state.signer)
        for listener in config.on_accepted:
            if result.changed_docs:
                listener(result.changed_docs)
        answer = result.to_json()
        answer["epoch"] = epoch
        echo_ok = echo_ok and result.used_old_pending == 0
        answer["echo"] = {"from": result.seq_before, "to": result.seq_after} if echo_ok else None
        if result.rejected:
            first = result.rejected[0][1]
            error = {"code": "rejected", "message": f"{len(result.rejected)} entries refused: {first}"}
            return _JSON({"error": error, **answer}, status_code=422)
        return _JSON(answer)

    async def snapshot(request: Request) -> Response:
        await _authenticate(request, storage, config)
        after = _id_param(request, "after") or ""
        limit = min(max(_int_param(request, "limit", 500), 1), MAX_SNAPSHOT_DOCS)
        reader = _reader(request, config)
        return _JSON(await run_in_threadpool(_snapshot_page, storage, after, limit, reader))

    routes = [
        Route("/v1/info", info, methods=["GET"]),
        Route("/v1/log", get_log, methods=["GET"]),
        Route("/v1/log", post_log, methods=["POST"]),
        Route("/v1/snapshot", snapshot, methods=["GET"]),
    ]
    handlers = {
        ProtocolError: _protocol_error,
        RejectedError: _skiller_error,
        SkillerError: _skiller_error,
        HTTPException: _http_error,
        Exception: _internal_error,
    }
    app = Starlette(routes=routes, exception_handlers=handlers, lifespan=lifespan)
    return PerClientLimit(app, config.max_requests_per_client) if config.max_requests_per_client else app


async def _read_body(request: Request, limit: int) -> bytes:
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ProtocolError(413, "too_large", f"the body is over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _check_declared_size(request: Request, limit: int) -> None:
    """A POST says its size up front (no chunked uploads), and it is within the limit."""
    declared = request.headers.get("content-length")
    if declared is None:
        if request.method == "POST":
            raise ProtocolError(411, "length_required", "a POST must declare its Content-Length")
        return
    if not _QUERY_INT.fullmatch(declared):
        raise bad_request("Content-Length is not a number")
    if int(declared) > limit:
        raise ProtocolError(413, "too_large", f"the body is over the limit of {limit} bytes")


async def _authenticate(request: Request, storage: SyncStorage, config: AppConfig) -> bytes:
    """Cheap checks first (headers, freshness, a blocked key, the declared size), then the body, then the signature.

    Nothing here waits on the writer before the body is in: the blocked keys
    come from the storage's own reader.
    """
    signed = check_headers(request.headers)
    if signed.key in storage.blocked_keys():
        raise ProtocolError(403, "blocked", "this key is blocked here")
    _check_declared_size(request, config.max_body_bytes)
    try:
        body = await asyncio.wait_for(_read_body(request, config.max_body_bytes), config.body_timeout)
    except TimeoutError:
        raise ProtocolError(408, "body_timeout",
                            f"the request body did not arrive within {config.body_timeout:g} s") from None
    path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    signer = await run_in_threadpool(check_signature, signed, request.method, path, body, storage.remember_nonce)
    request.state.signer = signer
    return body


def _int_param(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not _QUERY_INT.fullmatch(raw):
        raise bad_request(f"query parameter {name!r} must be an integer from 0 to 10^18")
    return int(raw)


def _id_param(request: Request, name: str) -> str | None:
    """A document id from the query: bounded printable ASCII, as ids in entries (no NUL for PostgreSQL)."""
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return raw
    if len(raw) > 200 or not printable_id(raw):
        raise bad_request(f"query parameter {name!r} must be a document id (printable ASCII, at most 200)")
    return raw


def _parse_push(body: bytes) -> list[WireEntry]:
    data = decode_body(body)  # depth-limited; `from_json` bounds and type-checks each entry (a "seq" of 1e400 too)
    items = data.get("entries")
    if not isinstance(items, list):
        raise bad_request("the body must be {\"entries\": [...]}")
    if len(items) > MAX_BATCH_ENTRIES:
        raise ProtocolError(413, "batch_too_large", f"at most {MAX_BATCH_ENTRIES} entries per request")
    return [WireEntry.from_json(item) for item in items]


# May this caller read team document `doc_id`? (None: no team filter, a relay's sealed log.)
Reader = Callable[[str], bool] | None


def _reader(request: Request, config: AppConfig) -> Reader:
    """On a node, team entries go only to a signed caller who is a member or a named invitee."""
    gate = config.team_gate
    if gate is None:  # a relay holds teams sealed only; a node without team knowledge serves none
        return None if config.kind == "relay" else (lambda doc_id: False)
    caller = request.state.signer
    answers: dict[str, bool] = {}

    def may_read(doc_id: str) -> bool:
        if doc_id not in answers:
            answers[doc_id] = gate.may_read(caller, doc_id)
        return answers[doc_id]
    return may_read


def _visible(doc_id: str, reader: Reader) -> bool:
    return reader is None or not is_team_doc(doc_id) or reader(doc_id)


def _log_page(storage: SyncStorage, since: int, limit: int, reader: Reader = None) -> dict[str, Any]:
    epoch, newest = storage.epoch(), storage.newest_seq()
    entries, last = storage.log_page(since, limit)  # `last`: the cursor moves past entries not served
    return {
        "epoch": epoch, "newest_seq": newest, "next": last,
        "more": last > since and last < newest,
        "entries": [e.to_json() for e in entries if _visible(e.doc_id, reader)],
    }


def _doc_page(storage: SyncStorage, config: AppConfig, reader: Reader, doc_id: str, kind: str, since: int,
              limit: int) -> dict[str, Any]:
    """`GET /v1/log?doc=ID[&kind=keybox]`: one document's entries (a team's keyboxes, or its history)."""
    epoch, newest = storage.epoch(), storage.newest_seq()
    if kind not in ("", "keybox"):
        raise bad_request("query parameter 'kind' may only be 'keybox'")
    gate = config.team_gate
    if doc_id in storage.blocked_keys():  # a blocked person's document is no longer served
        entries = []
    elif config.kind != "relay" and kind == "keybox":  # a node keeps its keyboxes aside; seq is the version
        entries = gate.keybox_entries(doc_id, since) if gate is not None else []
    elif config.kind != "relay":
        entries = storage.log_of_doc(doc_id, ("change", "head"), since, limit + 1) if _visible(doc_id, reader) else []
    else:
        kinds = ("keybox",) if kind == "keybox" else ("change", "head", "keybox", "sealed")
        entries = storage.log_of_doc(doc_id, kinds, since, limit + 1)
    overflow, asked = len(entries) > limit, entries[:limit]
    entries = _within_bytes(asked)  # a history of big entries goes in several pages, like the whole log
    more = overflow or len(entries) < len(asked)
    return {"epoch": epoch, "newest_seq": newest, "next": entries[-1].seq if entries else since, "more": more,
            "entries": [e.to_json() for e in entries]}


def _within_bytes(entries: list[WireEntry], max_bytes: int = MAX_PAGE_BYTES) -> list[WireEntry]:
    """The first entries that fit a page's byte budget (at least one), as `log_since` pages the whole log."""
    size = 0
    for count, entry in enumerate(entries):
        size += len(entry.data) + ENTRY_OVERHEAD
        if count and size > max_bytes:
            return entries[:count]
    return entries


def _accept_push(storage: SyncStorage, config: AppConfig, entries: list[WireEntry],
                 signer: str = "") -> tuple[ApplyResult, bool]:
    """Verify and commit a push from `signer`; (result, whether `echo` may be given)."""
    if config.kind != "relay":  # a node: open what is sealed for us, keep keyboxes, verify the plaintext
        opened = (config.team_gate or NO_TEAMS).unseal(entries)
        result = apply_entries(storage, opened.plain, config.policy_for, signer=signer)
        result.duplicates += opened.unreadable + opened.keyboxes  # kept aside, or not ours to read: no-ops
        result.rejected += opened.refused
        return result, True
    team: list[WireEntry] = []
    plain: list[WireEntry] = []
    for entry in entries:
        (team if is_team_doc(entry.doc_id) or entry.kind in TEAM_KINDS else plain).append(entry)
    result = apply_entries(storage, plain, config.policy_for, signer=signer) if plain or not team else ApplyResult()
    if not team:
        return result, True
    with storage.exclusive():
        known = storage.known(e.key for e in team)
        fresh = [e for e in team if e.key not in known]
        keep, refused = relay_accept(storage, fresh)
        before, after = storage.append_entries(keep)
    result.duplicates += len(team) - len(fresh)
    result.accepted += [e.key for e in keep]
    result.rejected += refused
    if not plain:
        result.seq_before, result.seq_after = before, after
        return result, True
    return result, False


def _snapshot_page(storage: SyncStorage, after: str, limit: int, reader: Reader = None) -> dict[str, Any]:
    epoch, upto = storage.epoch(), storage.newest_seq()
    docs = storage.snapshot(after, limit)
    blocked = storage.blocked_keys()
    return {
        "epoch": epoch, "upto": upto, "next": docs[-1].doc_id if len(docs) == limit else None,
        "total": storage.doc_count() if not after else None,  # for the caller's progress
        "docs": [{"doc_id": d.doc_id, "data": b64(d.data), "signed_heads": [s.to_json() for s in d.signed_heads]}
                 for d in docs if _visible(d.doc_id, reader) and d.doc_id not in blocked],
    }


async def _protocol_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ProtocolError)
    # After a refusal that left the body unread, the connection cannot carry another request.
    headers = {"Connection": "close"} if exc.status in (401, 403, 408, 411, 413) else None
    return JSONResponse(exc.to_json(), status_code=exc.status, headers=headers)


async def _skiller_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SkillerError)
    status = 422 if isinstance(exc, RejectedError) else 400
    return JSONResponse({"error": {"code": exc.code, "message": str(exc)}}, status_code=status)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return JSONResponse({"error": {"code": "http", "message": str(exc.detail)}}, status_code=exc.status_code)


async def _internal_error(request: Request, exc: Exception) -> Response:
    log.exception("internal error on %s %s", request.method, request.url.path)
    return JSONResponse({"error": {"code": "internal", "message": "internal error"}}, status_code=500)


class PerClientLimit:
    """At most `limit` requests in flight per client address; past it, 429 at once.

    Runs on the event loop, so a plain dict needs no lock. `/v1/info` is
    answered from memory and is left out, so a client held back can still
    see that the server is up.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit
        self.active: dict[str, int] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] == "/v1/info":
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("", 0))[0]
        if self.active.get(client, 0) >= self.limit:
            error = ProtocolError(429, "too_many_requests",
                                  f"at most {self.limit} requests at a time from one address; try again shortly")
            await JSONResponse(error.to_json(), status_code=429, headers={"Retry-After": "1", "Connection": "close"})(
                scope, receive, send)
            return
        self.active[client] = self.active.get(client, 0) + 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.active[client] -= 1
            if not self.active[client]:
                del self.active[client]
