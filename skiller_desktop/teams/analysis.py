"""The skill matrix and need matching: pure functions over rows the store hands in.

Ranking for a need, in order: those who reach the wanted level first (a
member below it does not outrank an outsider who meets it: issue 12.4); then
team members before other people; those not busy first; then higher level,
more endorsements, better availability (available, open, unknown, busy), and
name. The reason says the facts; `deciding_fact` says which one put a
candidate below the one before, so the matching view can explain its order.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

from ..text import fold, skill_key
from .views import Candidate, Cell, Gap, MatrixRow, Need, SkillColumn, TeamMatrix

AVAILABILITY_RANK = {"available": 0, "open": 1, "": 2, "busy": 3}


def availability_rank(value: str) -> int:
    return AVAILABILITY_RANK.get(value, 2)


# -- matrix ------------------------------------------------------------------


def build_matrix(
    members: list[tuple[str, str, str]],
    skills: Iterable[tuple[str, str, str, int, int]],
    needs: list[Need],
    *,
    only_skills: Iterable[str] = (),
    min_level: int = 0,
    sort_by: str = "",
    standing: Mapping[tuple[str, str], float] | None = None,
) -> TeamMatrix:
    """members: (person id, name, availability); skills: (person id, key, name, level, endorsements).

    `only_skills` keeps those columns; `min_level` with one of them (or
    `sort_by`) keeps the members who reach it; `sort_by` is "name" or a skill.
    Both name a column by its group (a key of `skills`, a concept URI: taken
    as is) or by words (folded). A member with two rows in one group (two
    spellings of one concept) shows the higher (level, endorsements).
    """
    cells: dict[str, dict[str, Cell]] = {pid: {} for pid, _, _ in members}
    names: dict[str, str] = {}
    for pid, key, name, level, endorsements in skills:
        if pid in cells:
            held = cells[pid].get(key)
            if held is None or (level, endorsements) > (held.level, held.endorsements):
                cells[pid][key] = Cell(level, endorsements)
            names.setdefault(key, name)
    wanted: dict[str, int] = {}
    for need in needs:
        if need.status == "open":
            wanted[need.skill_key] = max(wanted.get(need.skill_key, 0), need.level)
            names.setdefault(need.skill_key, need.skill)
    gaps = _gaps(cells, wanted, names)
    known = set(wanted).union(*cells.values())
    columns = _columns(cells, wanted, names, [_as_group(s, known) for s in only_skills])
    rows = [MatrixRow(pid, name, avail, cells[pid]) for pid, name, avail in members]
    focus = _as_group(sort_by, known) if sort_by and fold(sort_by) != "name" else ""
    if min_level:
        keys = [focus] if focus else [c.key for c in columns]
        rows = [r for r in rows if any(r.cells.get(k, Cell(0, 0)).level >= min_level for k in keys)]
    rows.sort(key=lambda r: (-(standing or {}).get((r.person_id, focus), 0.0), *_row_order(r, focus)))  # standing
    return TeamMatrix(columns, rows, gaps)


def _as_group(value: str, known: set[str]) -> str:
    """A column's key: a group as given (folding a concept URI would name no column), words folded."""
    return value if value in known or value.startswith(("http://", "https://")) else skill_key(value)


def _row_order(row: MatrixRow, focus: str) -> tuple:
    cell = row.cells.get(focus, Cell(0, 0)) if focus else Cell(0, 0)
    return (-cell.level, -cell.endorsements, fold(row.name), row.person_id)


def _columns(cells: dict, wanted: dict[str, int], names: dict[str, str], only: list[str]) -> list[SkillColumn]:
    holders: dict[str, int] = {}
    for row in cells.values():
        for key in row:
            holders[key] = holders.get(key, 0) + 1
    keys = only or sorted(set(holders) | set(wanted), key=lambda k: (k not in wanted, -holders.get(k, 0), k))
    return [SkillColumn(k, names.get(k, k), wanted.get(k, 0)) for k in keys]


