"""The wire format: entries as JSON, limits, and the errors a peer may answer.

An entry is one row of a node's log, an Automerge change chunk or a signed
head, moved as JSON with its bytes in base64. The change chunk's own header
gives its hash and dependencies, so a receiver never trusts the sender's word
for either.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from skiller_desktop import automerge_io as am
from skiller_desktop import safe_json
from skiller_desktop.errors import RejectedError
from skiller_desktop.signed_heads import SignedHead

MAX_BODY_BYTES = 8 * 1024 * 1024
MAX_BATCH_ENTRIES = 5000
MAX_PAGE_ENTRIES = 5000
DEFAULT_PAGE_ENTRIES = 2000
MAX_PAGE_BYTES = 4 * 1024 * 1024
ENTRY_OVERHEAD = 200  # what an entry costs a page beyond its bytes: ids, hash, JSON and base64 growth, roughly
MAX_SNAPSHOT_DOCS = 2000
# One entry's bytes: a change as this app writes them (large imports are split under it),
# plus room for a sealed team entry's envelope. Inflated, a change may be 16 times that.
MAX_ENTRY_BYTES = am.MAX_CHANGE_BYTES
MAX_ENTRY_DATA_BYTES = MAX_ENTRY_BYTES + 64 * 1024
# Before the entry limit, an entry could be as large as a push body: relays may still hold some.
MAX_LEGACY_ENTRY_BYTES = MAX_BODY_BYTES
MAX_SEQ = 2**63 - 1  # SQLite's INTEGER
KINDS = ("change", "head", "keybox", "sealed")  # the last two: sealed team replication (protocol §7)


class ProtocolError(Exception):
    """A refusal a peer answers with: HTTP status, a stable code, and words."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def to_json(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message}}


def bad_request(message: str) -> ProtocolError:
    return ProtocolError(400, "malformed", message)


@dataclass(frozen=True)
class WireEntry:
    doc_id: str
    kind: str
    hash: str
    data: bytes
    seq: int = 0

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.hash)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"doc_id": self.doc_id, "kind": self.kind, "hash": self.hash, "data": b64(self.data)}
        if self.seq:
            out["seq"] = self.seq
        return out

    @classmethod
    def from_json(cls, item: object, max_data_bytes: int = MAX_ENTRY_DATA_BYTES) -> WireEntry:
        """An entry from a push or a page; `max_data_bytes`: a puller reading entries written before
        the entry limit existed (up to a body's size) may pass MAX_LEGACY_ENTRY_BYTES."""
        if not isinstance(item, dict):
            raise bad_request("an entry is not a JSON object")
        try:
            doc_id, kind, hash_, data = item["doc_id"], item["kind"], item["hash"], item["data"]
            seq = item.get("seq", 0)
        except KeyError:
            raise bad_request("an entry lacks doc_id, kind, hash or data") from None
        if not all(isinstance(v, str) for v in (doc_id, kind, hash_, data)) or kind not in KINDS:
            raise bad_request("an entry has a field of the wrong type or an unknown kind")
        if not doc_id or len(doc_id) > 200 or len(hash_) > 128:
            raise bad_request("an entry has an empty or oversized doc_id or hash")
        if not (printable_id(doc_id) and printable_id(hash_)):  # also stops lone surrogates and NUL
            raise bad_request("an entry's doc_id or hash is not printable ASCII")
        if type(seq) is not int or not 0 <= seq <= MAX_SEQ:
            raise bad_request("an entry's seq is not an integer from 0 to 2**63-1")
        if len(data) > (max_data_bytes + 2) // 3 * 4:  # base64: 4 characters for 3 bytes
            raise ProtocolError(413, "entry_too_large",
                                f"an entry is over the limit of {max_data_bytes:,} bytes; "
                                "a writer splits what is larger into several changes")
        return cls(doc_id, kind, hash_, unb64(data), seq)


def printable_id(text: str) -> bool:
    """Ids and hashes are printable ASCII without spaces: no NUL (PostgreSQL text cannot hold it), no controls."""
    return text.isascii() and text.isprintable() and " " not in text


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        raise bad_request("an entry's data is not base64") from None


def decode_body(body: bytes) -> dict[str, Any]:
    try:
        data = safe_json.loads(body)
    except safe_json.TooDeepError as exc:
        raise bad_request(f"the body is refused: {exc}") from None
    except (UnicodeDecodeError, ValueError):
        raise bad_request("the body is not JSON") from None
    if not isinstance(data, dict):
        raise bad_request("the body is not a JSON object")
    return data


def encode_json(data: dict[str, Any] | list[Any]) -> bytes:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


# -- Automerge change chunks ------------------------------------------------

def _uleb(data: bytes, at: int) -> tuple[int, int]:
    value, after = am.read_uleb(data, at)
    if value < 0:
        raise RejectedError("a change chunk is truncated")
    return value, after


def parse_change(chunk: bytes) -> tuple[bytes, list[bytes]]:
    """(hash, dependency hashes) of one change chunk, from its own bytes."""
    if len(chunk) < 10 or chunk[:4] != am.MAGIC or chunk[8] not in (1, 2):
        raise RejectedError("an entry is not an Automerge change chunk")
    length, start = _uleb(chunk, 9)
    if start + length != len(chunk):
        raise RejectedError("a change chunk has trailing or missing bytes")
    body = chunk[start:]
    if chunk[8] == 2:  # bounded: a 1 MB bomb would otherwise inflate to 1 GiB here
        try:
            body = am.inflate(body, am.MAX_INFLATED_CHANGE_BYTES)
        except RejectedError as exc:
            raise RejectedError(f"a compressed change chunk is refused: {exc}") from None
    digest = hashlib.sha256(b"\x01" + am.write_uleb(len(body)) + body).digest()
    if digest[:4] != chunk[4:8]:
        raise RejectedError("a change chunk's checksum does not match its bytes")
    count, at = _uleb(body, 0)
    if at + 32 * count > len(body):
        raise RejectedError("a change chunk is truncated")
    deps = [body[at + 32 * i : at + 32 * (i + 1)] for i in range(count)]
    return digest, deps


def parse_head(entry: WireEntry) -> SignedHead:
    try:
        signed = SignedHead.from_json(safe_json.loads(entry.data))
    except ValueError:
        raise RejectedError("a signed head entry is not JSON") from None
    if signed.doc_id != entry.doc_id:
        raise RejectedError("a signed head entry names another document")
    return signed


def head_entry(signed: SignedHead) -> WireEntry:
    return WireEntry(signed.doc_id, "head", signed.key, signed.encoded())
