"""Cheap requests that used to cost a relay dearly (issue 10, point 6), built once.

Shared by `bench/bench_attacks.py` (which times `/v1/info` while each runs)
and the hostile-relay tests (which only check that the relay keeps answering).
Everything here talks to 127.0.0.1 only and is bounded in size and count.
"""

from __future__ import annotations

import socket
import time

import requests

from skiller_desktop import person_doc as pd
from skiller_desktop.identity import Identity
from skiller_desktop.signed_heads import SignedHead
from sync.auth import sign_request
from sync.wire import WireEntry, encode_json, head_entry


def person_with_edits(edits: int, identity: Identity | None = None) -> tuple[Identity, list[WireEntry]]:
    """A fresh person's document with `edits` more one-field transactions, as log entries.

    Returns the changes in causal order followed by one signed head over the
    newest heads: everything a relay needs to accept the whole history.
    """
    identity = identity or Identity.generate()
    doc = pd.new_document(identity, "Flood", "", "bench")
    for i in range(edits):
        pd.apply(doc, pd.set_profile({"headline": f"edit {i}"}))
    return identity, _signed_history(identity, doc)


def person_with_skill_level(level: int) -> tuple[Identity, list[WireEntry]]:
    """A signed person document holding one skill at `level` (a valid signature, an absurd value)."""
    identity = Identity.generate()
    doc = pd.new_document(identity, "Level", "", "bench")
    pd.apply(doc, pd.put_entry("skills", "python", {"name": "Python", "level": level, "years": 1,
                                                   "description": "", "evidence": [], "keywords": []}))
    return identity, _signed_history(identity, doc)


def _signed_history(identity: Identity, doc) -> list[WireEntry]:
    """Every change of `identity`'s document in causal order, then one signed head over its heads."""
    changes = [WireEntry(identity.person_id, "change", c.hash.hex(), c.bytes) for c in doc.get_changes([])]
    signed = SignedHead.sign(identity, identity.person_id, doc.get_heads())
    return [*changes, head_entry(signed)]


def push(url: str, signer: Identity, entries: list[WireEntry], timeout: float = 120) -> requests.Response:
    """POST /v1/log signed by `signer`."""
    body = encode_json({"entries": [e.to_json() for e in entries]})
    return requests.post(url + "/v1/log", data=body, headers=sign_request(signer, "POST", "/v1/log", body),
                         timeout=timeout)


def stalled_bodies(url: str, count: int, declared: int = 1_000_000) -> list[socket.socket]:
    """`count` sockets that send a signed POST's headers and a few bytes of body, then nothing more.

    Signed by a throwaway key (keys are free), so the headers pass every
    check that can be made before the body.
    """
    host, port = url.removeprefix("http://").split(":")
    signer = Identity.generate()
    sockets = []
    for _ in range(count):
        signed = "".join(f"{k}: {v}\r\n" for k, v in sign_request(signer, "POST", "/v1/log", b"").items())
        sock = socket.create_connection((host, int(port)), timeout=5)
        sock.sendall((f"POST /v1/log HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n{signed}"
                      f"Content-Length: {declared}\r\n\r\n{{\"entries\": [").encode())
        sockets.append(sock)
    return sockets


def answer_within(sock: socket.socket, wait: float) -> bytes | None:
    """What the server sent on `sock` within `wait` seconds: its first bytes, b'' if it closed, None if nothing."""
    sock.settimeout(wait)
    try:
        return sock.recv(4096)
    except TimeoutError:
        return None
    except OSError:
        return b""


def info_seconds(url: str, timeout: float = 60) -> float:
    """How long an unsigned GET /v1/info takes to answer."""
    start = time.perf_counter()
    answer = requests.get(url + "/v1/info", timeout=timeout)
    answer.raise_for_status()
    return time.perf_counter() - start
