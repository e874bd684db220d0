"""JSON from outside (peers, bundles, imports, identity files), parsed with a depth limit.

`json.loads` recurses once per nesting level: 100,000 `[` end in a
RecursionError, a crash where a refusal belongs. A cheap pre-scan measures
the nesting first, in C-speed passes over the bytes (no per-character
Python loop): a hostile 8 MiB body costs under half a second, an honest one
almost nothing (most hold fewer brackets than the limit, a 5,000-entry push
7 ms).
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

MAX_DEPTH = 64  # our formats nest at most 6 levels, a JSON Resume a few more

_STRUCTURE = b'[]{}"'
_OTHER_BYTES = bytes(b for b in range(256) if b not in _STRUCTURE)
_STRING = re.compile(rb'"[^"]*"')  # escapes are gone by then: a string ends at the next quote
_STEP = [0] * 256
for _byte in b"[{":
    _STEP[_byte] = 1
for _byte in b"]}":
    _STEP[_byte] = -1


class TooDeepError(ValueError):
    """JSON nested deeper than the limit (a ValueError, like any other malformed JSON)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the JSON is nested more than {limit} levels deep")


def check_depth(data: bytes | str, limit: int = MAX_DEPTH) -> None:
    """Raise TooDeepError when `data` nests deeper than `limit` (brackets inside strings do not count)."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    if raw.count(b"[") + raw.count(b"{") <= limit:  # the usual case: too few to nest that deep
        return
    # Escapes go first, as pairs from the left (an escaped backslash, then an escaped quote): the
    # other escapes (\n, \u00e9) name no structure, so their backslash goes with the rest below.
    raw = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    reduced = raw.translate(None, _OTHER_BYTES)  # only brackets and quotes remain
    reduced = _STRING.sub(b"", reduced)
    # A running sum of +1/-1 in C (map, accumulate, max): about 45 ns a bracket, no Python loop.
    if max(accumulate(map(_STEP.__getitem__, reduced)), default=0) > limit:
        raise TooDeepError(limit)


def loads(data: bytes | str, limit: int = MAX_DEPTH) -> Any:
    """`json.loads` for input from outside: TooDeepError (a ValueError) past `limit` levels."""
    check_depth(data, limit)
    try:
        return json.loads(data)
    except RecursionError:  # never expected after the scan; still a refusal, not a crash
        raise TooDeepError(limit) from None
