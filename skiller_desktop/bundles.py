"""Signed bundle files: documents and their signed heads, in one sealed file.

Layout: a first line of compact JSON (format, version, exporter, digest,
signature), then the body (JSON with each document's saved bytes in base64).
The exporter's signature over the body's digest makes any altered byte fail;
each document is then verified by its own signed heads, exactly as sync does.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from . import safe_json
from .errors import RejectedError
from .files import read_limited
from .identity import Identity, verify_signature
from .messages import say
from .person_doc import now_iso
from .signed_heads import SignedHead
from .versions import check_format_version

FORMAT = "skiller-bundle"
VERSION = 1
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
_DOMAIN = b"skiller-bundle-v1\x00"


@dataclass(frozen=True)
class BundledDoc:
    doc_id: str
    data: bytes
    signed_heads: list[SignedHead]


def encode(identity: Identity, docs: list[BundledDoc]) -> bytes:
    body = json.dumps(
        {
            "created_at": now_iso(),
            "documents": [
                {
                    "doc_id": d.doc_id,
                    "bytes": base64.b64encode(d.data).decode("ascii"),
                    "signed_heads": [s.to_json() for s in d.signed_heads],
                }
                for d in docs
            ],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    digest = hashlib.sha256(body).digest()
    header = {
        "format": FORMAT,
        "version": VERSION,
        "exporter": identity.person_id,
        "sha256": digest.hex(),
        "signature": base64.b64encode(identity.sign(_DOMAIN + digest)).decode("ascii"),
    }
    return json.dumps(header, separators=(",", ":")).encode("ascii") + b"\n" + body


def decode(raw: bytes) -> list[BundledDoc]:
    """Parse and check the seal; each document still needs `verify_update`."""
    header_line, sep, body = raw.partition(b"\n")
    try:
        header = safe_json.loads(header_line)
        assert isinstance(header, dict) and header.get("format") == FORMAT and sep
    except (ValueError, AssertionError):
        raise RejectedError(say("bundle.not_bundle")) from None
    check_format_version(header.get("version"), VERSION, "bundle.newer", "bundle.version", RejectedError)
    digest = hashlib.sha256(body).digest()
    try:
        signature = base64.b64decode(str(header.get("signature")), validate=True)
    except ValueError:
        signature = b""
    if digest.hex() != header.get("sha256") or not verify_signature(
        str(header.get("exporter")), signature, _DOMAIN + digest
    ):
        raise RejectedError(say("bundle.altered"))
    try:
        documents = safe_json.loads(body)["documents"]
        found = [
            BundledDoc(
                str(d["doc_id"]),
                base64.b64decode(d["bytes"], validate=True),
                [SignedHead.from_json(s) for s in d["signed_heads"]],
            )
            for d in documents
        ]
    except safe_json.TooDeepError as exc:
        raise RejectedError(say("bundle.refused", detail=exc)) from None
    except (ValueError, KeyError, TypeError):
        raise RejectedError(say("bundle.malformed")) from None
    if not all(d.doc_id.isascii() for d in found):  # ids are ASCII; a lone surrogate would not even encode
        raise RejectedError(say("bundle.not_ascii"))
    return found


def read_file(path: Path) -> bytes:
    """The bundle file's bytes: a regular file of at most MAX_BUNDLE_BYTES (not a FIFO, not /dev/zero)."""
    return read_limited(path, MAX_BUNDLE_BYTES, RejectedError, "bundle file")
