"""Personalised trust: a random walk with restart at the viewer, over signed relations (docs/standing.md).

Pure numpy over edge arrays; no per-edge Python loop. Imported only by the
standing engine (skiller_desktop/standing.py), never on a read path: the
numbers it makes are stored, and search, the CLI and the UI read them back.

The walk: from where it stands, with probability ALPHA it goes back to the
viewer; otherwise it follows one of the current person's trust edges, chosen
by weight. A person with no edge sends the walk back to the viewer. Trust is
the stationary probability of being at a person; it sums to 1 over everyone.
Whoever no trusted person links to gets none: the walk never gets there.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

ALPHA = 0.15          # restart probability: the walk goes 1/ALPHA = 6.7 steps on average before coming back
TOLERANCE = 1e-9      # residual trust left unpushed at any one person (of 1): the same whoever else exists
MAX_ROUNDS = 400      # (1 - ALPHA) ** 400 < 1e-28: never reached unless the numbers are broken

# Edge kinds, in the order a path prefers them when two lead as far (docs/standing.md).
KNOWN, ENDORSED, TEAM, EXCHANGE = 0, 1, 2, 3
KIND_NAMES = ("known", "endorsed", "team", "exchange")
DENSE_PAIRS = 1 << 24  # (person, skill group) slots counted densely below this (128 MB of int64 at most)


@dataclass(frozen=True)
class Graph:
    """Trust edges between n people (indexes), with their kind and, for a team, the team's index."""

    n: int
    src: np.ndarray       # int32
    dst: np.ndarray       # int32
    weight: np.ndarray    # float64, > 0
    kind: np.ndarray      # int8, one of the kinds above
    ref: np.ndarray       # int32: the team's index for TEAM edges, -1 otherwise

    @classmethod
    def build(cls, n: int, src: np.ndarray, dst: np.ndarray, weight: np.ndarray, kind: np.ndarray,
              ref: np.ndarray | None = None) -> Graph:
        keep = (src != dst) & (weight > 0)
        ref = np.full(len(src), -1, np.int32) if ref is None else ref
        return cls(n, src[keep].astype(np.int32), dst[keep].astype(np.int32), weight[keep].astype(np.float64),
                   kind[keep].astype(np.int8), ref[keep].astype(np.int32))

    def normalised(self) -> tuple[np.ndarray, np.ndarray]:
        """Each edge's share of its source's out-weight, and which people have no edge at all."""
        out = np.bincount(self.src, weights=self.weight, minlength=self.n)
        share = self.weight / out[self.src] if len(self.src) else self.weight
        return share, out == 0


def personalised_pagerank(graph: Graph, viewer: int, start: np.ndarray | None = None,
                          alpha: float = ALPHA, tolerance: float = TOLERANCE) -> np.ndarray:
    """Trust of everyone as seen from `viewer`: pi = alpha e_v + (1 - alpha) (P^T pi + dangling(pi) e_v).

    Solved by pushing residuals (Andersen, Chung and Lang 2006, on whole vectors):
    each round moves every residual above the per-person threshold into trust
    and spreads (1 - alpha) of it along the edges. From scratch the residual is
    alpha at the viewer; from `start` (the trust before a small change) it is
    what `start` misses of the equation, so an update touches only the edges
    whose sources the change reached.
    """
    share, dangling = graph.normalised()
    n = graph.n
    trust = np.zeros(n) if start is None else _fit(start, n)
    residual = np.zeros(n)
    residual[viewer] = alpha
    # One buffer for every round's flow along the edges: a fresh 8 MB array per round (at a million edges)
    # cost more in page faults than the arithmetic once the engine handed its memory back.
    scratch = np.empty(len(graph.src))
    if start is not None:
        residual += (1 - alpha) * _spread(graph, share, dangling, viewer, trust, None, scratch) - trust
    threshold = tolerance  # per person, not over n: people no one reaches change nothing, not even this
    for _ in range(MAX_ROUNDS):
        active = np.abs(residual) > threshold
        if not active.any():
            break
        moved = np.where(active, residual, 0.0)
        trust += moved
        residual[active] = 0.0
        residual += (1 - alpha) * _spread(graph, share, dangling, viewer, moved, active, scratch)
    return np.maximum(trust, 0.0)


def _spread(graph: Graph, share: np.ndarray, dangling: np.ndarray, viewer: int, mass: np.ndarray,
            active: np.ndarray | None, scratch: np.ndarray) -> np.ndarray:
    """P^T mass, plus the mass of people without edges sent back to the viewer (`scratch`: one float per
    edge, overwritten)."""
    src, dst, part = graph.src, graph.dst, share
    if active is not None and active.sum() * 8 < graph.n:  # few sources: only their edges
        on = active[src]
        src, dst, part = src[on], dst[on], part[on]
        flow = mass[src] * part
    else:
        flow = np.multiply(np.take(mass, src, out=scratch), part, out=scratch)
    out = np.bincount(dst, weights=flow, minlength=graph.n)
    out[viewer] += mass[dangling].sum()
    return out


def _fit(values: np.ndarray, n: int) -> np.ndarray:
    fitted = np.zeros(n)
    fitted[: min(n, len(values))] = values[:n]
    return fitted


