"""A request nested past json's recursion limit is a malformed request ([]), not a crash of the first app."""

from __future__ import annotations

from ui.single_instance import MAX_MESSAGE, decode_request


def test_a_deeply_nested_request_is_dropped_not_raised() -> None:
    assert decode_request(b"[" * (MAX_MESSAGE - 1000)) == []
    assert decode_request(b'{"open": ' + b"[" * 60000 + b"]" * 60000 + b"}") == []
