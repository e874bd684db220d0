"""The bounded decoders on their own (issue 10, point 3): inflate, load checks, JSON depth, parts."""

from __future__ import annotations

import json
import zlib

import pytest
from automerge import core
from hypothesis import given, settings
from hypothesis import strategies as st

from skiller_desktop import automerge_io as am
from skiller_desktop import safe_json
from skiller_desktop.acceptance import load_candidate
from skiller_desktop.errors import RejectedError, ValidationError
from sync.wire import parse_change

MB = 1024 * 1024


def deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def zeros_deflated(size: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return b"".join(packer.compress(bytes(MB)) for _ in range(size // MB)) + packer.flush()


def chunk(kind: int, body: bytes) -> bytes:
    return am.MAGIC + b"\0\0\0\0" + bytes([kind]) + am.write_uleb(len(body)) + body


def test_inflate_stops_at_its_limit():
    data = deflate(b"x" * 100_000)
    assert am.inflate(data, 100_000) == b"x" * 100_000
    with pytest.raises(RejectedError, match="more than 99,999 bytes"):
        am.inflate(data, 99_999)
    for limit in (10**6, 10**3 * len(data)):  # the one-call path (short data) and the stepped one
        with pytest.raises(RejectedError, match=r"truncated|does not inflate"):
            am.inflate(data[:-3], limit)
    with pytest.raises(RejectedError, match="does not inflate"):
        am.inflate(b"\xff" * 10, 10**6)


def test_inflated_size_bound_is_cheap_for_short_data_and_exact_past_it():
    short = deflate(b"y" * 1000)
    assert am.inflated_size_bound(short, 10**9) == len(short) * am.DEFLATE_MAX_RATIO
    bomb = zeros_deflated(64 * MB)
    with pytest.raises(RejectedError, match="inflates to more than"):
        am.inflated_size_bound(bomb, 16 * MB)


def test_a_change_chunk_bomb_is_refused_by_parse_change():
    with pytest.raises(RejectedError, match="inflates to more than"):
        parse_change(chunk(am.DEFLATED_CHANGE_CHUNK, zeros_deflated(64 * MB)))


def test_load_checks_refuse_bombs_in_change_and_document_chunks_before_automerge():
    with pytest.raises(RejectedError, match="inflates to more than"):
        load_candidate(None, chunk(am.DEFLATED_CHANGE_CHUNK, zeros_deflated(64 * MB)))
    column = zeros_deflated(100 * MB)
    spec = (1 << 4) | 0x08 | 5  # column 1, deflated, a string column
    body = b"\0" + b"\0" + b"\0" + b"\x01" + am.write_uleb(spec) + am.write_uleb(len(column)) + column
    with pytest.raises(RejectedError, match="inflates to more than"):
        load_candidate(None, chunk(am.DOCUMENT_CHUNK, body))
    with pytest.raises(RejectedError, match="not a clean run"):
        load_candidate(None, b"garbage")
    many = b"".join(chunk(am.CHANGE_CHUNK, b"\0") for _ in range(am.MAX_LOAD_CHUNKS + 1))
    with pytest.raises(RejectedError, match="chunks"):
        load_candidate(None, many)


def _document(values: list[str], saves: int) -> bytes:
    doc = core.Document()
    data = b""
    for n, value in enumerate(values):
        with doc.transaction() as tx:
            am.put(tx, am.ROOT, f"k{n % 7}", {"text": value, "list": [value, n]})
        if n % max(saves, 1) == 0:
            data = doc.save()
    return data + b"".join(am.change_bytes(c) for c in doc.get_changes([]))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(max_size=3000), min_size=1, max_size=12), st.integers(1, 4))
def test_honest_documents_pass_the_load_checks(values, saves):
    data = _document(values, saves)
    am.check_loadable(data)
    assert load_candidate(None, data).get_heads()


@pytest.mark.parametrize("text, ok", [
    ("[]", True), ('{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}', True),
    ("[" * 64 + "]" * 64, True), ("[" * 65 + "]" * 65, False), ("[" * 100_000, False),
    ('{"a":' * 65 + "1" + "}" * 65, False), ('["\\"' + "[" * 100 + '"]', True),
])
def test_json_depth_is_limited_and_brackets_in_strings_do_not_count(text, ok):
    if ok:
        assert safe_json.loads(text) == json.loads(text)
    else:
        with pytest.raises(safe_json.TooDeepError):
            safe_json.loads(text)


def test_edits_in_parts_make_changes_under_the_limit():
    doc = core.Document()
    doc.set_actor(b"\x01" * 16)

    def writer(n: int):
        return lambda tx: am.put(tx, am.ROOT, f"k{n}", "z" * 10_000 + str(n))

    result = am.apply_in_parts(doc, [writer(n) for n in range(300)], limit=200_000)
    changes = result.get_changes([])
    assert len(changes) > 10 and all(len(c.raw_bytes) <= 200_000 for c in changes)
    assert len(result.keys(am.ROOT)) == 300 and {c.actor_id for c in changes} == {b"\x01" * 16}
    with pytest.raises(ValidationError, match="over the"):
        am.apply_in_parts(core.Document(), [writer(1)], limit=1000)
