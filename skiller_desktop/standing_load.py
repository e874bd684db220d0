"""Read the signed relations out of the read models into integer arrays, fast enough for 100k people.

A million endorsements cost more to turn into Python objects than to
compute with: each endorsement row carries its endorser's, subject's and
group's numbers (skiller_desktop/store_numbers.py), SQLite joins each column
into one string (`group_concat`), numpy parses it in C, and an array maps
the store's numbers to the engine's. Rows some older writer left without
numbers are read by their text. Hidden endorsements and concepts linked on
the subject's skill are read apart (they are few) and applied to the arrays.
Reads go through a connection of their own, in one read transaction, so a
long load never holds the store's lock (WAL lets it read beside the writer).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np

log = logging.getLogger("skiller.standing")

CHUNK = 400  # ids per IN (...)
BATCH = 1000  # endorsers read and turned into arrays at a time
LINKED_AT_ONCE = 10 * CHUNK  # more subjects than this: read every linked skill in one go, not by subject
LEARNT_AT_ONCE = 10 * CHUNK  # more numbers to learn than this: read the whole numbers table in one go
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


class StoreNumbers:
    """The store's person and group numbers (skiller_desktop/store_numbers.py) as the engine's: an array
    indexed by the stored number, -1 where not learnt yet. Stored numbers are never reused, so what was
    learnt stays true. Only the numbers rows name are learnt: people the store once numbered and no
    endorsement names any more (a blocked key's subjects) never enter the engine."""

    def __init__(self, people: Numbering, groups: Numbering) -> None:
        self.people, self.groups = people, groups
        self.person = np.zeros(0, np.int32)
        self.group = np.zeros(0, np.int32)

    def learn(self, reader: Reader, rows: tuple[np.ndarray, ...]) -> None:
        """Learn the numbers these rows (endorser, subject, group, ...) name, through a connection whose
        snapshot holds them (numbers are only ever added, so a later snapshot does too)."""
        endorser, subject, group = rows[:3]
        self.person = _learnt(reader, "person_numbers", "person_id", self.person, self.people,
                              (endorser, subject))
        self.group = _learnt(reader, "group_numbers", "skill_group", self.group, self.groups, (group,))

    def engine_numbers(self, endorser: np.ndarray, subject: np.ndarray, group: np.ndarray,
                       levels: np.ndarray) -> tuple[np.ndarray, ...]:
        """Rows by the store's numbers as rows by the engine's (their numbers learnt); a row whose number the
        store does not have (a row deleted from person_numbers or group_numbers by hand: never by Skiller)
        is left out and logged."""
        mapped = self.person[endorser], self.person[subject], self.group[group]
        known = (mapped[0] >= 0) & (mapped[1] >= 0) & (mapped[2] >= 0)
        if not known.all():
            log.warning("%d endorsements name a number the store does not know: not counted", (~known).sum())
            return (*(column[known] for column in mapped), levels[known])
        return (*mapped, levels)


def _learnt(reader: Reader, table: str, column: str, known: np.ndarray, numbering: Numbering,
            wanted: tuple[np.ndarray, ...]) -> np.ndarray:
    top = max((int(w.max()) + 1 for w in wanted if len(w)), default=0)
    grown = np.full(max(top, len(known)), -1, np.int32)
    grown[:len(known)] = known
    missing = np.zeros(len(grown), bool)
    for w in wanted:
        missing[w] = True
    missing &= grown < 0
    nums = np.flatnonzero(missing)
    if not len(nums):
        return grown
    if len(nums) > LEARNT_AT_ONCE:  # a full load: the whole table in one read, the rows not named skipped
        rows = [r for r in reader.rows(f"SELECT num, {column} FROM {table}") if r[0] < len(missing) and missing[r[0]]]
    else:
        rows = []
        for start in range(0, len(nums), CHUNK):
            chunk = nums[start:start + CHUNK].tolist()
            rows += reader.rows(f"SELECT num, {column} FROM {table} WHERE num IN ({','.join('?' * len(chunk))})",
                                chunk)
    if rows:
        grown[np.fromiter((r[0] for r in rows), np.int64, len(rows))] = numbering.numbers([r[1] for r in rows])
    return grown


# Numbered rows, each column one comma-separated string (SQLite's aggregates see the rows in one order, so
# the columns line up): parsed in C, no Python object per endorsement.
NUMBERED = "e.endorser_num > 0 AND e.subject_num > 0 AND e.group_num > 0"
# What the partial index endorsements_unnumbered covers, word for word (SQLite uses it only then).
UNNUMBERED = "(e.endorser_num = 0 OR e.subject_num = 0 OR e.group_num = 0)"


def _by_number(reader: Reader, where: str, params: Sequence[str]) -> tuple[np.ndarray, ...]:
    """(endorser, subject, group) stored numbers and levels of the numbered rows `where` selects."""
    row = reader.conn.execute(
        f"""SELECT group_concat(e.endorser_num), group_concat(e.subject_num), group_concat(e.group_num),
                   group_concat(MIN(MAX(e.level, 0), 5), '')
            FROM endorsements e
            WHERE e.revoked = 0 AND {NUMBERED} AND e.subject_num != e.endorser_num AND {where}""",
        tuple(params),
    ).fetchone()
    columns = [np.fromstring(text or "", np.int64, sep=",") for text in row[:3]]
    levels = np.frombuffer((row[3] or "").encode("ascii"), np.uint8).astype(np.int8) - 48
    if any(len(c) != len(levels) for c in columns):  # cannot happen: one number per row and column
        raise ValueError("endorsement numbers misread")
    return (*columns, levels)


def _by_text(reader: Reader, where: str, params: Sequence[str]) -> Iterator[list[tuple]]:
    """The rows without numbers `where` selects, read by their text: each endorser's rows joined, a batch of
    endorsers at a time (never every row at once)."""
    cursor = reader.conn.execute(
        f"""SELECT e.endorser_id, group_concat(e.subject_id, ' '), group_concat({OWN_GROUP}, char(10)),
                   group_concat(MIN(MAX(e.level, 0), 5), '')
            FROM endorsements e
            WHERE e.revoked = 0 AND e.subject_id != e.endorser_id AND {UNNUMBERED} AND {where}
            GROUP BY e.endorser_id""",
        tuple(params),
    )
    while batch := cursor.fetchmany(BATCH):
        yield batch


class _Half:
    """What one connection read of its part of the table: numbered rows, and rows read by their text."""

    def __init__(self, reader: Reader, where: str, params: Sequence[str], *, keep_text: bool) -> None:
        self.reader = reader
        self.numbered = _by_number(reader, where, params)
        texts = _by_text(reader, where, params)
        self.texts: Iterable[list[tuple]] = list(texts) if keep_text else texts


def _halves(reader: Reader, helper: Reader | None, where: str, params: Sequence[str]) -> Iterator[_Half]:
    """The rows `where` selects; with a `helper` and no `where`, the later half of the table is read by the
    helper on a thread meanwhile (SQLite lets go of the GIL while it scans). Each half's numbered rows and
    text rows come from one connection, so a commit between the two connections' reads cannot count a row
    twice or not at all."""
    middle = reader.rows("SELECT person_id FROM persons ORDER BY person_id LIMIT 1 "
                         "OFFSET (SELECT COUNT(*) / 2 FROM persons)") if helper is not None and where == "1" else []
    if helper is None or not middle:
        yield _Half(reader, where, params, keep_text=False)
        return
    later: list[_Half | BaseException] = []

    def read_later_half() -> None:
        try:
            later.append(_Half(helper, "e.endorser_id >= ?", [middle[0][0]], keep_text=True))
        except BaseException as exc:  # handed to the caller's thread, raised there
            later.append(exc)

    thread = threading.Thread(target=read_later_half, name="standing-load", daemon=True)
    thread.start()
    try:
        yield _Half(reader, "e.endorser_id < ?", [middle[0][0]], keep_text=False)
    finally:
        thread.join()
    if isinstance(later[0], BaseException):
        raise later[0]
    yield later[0]


def endorsements(reader: Reader, numbers: StoreNumbers, where: str = "1", params: Sequence[str] = (),
                 helper: Reader | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(endorser, subject, group, level) of the endorsements that count, among those `where` selects.

    With a `helper` connection and no `where`, both halves are read at once.
    """
    people, groups = numbers.people, numbers.groups
    parts: list[tuple[np.ndarray, ...]] = []
    for half in _halves(reader, helper, where, params):
        numbers.learn(half.reader, half.numbered)
        parts.append(numbers.engine_numbers(*half.numbered))
        parts += [_numbered(batch, people, groups) for batch in half.texts]
    columns = [np.concatenate(column) for column in zip(*parts, strict=True)]
    endorser, subject, group_of = (column.astype(np.int32) for column in columns[:3])
    levels = columns[3].astype(np.int8)
    keep = _not_hidden(reader, people, groups, where, params, endorser, subject, group_of)
    group_of = _subject_concepts(reader, people, groups, subject, group_of)
    return endorser[keep], subject[keep], group_of[keep], levels[keep]


def _numbered(rows: list[tuple], people: Numbering, groups: Numbering) -> tuple[np.ndarray, ...]:
    """One batch of endorsers' rows read by their text, as arrays. An endorser whose subject ids or groups
    hold the separator (another person's document may put a space in a subject or a newline in a concept)
    splits into more parts than it has levels: that endorser's rows are left out and logged, the others
    still count."""
    subjects: list[str] = []
    names: list[str] = []
    kept: list[tuple] = []
    for row in rows:
        found, groups_found = row[1].split(" "), row[2].split("\n")
        if len(found) != len(row[3]) or len(groups_found) != len(row[3]):
            continue
        subjects += found
        names += groups_found
        kept.append(row)
    if len(kept) < len(rows):
        log.warning("%d endorsers' rows without numbers hold a separator in a subject or group: not counted",
                    len(rows) - len(kept))
        rows = kept
    counts = np.fromiter((len(r[3]) for r in rows), np.int64, len(rows))
    levels = np.frombuffer("".join(r[3] for r in rows).encode("ascii"), np.uint8).astype(np.int8) - 48
    endorser = np.repeat(people.numbers([r[0] for r in rows]), counts).astype(np.int32)
    return endorser, people.numbers(subjects), groups.numbers(names), levels


def _subject_concepts(reader: Reader, people: Numbering, groups: Numbering, subject: np.ndarray,
                      group_of: np.ndarray) -> np.ndarray:
    """An endorsement without a concept joins the concept its subject linked that skill to."""
    ids = [people.names[i] for i in np.unique(subject)]
    links: list[tuple] = []
    if len(ids) > LINKED_AT_ONCE:  # a full load: every linked skill, off the partial index skills_linked
        links = reader.rows("SELECT person_id, skill_key, concept FROM skills WHERE concept != ''")
        ids = []
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
        # (endorser, subject) as one int64 (fits below 3e9 people), then the group compared on the few
        # rows whose pair some hidden entry names
        by, of, group = (numbering.numbers([h[i] for h in hidden])
                         for i, numbering in enumerate((people, people, groups)))
        size = np.int64(max(len(people.names), 1))  # after numbering the hidden entries' people
        gone_pairs = by.astype(np.int64) * size + of
        gone = set(zip(gone_pairs.tolist(), group.tolist(), strict=True))
        pair = endorser.astype(np.int64) * size + subject
        maybe = np.flatnonzero(np.isin(pair, gone_pairs))
        keep[maybe] = [(p, g) not in gone
                       for p, g in zip(pair[maybe].tolist(), group_of[maybe].tolist(), strict=True)]
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