def shortest_paths(graph: Graph, viewer: int, trust: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(hops, edge index into the graph) of one shortest path to everyone reachable, breadth first.

    Among the edges that reach a person first, the path takes the strongest
    kind (known before endorsed, team, exchange), then the most trusted source.
    hops is -1 (and the edge -1) for whoever the viewer cannot reach.
    """
    hops = np.full(graph.n, -1, np.int32)
    via = np.full(graph.n, -1, np.int64)
    hops[viewer] = 0
    frontier = np.zeros(graph.n, bool)
    frontier[viewer] = True
    depth = 0
    while frontier.any():
        depth += 1
        candidates = np.flatnonzero(frontier[graph.src] & (hops[graph.dst] < 0))
        if not len(candidates):
            break
        chosen = _first_per_target(graph, candidates, trust)
        reached = graph.dst[chosen]
        hops[reached] = depth
        via[reached] = chosen
        frontier = np.zeros(graph.n, bool)
        frontier[reached] = True
    return hops, via


def _first_per_target(graph: Graph, candidates: np.ndarray, trust: np.ndarray) -> np.ndarray:
    """For each person the candidate edges reach, the one edge a path takes: the strongest kind, then the most
    trusted source, then the lowest edge number. Three per-person reductions, not a sort: a level of the
    breadth-first walk may hold most of the graph's edges (178k of 1M at 100k people: 22 ms to sort)."""
    dst = graph.dst[candidates]
    kind = graph.kind[candidates]
    strongest = np.full(graph.n, 127, np.int8)
    np.minimum.at(strongest, dst, kind)
    on = kind == strongest[dst]
    candidates, dst = candidates[on], dst[on]
    source_trust = trust[graph.src[candidates]]
    most = np.full(graph.n, -1.0)
    np.maximum.at(most, dst, source_trust)
    on = source_trust == most[dst]
    candidates, dst = candidates[on], dst[on]
    none = np.iinfo(np.int64).max
    lowest = np.full(graph.n, none, np.int64)
    np.minimum.at(lowest, dst, candidates)
    return lowest[lowest != none]


@dataclass(frozen=True)
class Endorsements:
    """The endorsements that count (not revoked, not hidden, not self): endorser, subject, skill group, level."""

    endorser: np.ndarray  # int32
    subject: np.ndarray   # int32
    group: np.ndarray     # int32
    level: np.ndarray     # int8, 0 when the endorser gave none


@dataclass(frozen=True)
class Scores:
    """Skill standing before scaling, one row per (subject, group) endorsed at least once."""

    subject: np.ndarray
    group: np.ndarray
    score: np.ndarray         # sum of the endorsers' weights
    endorsements: np.ndarray  # raw count
    counted: np.ndarray       # endorsers with some trust
    community_level: np.ndarray  # trust-weighted mean of the levels endorsers observed, 0 when none
    row: np.ndarray | None = None  # for each endorsement, its (subject, group)'s row here


def endorser_weights(n: int, endorsements: Endorsements, trust: np.ndarray) -> np.ndarray:
    """Each person's weight per endorsement: their trust split over every endorsement they give."""
    given = np.bincount(endorsements.endorser, minlength=n).astype(np.float64)
    return np.divide(trust, given, out=np.zeros(n), where=given > 0)


def skill_scores(n: int, groups: int, endorsements: Endorsements, trust: np.ndarray) -> Scores:
    """Sum each (subject, group)'s endorser weights, counts and trust-weighted levels.

    The pairs are numbered through a mask over every possible pair when there are few enough (100k
    people x 40 skills: 4M slots, a few ms), by a sort otherwise. Temporaries go as soon as they are used:
    at 100k people this is the engine's largest moment in memory.
    """
    width = max(groups, 1)
    pair = endorsements.subject.astype(np.int64) * width + endorsements.group
    slots = n * width
    if slots <= DENSE_PAIRS:
        seen = np.zeros(slots, bool)
        seen[pair] = True
        keys = np.flatnonzero(seen)
        del seen
        position = np.empty(slots, np.int32)  # read only where written: at the pairs seen
        position[keys] = np.arange(len(keys), dtype=np.int32)
        inverse = position[pair].astype(np.intp)  # bincount counts by intp: cast once, not per call
        del position
    else:
        keys, inverse = np.unique(pair, return_inverse=True)
    del pair
    size = len(keys)
    weight = endorser_weights(n, endorsements, trust)[endorsements.endorser]
    score = np.bincount(inverse, weights=weight, minlength=size)
    raw = np.bincount(inverse, minlength=size).astype(np.int32)
    trusted = weight > 0
    counted = np.bincount(inverse[trusted], minlength=size).astype(np.int32)
    levelled = trusted & (endorsements.level > 0)
    at, weighed, observed = inverse[levelled], weight[levelled], endorsements.level[levelled]
    del weight, trusted, levelled
    level_weight = np.bincount(at, weights=weighed, minlength=size)
    level_sum = np.bincount(at, weights=weighed * observed, minlength=size)
    community = np.divide(level_sum, level_weight, out=np.zeros(size), where=level_weight > 0)
    return Scores((keys // width).astype(np.int32), (keys % width).astype(np.int32), score, raw, counted,
                  community, inverse)


def keep(scores: Scores, rows: np.ndarray) -> Scores:
    """Only these rows of `scores`."""
    return Scores(scores.subject[rows], scores.group[rows], scores.score[rows], scores.endorsements[rows],
                  scores.counted[rows], scores.community_level[rows])
