"""Stored standings, read back for profiles, search, the CLI and the Why panel (no numpy, no computing).

The standing engine (skiller_desktop/standing.py) writes `standings`,
`standing_trust` and `standing_groups`; this reads them. A standing on the
0-100 scale is 100 x the score over the best score of that skill group in the
user's network (docs/standing.md), worked out here, on read, so a new best
does not rewrite a whole group.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .db import Database
from .standing_sql import (
    COUNTED,
    DECADES,
    ENDORSEMENT_GROUP,
    SKILL_GROUP,
    matches,
    search_groups,
)
from .text import skill_key

MAX_PATH = 12  # steps followed back to the user: a shortest path in a store's graph is far shorter


@dataclass(frozen=True)
class Step:
    """One person on the path from the user: how the one before reaches them."""

    person_id: str
    name: str
    kind: str = ""        # known, endorsed, team, exchange ('' for the user)
    team: str = ""        # the team's name, for a team step


@dataclass(frozen=True)
class Contribution:
    endorser_id: str
    endorser_name: str
    share: float          # of the standing's score; the shares of one skill sum to 1
    weight: float         # the endorser's trust split over everything they endorse
    level: int            # the level the endorser observed, 0 when none
    path: list[Step] = field(default_factory=list)


@dataclass(frozen=True)
class SkillStanding:
    skill: str            # the name on the profile
    group: str            # text.skill_group: the concept, or the folded name
    standing: float       # 0-100 in the user's network
    score: float
    endorsements: int     # raw count (not revoked, not hidden)
    counted: int          # of them, from people the user's trust reaches
    community_level: float  # trust-weighted level the endorsers observed, 0 when none gave one
    claimed_level: int
    why: list[Contribution] = field(default_factory=list)

    @property
    def outside(self) -> int:
        """Endorsements from people the user's network does not reach: they count for nothing."""
        return self.endorsements - self.counted


def state(db: Database) -> tuple[str, bool]:
    """(the viewer the stored standings are computed for, whether they are out of date)."""
    rows = {r["key"]: r["value"] for r in db.query(
        "SELECT key, value FROM meta WHERE key IN ('standing_viewer', 'standing_stale')")}
    return rows.get("standing_viewer", ""), rows.get("standing_stale", "1") != "0"


def scaled(score: float, best: float) -> float:
    """The 0-100 standing of a score: 100 at the group's best, 25 points less for each tenth (DECADES)."""
    if best <= 0 or score <= 0:
        return 0.0
    return round(max(0.0, 100.0 * (1.0 + math.log10(min(score / best, 1.0)) / DECADES)), 1)


def skills(db: Database, person_id: str, skill: str | None = None, *, explain: bool = False) -> list[SkillStanding]:
    """A person's listed skills with their standing, in profile order; only `skill` when given."""
    group = SKILL_GROUP
    rows = db.query(
        f"""SELECT s.name, s.level, {group} AS grp, COALESCE(st.score, 0) AS score,
                   COALESCE(st.counted, 0) AS counted, COALESCE(st.community_level, 0) AS community_level,
                   COALESCE(g.best, 0) AS best
            FROM skills s
            LEFT JOIN standings st ON st.person_id = s.person_id AND st.skill_group = {group}
            LEFT JOIN standing_groups g ON g.skill_group = {group}
            WHERE s.person_id = ? AND (? IS NULL OR s.skill_key = ?)
            ORDER BY s.position, s.skill_key""",
        (person_id, skill and skill_key(skill), skill and skill_key(skill)),
    )
    raw = endorsement_counts(db, person_id)
    paths: dict[str, list[Step]] = {}  # each endorser's path read once, however many skills they endorsed
    return [
        SkillStanding(
            r["name"], r["grp"], scaled(r["score"], r["best"]), r["score"], raw.get(r["grp"], 0), r["counted"],
            round(r["community_level"], 2), r["level"],
            contributions(db, person_id, r["grp"], paths) if explain else [],
        )
        for r in rows
    ]


def endorsement_counts(db: Database, person_id: str) -> dict[str, int]:
    """Raw counts by skill group of the endorsements a person received that count (not revoked, not hidden)."""
    rows = db.query(
        f"""SELECT {ENDORSEMENT_GROUP} AS grp, COUNT(*) AS n FROM endorsements e
            WHERE e.subject_id = ? AND {COUNTED} GROUP BY grp""",
        (person_id,),
    )
    return {r["grp"]: r["n"] for r in rows}


