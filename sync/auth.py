"""Signed requests: who calls, when, and that nobody replays or alters it.

The caller signs method, path (with query), timestamp, nonce and the SHA-256
of the body with their person key. The server refuses a stale timestamp and a
nonce it has already seen from that key within the freshness window.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
from collections.abc import Callable, Mapping

from skiller_desktop.identity import Identity, is_person_id, verify_signature

from .wire import ProtocolError

MAX_SKEW_SECONDS = 300
_DOMAIN = "skiller-request-v1"
KEY_HEADER = "x-skiller-key"
TIME_HEADER = "x-skiller-timestamp"
NONCE_HEADER = "x-skiller-nonce"
SIGNATURE_HEADER = "x-skiller-signature"

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


def verify_request(headers: Mapping[str, str], method: str, path: str, body: bytes,
                   remember: NonceBook, now: float | None = None) -> str:
    """The caller's person id, or ProtocolError(401) saying what is wrong."""
    key, stamp, nonce, sig = (headers.get(h) for h in (KEY_HEADER, TIME_HEADER, NONCE_HEADER, SIGNATURE_HEADER))
    if not (key and stamp and nonce and sig):
        raise ProtocolError(401, "unsigned",
                            "the request is not signed (X-Skiller-Key, -Timestamp, -Nonce, -Signature)")
    if not is_person_id(key):
        raise ProtocolError(401, "bad_key", "X-Skiller-Key is not a person id")
    if not stamp.isdigit() or not 16 <= len(nonce) <= 64:
        raise ProtocolError(401, "bad_signature", "the timestamp or nonce is malformed")
    current = time.time() if now is None else now
    if abs(current - int(stamp)) > MAX_SKEW_SECONDS:
        raise ProtocolError(401, "stale",
                            f"the request timestamp is more than {MAX_SKEW_SECONDS} s off; check the clock")
    try:
        raw = base64.b64decode(sig, validate=True)
    except ValueError:
        raise ProtocolError(401, "bad_signature", "the signature is not base64") from None
    if not verify_signature(key, raw, request_message(method, path, stamp, nonce, body)):
        raise ProtocolError(401, "bad_signature", "the request signature does not match")
    if not remember(key, nonce, int(stamp) + MAX_SKEW_SECONDS + 1):
        raise ProtocolError(401, "replayed", "this request was already received (replayed nonce)")
    return key
