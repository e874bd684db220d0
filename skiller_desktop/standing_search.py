"""Search by skill, ranked by stored standing: the holders with a standing first, best first (no numpy).

Only standings above the scale's floor are stored (a hundredth of the best,
docs/standing.md), so in a 100k-people store a skill has a few hundred of
them: the ranked part reads them off `standings_by_group`, each joined to
the holder's skills row of that very group, and the rest of the holders keep
their order off `skills_by_group` and `skills_by_key` (claimed level, then name).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from .db import Database
from .standing_read import scaled
from .standing_sql import SUMMARY


@dataclass(frozen=True)
class Ranked:
    """The skill holders who have a standing, for one search.

    `match` is SQL over a skills row `{s}` (its alias) saying it answers the search, `match_params` its
    parameters; `groups` the skill groups whose standings are read (standing_sql.named_groups and
    linked_groups): a holder is ranked by the standing of one of their matching rows in that row's own group.
    """

    db: Database
    groups: list[str]
    match: str
    match_params: list
    count: int

    def _joined(self, s: str, joins: str = "") -> tuple[str, list]:
        """FROM/WHERE of a matching skills row `s` with its standing in its own group, and the parameters."""
        marks = ",".join("?" * len(self.groups))
        # `+`: each standing finds its holder's skills by the primary key (person), never by a group's range
        return (f"""standings st CROSS JOIN skills {s} ON {s}.person_id = st.person_id
                        AND +{s}.skill_group = st.skill_group {joins}
                    WHERE st.skill_group IN ({marks}) AND {self.match.format(s=s)}""",
                [*self.groups, *self.match_params])

    @property
    def has_standing(self) -> tuple[str, list]:
        """SQL: whether the person of the skills row `s` is in the ranked part, and its parameters (read
        from that person's own skills, then each one's standing by its key: no range over a group)."""
        if not self.groups:
            return "0", []
        marks = ",".join("?" * len(self.groups))
        return (f"""EXISTS (SELECT 1 FROM skills s2 CROSS JOIN standings st
                            ON st.person_id = s2.person_id AND st.skill_group = s2.skill_group
                            WHERE s2.person_id = s.person_id AND +s2.skill_group IN ({marks})
                              AND {self.match.format(s="s2")})""",
                [*self.groups, *self.match_params])

    def page(self, limit: int, offset: int) -> list[tuple[sqlite3.Row, float]]:
        """One page of the ranked part, each holder once, by their best standing among the matching rows
        (the score over that group's best: two groups' scores are never compared raw)."""
        if not self.groups or offset >= self.count:
            return []
        joined, params = self._joined("s", "CROSS JOIN persons p ON p.person_id = s.person_id "
                                            "JOIN standing_groups g ON g.skill_group = st.skill_group")
        rows = self.db.query(
            f"""WITH hits AS (
                    SELECT {SUMMARY}, s.name AS matched_skill, s.level AS matched_level, s.person_name_fold,
                           COALESCE(st.score / NULLIF(g.best, 0), 0) AS ratio,
                           ROW_NUMBER() OVER (PARTITION BY s.person_id ORDER BY
                               COALESCE(st.score / NULLIF(g.best, 0), 0) DESC, s.level DESC, s.skill_key) AS nth
                    FROM {joined})
                SELECT * FROM hits WHERE nth = 1
                ORDER BY ratio DESC, matched_level DESC, person_name_fold, person_id LIMIT ? OFFSET ?""",
            [*params, limit, offset],
        )
        return [(r, scaled(r["ratio"], 1.0)) for r in rows]


def ranked(db: Database, groups: list[str], match: str, params: list) -> Ranked:
    """The ranked part of a search whose skills rows `{s}` answer `match` (see Ranked)."""
    groups = list(dict.fromkeys(groups))
    if not groups:
        return Ranked(db, [], match, params, 0)
    probe = Ranked(db, groups, match, params, 0)
    joined, joined_params = probe._joined("s")
    count = int(db.scalar(f"SELECT COUNT(DISTINCT s.person_id) AS n FROM {joined}", joined_params))
    return Ranked(db, groups, match, params, count)
