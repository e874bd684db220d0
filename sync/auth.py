"""Signed requests: who calls, when, and that nobody replays or alters it.

The caller signs method, path (with query), timestamp, nonce and the SHA-256
of the body with their person key. The server refuses a stale timestamp and a
nonce it has already seen from that key within the freshness window.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from skiller_desktop.identity import Identity, is_person_id, verify_signature

from .wire import ProtocolError

MAX_SKEW_SECONDS = 300
_DOMAIN = "skiller-request-v1"
KEY_HEADER = "x-skiller-key"
TIME_HEADER = "x-skiller-timestamp"
NONCE_HEADER = "x-skiller-nonce"
SIGNATURE_HEADER = "x-skiller-signature"
_DIGITS = re.compile(r"[0-9]{1,12}")  # ASCII digits only: str.isdigit() also takes '²', which int() refuses
_NONCE = re.compile(r"[0-9A-Za-z_-]{16,64}")

# remember(signer, nonce, expires_at) -> True if new, False if already seen
NonceBook = Callable[[str, str, int], bool]


def request_message(method: str, path: str, timestamp: str, nonce: str, body: bytes) -> bytes:
    digest = hashlib.sha256(body).hexdigest()
    return "\n".join([_DOMAIN, method.upper(), path, timestamp, nonce, digest]).encode("utf-8")


def sign_request(identity: Identity, method: str, path: str, body: bytes = b"",
                 now: float | None = None) -> dict[str, str]:
    timestamp = str(int(time.time() if now is None else now))
    nonce = secrets.token_hex(16)
    signature = identity.sign(request_message(method, path, timestamp, nonce, body))
    return {
        "X-Skiller-Key": identity.person_id,
        "X-Skiller-Timestamp": timestamp,
        "X-Skiller-Nonce": nonce,
        "X-Skiller-Signature": base64.b64encode(signature).decode("ascii"),
    }


@dataclass(frozen=True)
class SignedHeaders:
    """A request's signature headers, well-formed and fresh; the signature is not checked yet."""

    key: str
    timestamp: str
    nonce: str
    signature: bytes


def check_headers(headers: Mapping[str, str], now: float | None = None) -> SignedHeaders:
    """What can be checked before the body is read: present, well-formed, fresh; else ProtocolError(401).

    The nonce is remembered only once the signature holds (`check_signature`),
    so unsigned requests cannot fill the nonce book.
    """
    key, stamp, nonce, sig = (headers.get(h) for h in (KEY_HEADER, TIME_HEADER, NONCE_HEADER, SIGNATURE_HEADER))
    if not (key and stamp and nonce and sig):
        raise ProtocolError(401, "unsigned",
                            "the request is not signed (X-Skiller-Key, -Timestamp, -Nonce, -Signature)")
    if len(key) > 200 or not is_person_id(key):
        raise ProtocolError(401, "bad_key", "X-Skiller-Key is not a person id")
    if not _DIGITS.fullmatch(stamp) or not _NONCE.fullmatch(nonce):
        raise ProtocolError(401, "bad_signature", "the timestamp or nonce is malformed")
    current = time.time() if now is None else now
    if abs(current - int(stamp)) > MAX_SKEW_SECONDS:
        raise ProtocolError(401, "stale",
                            f"the request timestamp is more than {MAX_SKEW_SECONDS} s off; check the clock")
    try:
        raw = base64.b64decode(sig, validate=True) if len(sig) <= 200 else b""
    except ValueError:
        raise ProtocolError(401, "bad_signature", "the signature is not base64") from None
    if len(raw) != 64:
        raise ProtocolError(401, "bad_signature", "the signature is not an Ed25519 signature")
    return SignedHeaders(key, stamp, nonce, raw)


def check_signature(signed: SignedHeaders, method: str, path: str, body: bytes, remember: NonceBook) -> str:
    """The caller's person id once the signature covers this body, or ProtocolError(401)."""
    message = request_message(method, path, signed.timestamp, signed.nonce, body)
    if not verify_signature(signed.key, signed.signature, message):
        raise ProtocolError(401, "bad_signature", "the request signature does not match")
    if not remember(signed.key, signed.nonce, int(signed.timestamp) + MAX_SKEW_SECONDS + 1):
        raise ProtocolError(401, "replayed", "this request was already received (replayed nonce)")
    return signed.key


def verify_request(headers: Mapping[str, str], method: str, path: str, body: bytes,
                   remember: NonceBook, now: float | None = None) -> str:
    """The caller's person id, or ProtocolError(401) saying what is wrong."""
    return check_signature(check_headers(headers, now), method, path, body, remember)
