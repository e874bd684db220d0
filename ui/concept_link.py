"""A skill field's link to the vocabulary, in a form: the completer, what it is linked to, and undoing it.

Used by the portfolio's skill dialog (a few lines there). The link itself is saved by the services
(`add_skill(concept=…)`, `concepts.link/unlink`), on the worker like every change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from skiller_desktop.views import Changes, Skill

from .forms import error_label
from .plain import plain
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
        plain(self.text)  # a concept's label or URI as the vocabulary or the document says it
        self.unlink_button = QPushButton(self.tr("Unlink"), self)
        self.unlink_button.setToolTip(self.tr("Keep your words as free text, not linked to the vocabulary"))
        self.unlink_button.clicked.connect(lambda: completer.set_concept("", ""))
        self.merge_button = QPushButton(self)
        self.merge_button.hide()
        self._merge: Callable[[], None] | None = None
        self.merge_button.clicked.connect(lambda: self._merge() if self._merge else None)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.unlink_button)
        layout.addWidget(self.merge_button)
        completer.concept_changed.connect(self.show_concept)
        self.show_concept(completer.concept)

    def offer_merge(self, holder: str, merge: Callable[[], None]) -> None:
        """Another skill holds the concept: one button merges this one into it."""
        self._merge = merge
        self.merge_button.setText(self.tr("Merge into “%1”").replace("%1", holder))
        self.merge_button.show()

    def show_concept(self, uri: str) -> None:
        self.merge_button.hide()
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


class ConceptField:
    """The completer and the status line of one form's skill field."""

    def __init__(self, dialog: FormDialog, completer: SkillCompleter, status: ConceptStatus) -> None:
        self.dialog, self.completer, self.status = dialog, completer, status

    @property
    def concept(self) -> str:
        return self.completer.concept

    def saved(self, merge: Callable[[str], object]) -> Callable[[object, BaseException | None], None]:
        """The save's `done`: close when saved; when another skill holds the concept, say so and offer
        "Merge into …", which runs `merge(the other skill's name)` on the worker."""

        def done(_result: object, error: BaseException | None) -> None:
            from skiller_desktop.concepts import ConceptTaken

            if error is None:
                self.dialog.accept()
                return
            self.dialog.errors.show(error)
            if isinstance(error, ConceptTaken):
                holder = error.holder.name
                self.status.offer_merge(holder, lambda: self.dialog.run(lambda: merge(holder)))

        return done


def concept_field(dialog: FormDialog, ops: Operations, edit: QLineEdit, skill: Skill | None) -> ConceptField:
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
    return ConceptField(dialog, completer, status)


def relink(services: Services, skill: Skill, name: str, after: str, edit: Callable[[], Changes]) -> Changes:
    """Edit `skill` (`edit` saves it as `name`), then link it to `after`, or unlink it, when the user changed
    its concept. A concept another skill holds is refused (ConceptTaken) before anything is saved."""
    from skiller_desktop import concepts

    if after and after != skill.concept:
        concepts.free_concept(services, after, skill.key)
    edited = edit()
    if after == skill.concept:
        return edited
    changed = concepts.link(services, name, after) if after else concepts.unlink(services, name)
    return edited | changed


def merge_new(services: Services, holder: str, name: str, level: int, years: int, description: str,
              evidence: list[dict]) -> Changes:
    """A new skill whose concept another holds: added as free text, then merged into that skill."""
    from skiller_desktop import concepts

    added = services.add_skill(name, level, years, description, evidence)
    return added | concepts.merge(services, holder, name)
