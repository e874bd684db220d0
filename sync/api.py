"""The protocol as one ASGI application, served by the relay and by every node.

Routes (docs/protocol.md has the details):
    GET  /v1/info                    who this is, its epoch and newest sequence
    GET  /v1/log?since=N&limit=M     entries after N, paged, signed request
    POST /v1/log                     entries the caller has; answers per entry
    GET  /v1/snapshot?after=ID&limit whole saved documents for a fast first sync
Every refusal is a 4xx JSON body {"error": {"code", "message"}}.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from skiller_desktop.errors import RejectedError, SkillerError

from . import PROTOCOL_VERSION
from .auth import verify_request
from .engine import PolicyFor, apply_entries
from .storage import SyncStorage
from .wire import (
    DEFAULT_PAGE_ENTRIES,
    MAX_BATCH_ENTRIES,
    MAX_BODY_BYTES,
    MAX_PAGE_ENTRIES,
    MAX_SNAPSHOT_DOCS,
    ProtocolError,
    WireEntry,
    b64,
    bad_request,
    decode_body,
    encode_json,
)

log = logging.getLogger("skiller.sync.api")


@dataclass
class AppConfig:
    kind: str = "node"                      # "node" or "relay"
    person_id: str | None = None            # the node's person, None for a relay
    policy_for: PolicyFor | None = None
    on_accepted: list[Callable[[list[str]], None]] = field(default_factory=list)
    max_body_bytes: int = MAX_BODY_BYTES


class _JSON(Response):
    media_type = "application/json"

    def render(self, content: object) -> bytes:
        return encode_json(content)  # type: ignore[arg-type]


def create_app(storage: SyncStorage, config: AppConfig | None = None) -> Starlette:
    config = config or AppConfig()

    async def info(request: Request) -> Response:
        return _JSON({
            "protocol": PROTOCOL_VERSION, "kind": config.kind, "node_id": storage.node_id(),
            "person_id": config.person_id, "epoch": storage.epoch(), "newest_seq": storage.newest_seq(),
            "limits": {"max_body_bytes": config.max_body_bytes, "max_batch_entries": MAX_BATCH_ENTRIES,
                       "max_page_entries": MAX_PAGE_ENTRIES, "max_snapshot_docs": MAX_SNAPSHOT_DOCS},
        })

    async def get_log(request: Request) -> Response:
        await _authenticate(request, storage, config)
        since = _int_param(request, "since", 0)
        limit = min(max(_int_param(request, "limit", DEFAULT_PAGE_ENTRIES), 1), MAX_PAGE_ENTRIES)
        return _JSON(await run_in_threadpool(_log_page, storage, since, limit))

    async def post_log(request: Request) -> Response:
        body = await _authenticate(request, storage, config)
        entries = _parse_push(body)
        result = await run_in_threadpool(apply_entries, storage, entries, config.policy_for)
        for listener in config.on_accepted:
            if result.changed_docs:
                listener(result.changed_docs)
        answer = result.to_json()
        answer["epoch"] = storage.epoch()
        echo_ok = result.used_old_pending == 0
        answer["echo"] = {"from": result.seq_before, "to": result.seq_after} if echo_ok else None
        if result.rejected:
            first = result.rejected[0][1]
            error = {"code": "rejected", "message": f"{len(result.rejected)} entries refused: {first}"}
            return _JSON({"error": error, **answer}, status_code=422)
        return _JSON(answer)

    async def snapshot(request: Request) -> Response:
        await _authenticate(request, storage, config)
        after = request.query_params.get("after", "")
        limit = min(max(_int_param(request, "limit", 500), 1), MAX_SNAPSHOT_DOCS)
        return _JSON(await run_in_threadpool(_snapshot_page, storage, after, limit))

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
    return Starlette(routes=routes, exception_handlers=handlers)  # type: ignore[arg-type]


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise bad_request("Content-Length is not a number")
        if int(declared) > limit:
            raise ProtocolError(413, "too_large", f"the body is over the limit of {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ProtocolError(413, "too_large", f"the body is over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def _authenticate(request: Request, storage: SyncStorage, config: AppConfig) -> bytes:
    body = await _read_body(request, config.max_body_bytes)
    path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    signer = await run_in_threadpool(
        verify_request, request.headers, request.method, path, body, storage.remember_nonce
    )
    request.state.signer = signer
    return body


def _int_param(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not raw.isdigit():
        raise bad_request(f"query parameter {name!r} must be a non-negative integer")
    return int(raw)


def _parse_push(body: bytes) -> list[WireEntry]:
    data = decode_body(body)
    items = data.get("entries")
    if not isinstance(items, list):
        raise bad_request("the body must be {\"entries\": [...]}")
    if len(items) > MAX_BATCH_ENTRIES:
        raise ProtocolError(413, "batch_too_large", f"at most {MAX_BATCH_ENTRIES} entries per request")
    return [WireEntry.from_json(item) for item in items]


def _log_page(storage: SyncStorage, since: int, limit: int) -> dict:
    epoch, newest = storage.epoch(), storage.newest_seq()
    entries = storage.log_since(since, limit)
    following = entries[-1].seq if entries else max(since, 0)
    if not entries and since > newest:
        following = since
    return {
        "epoch": epoch, "newest_seq": newest, "next": following,
        "more": bool(entries) and following < newest,
        "entries": [e.to_json() for e in entries],
    }


def _snapshot_page(storage: SyncStorage, after: str, limit: int) -> dict:
    epoch, upto = storage.epoch(), storage.newest_seq()
    docs = storage.snapshot(after, limit)
    return {
        "epoch": epoch, "upto": upto, "next": docs[-1].doc_id if len(docs) == limit else None,
        "docs": [{"doc_id": d.doc_id, "data": b64(d.data), "signed_heads": [s.to_json() for s in d.signed_heads]}
                 for d in docs],
    }


async def _protocol_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ProtocolError)
    return JSONResponse(exc.to_json(), status_code=exc.status)


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
