"""Which changes of a batch can be applied: causal order, signed-head coverage, dominated heads.

Pure functions over a batch's changes by hash (`Changes`): linear in the
changes and their dependencies, whatever order they came in.
"""

from __future__ import annotations

from collections import deque

from skiller_desktop.signed_heads import SignedHead

from .wire import WireEntry

Changes = dict[bytes, tuple[WireEntry, list[bytes]]]  # by hash: the entry and the hashes it depends on


def causal_order(changes: Changes, have: set[bytes]) -> list[bytes]:
    """The changes whose dependencies are all present, each after its dependencies.

    Kahn's algorithm: linear in changes and dependencies, whatever order they
    came in (4,990 changes sent newest first once held the write lock 15-42 s).
    """
    missing: dict[bytes, int] = {}
    children: dict[bytes, list[bytes]] = {}
    ready: deque[bytes] = deque()
    for digest, (_, deps) in changes.items():
        waiting_on = 0
        for dep in set(deps):
            if dep in have:
                continue
            waiting_on += 1
            if dep in changes:
                children.setdefault(dep, []).append(digest)
            # a dependency neither stored nor in this batch keeps `digest` waiting for good
        missing[digest] = waiting_on
        if not waiting_on:
            ready.append(digest)
    order: list[bytes] = []
    while ready:
        digest = ready.popleft()
        order.append(digest)
        for child in children.get(digest, ()):
            missing[child] -= 1
            if not missing[child]:
                ready.append(child)
    return order


def covered(changes: Changes, ready: set[bytes],
             heads: list[bytes]) -> set[bytes]:
    """The ready changes below some signed head."""
    return closure(changes, ready, heads)


def undominated(offered: list[SignedHead], changes: Changes, ready: set[bytes]) -> list[SignedHead]:
    """Leave out a signed head whose every head is strictly below another head by the same signer.

    verify_update would prune it anyway, after paying for its signature check;
    catching up on a long history otherwise verifies one signature per edit.
    What is left out stays covered by the signer's newer heads, which are
    kept; if one of those is forged, the whole update is refused regardless.
    One walk per signer (at most `UNDOMINATED_SIGNERS` of them): linear in
    the batch, where comparing every pair of heads was quadratic.
    """
    if len(offered) < 2:
        return offered
    by_signer: dict[str, list[SignedHead]] = {}
    for signed in offered:
        by_signer.setdefault(signed.signer, []).append(signed)
    kept: list[SignedHead] = []
    for number, mine in enumerate(by_signer.values()):
        if len(mine) < 2 or number >= UNDOMINATED_SIGNERS:
            kept += mine
            continue
        below = strictly_below(changes, ready, {h for s in mine for h in s.heads})
        kept += [s for s in mine if not all(h in below for h in s.heads)]
    return kept


# Honest documents have one signer, or a team's few admins; past this many, heads are all kept.
UNDOMINATED_SIGNERS = 16


def strictly_below(changes: Changes, ready: set[bytes], heads: set[bytes]) -> set[bytes]:
    """The ready changes that some change of `heads` depends on, directly or not."""
    return closure(changes, ready, [d for h in heads if h in ready for d in changes[h][1]])


def closure(changes: Changes, ready: set[bytes], start: list[bytes]) -> set[bytes]:
    """The ready changes of `start` and every ready change they depend on: one walk, each change once."""
    found: set[bytes] = set()
    stack = [h for h in start if h in ready]
    while stack:
        digest = stack.pop()
        if digest in found:
            continue
        found.add(digest)
        stack += [d for d in changes[digest][1] if d in ready]
    return found
