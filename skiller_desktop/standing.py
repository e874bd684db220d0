"""The standing engine: reads the signed relations, computes trust and skill standing, stores them.

Runs off the UI thread (the services' listener runs where the commit ran: a
worker, the sync thread, or the CLI). Imports numpy; nothing on a read path
imports this module: search, the CLI and the UI read the tables it writes
(skiller_desktop/standing_read.py). docs/standing.md says what is computed.

Kept up to date from typed `Changes`: the documents a commit touched name the
endorsements and relations to reload; trust is then re-solved from the trust
before (a few pushes where the change reaches), and only the stored rows that
moved are rewritten.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from . import standing_load as load
from . import trust as tr
from .db import Database
from .standing_sql import DECADES
from .teams.document import PREFIX as TEAM_PREFIX
from .views import Changes

log = logging.getLogger("skiller.standing")

# Trust edge weights: what each signed relation is worth, against the others (docs/standing.md).
WEIGHTS = {tr.KNOWN: 3.0, tr.ENDORSED: 1.0, tr.TEAM: 1.0, tr.EXCHANGE: 2.0}
TEAM_SIZE = 300       # members of one team linked pairwise; a bigger team links its first 300 (by join date)
SCORE_CHANGE = 2e-2   # relative: smaller moves are not rewritten (under half a point of standing)
TRUST_CHANGE = 1e-2   # relative: smaller trust moves are not rewritten (explanations' shares move less)
SHIFT = np.int64(1) << np.int64(32)  # (subject, group) pair key = subject << 32 | group
FLOOR = 10.0 ** -DECADES  # scores below best x FLOOR show 0 and are not stored
VIEWER = 0            # the viewer's number: numbered first


@dataclass(frozen=True)
class Report:
    """What one computation did: for the bench and the logs."""

    full: bool
    people: int
    endorsements: int
    edges: int
    rows_written: int


class StandingEngine:
    """The standing of everyone, from one viewer's point of view, kept in memory and in the store."""

    def __init__(self, db: Database, viewer: str) -> None:
        self.db = db
        self.viewer = viewer
        self._lock = threading.Lock()
        self._ready = False
        self.people = load.Numbering()
        self.groups = load.Numbering()
        self.numbers = load.StoreNumbers(self.people, self.groups)
        self.team_names: list[str] = []
        self._read: load.Reader | None = None
        self._help: load.Reader | None = None
        self._old: tr.Scores | None = None
        self.trust = np.zeros(0)
        none = np.zeros(0, np.int32)
        self.graph = tr.Graph.build(0, none, none, np.zeros(0), np.zeros(0, np.int8))
        self.e_endorser = self.e_subject = self.e_group = np.zeros(0, np.int32)
        self.e_level = np.zeros(0, np.int8)
        self.k_src = self.k_dst = self.x_src = self.x_dst = np.zeros(0, np.int32)
        self._old_keys = np.zeros(0, np.int64)
        self._old_trust: tuple[np.ndarray, ...] | None = None

    # -- entry points -------------------------------------------------------------
    def refresh(self, changes: Changes) -> Report | None:
        """Bring the stored standings up to date after a commit."""
        if not _concerns_standing(changes):
            return None
        if not self._ready or not changes.documents:
            return self.compute()
        return self.update(changes.documents)

    def compute(self) -> Report:
        """Everything from the read models: trust, scores, paths; every stored row replaced."""
        with self._lock:
            return self._compute()

    def update(self, doc_ids: frozenset[str] | set[str]) -> Report:
        """After these documents changed: reload their relations, re-solve from the trust before, write what moved.

        Team documents are read whole each time (a node holds only its own teams).
        """
        with self._lock:
            if not self._ready:
                return self._compute()
            self._reload(sorted(d for d in doc_ids if not d.startswith(TEAM_PREFIX)))
            self.trust = tr.personalised_pagerank(self._graph(), VIEWER, start=self.trust)
            report = self._report(full=False)
            _give_back_memory()
            return report

    def score_of(self, person_id: str, group: str) -> float:
        """One (person, group)'s score from the arrays in memory, stored or not (for benches and tests)."""
        with self._lock:
            if person_id not in self.people or group not in self.groups:
                return 0.0
            endorsements = tr.Endorsements(self.e_endorser, self.e_subject, self.e_group, self.e_level)
            weights = tr.endorser_weights(len(self.people.names), endorsements, self.trust)
            mine = (self.e_subject == self.people[person_id]) & (self.e_group == self.groups[group])
            return float(weights[self.e_endorser[mine]].sum())

    def _compute(self) -> Report:
        self._load_all()
        self.trust = tr.personalised_pagerank(self._graph(), VIEWER)
        report = self._report(full=True)
        self._ready = True
        _give_back_memory()
        return report

    def _report(self, *, full: bool) -> Report:
        rows = self._store(full=full)
        return Report(full, len(self.people.names), len(self.e_subject), len(self.graph.src), rows)

    # -- loading ---------------------------------------------------------------
    def _reader(self) -> load.Reader:
        if self._read is None:
            self._read = load.Reader(self.db.path)
        return self._read

    def _helper(self) -> load.Reader:
        if self._help is None:
            self._help = load.Reader(self.db.path)
        return self._help

    def close(self) -> None:
        for reader in (self._read, self._help):
            if reader is not None:
                reader.close()
        self._read = self._help = None

    def _load_all(self) -> None:
        self.people, self.groups = load.Numbering(), load.Numbering()
        self.people.numbers([self.viewer])  # the viewer is number 0 (VIEWER)
        self.numbers = load.StoreNumbers(self.people, self.groups)
        reader = self._reader()
        reader.conn.execute("BEGIN")  # one snapshot for every table (the helper's half may be a commit later)
        try:
            self.e_endorser, self.e_subject, self.e_group, self.e_level = load.endorsements(
                reader, self.numbers, helper=self._helper())
            self.k_src, self.k_dst = load.known(reader, self.people)
            self.x_src, self.x_dst = load.exchanges(reader, self.people)
        finally:
            reader.conn.execute("COMMIT")
        self._old_keys = np.zeros(0, np.int64)
        self._old, self._old_trust = None, None

    def _reload(self, people: list[str]) -> None:
        """Drop the relations these people's documents carry (and the endorsements they received), load anew."""
        reader = self._reader()
        reader.conn.execute("BEGIN")
        try:
            for start in range(0, len(people), load.CHUNK):
                self._reload_chunk(reader, people[start:start + load.CHUNK])
        finally:
            reader.conn.execute("COMMIT")

    def _reload_chunk(self, reader: load.Reader, people: list[str]) -> None:
        marks = ",".join("?" * len(people))
        ids = self.people.numbers(people)
        keep = ~(np.isin(self.e_endorser, ids) | np.isin(self.e_subject, ids))
        fresh = load.endorsements(reader, self.numbers,
                                  f"(e.endorser_id IN ({marks}) OR e.subject_id IN ({marks}))", [*people, *people])
        before: list[np.ndarray] = [self.e_endorser, self.e_subject, self.e_group, self.e_level]
        joined = [np.concatenate([old[keep], new]) for old, new in zip(before, fresh, strict=True)]
        self.e_endorser, self.e_subject, self.e_group, self.e_level = joined
        keep = ~np.isin(self.k_src, ids)
        src, dst = load.known(reader, self.people, f"k.person_id IN ({marks})", people)
        self.k_src, self.k_dst = np.concatenate([self.k_src[keep], src]), np.concatenate([self.k_dst[keep], dst])
        keep = ~np.isin(self.x_src, ids)
        src, dst = load.exchanges(reader, self.people, f"o.person_id IN ({marks})", people)
        self.x_src, self.x_dst = np.concatenate([self.x_src[keep], src]), np.concatenate([self.x_dst[keep], dst])

    def _graph(self) -> tr.Graph:
        self.team_names, t_src, t_dst, t_ref = load.teams(self._reader(), self.people, TEAM_SIZE)
        parts = (
            (self.k_src, self.k_dst, tr.KNOWN, None),
            (self.e_endorser, self.e_subject, tr.ENDORSED, None),
            (t_src, t_dst, tr.TEAM, t_ref),
            (self.x_src, self.x_dst, tr.EXCHANGE, None),
        )
        src = np.concatenate([p[0] for p in parts])
        dst = np.concatenate([p[1] for p in parts])
        weight = np.concatenate([np.full(len(p[0]), WEIGHTS[p[2]]) for p in parts])
        kind = np.concatenate([np.full(len(p[0]), p[2], np.int8) for p in parts])
        ref = np.concatenate([p[3] if p[3] is not None else np.full(len(p[0]), -1, np.int32) for p in parts])
        self.graph = tr.Graph.build(len(self.people.names), src, dst, weight, kind, ref)
        return self.graph

    # -- storing ---------------------------------------------------------------
    def _store(self, *, full: bool) -> int:
        """Write the standings worth showing (above the scale's floor), the trust behind them, each group's best."""
        n = len(self.people.names)
        endorsements = tr.Endorsements(self.e_endorser, self.e_subject, self.e_group, self.e_level)
        # The paths on a second core meanwhile: numpy lets go of the GIL in its loops (at 100k people the
        # two take 55 ms side by side, 100 ms one after the other).
        with ThreadPoolExecutor(1, thread_name_prefix="standing-paths") as pool:
            paths = pool.submit(tr.shortest_paths, self.graph, VIEWER, self.trust)
            scores = tr.skill_scores(n, len(self.groups.names), endorsements, self.trust)
            best = np.zeros(max(len(self.groups.names), 1))
            np.maximum.at(best, scores.group, scores.score)
            stored = (scores.score > 0) & (scores.score >= best[scores.group] * FLOOR)
            shown = tr.keep(scores, np.flatnonzero(stored))
            weights = tr.endorser_weights(n, endorsements, self.trust)
            hops, via = paths.result()
        assert scores.row is not None
        needed = self._explained(stored[scores.row], hops, via)
        keys = shown.subject.astype(np.int64) * SHIFT + shown.group
        steps = self._step_from(via)
        with self.db.transaction() as conn:
            written = self._write_scores(conn, shown, keys, best, full)
            written += self._write_trust(conn, needed, weights, hops, via, steps, full)
            conn.execute("DELETE FROM standing_groups")
            conn.executemany(
                "INSERT INTO standing_groups (skill_group, best) VALUES (?, ?)",
                [(self.groups.names[g], float(best[g])) for g in np.flatnonzero(best > 0)],
            )
            for key, value in (("standing_stale", "0"), ("standing_viewer", self.viewer),
                               ("standing_network", str(int((hops > 0).sum())))):
                conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
        self._old_keys, self._old = keys, shown
        self._old_trust = (self.trust.copy(), hops, steps, needed)
        return written

    def _explained(self, stored: np.ndarray, hops: np.ndarray, via: np.ndarray) -> np.ndarray:
        """Who the stored standings' explanations name (`stored`: per endorsement, whether its standing is
        stored): their endorsers, and everyone on the paths to them."""
        needed = np.zeros(len(self.people.names), bool)
        needed[self.e_endorser[stored]] = True
        needed &= hops >= 0
        needed[VIEWER] = True
        frontier = needed.copy()
        while frontier.any():
            steps = via[frontier]
            parents = self.graph.src[steps[steps >= 0]]
            fresh = np.zeros_like(needed)
            fresh[parents] = True
            frontier = fresh & ~needed
            needed |= fresh
        return needed

    def _write_scores(self, conn, scores: tr.Scores, keys: np.ndarray, best: np.ndarray, full: bool) -> int:
        old = self._old
        if full or old is None or not len(self._old_keys):  # no old keys: the table is empty already
            conn.execute("DELETE FROM standings")
            changed = np.arange(len(keys))
            gone = np.zeros(0, np.int64)
        else:
            at = np.clip(np.searchsorted(self._old_keys, keys), 0, len(self._old_keys) - 1)
            found = self._old_keys[at] == keys

            def before(column: np.ndarray) -> np.ndarray:
                return np.where(found, column[at], -1)

            was = before(old.score)
            moved = np.abs(scores.score - was) > SCORE_CHANGE * np.maximum(scores.score, was)
            changed = np.flatnonzero(~found | moved | (scores.endorsements != before(old.endorsements))
                                     | (scores.counted != before(old.counted)))
            gone = self._old_keys[~_among(self._old_keys, keys)]
        names, ids = self.groups.names, self.people.names
        conn.executemany(
            "DELETE FROM standings WHERE person_id = ? AND skill_group = ?",
            [(ids[int(k // SHIFT)], names[int(k % SHIFT)]) for k in gone],
        )
        conn.executemany(
            """INSERT OR REPLACE INTO standings (person_id, skill_group, score, endorsements, counted,
                   community_level) VALUES (?, ?, ?, ?, ?, ?)""",
            zip([ids[i] for i in scores.subject[changed]], [names[g] for g in scores.group[changed]],
                scores.score[changed].tolist(), scores.endorsements[changed].tolist(),
                scores.counted[changed].tolist(), scores.community_level[changed].tolist(), strict=True),
        )
        return len(changed) + len(gone)

    def _step_from(self, via: np.ndarray) -> np.ndarray:
        """For each person, the person (and kind) their path's last edge comes from: -1 for none."""
        g = self.graph
        if not len(g.src):
            return np.full(len(via), -1, np.int64)
        safe = np.where(via >= 0, via, 0)
        return np.where(via >= 0, g.src[safe].astype(np.int64) * 8 + g.kind[safe], -1)

    def _write_trust(self, conn, needed: np.ndarray, weights: np.ndarray, hops: np.ndarray, via: np.ndarray,
                     steps: np.ndarray, full: bool) -> int:
        """`steps`: who each path comes from (_step_from), compared as edge numbers move when arrays are
        rebuilt."""
        if full or self._old_trust is None:
            conn.execute("DELETE FROM standing_trust")
            rows = np.flatnonzero(needed)
        else:
            size = len(self.trust)
            before, old_hops, old_via, old_needed = (
                _grown(a, size, fill) for a, fill in zip(self._old_trust, (0, -1, -1, False), strict=True))
            moved = np.abs(self.trust - before) > TRUST_CHANGE * np.maximum(before, 1e-300)
            rows = np.flatnonzero(needed & (~old_needed | moved | (hops != old_hops) | (steps != old_via)))
            lost = np.flatnonzero(old_needed & ~needed)
            conn.executemany("DELETE FROM standing_trust WHERE person_id = ?",
                             [(self.people.names[i],) for i in lost])
        g = self.graph
        step = via[rows]
        has = step >= 0
        safe = np.where(has, step, 0)
        src = np.where(has, g.src[safe], -1) if len(g.src) else np.full(len(rows), -1)
        kind = np.where(has, g.kind[safe], -1) if len(g.src) else np.full(len(rows), -1)
        ref = np.where(has, g.ref[safe], -1) if len(g.src) else np.full(len(rows), -1)
        ids = self.people.names
        conn.executemany(
            """INSERT OR REPLACE INTO standing_trust (person_id, trust, weight, hops, via, via_kind, via_ref)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            zip([ids[i] for i in rows], self.trust[rows].tolist(), weights[rows].tolist(),
                hops[rows].tolist(), [ids[s] if s >= 0 else "" for s in src.tolist()],
                [tr.KIND_NAMES[k] if k >= 0 else "" for k in kind.tolist()],
                [self.team_names[r] if r >= 0 else "" for r in ref.tolist()], strict=True),
        )
        return len(rows)


def _give_back_memory() -> None:
    """Hand the loading's freed memory back to the system (glibc keeps freed heap pages otherwise: a
    full computation's temporaries would stay in the app's footprint). Elsewhere, nothing to do."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def _among(values: np.ndarray, sorted_keys: np.ndarray) -> np.ndarray:
    """Whether each value is in `sorted_keys` (sorted, as np.unique leaves them): no sort of `values`."""
    if not len(sorted_keys):
        return np.zeros(len(values), bool)
    at = np.clip(np.searchsorted(sorted_keys, values), 0, len(sorted_keys) - 1)
    return sorted_keys[at] == values


def _grown(values: np.ndarray, n: int, fill: float = 0) -> np.ndarray:
    if len(values) >= n:
        return values[:n]
    return np.concatenate([values, np.full(n - len(values), fill, values.dtype)])


def _concerns_standing(changes: Changes) -> bool:
    """Whether a commit may move trust or standings: relations, endorsements, skills, people, teams."""
    return bool(changes.documents) or changes.any
