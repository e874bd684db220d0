"""Search by skill, ranked by stored standing: the holders with a standing first, best first (no numpy).

Only standings above the scale's floor are stored (a hundredth of the best,
docs/standing.md), so in a 100k-people store a skill has a few hundred of
them: the ranked part reads them off `standings_by_group`, and the rest of
the holders keep their order off `skills_by_key` (claimed level, then name).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from . import standing_sql
from .db import Database
from .standing_read import scaled

SUMMARY = "p.person_id, p.name, p.headline, p.location, p.availability, p.skill_count"


@dataclass(frozen=True)
class Ranked:
    """The skill holders who have a standing, for one search."""

    db: Database
    groups: list[str]
    where: str
    where_params: list
    count: int

    @property
    def has_standing(self) -> str:
        """SQL: whether the skills row `s` has a stored standing in these groups (takes `self.groups`)."""
        if not self.groups:
            return "0"
        marks = ",".join("?" * len(self.groups))
        return f"EXISTS (SELECT 1 FROM standings st WHERE st.person_id = s.person_id AND st.skill_group IN ({marks}))"

    def page(self, limit: int, offset: int) -> list[tuple[sqlite3.Row, float]]:
        if not self.groups or offset >= self.count:
            return []
        marks = ",".join("?" * len(self.groups))
        rows = self.db.query(
            f"""SELECT {SUMMARY}, s.name AS matched_skill, s.level AS matched_level,
                       MAX(st.score) AS score, MAX(g.best) AS best
                FROM standings st CROSS JOIN skills s ON s.person_id = st.person_id
                CROSS JOIN persons p ON p.person_id = s.person_id
                JOIN standing_groups g ON g.skill_group = st.skill_group
                WHERE st.skill_group IN ({marks}) AND {self.where}
                GROUP BY s.person_id ORDER BY score DESC, s.level DESC, s.person_name_fold, s.person_id
                LIMIT ? OFFSET ?""",
            [*self.groups, *self.where_params, limit, offset],
        )
        return [(r, scaled(r["score"], r["best"])) for r in rows]


def groups_for_key(db: Database, key: str) -> list[str]:
    """The skill groups a searched name stands for in this store (its key, the concepts skills so named link to)."""
    return standing_sql.groups_for_key(db, key)


def ranked(db: Database, groups: list[str], where: str, params: list) -> Ranked:
    """The ranked part of a search whose skills rows `s` match `where` (a store without standings has none)."""
    if not groups or db.one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'standings'") is None:
        return Ranked(db, [], where, params, 0)
    marks = ",".join("?" * len(groups))
    count = int(db.scalar(
        f"""SELECT COUNT(DISTINCT s.person_id) AS n FROM standings st
            CROSS JOIN skills s ON s.person_id = st.person_id
            WHERE st.skill_group IN ({marks}) AND {where}""",
        [*groups, *params],
    ))
    return Ranked(db, groups, where, params, count)
