"""Autocomplete for every field where a skill is typed (issue 13): the ESCO vocabulary, both languages.

Attach a `SkillCompleter` to a QLineEdit: each edit asks the vocabulary (on the worker, never on the UI
thread: the first query opens the resource) for suggestions in the UI's language, the network's most
used concepts first; each shows its label and its group. Picking one puts its label in the field and
remembers its concept URI (`concept`), until the text is changed away from that label. What the user
types without picking stays free text: custom skills are first-class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from skiller_desktop.text import fold

if TYPE_CHECKING:
    from skiller_desktop.views import Skill
    from skiller_desktop.vocabulary import Suggestion

    from .operations import Operations

URI_ROLE = Qt.ItemDataRole.UserRole + 1
LABEL_ROLE = Qt.ItemDataRole.UserRole + 2
LIMIT = 10
MIN_CHARS = 2  # one letter names thousands of concepts: nothing useful to show


def ui_language() -> str:
    """"fr" when the app speaks French (the installed locale), else "en"."""
    from PySide6.QtCore import QLocale

    return "fr" if QLocale().name().startswith("fr") else "en"


class SkillCompleter(QObject):
    """Suggestions under `edit` as the user types; `concept` is the URI of the suggestion picked, or ""."""

    concept_changed = Signal(str)

    def __init__(self, edit: QLineEdit, ops: Operations, language: str | None = None) -> None:
        super().__init__(edit)
        self.edit = edit
        self.ops = ops
        self.language = language or ui_language()
        self.concept = ""
        self._picked_label = ""
        self._asked = 0  # the latest question's number: answers to older keystrokes are dropped
        self._usage: dict[str, int] | None = None
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)  # ranked by us
        self.completer.setCompletionRole(LABEL_ROLE)
        self.completer.setMaxVisibleItems(LIMIT)
        # The field's own completer (not only its widget): with the popup open, Enter picks a suggestion
        # and the field ignores it, so a form does not submit the half-typed text at the same time.
        edit.setCompleter(self.completer)
        popup = self.completer.popup()
        if popup is not None:
            popup.installEventFilter(self)  # after the completer's own filter: ours sees keys first
        self.completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]  # the index overload
        edit.textEdited.connect(self._typed)
        edit.textChanged.connect(self._changed)

    # -- asking --------------------------------------------------------------
    def _typed(self, text: str) -> None:
        self._asked += 1
        asked = self._asked
        if len(fold(text)) < MIN_CHARS:
            self._show([])
            return
        services, language = self.ops.services, self.language

        def ask() -> tuple[dict[str, int], list[Suggestion]]:
            from skiller_desktop import concepts

            usage = self._usage if self._usage is not None else concepts.usage(services)
            return usage, concepts.suggest(services, text, language, LIMIT, usage)

        def answered(result, error: BaseException | None) -> None:
            if error is not None or asked != self._asked:
                return
            self._usage = result[0]
            self._show(result[1])

        self.ops.read(ask, answered)

    def _show(self, found: list[Suggestion]) -> None:
        self.model.clear()
        for suggestion in found:
            item = QStandardItem(self.display(suggestion))
            item.setData(suggestion.uri, URI_ROLE)
            item.setData(suggestion.label, LABEL_ROLE)
            item.setToolTip(suggestion.uri)
            item.setEditable(False)
            self.model.appendRow(item)
        if found and self.edit.hasFocus():
            self.completer.complete()
        elif not found and (popup := self.completer.popup()) is not None:
            popup.hide()

    @staticmethod
    def display(suggestion: Suggestion) -> str:
        """"gestion de projets — management and administration"; the synonym typed, in brackets."""
        text = suggestion.label
        if suggestion.matched:
            text += f" ({suggestion.matched})"
        return f"{text} — {suggestion.group}" if suggestion.group else text

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a suggestion picks it and stops there: the field's returnPressed (a form's submit) never
        sees the key, so a need or a search is not sent with the half-typed text."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            popup = self.completer.popup()
            index = popup.currentIndex() if popup is not None else QModelIndex()
            if popup is not None and popup.isVisible():
                popup.hide()
                if index.isValid():
                    self._picked(index)
                return True
        return super().eventFilter(watched, event)

    # -- picking -------------------------------------------------------------
    def _picked(self, index: QModelIndex) -> None:
        self.pick(str(index.data(URI_ROLE) or ""), str(index.data(LABEL_ROLE) or ""))

    def pick(self, uri: str, label: str) -> None:
        """Take a suggestion (what clicking it or Enter on it does)."""
        self._picked_label = label
        self.edit.setText(label)
        self._set_concept(uri)

    def set_concept(self, uri: str, label: str) -> None:
        """An existing link, shown as picked (editing a skill that has one)."""
        self._picked_label = label
        self._set_concept(uri)

    def _changed(self, text: str) -> None:
        if self.concept and fold(text) != fold(self._picked_label):
            self._set_concept("")  # typed away from the label picked: free text again

    def _set_concept(self, uri: str) -> None:
        if uri != self.concept:
            self.concept = uri
            self.concept_changed.emit(uri)


# The concept labels read so far, by (concept, language). Filled on the worker by `learn_labels` (the
# vocabulary is a SQLite file: its first open costs ~50 ms), read on the UI thread by `reader_label`.
_LABELS: dict[tuple[str, str], str] = {}


def learn_labels(skills: list[Skill], language: str) -> None:
    """Look up, off the UI thread, the concept labels `reader_label` will show for these skills."""
    from skiller_desktop.concepts import label

    for skill in skills:
        if skill.concept and (skill.concept, language) not in _LABELS:
            _LABELS[(skill.concept, language)] = label(skill.concept, language)


def reader_label(skill: Skill, language: str | None = None) -> str:
    """The concept's label in the reader's language when it differs from the person's words, else "" (and ""
    for a label not learnt yet: the UI thread never opens the vocabulary)."""
    if not skill.concept:
        return ""
    found = _LABELS.get((skill.concept, language or ui_language()), "")
    return found if found and fold(found) != fold(skill.name) else ""


def skill_choice(skill: Skill) -> str:
    """"Project management (gestion de projets)" for a French reader; the person's words alone otherwise."""
    label = reader_label(skill)
    return f"{skill.name} ({label})" if label else skill.name
