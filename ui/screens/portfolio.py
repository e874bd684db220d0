"""Portfolio: my skills, with evidence, in my order; removing one can be undone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from skiller_desktop import concepts
from skiller_desktop.views import Changes, Skill

from ..concept_link import concept_field, merge_new, relink
from ..concept_merge import MergeDialog
from ..concept_suggestions import LinkSuggestions
from ..forms import FormDialog, error_label, fit_columns
from ..level_legend import LevelLegend, LevelSpinBox, level_name, level_words
from ..links import is_openable
from ..models import SkillsModel
from ..operations import on_error
from ..plain import plain
from ..resources import icon
from .base import Screen


class SkillDialog(FormDialog):
    """Add or edit one skill; a rejected field is said under that field and nothing is saved."""

    def __init__(self, screen: PortfolioScreen, skill: Skill | None = None) -> None:
        title = (QCoreApplication.translate("SkillDialog", "Edit skill") if skill
                 else QCoreApplication.translate("SkillDialog", "New skill"))
        super().__init__(screen, title, min_width=660)
        self.skill = skill
        self.name = self.field("skill", self.tr("&Skill"), QLineEdit(self), self.tr("Skill name"))
        self.concept = concept_field(self, screen.ops, self.name, skill)  # issue 13: ui/concept_link.py
        self.level = LevelSpinBox(self)
        self.level.setValue(3)
        self.field("level", self.tr("&Level (1–5)"), self.level, self.tr("Level"))
        self.years = QSpinBox(self)
        self.years.setRange(0, 80)
        self.field("years", self.tr("&Years"), self.years, self.tr("Years of practice"))
        self.description = self.field("description", self.tr("&Description"), QPlainTextEdit(self),
                                      self.tr("Description"))
        self.description.setMaximumHeight(90)
        self.evidence = QTableWidget(0, 3, self)
        self.evidence.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Title"), self.tr("Link")])
        self.evidence.verticalHeader().hide()
        fit_columns(self.evidence, 2, widths={0: 110, 1: 200})
        self.evidence.setMinimumHeight(120)
        self.field("evidence", self.tr("E&vidence"), self.evidence, self.tr("Evidence"))
        for field in ("title", "url"):  # an evidence item's own fields are said under the table too
            self.errors.add(field, self.evidence, self.errors.fields["evidence"][1])
        ev_buttons = QHBoxLayout()
        for text, slot in ((self.tr("Add project"), lambda: self.add_evidence("project")),
                           (self.tr("Add link"), lambda: self.add_evidence("link")),
                           (self.tr("Remove selected"), self._remove_evidence)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            ev_buttons.addWidget(button)
        self.form.insertRow(self.form.rowCount() - 1, "", ev_buttons)  # between the table and its error
        self.evidence.itemChanged.connect(self._check_link)
        self.finish(self.tr("&Save"))
        if skill:
            self.name.setText(skill.name)
            self.level.setValue(skill.level)
            self.years.setValue(skill.years)
            self.description.setPlainText(skill.description)
            for item in skill.evidence:
                self.add_evidence(item.get("kind", "link"), item.get("title", ""), item.get("url", ""))

    def add_evidence(self, kind: str, title: str = "", url: str = "") -> None:
        row = self.evidence.rowCount()
        self.evidence.insertRow(row)
        combo = QComboBox(self.evidence)
        combo.addItem(self.tr("Project"), "project")
        combo.addItem(self.tr("Link"), "link")
        combo.setCurrentIndex(max(0, combo.findData(kind)))
        self.evidence.setCellWidget(row, 0, combo)
        self.evidence.setItem(row, 1, QTableWidgetItem(title))
        self.evidence.setItem(row, 2, QTableWidgetItem(url))

    def _check_link(self, item: QTableWidgetItem) -> None:
        """A link is checked as it is typed: "example.org/x" becomes https://example.org/x; what is not
        a web or mail address is marked and said under the table, and the skill is not saved with it."""
        if item.column() != 2:
            return
        text = item.text().strip()
        fixed = web_address(text)
        if fixed != text and fixed is not None:
            item.setText(fixed)  # itemChanged again, with the address as it will be saved
            return
        bad = fixed is None
        item.setData(Qt.ItemDataRole.UserRole, bad)
        item.setBackground(QBrush(QColor("#f8d7da")) if bad else QBrush())
        item.setToolTip(self.tr("Not a web address: links start with https:// or mailto:") if bad else "")
        self._say_bad_links()

    def bad_links(self) -> list[str]:
        found = []
        for row in range(self.evidence.rowCount()):
            item = self.evidence.item(row, 2)
            if item is not None and web_address(item.text().strip()) is None:
                found.append(item.text().strip())
        return found

    def _say_bad_links(self) -> bool:
        """Say the first link that is not an address under the evidence table; True when there is one."""
        bad = self.bad_links()
        label = self.errors.fields["evidence"][1]
        if bad:
            label.setText(self.tr("“%1” is not a web address: write it like https://example.org/my-work "
                                  "(or mailto: for an e-mail).").replace("%1", bad[0][:80]))
            label.show()
        elif label.isVisible():
            label.clear()
            label.hide()
        return bool(bad)

    def _remove_evidence(self) -> None:
        for row in sorted({i.row() for i in self.evidence.selectedIndexes()}, reverse=True):
            self.evidence.removeRow(row)
        self._say_bad_links()

    def evidence_values(self) -> list[dict]:
        items = []
        for row in range(self.evidence.rowCount()):
            combo = self.evidence.cellWidget(row, 0)
            kind = combo.currentData() if isinstance(combo, QComboBox) else "link"
            title = (self.evidence.item(row, 1) or QTableWidgetItem()).text().strip()
            url = (self.evidence.item(row, 2) or QTableWidgetItem()).text().strip()
            url = web_address(url) or url  # "example.org/x" saved as the address it means
            if title or url:
                items.append({"kind": kind, "title": title, "url": url})
        return items

    def save(self) -> None:
        if self._say_bad_links():
            self.evidence.setFocus()
            return
        services = self.screen.ops.services
        name, level, years = self.name.text(), self.level.value(), self.years.value()
        description, evidence = self.description.toPlainText(), self.evidence_values()
        concept = self.concept.concept  # issue 13: the vocabulary concept picked (ui/concept_link.py)
        if self.skill is None:
            self.run(lambda: services.add_skill(name, level, years, description, evidence, concept=concept),
                     self.concept.saved(lambda holder: merge_new(services, holder, name, level, years, description,
                                                                 evidence)))
        else:
            skill = self.skill  # a new name renames it: place, level, evidence go with it

            def edit() -> Changes:
                return services.update_skill(skill.name, name=name, level=level, years=years,
                                             description=description, evidence=evidence)

            # A concept another skill holds is refused before the edit is saved: "Merge into…" saves it, then merges.
            self.run(lambda: relink(services, skill, name, concept, edit),
                     self.concept.saved(lambda holder: edit() | concepts.merge(services, holder, name)))


def web_address(text: str) -> str | None:
    """The link as it will be saved: "" stays "", an http(s) or mailto URL stays, "example.org/x" gains
    https://; None when it is not an address (no host, spaces, another scheme such as file:)."""
    if not text:
        return ""
    if is_openable(text) and " " not in text:
        return text
    if "://" not in text and ":" not in text.split("/")[0] and " " not in text:
        host = text.split("/")[0]
        if "." in host.strip(".") and is_openable("https://" + text):
            return "https://" + text
    return None