def _gaps(cells: dict, wanted: dict[str, int], names: dict[str, str]) -> list[Gap]:
    gaps = []
    for key, level in sorted(wanted.items()):
        holders = [(row[key].level, row[key].endorsements, pid) for pid, row in cells.items() if key in row]
        best = max(holders, key=lambda h: (h[0], h[1]), default=(0, 0, ""))
        if best[0] < level:
            gaps.append(Gap(names.get(key, key), level, best[0], best[2]))
    return gaps


def matrix_csv(matrix: TeamMatrix) -> str:
    """One row per member; two columns per skill (level, endorsements); empty when they lack it.

    A second header row gives the level the team needs, so gaps stay visible in a spreadsheet.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header = ["person_id", "name", "availability"]
    wanted = ["", "needed level", ""]
    for column in matrix.skills:
        gap = " (gap)" if any(g.skill == column.name for g in matrix.gaps) else ""
        header += [f"{column.name} level{gap}", f"{column.name} endorsements"]
        wanted += [str(column.wanted_level or ""), ""]
    writer.writerow(header)
    writer.writerow(wanted)
    for row in matrix.rows:
        line = [row.person_id, row.name, row.availability]
        for column in matrix.skills:
            cell = row.cells.get(column.key)
            line += [str(cell.level), str(cell.endorsements)] if cell else ["", ""]
        writer.writerow(line)
    return out.getvalue()


# -- matching ------------------------------------------------------------------


def rank(need: Need, people: Iterable[tuple[str, str, bool, int, int, str]],
         standing: Mapping[str, float] | None = None) -> list[Candidate]:
    """people: (person id, name, is member, level, endorsements, availability); `standing`: person id -> 0-100."""
    found = [
        Candidate(pid, name, member, level, endorsements, avail, reason(need.level, level, endorsements, avail, member))
        for pid, name, member, level, endorsements, avail in people
    ]
    given = standing or {}  # standing (docs/standing.md) right after the level and busy gates
    return sorted(found, key=lambda c: candidate_order(c, need.level, given.get(c.person_id, 0.0)))


# The facts `candidate_order` compares, in its order (the person id, last, only makes it total).
# A new sort key goes into both, at the same place: `deciding_fact` reads them side by side.
ORDER_FACTS = ("level_met", "member", "not_busy", "standing", "level", "endorsements", "availability", "name")


def candidate_order(c: Candidate, wanted: int, standing: float = 0.0) -> tuple:
    """`standing`: the candidate's standing in the skill, 0-100 (issue 14), when the caller has it."""
    return (
        c.level < wanted,
        not c.member,
        c.availability == "busy",
        -standing,
        -c.level,
        -c.endorsements,
        availability_rank(c.availability),
        fold(c.name),
        c.person_id,
    )


def reason(wanted: int, level: int, endorsements: int, availability: str, member: bool) -> str:
    parts = [f"level {level} ≥ {wanted} wanted" if level >= wanted else f"level {level} < {wanted} wanted"]
    parts.append({0: "no endorsements", 1: "1 endorsement"}.get(endorsements, f"{endorsements} endorsements"))
    parts.append(availability or "availability unknown")
    parts.append("team member" if member else "not in the team")
    return ", ".join(parts)


def deciding_fact(before: Candidate, after: Candidate, wanted: int, standing: Mapping[str, float] | None = None) -> str:
    """Which of `ORDER_FACTS` put `after` below `before` (the first where their order keys differ).

    Without the standings the ranking used, facts alone may say `after` should
    come first: then the standing decided, and "standing" is what is said.
    """
    given = standing or {}
    first = candidate_order(before, wanted, given.get(before.person_id, 0.0))
    second = candidate_order(after, wanted, given.get(after.person_id, 0.0))
    if second < first:
        return "standing"
    for fact, a, b in zip(ORDER_FACTS, first, second, strict=False):
        if a != b:
            return fact
    return "name"
