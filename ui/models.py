"""Item models over the services: they hold small value rows and page with fetchMore.

Every model reads through `Operations.read`, so the query runs on the worker
and the rows arrive on the main thread. A model never holds a whole table:
the people model asks for pages of `PAGE` rows as the view scrolls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from skiller_desktop.views import Endorsement, Offer, PersonSummary, SearchPage, Skill

from .level_legend import dots as level_text
from .operations import Operations
from .plain import tooltip
from .qtcompat import emit

PAGE = 100
Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    skill: str = ""
    min_level: int = 0
    availability: str = ""


class _RowsModel(QAbstractTableModel):
    """A table of frozen rows; subclasses say the headers and how a cell reads."""

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.header_labels())

    def header_labels(self) -> list[str]:
        raise NotImplementedError

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        # the label as its tooltip too: a narrow column ("Commentaire" at 1024×680) elides it
        if orientation == Qt.Orientation.Horizontal and role in (Qt.ItemDataRole.DisplayRole,
                                                                 Qt.ItemDataRole.ToolTipRole):
            labels = self.header_labels()
            if 0 <= section < len(labels):
                return labels[section] if role == Qt.ItemDataRole.DisplayRole else tooltip(labels[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:  # cells hold others' words; a tooltip would read them as HTML
            return tooltip(self.cell(row, index.column()))
        if role == Qt.ItemDataRole.TextAlignmentRole and self.is_number(index.column()):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def cell(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def is_number(self, column: int) -> bool:
        return False

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()


class PeopleModel(_RowsModel):
    """Search results, paged: only the rows scrolled into view are ever loaded.

    A new query replaces the old one; results of a superseded query are
    dropped, and while one search runs only the newest waiting query is kept,
    so typing fast never queues a backlog on the worker.
    """

    def header_labels(self) -> list[str]:
        return [self.tr("Name"), self.tr("Headline"), self.tr("Location"), self.tr("Matched skill"), self.tr("Skills")]

    total_changed = Signal(int)
    search_finished = Signal()
    failed = Signal(object)

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(ops, parent)
        self.query = SearchQuery()
        self.total = 0
        self._generation = 0
        self._loading = False
        self._waiting: SearchQuery | None = None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The name's tooltip and spoken text carry the headline: People shows it under the name."""
        spoken = role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole)
        row = self.row_at(index.row()) if index.isValid() and index.column() == 0 and spoken else None
        if row is not None and row.headline:
            if role == Qt.ItemDataRole.ToolTipRole:
                return tooltip(f"{row.name}\n{row.headline}")
            return f"{row.name}, {row.headline}"
        return super().data(index, role)

    def cell(self, row: PersonSummary, column: int) -> str:
        if column == 3 and row.matched_skill:
            return f"{row.matched_skill} {level_text(row.matched_level)}"
        return (row.name, row.headline, row.location, "", str(row.skill_count))[column]

    def is_number(self, column: int) -> bool:
        return column == 4

    def search(self, query: SearchQuery) -> None:
        if self._loading:
            self._waiting = query
            return
        self.query = query
        self._generation += 1
        self._load(0, self._generation, replace=True)

    def refresh_person(self, person_id: str) -> bool:
        """Re-read one loaded row in place (the user's skills changed), not the whole list; False if not loaded."""
        if not any(row.person_id == person_id for row in self.rows):
            return False
        queries, generation = self.ops.services.queries, self._generation
        self.ops.read(lambda: queries.person_summary(person_id),
                      lambda row, error: self._row_arrived(row, error, generation))
        return True

    def _row_arrived(self, row: PersonSummary | None, error: BaseException | None, generation: int) -> None:
        if error is not None:
            emit(self.failed, error)
            return
        if row is None or generation != self._generation:
            return  # gone meanwhile, or a newer search replaced the rows: nothing to redraw
        for i, old in enumerate(self.rows):
            if old.person_id == row.person_id:
                self.rows[i] = replace(row, matched_skill=old.matched_skill, matched_level=old.matched_level)
                emit(self.dataChanged, self.index(i, 0), self.index(i, self.columnCount() - 1))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._loading and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._load(len(self.rows), self._generation, replace=False)

    def _load(self, offset: int, generation: int, *, replace: bool) -> None:
        self._loading = True
        q = self.query
        services = self.ops.services
        queries, me = services.queries, services.identity.person_id if services.identity else ""

        def fetch() -> SearchPage:  # never the user among the People they search (issue 12.9)
            return queries.search(q.text, skill=q.skill, min_level=q.min_level,
                                  availability=q.availability, limit=PAGE, offset=offset, exclude=me)

        self.ops.read(fetch, lambda page, error: self._arrived(page, error, generation, replace))

    def _arrived(self, page: SearchPage | None, error: BaseException | None, generation: int, replace: bool) -> None:
        self._loading = False
        if error is not None:
            emit(self.failed, error)
        elif generation == self._generation and page is not None:
            if replace:
                self.beginResetModel()
                self.rows = list(page.people)
                self.total = page.total
                self.endResetModel()
                emit(self.total_changed, self.total)
            elif page.people:
                start = len(self.rows)
                self.beginInsertRows(QModelIndex(), start, start + len(page.people) - 1)
                self.rows.extend(page.people)
                self.endInsertRows()
        if self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            self.search(waiting)
        elif replace:
            emit(self.search_finished)


