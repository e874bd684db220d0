"""A team need from a role (issue 13, point 6): pick an ESCO occupation, keep or drop its skills, set levels.

The occupation is typed with suggestions ("développeur web/développeuse web"); its essential skills come
checked, its optional ones unchecked; each kept skill becomes a need with the level wanted, linked to its
concept and naming the role. Lookups run on the worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QSpinBox, QTableWidget, QTableWidgetItem

from .forms import FormDialog, fit_columns
from .skill_completer import LABEL_ROLE, URI_ROLE, ui_language

if TYPE_CHECKING:
    from skiller_desktop.concepts import RoleSkill
    from skiller_desktop.vocabulary import OccupationSuggestion

    from .screens.base import Screen

LEVEL_COLUMN = 2
DEFAULT_LEVEL = 3


class RoleDialog(FormDialog):
    """Role → needs, for the team `team_id`."""

    def __init__(self, screen: Screen, team_id: str) -> None:
        super().__init__(screen, QCoreApplication.translate("RoleDialog", "Needs from a role"), min_width=620)
        self.team_id = team_id
        self.language = ui_language()
        self.role_uri, self.role_label = "", ""
        self.skills: list[RoleSkill] = []
        self._asked = 0
        self.role = self.field("role", self.tr("&Role"), QLineEdit(self), self.tr("Role"))
        self.role.setPlaceholderText(self.tr("An occupation, e.g. web developer"))
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(LABEL_ROLE)
        self.role.setCompleter(self.completer)
        self.completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]  # the index overload
        self.role.textEdited.connect(self._typed)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Keep"), self.tr("Skill"), self.tr("Level wanted"),
                                              self.tr("Essential")])
        self.table.verticalHeader().hide()
        fit_columns(self.table, 1, fit=(0, 2, 3))
        self.table.setMinimumHeight(260)
        self.field("skills", self.tr("&Skills"), self.table, self.tr("Skills of the role"))
        self.finish(self.tr("Add &needs"))

    # -- the role ---------------------------------------------------------------
    def _typed(self, text: str) -> None:
        self._asked += 1
        asked, language = self._asked, self.language

        def ask() -> list[OccupationSuggestion]:
            from skiller_desktop import vocabulary

            try:
                return vocabulary.occupation_suggest(text, language, 10) if len(text.strip()) >= 2 else []
            except vocabulary.VocabularyUnavailable:
                return []

        def answered(found, error: BaseException | None) -> None:
            if error is None and asked == self._asked:
                self._suggest(found)

        self.screen.ops.read(ask, answered)

    def _suggest(self, found: list[OccupationSuggestion]) -> None:
        self.model.clear()
        for occupation in found:
            item = QStandardItem(occupation.label + (f" ({occupation.matched})" if occupation.matched else ""))
            item.setData(occupation.uri, URI_ROLE)
            item.setData(occupation.label, LABEL_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        if found and self.role.hasFocus():
            self.completer.complete()

    def _picked(self, index: QModelIndex) -> None:
        self.pick(str(index.data(URI_ROLE) or ""), str(index.data(LABEL_ROLE) or ""))

    def pick(self, uri: str, label: str) -> None:
        """Take an occupation: its skills fill the table (essential ones kept)."""
        self.role_uri, self.role_label = uri, label
        self.role.setText(label)
        language = self.language

        def read() -> list[RoleSkill]:
            from skiller_desktop import concepts

            return concepts.role_skills(uri, language)

        self.screen.ops.read(read, lambda found, error: self._fill(found or [] if error is None else []))

    def _fill(self, skills: list[RoleSkill]) -> None:
        self.skills = skills
        self.table.setRowCount(len(skills))
        for row, skill in enumerate(skills):
            keep = QTableWidgetItem()
            keep.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            keep.setCheckState(Qt.CheckState.Checked if skill.essential else Qt.CheckState.Unchecked)
            self.table.setItem(row, 0, keep)
            name = QTableWidgetItem(skill.label or skill.concept)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 1, name)
            level = QSpinBox(self.table)
            level.setRange(1, 5)
            level.setValue(DEFAULT_LEVEL)
            self.table.setCellWidget(row, LEVEL_COLUMN, level)
            essential = QTableWidgetItem(self.tr("essential") if skill.essential else self.tr("optional"))
            essential.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 3, essential)

    # -- saving ---------------------------------------------------------------
    def kept(self) -> list[tuple[str, str, int]]:
        """(label, concept, level) of each row kept."""
        found = []
        for row, skill in enumerate(self.skills):
            item, level = self.table.item(row, 0), self.table.cellWidget(row, LEVEL_COLUMN)
            if item is not None and item.checkState() == Qt.CheckState.Checked and isinstance(level, QSpinBox):
                found.append((skill.label or skill.concept, skill.concept, level.value()))
        return found

    def save(self) -> None:
        teams, team_id = self.screen.ops.services.teams, self.team_id
        role, label, kept = self.role_uri, self.role_label, self.kept()
        self.run(lambda: teams.add_role_needs(team_id, role, label, kept))
