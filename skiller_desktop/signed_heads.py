"""Signed heads: one signature covers a document's whole history below it.

Automerge change hashes chain like git commits, so signing the sorted heads
of a document vouches for every change they depend on.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass

from .errors import RejectedError
from .identity import Identity, verify_signature

_DOMAIN = b"skiller-signed-head-v1\x00"


def head_message(doc_id: str, heads: list[bytes]) -> bytes:
    return _DOMAIN + doc_id.encode("utf-8") + b"\x00" + b"".join(sorted(heads))


@dataclass(frozen=True)
class SignedHead:
    doc_id: str
    heads: tuple[bytes, ...]
    signer: str
    signature: bytes

    @classmethod
    def sign(cls, identity: Identity, doc_id: str, heads: list[bytes]) -> SignedHead:
        ordered = tuple(sorted(heads))
        return cls(doc_id, ordered, identity.person_id, identity.sign(head_message(doc_id, list(ordered))))

    def is_valid(self) -> bool:
        return verify_signature(self.signer, self.signature, head_message(self.doc_id, list(self.heads)))

    @property
    def key(self) -> str:
        """Stable id of this signed head, for the log's de-duplication."""
        return self.signature.hex()[:64]

    def encoded(self) -> bytes:
        """The signed head as a log entry's bytes (compact JSON)."""
        return json.dumps(self.to_json(), separators=(",", ":")).encode()

    def to_json(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "heads": [h.hex() for h in self.heads],
            "signer": self.signer,
            "signature": base64.b64encode(self.signature).decode("ascii"),
        }

    @classmethod
    def from_json(cls, data: object) -> SignedHead:
        try:
            assert isinstance(data, dict)
            heads = tuple(bytes.fromhex(h) for h in data["heads"])
            if any(len(h) != 32 for h in heads):
                raise ValueError
            doc_id, signer = str(data["doc_id"]), str(data["signer"])
            if not (doc_id.isascii() and signer.isascii()):  # ids are ASCII; a lone surrogate would not encode
                raise ValueError
            return cls(doc_id, heads, signer, base64.b64decode(data["signature"], validate=True))
        except (AssertionError, KeyError, TypeError, ValueError):
            raise RejectedError("a signed head is malformed") from None
