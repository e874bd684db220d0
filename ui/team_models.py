"""Item models of the Teams screen: my teams, members, needs, the skill matrix, and matching.

They hold the small values `services.teams` hands out; the screen reads them
on the worker and gives each model its rows. A team is tens of members and
needs, read at once, so none of these pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from skiller_desktop.teams import analysis
from skiller_desktop.teams.views import (
    Candidate,
    Cell,
    Invitation,
    Member,
    Need,
    NeedMatches,
    SkillColumn,
    Team,
    TeamMatrix,
)

from .models import ROW_ROLE, Index, _RowsModel, level_text
from .plain import tooltip

SORT_ROLE = Qt.ItemDataRole.UserRole + 3
GAP_BACKGROUND = QColor("#fde7e4")
GAP_FOREGROUND = QColor("#8c1d13")
MEETS_BACKGROUND = QColor("#dcf0dc")
BELOW_BACKGROUND = QColor("#fbecc8")
LEVEL_COLOURS = {"meets": MEETS_BACKGROUND, "below": BELOW_BACKGROUND, "gap": GAP_BACKGROUND}  # the legend's order


def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
    # lupdate files a module-level `tr(...)` under the empty context, and Qt does not fall back to it
    return QCoreApplication.translate("", text, disambiguation or None, n)


def role_label(role: str) -> str:
    return {"admin": tr("Admin"), "member": tr("Member")}.get(role, role)


def availability_text(value: str) -> str:
    return {"available": tr("available"), "open": tr("open to offers"),
            "busy": tr("busy")}.get(value, tr("availability unknown"))


def reason_text(wanted: int, c: Candidate) -> str:
    """The core's reason for a candidate, said in the user's language from the same facts."""
    level = tr("level %1 ≥ %2 wanted") if c.level >= wanted else tr("level %1 < %2 wanted")
    level = level.replace("%1", str(c.level)).replace("%2", str(wanted))
    endorsed = tr("no endorsements") if c.endorsements == 0 else tr("%n endorsement(s)", "", c.endorsements)
    member = tr("team member") if c.member else tr("not in the team")
    return ", ".join((level, endorsed, availability_text(c.availability), member))


class TeamsModel(QAbstractListModel):
    """The teams I belong to: the name, then how many members and open needs."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Team] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        team = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{team.name}\n{self.summary(team)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{team.name}, {self.summary(team)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(team.description or team.name)
        if role == ROW_ROLE:
            return team
        return None

    def summary(self, team: Team) -> str:
        members = tr("%n member(s)", "", team.member_count)
        needs = tr("%n open need(s)", "", team.open_needs)
        return f"{members} · {needs}"

    def set_rows(self, rows: list[Team]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, team_id: str) -> int:
        return next((i for i, t in enumerate(self.rows) if t.team_id == team_id), -1)


class MembersModel(_RowsModel):
    def header_labels(self) -> list[str]:
        return [self.tr("Name"), self.tr("Role"), self.tr("Availability"), self.tr("Member since")]

    def cell(self, row: Member, column: int) -> str:
        if column == 2:
            return availability_text(row.availability) if row.availability else ""
        return (row.name or row.person_id[:16], role_label(row.role), "", row.added_at[:10])[column]


class InvitationsModel(_RowsModel):
    """Invitations still waiting for an answer: who, as what, until when."""

    def header_labels(self) -> list[str]:
        return [self.tr("Invited"), self.tr("Role"), self.tr("Works until")]

    def cell(self, row: Invitation, column: int) -> str:
        who = self.tr("Anyone with the code") if row.by_code else (row.name or row.person_id[:24])
        until = row.expires_at[:10] if row.expires_at else self.tr("Until withdrawn")
        return (who, role_label(row.role), until)[column]


class NeedsModel(_RowsModel):
    def header_labels(self) -> list[str]:
        return [self.tr("Skill"), self.tr("Level wanted"), self.tr("Note"), self.tr("Status"), self.tr("Added")]

    def cell(self, row: Need, column: int) -> str:
        if column == 1:
            return f"{level_text(row.level)}  {row.level}/5"
        status = self.tr("Open") if row.status == "open" else self.tr("Filled")
        return (row.skill, "", row.note, status, row.created_at[:10])[column]


def ranked_text(wanted: int, c: Candidate, before: Candidate | None) -> str:
    """Why a candidate stands where they stand: against the one ranked just above (issue 12.4)."""
    if before is None:
        return tr("Best match") if c.level >= wanted else tr("Best match, below the level wanted: nobody meets it")
    fact = analysis.deciding_fact(before, c, wanted)
    name = before.name or before.person_id[:16]
    said = {
        "level_met": tr("Below the level wanted: after everyone who meets it"),
        "member": tr("Not in the team: after the team’s members"),
        "not_busy": tr("Busy: after those who are free"),
        "level": tr("Lower level than %1 (%2 < %3)"),
        "endorsements": tr("Fewer endorsements than %1 (%2 < %3)"),
        "availability": tr("Less available than %1"),
        "standing": tr("Less recognised than %1 in this skill"),
    }.get(fact, tr("As %1 on every count: by name"))
    mine, theirs = (c.level, before.level) if fact == "level" else (c.endorsements, before.endorsements)
    return said.replace("%1", name).replace("%2", str(mine)).replace("%3", str(theirs))