def contributions(db: Database, person_id: str, group: str,
                  paths: dict[str, list[Step]] | None = None) -> list[Contribution]:
    """Who makes up a standing, most first, each with the path that links the user to them (`paths`: the
    paths already read, kept across calls)."""
    rows = db.query(
        f"""SELECT e.endorser_id, COALESCE(p.name, '') AS name, t.weight, e.level
            FROM endorsements e
            JOIN standing_trust t ON t.person_id = e.endorser_id
            LEFT JOIN persons p ON p.person_id = e.endorser_id
            WHERE e.subject_id = ? AND {COUNTED} AND {ENDORSEMENT_GROUP} = ? AND t.weight > 0
            ORDER BY t.weight DESC, e.endorser_id""",
        (person_id, group),
    )
    total = sum(r["weight"] for r in rows)
    return [
        Contribution(r["endorser_id"], r["name"], r["weight"] / total, r["weight"], r["level"] or 0,
                     path(db, r["endorser_id"], paths))
        for r in rows
    ]


def path(db: Database, person_id: str, paths: dict[str, list[Step]] | None = None) -> list[Step]:
    """The stored shortest path from the user to `person_id`, the user first; [] when none reaches them.
    With `paths`, a path read before is taken from it, and a path read now is kept in it."""
    if paths is not None:
        if person_id not in paths:
            paths[person_id] = path(db, person_id)
        return list(paths[person_id])
    steps: list[Step] = []
    current = person_id
    for _ in range(MAX_PATH):
        row = db.one(
            """SELECT t.hops, t.via, t.via_kind, COALESCE(p.name, '') AS name,
                      COALESCE(tm.name, '') AS team
               FROM standing_trust t LEFT JOIN persons p ON p.person_id = t.person_id
               LEFT JOIN teams tm ON tm.team_id = t.via_ref AND t.via_kind = 'team'
               WHERE t.person_id = ?""",
            (current,),
        )
        if row is None or row["hops"] < 0:
            return []
        steps.append(Step(current, row["name"], row["via_kind"], row["team"]))
        if row["hops"] == 0:
            return steps[::-1]
        current = row["via"]
    return []


def page_standings(db: Database, person_ids: list[str], skill: str) -> dict[str, float]:
    """The standing in `skill` of one page of people (search results): one indexed read.

    The same rows and groups as a search by that skill (standing_search): each person's best standing
    among their skills that answer it, each in its own group, as a share of that group's best. Read by
    person (`+`: never the group's range of every holder, 15 ms at 100k people).
    """
    if not person_ids or not skill.strip():
        return {}
    key = skill_key(skill)
    named, linked = search_groups(db, key)
    groups = [*named, *linked]
    person_marks, group_marks = ",".join("?" * len(person_ids)), ",".join("?" * len(groups))
    rows = db.query(
        f"""SELECT s.person_id, MAX(COALESCE(st.score / NULLIF(g.best, 0), 0)) AS ratio
            FROM skills s CROSS JOIN standings st ON st.person_id = s.person_id AND st.skill_group = +s.skill_group
            JOIN standing_groups g ON g.skill_group = st.skill_group
            WHERE s.person_id IN ({person_marks}) AND st.skill_group IN ({group_marks}) AND {matches("s", named)}
            GROUP BY s.person_id""",
        (*person_ids, *groups, *named, key),
    )
    return {r["person_id"]: scaled(r["ratio"], 1.0) for r in rows}


def in_groups(db: Database, person_ids: list[str], groups: list[str]) -> dict[tuple[str, str], float]:
    """The standing of each (person, skill group) stored among these people and groups (team matrix and
    matching, whose columns and needs gather several groups: the caller takes the best)."""
    found: dict[tuple[str, str], float] = {}
    groups = list(dict.fromkeys(groups))
    if not groups:
        return found
    group_marks = ",".join("?" * len(groups))
    for start in range(0, len(person_ids), 400):
        chunk = person_ids[start:start + 400]
        rows = db.query(
            f"""SELECT st.person_id, st.skill_group, st.score, g.best
                FROM standings st JOIN standing_groups g ON g.skill_group = st.skill_group
                WHERE st.person_id IN ({",".join("?" * len(chunk))}) AND st.skill_group IN ({group_marks})""",
            (*chunk, *groups),
        )
        found.update({(r["person_id"], r["skill_group"]): scaled(r["score"], r["best"]) for r in rows})
    return found


def known(db: Database, person_id: str) -> dict[str, str]:
    """The people `person_id` says they know (not taken back), with the date they said so."""
    rows = db.query("SELECT known_id, date FROM known_people WHERE person_id = ? AND revoked_at = ''", (person_id,))
    return {r["known_id"]: r["date"] for r in rows}


def network_size(db: Database) -> int:
    """How many people the user's trust reaches, the user left out: 0 means an empty network."""
    row = db.one("SELECT value FROM meta WHERE key = 'standing_network'")
    return int(row["value"]) if row is not None else 0
