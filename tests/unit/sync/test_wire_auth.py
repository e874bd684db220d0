from __future__ import annotations

import time

import pytest
from automerge import core

from skiller_desktop.errors import RejectedError
from skiller_desktop.identity import Identity
from sync.auth import sign_request, verify_request
from sync.wire import ProtocolError, WireEntry, parse_change


def _changes() -> list:
    doc = core.Document()
    with doc.transaction() as tx:
        tx.put(core.ROOT, "big", core.ScalarType.Str, "x" * 5000)  # compressed chunk
    with doc.transaction() as tx:
        tx.put(core.ROOT, "small", core.ScalarType.Int, 1)
    return doc.get_changes([])


def test_parse_change_reads_hash_and_deps_of_plain_and_compressed_chunks():
    first, second = _changes()
    assert parse_change(first.bytes) == (first.hash, [])
    assert parse_change(second.bytes) == (second.hash, [first.hash])


def test_parse_change_refuses_altered_bytes():
    change = _changes()[1]
    altered = bytearray(change.bytes)
    altered[-3] ^= 0x01
    with pytest.raises(RejectedError):
        parse_change(bytes(altered))
    with pytest.raises(RejectedError):
        parse_change(b"not a chunk at all")


def test_wire_entry_round_trip_and_malformed():
    entry = WireEntry("doc", "change", "ab", b"\x00\x01", 3)
    assert WireEntry.from_json(entry.to_json()) == entry
    for bad in ([], {"doc_id": "d"}, {"doc_id": "d", "kind": "weird", "hash": "h", "data": ""},
                {"doc_id": "d", "kind": "change", "hash": "h", "data": "!!"}):
        with pytest.raises(ProtocolError) as caught:
            WireEntry.from_json(bad)
        assert caught.value.status == 400


class Nonces:
    def __init__(self) -> None:
        self.seen: set = set()

    def __call__(self, signer: str, nonce: str, expires: int) -> bool:
        if (signer, nonce) in self.seen:
            return False
        self.seen.add((signer, nonce))
        return True


def test_signed_request_verifies_once_and_names_the_signer():
    me = Identity.generate()
    headers = {k.lower(): v for k, v in sign_request(me, "POST", "/v1/log", b"{}").items()}
    nonces = Nonces()
    assert verify_request(headers, "POST", "/v1/log", b"{}", nonces) == me.person_id
    with pytest.raises(ProtocolError) as caught:
        verify_request(headers, "POST", "/v1/log", b"{}", nonces)
    assert caught.value.code == "replayed"


@pytest.mark.parametrize("change", ["body", "path", "method"])
def test_signed_request_refuses_any_altered_part(change):
    me = Identity.generate()
    headers = {k.lower(): v for k, v in sign_request(me, "POST", "/v1/log", b"{}").items()}
    args = {"method": "POST", "path": "/v1/log", "body": b"{}"}
    args[change] = {"body": b"{ }", "path": "/v1/log?since=1", "method": "GET"}[change]
    with pytest.raises(ProtocolError) as caught:
        verify_request(headers, args["method"], args["path"], args["body"], Nonces())
    assert caught.value.code == "bad_signature"


def test_stale_and_unsigned_requests_are_refused():
    me = Identity.generate()
    old = {k.lower(): v for k, v in sign_request(me, "GET", "/v1/log", now=time.time() - 3600).items()}
    with pytest.raises(ProtocolError) as caught:
        verify_request(old, "GET", "/v1/log", b"", Nonces())
    assert caught.value.code == "stale"
    with pytest.raises(ProtocolError) as caught:
        verify_request({}, "GET", "/v1/log", b"", Nonces())
    assert caught.value.status == 401