@dataclass(frozen=True)
class MatchRow:
    need: Need
    rank: int  # 1 for the best candidate; 0 for the need's own heading row
    candidate: Candidate | None
    before: Candidate | None = None  # the candidate ranked just above, whom the Why column compares with


class MatchingModel(_RowsModel):
    """For each open need, a heading row, then its candidates best first, with why.

    A heading row (`rank` 0) names the need in its first column; the view
    spans it across the table (`heading_rows`).
    """

    def header_labels(self) -> list[str]:
        return [self.tr("#"), self.tr("Candidate"), self.tr("Level"), self.tr("Why")]

    def set_matches(self, matches: list[NeedMatches]) -> None:
        rows: list[MatchRow] = []
        for m in matches:
            rows.append(MatchRow(m.need, 0, None))
            rows += [MatchRow(m.need, i, c, m.candidates[i - 2] if i > 1 else None)
                     for i, c in enumerate(m.candidates, 1)]
        self.set_rows(rows)

    def heading_rows(self) -> list[int]:
        return [i for i, r in enumerate(self.rows) if r.candidate is None]

    def cell(self, row: MatchRow, column: int) -> str:
        c = row.candidate
        if c is None:
            return self.heading(row.need) if column == 0 else ""
        if column == 3:  # why here, then the facts: two lines, the rows grow to fit them
            return f"{ranked_text(row.need.level, c, row.before)}\n{reason_text(row.need.level, c)}"
        return (str(row.rank), c.name or c.person_id[:16], f"{c.level}/5", "")[column]

    def heading(self, need: Need) -> str:
        text = f"{need.skill} ≥ {need.level}"
        if need.note:
            text += f" — {need.note}"
        if not any(r.need.need_id == need.need_id and r.candidate for r in self.rows):
            nobody = self.tr("Nobody known has this skill yet")
            text += f" · {nobody}"
        return text

    def is_number(self, column: int) -> bool:
        return column == 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None and row.candidate is None:
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


class MatrixModel(QAbstractTableModel):
    """Members × skills: each cell a level and its endorsements; gap columns are tinted.

    A gap is a skill an open need asks for that no member has at the wanted
    level. `SORT_ROLE` gives numbers, so a sort proxy orders by level then
    endorsements.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.matrix = TeamMatrix([], [], [])
        self._gaps: set[str] = set()

    def set_matrix(self, matrix: TeamMatrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self._gaps = {c.key for c in matrix.skills if matrix.is_gap(c.key)}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self.matrix.skills)

    def level_state(self, column: SkillColumn, cell: Cell | None) -> str:
        """A cell against the level the team wants: "meets", "below", "gap" (an empty cell of a gap), or ""."""
        if not column.wanted_level:
            return ""
        if cell is None:
            return "gap" if column.key in self._gaps else ""
        return "meets" if cell.level >= column.wanted_level else "below"

    def cell_words(self, name: str, column: SkillColumn, cell: Cell | None, as_tooltip: bool) -> str:
        if cell is None:
            said = self.tr("%1 does not list %2").replace("%1", name).replace("%2", column.name)
        else:
            said = (tr("level %1, %n endorsement(s)", "", cell.endorsements)).replace("%1", str(cell.level))
            state = self.level_state(column, cell)
            if state:
                against = self.tr("meets the %1 wanted") if state == "meets" else self.tr("below the %1 wanted")
                said += " — " + against.replace("%1", str(column.wanted_level))
        return tooltip(said) if as_tooltip else said

    def is_gap_column(self, column: int) -> bool:
        return 1 <= column <= len(self.matrix.skills) and self.matrix.skills[column - 1].key in self._gaps

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if section == 0:
            return self.tr("Member") if role == Qt.ItemDataRole.DisplayRole else None
        column = self.matrix.skills[section - 1]
        gap = column.key in self._gaps
        if role == Qt.ItemDataRole.DisplayRole:
            wanted = f" ≥ {column.wanted_level}" if column.wanted_level else ""
            return f"{'⚠ ' if gap else ''}{column.name}{wanted}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if gap:
                return self.tr("Gap: the team needs level %1 and no member has it").replace(
                    "%1", str(column.wanted_level))
            if column.wanted_level:
                return self.tr("The team needs level %1").replace("%1", str(column.wanted_level))
            return tooltip(column.name)
        if role == Qt.ItemDataRole.ForegroundRole and gap:
            return QBrush(GAP_FOREGROUND)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.matrix.rows):
            return None
        if not 0 <= index.column() < self.columnCount():
            return None
        row = self.matrix.rows[index.row()]
        if index.column() == 0:
            return {Qt.ItemDataRole.DisplayRole: row.name or row.person_id[:16],
                    SORT_ROLE: row.name.casefold(), ROW_ROLE: row}.get(role)
        column = self.matrix.skills[index.column() - 1]
        cell = row.cells.get(column.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{cell.level} · {cell.endorsements}" if cell else ""
        if role == SORT_ROLE:
            return cell.level * 10000 + cell.endorsements if cell else -1
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_words(row.name, column, cell, role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.BackgroundRole:
            state = self.level_state(column, cell)
            return QBrush(LEVEL_COLOURS[state]) if state else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ROW_ROLE:
            return row
        return None
