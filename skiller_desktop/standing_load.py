"""Read the signed relations out of the read models into integer arrays, fast enough for 100k people.

A million endorsements cost more to turn into Python objects than to
compute with: rows are read grouped by endorser, each column of a group
joined into one string by SQLite (`group_concat`), split in C and numbered
through a dict whose misses number new people. Hidden endorsements and
concepts linked on the subject's skill are read apart (they are few) and
applied to the arrays. Reads go through a connection of their own, in one
read transaction, so a long load never holds the store's lock (WAL lets it
read beside the writer).
"""

from __future__ import annotations

import json
import queue
import sqlite3
import threading
from collections.abc import Generator, Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np

CHUNK = 400  # ids per IN (...)
BATCH = 1000  # endorsers read and turned into arrays at a time
# An endorsement's own group (its concept, else its key); the subject's link is applied after (_subject_concepts).
OWN_GROUP = "COALESCE(NULLIF(e.concept, ''), e.skill_key)"


class Numbering(dict[str, int]):
    """Strings to dense integers; an unseen string gets the next number (C-speed lookups through map)."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def __missing__(self, key: str) -> int:
        number = self[key] = len(self.names)
        self.names.append(key)
        return number

    def numbers(self, keys: Sequence[str]) -> np.ndarray:
        return np.fromiter(map(self.__getitem__, keys), np.int32, len(keys))


class Reader:
    """A read-only connection to the store, for the engine's loads."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False,
                                    isolation_level=None)

    def rows(self, sql: str, params: Iterable = ()) -> list[tuple]:
        return self.conn.execute(sql, tuple(params)).fetchall()

    def close(self) -> None:
        self.conn.close()


# Each endorser's subjects by their `persons` rowid, eight hex digits each (0: no persons row, then the id
# is in the next column, in its place): SQLite finds the rowids while it scans, on the reading thread,
# and a million subject ids never become Python strings.

def _grouped(reader: Reader, where: str, params: Sequence[str], by_rowid: bool = False) -> Iterator[list[tuple]]:
    """Each endorser's rows, a batch of endorsers at a time (never the million rows at once)."""
    subjects = ("group_concat(printf('%08x', COALESCE(p.rowid, 0)), ''), "
                "group_concat(CASE WHEN p.rowid IS NULL THEN e.subject_id ELSE '' END, ' ')"
                if by_rowid else "group_concat(e.subject_id, ' '), ''")
    join = "LEFT JOIN persons p ON p.person_id = e.subject_id" if by_rowid else ""
    cursor = reader.conn.execute(
        f"""SELECT e.endorser_id, {subjects}, group_concat({OWN_GROUP}, char(10)),
                   group_concat(MIN(MAX(e.level, 0), 5), '')
            FROM endorsements e {join}
            WHERE e.revoked = 0 AND e.subject_id != e.endorser_id AND {where}
            GROUP BY e.endorser_id""",
        tuple(params),
    )
    while batch := cursor.fetchmany(BATCH):
        yield batch


def _all_grouped(reader: Reader, helper: Reader) -> Iterator[list[tuple]]:
    """Every endorser's rows: the second half read by `helper` on a thread meanwhile (SQLite lets go of the
    GIL while it scans), handed over through a short queue so neither half piles up in memory."""
    middle = reader.rows("SELECT person_id FROM persons ORDER BY person_id LIMIT 1 "
                         "OFFSET (SELECT COUNT(*) / 2 FROM persons)")
    if not middle:
        yield from _grouped(reader, "1", (), True)
        return
    handed: queue.Queue[list[tuple] | BaseException | None] = queue.Queue(maxsize=4)

    def read_later_half() -> None:
        try:
            for batch in _grouped(helper, "e.endorser_id >= ?", [middle[0][0]], True):
                handed.put(batch)
            handed.put(None)
        except BaseException as exc:  # handed to the caller's thread, raised there
            handed.put(exc)

    thread = threading.Thread(target=read_later_half, name="standing-load", daemon=True)
    thread.start()
    done = False
    for batch in _grouped(reader, "e.endorser_id < ?", [middle[0][0]], True):
        yield batch
        while not done and not handed.empty():
            done = yield from _take(handed.get())
    while not done:
        done = yield from _take(handed.get())
    thread.join()


def _take(item: list[tuple] | BaseException | None) -> Generator[list[tuple], None, bool]:
    if isinstance(item, BaseException):
        raise item
    if item is None:
        return True
    yield item
    return False