class SkillsModel(_RowsModel):
    """One person's skills, in their order (a portfolio is tens of rows, read at once)."""

    def header_labels(self) -> list[str]:
        return [self.tr("Skill"), self.tr("Level"), self.tr("Years"), self.tr("Endorsements")]

    def cell(self, row: Skill, column: int) -> str:
        if column == 1:
            return f"{level_text(row.level)}  {row.level}/5"
        return (row.name, "", str(row.years or ""), str(row.endorsement_count))[column]

    def is_number(self, column: int) -> bool:
        return column in (2, 3)

    def load(self, person_id: str, done: Callable[[], None] | None = None) -> None:
        queries = self.ops.services.queries

        def arrived(rows: list[Skill] | None, error: BaseException | None) -> None:
            if error is None:
                self.set_rows(rows or [])
            if done:
                done()

        self.ops.read(lambda: queries.skills(person_id), arrived)

    def move(self, row: int, delta: int) -> list[str] | None:
        """The skill names in their new order, or None if the row cannot move."""
        target = row + delta
        if not (0 <= row < len(self.rows) and 0 <= target < len(self.rows)):
            return None
        names = [s.name for s in self.rows]
        names[row], names[target] = names[target], names[row]
        return names


class GivenEndorsementsModel(_RowsModel):
    def header_labels(self) -> list[str]:
        return [self.tr("Person"), self.tr("Skill"), self.tr("Date"), self.tr("Comment"), self.tr("Status")]

    def cell(self, row: Endorsement, column: int) -> str:
        status = self.tr("Revoked") if row.revoked else self.tr("Active")
        return (row.subject_name, row.skill, row.date[:10], row.comment, status)[column]

    def load(self, person_id: str) -> None:
        queries = self.ops.services.queries

        def arrived(rows: list[Endorsement] | None, error: BaseException | None) -> None:
            if error is None:
                self.set_rows(rows or [])

        self.ops.read(lambda: queries.endorsements(endorser_id=person_id, include_revoked=True), arrived)


class OffersModel(_RowsModel):
    """The exchange board, newest first, paged like the people list."""

    def header_labels(self) -> list[str]:
        return [self.tr("Kind"), self.tr("Title"), self.tr("Skill"), self.tr("By"), self.tr("Status"),
                self.tr("Posted")]

    failed = Signal(object)

    def __init__(self, ops: Operations, parent=None) -> None:
        super().__init__(ops, parent)
        self.filters: dict[str, str] = {}
        self._more = False
        self._loading = False
        self._generation = 0

    def cell(self, row: Offer, column: int) -> str:
        kind = self.tr("Offer") if row.kind == "offer" else self.tr("Request")
        status = {"open": self.tr("Open"), "answered": self.tr("Answered"), "done": self.tr("Done"),
                  "closed": self.tr("Closed")}.get(row.status, row.status)
        return (kind, row.title, row.skill, row.person_name, status, row.created_at[:10])[column]

    def load(self, **filters: str) -> None:
        self.filters = {k: v for k, v in filters.items() if v}
        self._generation += 1
        self._fetch(0, self._generation, replace=True)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch(len(self.rows), self._generation, replace=False)

    def _fetch(self, offset: int, generation: int, *, replace: bool) -> None:
        self._loading = True
        queries, filters = self.ops.services.queries, dict(self.filters)
        self.ops.read(lambda: queries.offers(limit=PAGE, offset=offset, **filters),
                      lambda rows, error: self._arrived(rows, error, generation, replace))

    def _arrived(self, rows: list[Offer] | None, error: BaseException | None, generation: int, replace: bool) -> None:
        self._loading = False
        if error is not None:
            emit(self.failed, error)
            return
        if generation != self._generation or rows is None:
            return
        self._more = len(rows) == PAGE
        if replace:
            self.set_rows(rows)
        elif rows:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
