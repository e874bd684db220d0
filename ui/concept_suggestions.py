"""One-click links for free-text skills (issue 13, point 4), with an undo, above the portfolio's table.

It reads the vocabulary, so it refreshes with the portfolio (shown, or changed while shown), never before:
the resource is not opened at start-up.

A skill whose name is a label or synonym of a vocabulary concept gets "link to …"; when several concepts
share the name, the person chooses among them (never guessed). The last link made can be undone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from skiller_desktop import concepts

from .plain import plain
from .skill_completer import ui_language

if TYPE_CHECKING:
    from skiller_desktop.concepts import LinkSuggestion

    from .operations import Operations

SHOWN = 3  # suggestions at once: a hint, not a second portfolio


class LinkSuggestions(QWidget):
    """Refreshes itself when skills change; hidden when there is nothing to suggest or undo."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkSuggestions")
        self.ops = ops
        self.suggestions: list[LinkSuggestion] = []
        self.rows: list[tuple[QLabel, QComboBox, QPushButton]] = []
        self.linked = ""  # the skill just linked, for Undo
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.undo_label = QLabel(self)
        plain(self.undo_label)
        self.undo_button = QPushButton(self.tr("Undo link"), self)
        self.undo_button.clicked.connect(self.undo)
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.undo_label, 1)
        undo_row.addWidget(self.undo_button)
        self._layout.addLayout(undo_row)
        for index in range(SHOWN):
            label, choice, button = QLabel(self), QComboBox(self), QPushButton(self.tr("Link"), self)
            plain(label)
            label.setWordWrap(True)
            choice.setAccessibleName(self.tr("Concept to link"))
            button.clicked.connect(lambda _c=False, row=index: self.link(row))
            row_layout = QHBoxLayout()
            row_layout.addWidget(label, 2)
            row_layout.addWidget(choice, 1)
            row_layout.addWidget(button)
            self._layout.addLayout(row_layout)
            self.rows.append((label, choice, button))
        self._show([])

    def refresh(self) -> None:
        """Called by the portfolio when it redraws (so the vocabulary is not opened at start-up)."""
        services, language = self.ops.services, ui_language()

        def read() -> list[LinkSuggestion]:
            return concepts.link_suggestions(services, language) if services.identity else []

        self.ops.read(read, lambda found, error: self._show(found or [] if error is None else []))

    def _show(self, found: list[LinkSuggestion]) -> None:
        self.suggestions = found[:SHOWN]
        for index, (label, choice, button) in enumerate(self.rows):
            shown = index < len(self.suggestions)
            for widget in (label, choice, button):
                widget.setVisible(shown)
            if not shown:
                continue
            item = self.suggestions[index]
            text = (self.tr("“%1” is in the shared skills vocabulary: link it so endorsements and searches in "
                            "either language count together.") if len(item.concepts) == 1 else
                    self.tr("“%1” names several concepts of the vocabulary: choose the one you mean."))
            label.setText(text.replace("%1", item.skill))
            choice.clear()
            for uri, concept_label in zip(item.concepts, item.labels, strict=True):
                choice.addItem(concept_label or uri, uri)
            choice.setEnabled(len(item.concepts) > 1)
            button.setAccessibleName(self.tr("Link “%1”").replace("%1", item.skill))
        has_undo = bool(self.linked)
        self.undo_label.setVisible(has_undo)
        self.undo_button.setVisible(has_undo)
        self.setVisible(bool(self.suggestions) or has_undo)

    def link(self, row: int) -> None:
        if row >= len(self.suggestions):
            return
        skill, uri = self.suggestions[row].skill, self.rows[row][1].currentData()
        services = self.ops.services

        def linked(_result, error: BaseException | None) -> None:
            if error is None:
                self.linked = skill
                self.undo_label.setText(self.tr("“%1” is linked to the vocabulary.").replace("%1", skill))
                self.refresh()

        self.ops.run(lambda: concepts.link(services, skill, uri), linked)

    def undo(self) -> None:
        skill, services = self.linked, self.ops.services
        if not skill:
            return

        def undone(_result, error: BaseException | None) -> None:
            self.linked = ""
            self.refresh()

        self.ops.run(lambda: concepts.unlink(services, skill), undone)