def endorsements(reader: Reader, people: Numbering, groups: Numbering, where: str = "1",
                 params: Sequence[str] = (), helper: Reader | None = None,
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(endorser, subject, group, level) of the endorsements that count, among those `where` selects.

    With a `helper` connection and no `where`, both halves are read at once.
    """
    if helper is not None and where == "1":
        rowids = reader.rows("SELECT rowid, person_id FROM persons")
        numbered = people.numbers([r[1] for r in rowids])
        by_rowid = np.full(max((r[0] for r in rowids), default=0) + 1, -1, np.int32)
        by_rowid[np.array([r[0] for r in rowids], np.int64)] = numbered
        parts = [_numbered_by_rowid(batch, people, groups, by_rowid) for batch in _all_grouped(reader, helper)]
    else:
        parts = [_numbered(batch, people, groups) for batch in _grouped(reader, where, params)]
    if not parts:
        none = np.zeros(0, np.int32)
        return none, none, none, np.zeros(0, np.int8)
    endorser, subject, group_of, levels = (np.concatenate(column) for column in zip(*parts, strict=True))
    keep = _not_hidden(reader, people, groups, where, params, endorser, subject, group_of)
    group_of = _subject_concepts(reader, people, groups, subject, group_of)
    return endorser[keep], subject[keep], group_of[keep], levels[keep]


def _numbered(rows: list[tuple], people: Numbering, groups: Numbering) -> tuple[np.ndarray, ...]:
    """One batch of endorsers' rows as arrays: its strings die with the batch (Python keeps freed small
    strings' memory for reuse, so splitting a million at once would stay in the process's footprint)."""
    subjects: list[str] = []
    names: list[str] = []
    counts = np.empty(len(rows), np.int64)
    for i, (_, subject_ids, _, group_names, _) in enumerate(rows):
        found = subject_ids.split(" ")
        subjects += found
        names += group_names.split("\n")
        counts[i] = len(found)
    levels = np.frombuffer("".join(r[4] for r in rows).encode("ascii"), np.uint8).astype(np.int8) - 48
    endorser = np.repeat(people.numbers([r[0] for r in rows]), counts).astype(np.int32)
    return endorser, people.numbers(subjects), groups.numbers(names), levels


def _numbered_by_rowid(rows: list[tuple], people: Numbering, groups: Numbering,
                       by_rowid: np.ndarray) -> tuple[np.ndarray, ...]:
    """A batch read with subjects as rowids (_grouped by_rowid): numbered through `by_rowid`, and the few
    subjects without a persons row by their id."""
    counts = np.fromiter((len(r[1]) // 8 for r in rows), np.int64, len(rows))
    rowid = np.frombuffer(bytes.fromhex("".join(r[1] for r in rows)), ">u4").astype(np.int64)
    subject = by_rowid[rowid]
    for at in np.flatnonzero(rowid == 0):
        row = int(np.searchsorted(np.cumsum(counts), at, side="right"))
        place = int(at - (counts[:row].sum()))
        subject[at] = people.numbers([rows[row][2].split(" ")[place]])[0]
    names: list[str] = []
    for r in rows:
        names += r[3].split("\n")
    levels = np.frombuffer("".join(r[4] for r in rows).encode("ascii"), np.uint8).astype(np.int8) - 48
    endorser = np.repeat(people.numbers([r[0] for r in rows]), counts).astype(np.int32)
    return endorser, subject.astype(np.int32), groups.numbers(names), levels


def _subject_concepts(reader: Reader, people: Numbering, groups: Numbering, subject: np.ndarray,
                      group_of: np.ndarray) -> np.ndarray:
    """An endorsement without a concept joins the concept its subject linked that skill to."""
    ids = [people.names[i] for i in np.unique(subject)]
    links: list[tuple] = []
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        links += reader.rows(
            f"""SELECT person_id, skill_key, concept FROM skills
                WHERE concept != '' AND person_id IN ({','.join('?' * len(chunk))})""", chunk)
    if not links:
        return group_of
    width = np.int64(1) << np.int64(32)
    keys = people.numbers([r[0] for r in links]).astype(np.int64) * width + groups.numbers([r[1] for r in links])
    targets = groups.numbers([r[2] for r in links])
    order = np.argsort(keys)
    keys, targets = keys[order], targets[order]
    mine = subject.astype(np.int64) * width + group_of
    at = np.clip(np.searchsorted(keys, mine), 0, len(keys) - 1)
    return np.where(keys[at] == mine, targets[at], group_of).astype(np.int32)


def _not_hidden(reader: Reader, people: Numbering, groups: Numbering, where: str, params: Sequence[str],
                endorser: np.ndarray, subject: np.ndarray, group_of: np.ndarray) -> np.ndarray:
    """Rows whose subject did not hide them (hidden entries are few: matched apart, then masked out)."""
    if not reader.rows("SELECT 1 FROM hidden_endorsements LIMIT 1"):
        return np.ones(len(endorser), bool)
    hidden = reader.rows(
        f"""SELECT e.endorser_id, e.subject_id, {OWN_GROUP} FROM hidden_endorsements h
            CROSS JOIN endorsements e ON e.subject_id = h.subject_id AND e.endorsement_id = h.endorsement_id
                               AND h.endorser_id IN ('', e.endorser_id)
            WHERE e.revoked = 0 AND {where}""",
        params,
    )
    keep = np.ones(len(endorser), bool)
    if hidden:
        size = np.int64(max(len(people.names), 1))
        width = np.int64(1) << np.int64(24)
        triple = (endorser.astype(np.int64) * size + subject) * width + group_of
        gone = (people.numbers([h[0] for h in hidden]).astype(np.int64) * size
                + people.numbers([h[1] for h in hidden])) * width + groups.numbers([h[2] for h in hidden])
        keep = ~np.isin(triple, gone)
    return keep


def pairs(reader: Reader, people: Numbering, sql: str, params: Sequence[str] = ()) -> tuple[np.ndarray, np.ndarray]:
    rows = reader.rows(sql, params)
    return people.numbers([r[0] for r in rows]), people.numbers([r[1] for r in rows])


def known(reader: Reader, people: Numbering, where: str = "1",
          params: Sequence[str] = ()) -> tuple[np.ndarray, ...]:
    """Who says they know whom (not taken back)."""
    return pairs(reader, people,
                 f"SELECT k.person_id, k.known_id FROM known_people k WHERE k.revoked_at = '' AND {where}", params)


def exchanges(reader: Reader, people: Numbering, where: str = "1",
              params: Sequence[str] = ()) -> tuple[np.ndarray, ...]:
    """Completed exchanges: the owner recognised who helped (the owner's signed statement)."""
    rows = reader.rows(f"SELECT o.person_id, o.recognition FROM offers o WHERE o.status = 'done' AND {where}", params)
    found = []
    for owner, recognition in rows:
        try:
            helped = json.loads(recognition).get("person")
        except (ValueError, AttributeError):
            continue
        if isinstance(helped, str) and helped and helped != owner:
            found.append((owner, helped))
    return people.numbers([a for a, _ in found]), people.numbers([b for _, b in found])


def teams(reader: Reader, people: Numbering, size: int) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Everyone in a team with everyone else in it, both ways; the first `size` members of a bigger team.

    A member counts both ways once they said so in their own signed document: its creator, or someone
    whose `team_acceptances` names it. An admin may list anyone (teams/policy.py), so a fake's team listing
    the user must not make edges from the user to the fake (docs/standing.md). Someone listed without
    accepting gets one edge only, from the team's creator, whose team it is: the creator vouches for them
    (a user's own team trusts the people they added), and a fake creator vouches with no trust to give.
    """
    rows = reader.rows(
        """SELECT m.team_id, m.person_id, t.created_by,
                  m.person_id = t.created_by OR EXISTS (SELECT 1 FROM team_acceptances a
                                                        WHERE a.person_id = m.person_id AND a.team_id = m.team_id)
           FROM team_members m JOIN teams t ON t.team_id = m.team_id
           WHERE m.removed_at = ''
           ORDER BY m.team_id, m.added_at, m.person_id""")
    members: dict[str, list[str]] = {}
    listed: dict[str, list[str]] = {}
    creators: dict[str, str] = {}
    for team, pid, creator, said in rows:
        creators[team] = creator
        (members if said else listed).setdefault(team, [])
        (members if said else listed)[team].append(pid)
    names = list(dict.fromkeys([*members, *listed]))
    parts = []
    for ref, team in enumerate(names):
        group = people.numbers(members.get(team, [])[:size])
        a, b = np.meshgrid(group, group, indexing="ij")
        parts.append((a.ravel(), b.ravel(), np.full(a.size, ref, np.int32)))
        added = people.numbers(listed.get(team, [])[:size])
        if added.size:
            creator = np.full(added.size, people.numbers([creators[team]])[0], np.int32)
            parts.append((creator, added, np.full(added.size, ref, np.int32)))
    if not parts:
        none = np.zeros(0, np.int32)
        return [], none, none, none
    src, dst, ref_of = (np.concatenate(p) for p in zip(*parts, strict=True))
    return names, src, dst, ref_of