class LevelNamedSkills(SkillsModel):
    """The portfolio's skills, each level said in words too (dots alone are a number to guess)."""

    def cell(self, row: Skill, column: int) -> str:
        if column == 1:
            return f"{super().cell(row, column)} · {level_name(row.level)}"
        return super().cell(row, column)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == 1:
            row = self.row_at(index.row())
            return level_words(row.level) if row is not None else None
        return super().data(index, role)


def _click_if_enabled(button: QPushButton) -> None:
    # Slots return None: PySide6 mishandles a bool returned by a lambda slot (crash at exit).
    if button.isEnabled():
        button.click()


class PortfolioScreen(Screen):
    parts = Changes(skills=True, endorsements=True)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.model = LevelNamedSkills(self.ops, self)
        self.dialog: SkillDialog | MergeDialog | None = None
        self.removed: Skill | None = None
        self.removed_position = 0
        title = QLabel(self.tr("Portfolio"), self)
        title.setObjectName("title")
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("My skills"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        fit_columns(self.table, 0, fit=(1, 2, 3))
        self.table.doubleClicked.connect(lambda _i: self.edit_skill())
        self.table.setAlternatingRowColors(True)
        self.add_button = self._button(self.tr("&New skill…"), "add", self.add_skill, None)
        self.edit_button = self._button(self.tr("&Edit…"), "edit", self.edit_skill, "Ctrl+E")
        self.remove_button = self._button(self.tr("&Remove"), "remove", self.remove_skill,
                                          QKeySequence.StandardKey.Delete)
        self.up_button = self._button(self.tr("Move &up"), "up", lambda: self.move_skill(-1), "Alt+Up")
        self.down_button = self._button(self.tr("Move do&wn"), "down", lambda: self.move_skill(1), "Alt+Down")
        self.merge_button = self._button(self.tr("Mer&ge into…"), "edit", self.merge_skill, None)  # issue 13
        for arrow in (self.up_button, self.down_button):  # arrows alone: six worded buttons overflow 1024 px in French
            label = arrow.text()
            arrow.setProperty("label", label)
            arrow.setAccessibleName(label.replace("&", ""))
            arrow.setToolTip(f"{label.replace('&', '')} ({arrow.toolTip()})")
            arrow.setText("")
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.merge_button, self.remove_button, self.up_button,
                  self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.undo_bar = QWidget(self)
        self.undo_bar.setObjectName("undoBar")
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(8, 4, 8, 4)
        self.undo_label = QLabel(self.undo_bar)
        plain(self.undo_label)
        self.undo_button = QPushButton(self.tr("&Undo"), self.undo_bar)
        undo = QAction(self)
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.triggered.connect(self._undo_shortcut)
        self.addAction(undo)
        self.undo_button.clicked.connect(self.undo_remove)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()
        self.error = error_label(self)
        self.empty = QLabel(self.tr("No skills yet. Add the first one with “New skill” (Ctrl+N)."), self)
        self.empty.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.undo_bar)
        self.link_suggestions = LinkSuggestions(self.ops, self)  # issue 13: "link to …" for free-text skills
        layout.addWidget(self.link_suggestions)
        layout.addWidget(self.error)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.legend = LevelLegend(self)
        layout.addWidget(self.legend)
        self.menu_actions: list[tuple[QPushButton, QAction]] = []  # a right click offers what the buttons do
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for button in (self.edit_button, self.remove_button, self.up_button, self.down_button, self.add_button):
            action = QAction(button.icon(), button.property("label") or button.text(), self.table)
            action.triggered.connect(lambda _checked=False, b=button: _click_if_enabled(b))
            self.table.addAction(action)
            self.menu_actions.append((button, action))
        self.model.modelReset.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _button(self, text: str, icon_name: str, slot, shortcut) -> QPushButton:
        button = QPushButton(icon(icon_name), text, self)
        button.clicked.connect(slot)
        if shortcut is not None:
            # A screen-wide action rather than a button shortcut: it fires from the table too.
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda: _click_if_enabled(button))
            self.addAction(action)
            button.setToolTip(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
        return button

    def _update_buttons(self, *_args) -> None:
        row = self.current_row()
        has = row is not None
        self.empty.setVisible(self.model.rowCount() == 0)
        for b in (self.edit_button, self.remove_button):
            b.setEnabled(has)
        self.merge_button.setEnabled(has and self.model.rowCount() > 1)
        self.up_button.setEnabled(row is not None and row > 0)
        self.down_button.setEnabled(row is not None and row < self.model.rowCount() - 1)
        for button, action in self.menu_actions:
            action.setEnabled(button.isEnabled())

    def current_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def current_skill(self) -> Skill | None:
        row = self.current_row()
        return None if row is None else self.model.row_at(row)

    def select(self, name: str) -> None:
        for row, skill in enumerate(self.model.rows):
            if skill.name == name:
                self.table.selectRow(row)
                return

    def refresh(self) -> None:
        selected = self.current_skill()

        def loaded() -> None:
            if selected is not None:
                self.select(selected.name)

        self.model.load(self.me, loaded)
        self.link_suggestions.refresh()  # issue 13

    def add_skill(self) -> None:
        self._open(SkillDialog(self))

    def edit_skill(self) -> None:
        skill = self.current_skill()
        if skill is not None:
            self._open(SkillDialog(self, skill))

    def merge_skill(self) -> None:
        skill = self.current_skill()
        if skill is not None:
            self._open(MergeDialog(self, skill, list(self.model.rows)))

    def _open(self, dialog: SkillDialog | MergeDialog) -> None:
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    def remove_skill(self) -> None:
        skill = self.current_skill()
        if skill is None:
            return
        self.removed, self.removed_position = skill, self.current_row() or 0
        self.error.hide()
        self.ops.run(lambda: self.ops.services.remove_skill(skill.name), self._removed)

    def _removed(self, _changes, error: BaseException | None) -> None:
        if error is not None:
            self._show_error(error)
            return
        name = self.removed.name if self.removed is not None else ""
        self.undo_label.setText(self.tr("“%s” was removed from your portfolio.") % name)
        self.undo_bar.show()

    def _undo_shortcut(self) -> None:
        if self.undo_bar.isVisible():
            self.undo_remove()

    def undo_remove(self) -> None:
        skill, position = self.removed, self.removed_position
        if skill is None:
            return
        services = self.ops.services

        def restore():
            services.add_skill(skill.name, skill.level, skill.years, skill.description,
                               skill.evidence, skill.keywords, concept=skill.concept)
            names = [s.name for s in services.queries.skills(services.person_id) if s.key != skill.key]
            names.insert(min(position, len(names)), skill.name)
            return services.reorder_skills(names)

        self.removed = None
        self.undo_bar.hide()
        self.ops.run(restore, on_error(self._show_error))

    def move_skill(self, delta: int) -> None:
        row = self.current_row()
        names = None if row is None else self.model.move(row, delta)
        if row is None or names is None:
            return
        moved = names[row + delta]
        self.ops.run(lambda: self.ops.services.reorder_skills(names),
                     lambda _r, e: self._show_error(e) if e else self.model.load(self.me, lambda: self.select(moved)))

    def _show_error(self, error: BaseException) -> None:
        from ..messages import describe

        self.error.setText(describe(error))
        self.error.show()

