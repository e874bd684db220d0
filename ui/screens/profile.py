"""My profile: edit every field, and see it the way others do."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from skiller_desktop.views import Changes, Profile

from ..checklist import GettingStarted
from ..forms import FieldErrors, error_label
from ..person_view import PersonView, availability_label
from ..plain import plain
from ..skill_completer import learn_labels, ui_language
from ..standing_view import StandingPanel
from .base import Screen

AVAILABILITY = ("", "available", "open", "busy")


class ProfileScreen(Screen):
    parts = Changes(profile=True, skills=True, endorsements=True)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.loaded: Profile | None = None
        self.baseline: dict[str, str] = {}  # what the fields showed when last loaded or saved
        splitter = QSplitter(self)
        scroll = QScrollArea(splitter)  # the checklist above the form: scrolls on a short screen (1024×680)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        editor = QWidget(scroll)
        column = QVBoxLayout(editor)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)
        title = QLabel(self.tr("My profile"), editor)
        title.setObjectName("title")
        form.addRow(title)
        self.checklist = GettingStarted(editor)  # first steps, ticked by what is stored
        form.addRow(self.checklist)
        general = error_label(editor)
        self.errors = FieldErrors(general, self)
        self.fields: dict[str, QWidget] = {}
        self.name = self._line(form, "name", self.tr("&Name"), self.tr("Name"))
        self.headline = self._line(form, "headline", self.tr("&Headline"), self.tr("Headline"))
        self.location = self._line(form, "location", self.tr("&Location"), self.tr("Location"))
        self.availability = QComboBox(editor)
        self.availability.setAccessibleName(self.tr("Availability"))
        for value in AVAILABILITY:
            self.availability.addItem(availability_label(self, value) or self.tr("Not said"), value)
        self._add(form, "availability", self.tr("&Availability"), self.availability)
        self.languages = self._line(form, "languages", self.tr("Lan&guages"), self.tr("Languages"))
        self.languages.setPlaceholderText(self.tr("Separated by commas, e.g. French, English"))
        self.bio = QPlainTextEdit(editor)
        self.bio.setAccessibleName(self.tr("About"))
        self.bio.setTabChangesFocus(True)
        self.bio.setMaximumHeight(180)
        self._add(form, "bio", self.tr("A&bout"), self.bio)
        self.links = QPlainTextEdit(editor)
        self.links.setAccessibleName(self.tr("Links"))
        self.links.setTabChangesFocus(True)
        self.links.setPlaceholderText(self.tr("One link per line"))
        self.links.setMaximumHeight(80)
        self._add(form, "url", self.tr("Lin&ks"), self.links)
        form.addRow(general)
        buttons = QHBoxLayout()
        self.saved_label = QLabel("", editor)
        plain(self.saved_label)
        self.saved_label.setObjectName("muted")
        self.save_button = QPushButton(self.tr("&Save profile"), editor)
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        preview = QWidget(splitter)
        pv = QVBoxLayout(preview)
        heading = QLabel(self.tr("How others see you"), preview)
        heading.setObjectName("subtitle")
        self.preview = PersonView(preview)
        pv.addWidget(heading)
        pv.addWidget(self.preview)
        self.standing = StandingPanel(self.ops, preview)  # standing (issue 14): your skills from your network
        pv.addWidget(self.standing)
        scroll.setWidget(editor)
        splitter.addWidget(scroll)
        splitter.addWidget(preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _line(self, form: QFormLayout, field: str, label: str, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        self._add(form, field, label, edit)
        return edit

    def _add(self, form: QFormLayout, field: str, label: str, widget: QWidget) -> None:
        error = error_label(self)
        form.addRow(label, widget)
        form.addRow("", error)
        self.errors.add(field, widget, error)
        self.fields[field] = widget

    def refresh(self) -> None:
        services, me = self.ops.services, self.me
        q = services.queries

        language = ui_language()

        def read():
            skills = q.skills(me)
            learn_labels(skills, language)  # issue 13: the reader's labels, looked up here, off the UI thread
            return (services.profile(me), skills, q.endorsements(subject_id=me, include_hidden=True),
                    services.positions(me))

        self.ops.read(read, self._loaded)
        self._read_steps()

    def changed(self, changes: Changes) -> None:
        super().changed(changes)
        # someone else arriving (a sync, an import) ticks "connect"; until then, look again
        if changes.people and not changes.touches(self.parts) and not self.checklist.done("connected"):
            self._read_steps()

    def _read_steps(self) -> None:
        from skiller_desktop.getting_started import steps

        services = self.ops.services
        self.ops.read(lambda: steps(services),
                      lambda found, error: self.checklist.show_steps(found) if error is None else None)

    def _loaded(self, result, error: BaseException | None) -> None:
        if error is not None:
            self.errors.show(error)
            return
        profile, skills, received, positions = result
        if self.loaded != profile:
            self.loaded = profile
            self._show_stored(self.shown(profile))
        self.preview.show_person(profile, skills, received, positions)
        self.standing.show_person(profile.person_id)

    def _show_stored(self, stored: dict[str, str]) -> None:
        """Put the stored values in the fields, except where the user typed and has not saved.

        A field is the user's while its text differs from what was last put
        there; a sync then refreshes every other field and leaves that one.
        """
        texts = self.texts()
        kept = [f for f, text in texts.items() if text != self.baseline.get(f, "") and text != stored[f]]
        for field, text in stored.items():
            if field not in kept:
                self._put(field, text)
        self.baseline = stored
        if kept:
            self.saved_label.setText(self.tr("Your profile changed elsewhere; your unsaved edits were kept."))

    @staticmethod
    def shown(profile: Profile) -> dict[str, str]:
        """The stored profile as the fields show it."""
        return {"name": profile.name, "headline": profile.headline, "location": profile.location,
                "availability": profile.availability, "languages": ", ".join(profile.languages),
                "bio": profile.bio, "url": "\n".join(profile.links)}

    def texts(self) -> dict[str, str]:
        """What the fields show now, keyed like `shown`."""
        return {"name": self.name.text(), "headline": self.headline.text(), "location": self.location.text(),
                "availability": self.availability.currentData() or "", "languages": self.languages.text(),
                "bio": self.bio.toPlainText(), "url": self.links.toPlainText()}

    def _put(self, field: str, text: str) -> None:
        widget = self.fields[field]
        if field == "availability":
            self.availability.setCurrentIndex(max(0, self.availability.findData(text)))
        elif isinstance(widget, QPlainTextEdit):
            if widget.toPlainText() != text:
                widget.setPlainText(text)
        elif isinstance(widget, QLineEdit) and widget.text() != text:
            widget.setText(text)

    def modified(self) -> list[str]:
        """The fields the user changed and has not saved."""
        return [f for f, text in self.texts().items() if text != self.baseline.get(f, "")]

    def values(self) -> dict:
        return {
            "name": self.name.text(), "headline": self.headline.text(), "location": self.location.text(),
            "availability": self.availability.currentData() or "",
            "languages": [x.strip() for x in self.languages.text().split(",") if x.strip()],
            "bio": self.bio.toPlainText(),
            "links": [x.strip() for x in self.links.toPlainText().splitlines() if x.strip()],
        }

    def save(self) -> None:
        values = self.values()
        self.errors.clear()
        self.saved_label.clear()
        before, self.baseline = self.baseline, self.texts()  # what is being saved is no longer unsaved
        self.ops.run(lambda: self.ops.services.update_profile(**values), lambda c, e: self._saved(c, e, before))

    def _saved(self, _changes, error: BaseException | None, before: dict[str, str] | None = None) -> None:
        if error is not None:
            if before is not None:
                self.baseline = before  # still the user's unsaved edits
            self.errors.show(error)
        else:
            self.saved_label.setText(self.tr("Saved."))
