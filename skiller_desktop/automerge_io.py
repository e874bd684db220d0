"""Thin helpers over the automerge bindings: write plain Python values, read them back.

The bindings' own proxy writes `True` as an integer (bool is an int), so we
write scalars ourselves with their exact Automerge type.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

from automerge import core

from .errors import RejectedError, ValidationError
from .messages import say

ROOT = core.ROOT
Document = core.Document


def scalar_type(value: Any) -> core.ScalarType:
    if isinstance(value, bool):
        return core.ScalarType.Boolean
    if isinstance(value, str):
        return core.ScalarType.Str
    if isinstance(value, int):
        return core.ScalarType.Int
    if isinstance(value, float):
        return core.ScalarType.F64
    if isinstance(value, bytes):
        return core.ScalarType.Bytes
    if isinstance(value, datetime):
        return core.ScalarType.Timestamp
    if value is None:
        return core.ScalarType.Null
    raise TypeError(f"cannot store {type(value).__name__} in a document")


def put(tx: core.Transaction, obj: bytes, key: str | int, value: Any) -> None:
    """Put a value (scalar, dict or list, nested) at obj[key]."""
    if isinstance(value, dict):
        child = tx.put_object(obj, key, core.ObjType.Map)
        for k, v in value.items():
            put(tx, child, k, v)
    elif isinstance(value, list):
        child = tx.put_object(obj, key, core.ObjType.List)
        for i, v in enumerate(value):
            insert(tx, child, i, v)
    else:
        tx.put(obj, key, scalar_type(value), value)


def insert(tx: core.Transaction, obj: bytes, index: int, value: Any) -> None:
    if isinstance(value, dict):
        child = tx.insert_object(obj, index, core.ObjType.Map)
        for k, v in value.items():
            put(tx, child, k, v)
    elif isinstance(value, list):
        child = tx.insert_object(obj, index, core.ObjType.List)
        for i, v in enumerate(value):
            insert(tx, child, i, v)
    else:
        tx.insert(obj, index, scalar_type(value), value)


def map_id(tx: core.Transaction | core.Document, obj: bytes, key: str) -> bytes | None:
    """The id of the map at obj[key], or None if there is none."""
    found = tx.get(obj, key)
    if found is None:
        return None
    value, child = found
    return child if value == core.ObjType.Map else None


def ensure_map(tx: core.Transaction, obj: bytes, key: str) -> bytes:
    existing = map_id(tx, obj, key)
    return existing if existing is not None else tx.put_object(obj, key, core.ObjType.Map)


def to_python(doc: core.Document, obj: bytes = ROOT) -> Any:
    """The document (or one object in it) as plain Python values, like `core.extract`.

    Reads each map and list with one `keys`/`values` call instead of one `get`
    per entry; the same result, about a third faster on a person document.
    """
    return _extract(doc, obj, doc.object_type(obj))


_OBJ = core.ObjType
_MAP = core.ObjType.Map
_LIST = core.ObjType.List
_TEXT = core.ObjType.Text


def _extract(doc: core.Document, obj: bytes, kind: core.ObjType) -> Any:
    if kind == _MAP:
        keys = doc.keys(obj)
        values = doc.values(obj)
        if len(keys) != len(values):  # never seen; stay exact if the bindings ever differ
            return core.extract(doc, obj)
        return {
            key: _extract(doc, child, value) if isinstance(value, _OBJ) else value[1]
            for key, (value, child) in zip(keys, values, strict=True)
        }
    if kind == _LIST:
        return [
            _extract(doc, child, value) if isinstance(value, _OBJ) else value[1] for value, child in doc.values(obj)
        ]
    if kind == _TEXT:
        return doc.text(obj)
    raise ValueError("unexpected result from doc.object_type")


def load(data: bytes) -> core.Document:
    return core.Document.load(data)


def change_hashes(doc: core.Document, since: list[bytes] | None = None) -> list[bytes]:
    return [change.hash for change in doc.get_changes(since or [])]


def change_bytes(change: core.Change) -> bytes:
    """The change as a compressed chunk, like `change.bytes`, for about half the time.

    `change.bytes` re-encodes and deflates in the bindings; here the cached
    uncompressed chunk is deflated with zlib. Same format (chunk type 2: magic,
    checksum of the uncompressed chunk, length, raw deflate of the body), same
    hash; only the deflate stream may differ, which any reader accepts.
    """
    raw = change.raw_bytes
    if len(raw) < 10 or raw[8] != 1:
        return change.bytes
    length, start = read_uleb(raw, 9)
    if start + length != len(raw):
        return change.bytes
    plain = raw[start:]
    # A small window for a small change: about the same size, set up in half the time.
    packer = zlib.compressobj(6, zlib.DEFLATED, -12 if len(plain) <= 4096 else -15)
    body = packer.compress(plain) + packer.flush()
    return raw[:8] + b"\x02" + write_uleb(len(body)) + body


MAGIC = b"\x85\x6f\x4a\x83"
CHANGE_CHUNK, DEFLATED_CHANGE_CHUNK = 1, 2


def chunks(data: bytes, limit: int | None = None) -> list[tuple[int, int, int]] | None:
    """The chunks of saved bytes as (type, start, end), or None if `data` is not a clean run of them.

    A chunk is magic, a 4-byte checksum (the first bytes of a change's hash),
    a type byte (0 document, 1 change, 2 deflated change), a length and a body.
    """
    found: list[tuple[int, int, int]] = []
    at = 0
    while at < len(data):
        if (limit is not None and len(found) >= limit) or data[at : at + 4] != MAGIC or at + 9 > len(data):
            return None
        length, start = read_uleb(data, at + 9)
        if length < 0 or start + length > len(data):
            return None
        found.append((data[at + 8], at, start + length))
        at = start + length
    return found


def reusable_chunks(data: bytes | None, changes: list[core.Change]) -> dict[bytes, tuple[int, int]]:
    """Where `data` already holds a change's encoded chunk: (start, end) by change hash.

    Saved bytes made of change chunks (a document built up from the log)
    already hold every change encoded: reusing them spares deflating each
    change again. `data` must be bytes that loaded into the document of
    `changes`: Automerge refuses a chunk whose checksum is not the first four
    bytes of its change's hash. When every chunk is a change chunk (so every
    change of the document has one), a checksum found on one chunk only is
    that change's; otherwise chunks are decompressed and compared.
    """
    if not data:
        return {}
    parsed = chunks(data)
    if not parsed:
        return {}
    by_checksum: dict[bytes, list[tuple[int, int, int]]] = {}
    for kind, start, end in parsed:
        if kind in (CHANGE_CHUNK, DEFLATED_CHANGE_CHUNK):
            by_checksum.setdefault(data[start + 4 : start + 8], []).append((kind, start, end))
    only_changes = all(kind in (CHANGE_CHUNK, DEFLATED_CHANGE_CHUNK) for kind, _, _ in parsed)
    found: dict[bytes, tuple[int, int]] = {}
    for change in changes:
        candidates = by_checksum.get(change.hash[:4], ())
        if only_changes and len(candidates) == 1:
            found[change.hash] = candidates[0][1:]
            continue
        for kind, start, end in candidates:
            if _same_change(kind, data[start:end], change.raw_bytes):
                found[change.hash] = (start, end)
                break
    return found


def _same_change(kind: int, chunk: bytes, raw: bytes) -> bool:
    if kind == CHANGE_CHUNK:
        return chunk == raw
    _, body_at = read_uleb(chunk, 9)
    _, raw_body_at = read_uleb(raw, 9)
    try:
        plain = inflate(chunk[body_at:], len(raw) - raw_body_at)
    except RejectedError:  # longer than the change it may be: not that change
        return False
    return plain == raw[raw_body_at:] and chunk[4:8] == raw[4:8]


# -- bounded inflating ------------------------------------------------------

# Deflate turns at most 1,032 bytes into one (258-byte matches in 2 bits, plus block
# overhead): a chunk of n deflated bytes inflates to at most n * 1,032 bytes.
DEFLATE_MAX_RATIO = 1032
# A change as written by this app, encoded (the wire's per-entry limit); imports are
# split into several changes under it (`apply_in_parts`).
MAX_CHANGE_BYTES = 1024 * 1024
# What one deflated change may inflate to: honest changes compress 2-10 times.
MAX_INFLATED_CHANGE_BYTES = 16 * MAX_CHANGE_BYTES
_INFLATE_STEP = 1024 * 1024


def inflate(data: bytes, limit: int, wbits: int = -15) -> bytes:
    """Raw deflate (or, with other `wbits`, zlib/gzip) data, refused past `limit` bytes of output.

    Never holds more than `limit` + 1 MiB: the output is asked for in steps of
    at most what is left of the limit, so a bomb is stopped after `limit` bytes.
    """
    try:
        if len(data) * DEFLATE_MAX_RATIO <= limit:  # cannot pass the limit: one call, the usual case
            return zlib.decompress(data, wbits)
    except zlib.error:
        raise RejectedError("compressed data does not inflate") from None
    inflater = zlib.decompressobj(wbits)
    try:
        plain = b"".join(_inflating(inflater, data, limit))
        if not inflater.eof:
            raise RejectedError("compressed data is truncated")
    except zlib.error:
        raise RejectedError("compressed data does not inflate") from None
    return plain


def inflated_size_bound(data: bytes, limit: int, wbits: int = -15) -> int:
    """At most how many bytes `data` inflates to, without keeping them; RejectedError past `limit`.

    Data too short to reach the limit is not inflated: its bound is its size times the ratio.
    """
    if len(data) * DEFLATE_MAX_RATIO <= limit:  # cannot exceed the limit: spare the work
        return len(data) * DEFLATE_MAX_RATIO
    try:
        return sum(map(len, _inflating(zlib.decompressobj(wbits), data, limit)))
    except zlib.error:
        raise RejectedError("compressed data does not inflate") from None


def _inflating(inflater: Any, data: bytes, limit: int) -> Iterator[bytes]:
    """The inflated output in parts of at most 1 MiB; RejectedError as soon as it passes `limit`."""
    size = 0
    pending = data
    while True:
        part = inflater.decompress(pending, min(_INFLATE_STEP, limit - size + 1))
        size += len(part)
        if size > limit:
            raise RejectedError(f"compressed data inflates to more than {limit:,} bytes")
        yield part
        pending = inflater.unconsumed_tail
        if not pending and not part:
            return


def read_uleb(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while at < len(data):
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, at
    return -1, at


def write_uleb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)



def apply_in_parts(doc: core.Document, edits: Sequence[Callable[[core.Transaction], None]],
                   limit: int = MAX_CHANGE_BYTES) -> core.Document:
    """Run `edits` in order as one or more changes, each at most `limit` bytes encoded (uncompressed).

    A change is one wire entry and cannot be split later, so a large import
    must be written in parts. Groups of edits are tried on a fork and kept
    when their change fits; one that does not is tried again with fewer
    edits, sized from what the last one weighed. Returns the document the
    changes were made on (`doc` itself when everything fits in one change).
    """
    actor = doc.get_actor()
    start, count = 0, len(edits)
    while start < len(edits):
        group = edits[start : start + count]
        trial = doc.fork() if len(edits) > 1 else doc
        trial.set_actor(actor)
        before = trial.get_heads()
        with trial.transaction() as tx:
            for edit in group:
                edit(tx)
        size = sum(len(change.raw_bytes) for change in trial.get_changes(before))
        if size <= limit:
            doc, start = trial, start + len(group)
            continue
        if len(group) == 1:
            raise ValidationError(say("change.too_big", size=size, limit=limit))
        count = max(1, min(len(group) - 1, len(group) * limit * 9 // (size * 10)))  # aim a tenth under
    return doc

# -- what may reach Automerge's loader ---------------------------------------

# Automerge inflates deflated chunks and columns inside `Document.load`, in Rust, without
# a limit: what reaches it is bounded here instead (docs/limits.md). An honest person
# document is a few MB at most; a push or a page brings at most 5,000 changes.
MAX_LOAD_BYTES = 32 * 1024 * 1024
MAX_LOAD_CHUNKS = 20_000
MAX_LOAD_INFLATED_BYTES = 64 * 1024 * 1024
DOCUMENT_CHUNK = 0
_DEFLATED_COLUMN = 0x08  # bit 3 of a column's spec


def check_loadable(data: bytes) -> None:
    """Refuse saved bytes or change chunks whose loading could cost more than the limits above.

    Walks the chunk headers (no decoding): a change chunk counts its length, a
    deflated change chunk what it inflates to (inflated, without keeping it,
    only when it is long enough to pass the limit), a document chunk its
    columns as declared, deflated ones bounded the same way.
    """
    if len(data) > MAX_LOAD_BYTES:
        raise RejectedError(f"the document is {len(data):,} bytes, over the limit of {MAX_LOAD_BYTES:,}")
    found = chunks(data, MAX_LOAD_CHUNKS)
    if found is None:
        if chunks(data) is not None:
            raise RejectedError(f"the document has more than {MAX_LOAD_CHUNKS:,} chunks")
        raise RejectedError("the document bytes are not a clean run of Automerge chunks")
    budget = MAX_LOAD_INFLATED_BYTES
    for kind, start, end in found:
        _, body_at = read_uleb(data, start + 9)
        if kind == DEFLATED_CHANGE_CHUNK:
            budget -= inflated_size_bound(data[body_at:end], min(budget, MAX_INFLATED_CHANGE_BYTES))
        elif kind == DOCUMENT_CHUNK:
            budget -= _document_size_bound(data, body_at, end, budget)
        else:
            budget -= end - body_at
        if budget < 0:
            raise RejectedError(f"the document inflates to more than {MAX_LOAD_INFLATED_BYTES:,} bytes")


def _document_size_bound(data: bytes, at: int, end: int, limit: int) -> int:
    """At most how many bytes a document chunk's columns inflate to; RejectedError past `limit`."""
    def uleb() -> int:
        nonlocal at
        value, at = read_uleb(data, at)
        if value < 0 or at > end:
            raise RejectedError("a document chunk is truncated")
        return value

    for _ in range(uleb()):  # actors (a length, then the actor id)
        skip = uleb()  # read first: `at += uleb()` would add to the `at` of before the read
        at += skip
    skip = 32 * uleb()  # heads
    at += skip
    columns = [(uleb(), uleb()) for _ in range(uleb())]  # change columns: (spec, length)
    columns += [(uleb(), uleb()) for _ in range(uleb())]  # op columns
    size = 0
    for spec, length in columns:
        if at + length > end:
            raise RejectedError("a document chunk's columns run past its end")
        if spec & _DEFLATED_COLUMN:
            size += inflated_size_bound(data[at : at + length], limit - size)
        else:
            size += length
        if size > limit:
            raise RejectedError(f"the document inflates to more than {MAX_LOAD_INFLATED_BYTES:,} bytes")
        at += length
    return size
