"""Portfolio: my skills, with evidence, in my order; removing one can be undone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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

from skiller_desktop.errors import ValidationError
from skiller_desktop.views import Skill

from ..forms import FieldErrors, error_label, fit_columns
from ..models import SkillsModel
from ..resources import icon
from .base import Screen


class SkillDialog(QDialog):
    """Add or edit one skill; a rejected field is said under that field and nothing is saved."""

    def __init__(self, screen: PortfolioScreen, skill: Skill | None = None) -> None:
        super().__init__(screen)
        self.screen, self.skill = screen, skill
        self.setWindowTitle(self.tr("Edit skill") if skill else self.tr("New skill"))
        self.setMinimumWidth(660)
        form = QFormLayout(self)
        general = error_label(self)
        self.errors = FieldErrors(general, self)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Skill name"))
        self.level = QSpinBox(self)
        self.level.setRange(1, 5)
        self.level.setValue(3)
        self.level.setAccessibleName(self.tr("Level"))
        self.level.setToolTip(self.tr("1 = beginner, 5 = expert"))
        self.years = QSpinBox(self)
        self.years.setRange(0, 80)
        self.years.setAccessibleName(self.tr("Years of practice"))
        self.description = QPlainTextEdit(self)
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(90)
        self.evidence = QTableWidget(0, 3, self)
        self.evidence.setAccessibleName(self.tr("Evidence"))
        self.evidence.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Title"), self.tr("Link")])
        self.evidence.verticalHeader().hide()
        fit_columns(self.evidence, 2, widths={0: 110, 1: 200})
        self.evidence.setMinimumHeight(120)
        ev_buttons = QHBoxLayout()
        add_project = QPushButton(self.tr("Add project"), self)
        add_link = QPushButton(self.tr("Add link"), self)
        remove_ev = QPushButton(self.tr("Remove selected"), self)
        add_project.clicked.connect(lambda: self.add_evidence("project"))
        add_link.clicked.connect(lambda: self.add_evidence("link"))
        remove_ev.clicked.connect(self._remove_evidence)
        for b in (add_project, add_link, remove_ev):
            ev_buttons.addWidget(b)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for field, label, widget in (
            ("skill", self.tr("&Skill"), self.name), ("level", self.tr("&Level (1–5)"), self.level),
            ("years", self.tr("&Years"), self.years), ("description", self.tr("&Description"), self.description),
        ):
            err = error_label(self)
            form.addRow(label, widget)
            form.addRow("", err)
            self.errors.add(field, widget, err)
        ev_error = error_label(self)
        form.addRow(self.tr("E&vidence"), self.evidence)
        form.addRow("", ev_buttons)
        form.addRow("", ev_error)
        self.errors.add("evidence", self.evidence, ev_error)
        self.errors.add("title", self.evidence, ev_error)
        self.errors.add("url", self.evidence, ev_error)
        form.addRow(general)
        form.addRow(self.buttons)
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

    def _remove_evidence(self) -> None:
        for row in sorted({i.row() for i in self.evidence.selectedIndexes()}, reverse=True):
            self.evidence.removeRow(row)

    def evidence_values(self) -> list[dict]:
        items = []
        for row in range(self.evidence.rowCount()):
            kind = self.evidence.cellWidget(row, 0).currentData()
            title = (self.evidence.item(row, 1) or QTableWidgetItem()).text().strip()
            url = (self.evidence.item(row, 2) or QTableWidgetItem()).text().strip()
            if title or url:
                items.append({"kind": kind, "title": title, "url": url})
        return items

    def save(self) -> None:
        services = self.screen.ops.services
        name, level, years = self.name.text(), self.level.value(), self.years.value()
        description, evidence = self.description.toPlainText(), self.evidence_values()
        self.errors.clear()
        if self.skill is None:
            call = lambda: services.add_skill(name, level, years, description, evidence)  # noqa: E731
        elif name.strip() != self.skill.name:
            # Services.update_skill(name, **fields) cannot take a new `name` field (it clashes with
            # its first parameter), so a rename is refused here with a way forward.
            self.errors.show(ValidationError(self.tr("To rename a skill, add it under the new name "
                                                     "and remove this one."), "skill"))
            return
        else:
            old = self.skill.name
            call = lambda: services.update_skill(  # noqa: E731
                old, level=level, years=years, description=description, evidence=evidence)
        self.screen.ops.run(call, self._saved)

    def _saved(self, _result, error: BaseException | None) -> None:
        if error is not None:
            self.errors.show(error)
        else:
            self.accept()


def _click_if_enabled(button: QPushButton) -> None:
    # Slots return None: PySide6 mishandles a bool returned by a lambda slot (crash at exit).
    if button.isEnabled():
        button.click()


class PortfolioScreen(Screen):
    parts = frozenset({"skills", "endorsements"})

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.model = SkillsModel(self.ops, self)
        self.dialog: SkillDialog | None = None
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
        self.up_button = self._button(self.tr("Move &up"), "up", lambda: self.move(-1), "Alt+Up")
        self.down_button = self._button(self.tr("Move do&wn"), "down", lambda: self.move(1), "Alt+Down")
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.undo_bar = QWidget(self)
        self.undo_bar.setObjectName("undoBar")
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(8, 4, 8, 4)
        self.undo_label = QLabel(self.undo_bar)
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
        layout.addWidget(self.error)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
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
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < self.model.rowCount() - 1)

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
        self.model.load(self.me, lambda: selected and self.select(selected.name))

    def add_skill(self) -> None:
        self._open(SkillDialog(self))

    def edit_skill(self) -> None:
        skill = self.current_skill()
        if skill is not None:
            self._open(SkillDialog(self, skill))

    def _open(self, dialog: SkillDialog) -> None:
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
        self.undo_label.setText(self.tr("“%s” was removed from your portfolio.") % self.removed.name)
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
                               skill.evidence, skill.keywords)
            names = [s.name for s in services.queries.skills(services.person_id) if s.key != skill.key]
            names.insert(min(position, len(names)), skill.name)
            return services.reorder_skills(names)

        self.removed = None
        self.undo_bar.hide()
        self.ops.run(restore, lambda _r, e: e is not None and self._show_error(e))

    def move(self, delta: int) -> None:
        row = self.current_row()
        names = None if row is None else self.model.move(row, delta)
        if names is None:
            return
        moved = names[row + delta]
        self.ops.run(lambda: self.ops.services.reorder_skills(names),
                     lambda _r, e: self._show_error(e) if e else self.model.load(self.me, lambda: self.select(moved)))

    def _show_error(self, error: BaseException) -> None:
        from ..messages import describe

        self.error.setText(describe(error))
        self.error.show()

