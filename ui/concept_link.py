"""A skill field's link to the vocabulary, in a form: the completer, what it is linked to, and undoing it.

Used by the portfolio's skill dialog (a few lines there). The link itself is saved by the services
(`add_skill(concept=…)`, `concepts.link/unlink`), on the worker like every change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from skiller_desktop.views import Changes, Skill

from .forms import error_label
from .skill_completer import SkillCompleter, ui_language

if TYPE_CHECKING:
    from skiller_desktop.services import Services

    from .forms import FormDialog
    from .operations import Operations


class ConceptStatus(QWidget):
    """"Linked to: gestion de projets — management and administration [Unlink]" or "Free text"."""

    def __init__(self, completer: SkillCompleter, ops: Operations, parent: QWidget) -> None:
        super().__init__(parent)
        self.completer, self.ops = completer, ops
        self.text = QLabel(self)
        self.text.setObjectName("conceptStatus")
        self.text.setWordWrap(True)
        self.unlink_button = QPushButton(self.tr("Unlink"), self)
        self.unlink_button.setToolTip(self.tr("Keep your words as free text, not linked to the vocabulary"))
        self.unlink_button.clicked.connect(lambda: completer.set_concept("", ""))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.unlink_button)
        completer.concept_changed.connect(self.show_concept)
        self.show_concept(completer.concept)

    def show_concept(self, uri: str) -> None:
        self.unlink_button.setVisible(bool(uri))
        if not uri:
            self.text.setText(self.tr("Free text: pick a suggestion to link it to the shared vocabulary."))
            return
        language = self.completer.language

        def describe() -> str:
            from skiller_desktop import vocabulary

            try:
                concept = vocabulary.concept(uri)
            except vocabulary.VocabularyUnavailable:
                return ""
            if concept is None:
                return ""
            group = ", ".join(concept.groups)
            return concept.label(language) + (f" — {group}" if group else "")

        def shown(result, error: BaseException | None) -> None:
            if self.completer.concept == uri:
                self.text.setText(self.tr("Linked to: %s") % (result or uri) if error is None else uri)

        self.ops.read(describe, shown)


def concept_field(dialog: FormDialog, ops: Operations, edit: QLineEdit, skill: Skill | None) -> SkillCompleter:
    """Autocomplete on `edit` and, under it, the concept it is linked to (field "concept" for errors)."""
    completer = SkillCompleter(edit, ops, ui_language())
    if skill is not None and skill.concept:
        completer.set_concept(skill.concept, skill.name)
    status = ConceptStatus(completer, ops, dialog)
    error = error_label(dialog)
    row = dialog.form.getWidgetPosition(edit)[0]  # type: ignore[index]  # (row, role)
    dialog.form.insertRow(row + 2, QCoreApplication.translate("ConceptStatus", "Vocabulary"), status)
    dialog.form.insertRow(row + 3, "", error)
    dialog.errors.add("concept", status, error)
    return completer


def relink(services: Services, name: str, before: str, after: str, edited: Changes) -> Changes:
    """After a skill was edited: link it to `after`, or unlink it, when the user changed its concept."""
    from skiller_desktop import concepts

    if after == before:
        return edited
    changed = concepts.link(services, name, after) if after else concepts.unlink(services, name)
    return edited | changed
