"""Skill standing in the app: a bar per skill, a Why panel with its contributions and paths, "I know this person".

Reads go through the operations' worker (`Operations.read`); the standings were
computed after the last commit by the services' keeper, off this thread.
Names and skills are other people's words: plain text only (ui/plain.py).
docs/standing.md says what the numbers mean.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from skiller_desktop.standing_read import Contribution, SkillStanding, Step
from skiller_desktop.views import Changes, PersonSummary

from .messages import describe
from .models import PeopleModel
from .operations import Operations
from .plain import plain, plain_label, tooltip

MAX_HEIGHT = 170  # about five skills; more scroll


class StandingBar(QProgressBar):
    """A skill's standing, 0-100, with its raw count beside it."""

    def __init__(self, found: SkillStanding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.found = found
        self.setRange(0, 100)
        self.setValue(round(found.standing))
        # the number alone: with the count inside, a narrow panel cut it ("0 · 1 recommandatio…")
        self.setFormat(f"{found.standing:.0f}")
        self.setTextVisible(True)
        self.setAccessibleName(self.tr("Standing in %1").replace("%1", found.skill))
        self.setToolTip(self.tr("Standing %1 of 100 in your network: %2 of %3 endorsements count")
                        .replace("%1", f"{found.standing:.0f}").replace("%2", str(found.counted))
                        .replace("%3", str(found.endorsements)))
        self.setMaximumHeight(18)


class WhyDialog(QDialog):
    """Who makes up one standing: each endorser's share, and how the user reaches them."""

    def __init__(self, found: SkillStanding, me: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whyDialog")
        self.setWindowTitle(self.tr("Why this standing?"))
        summary = plain_label(self.tr("%1: standing %2 of 100. Community level %3, claimed level %4.")
                              .replace("%1", found.skill).replace("%2", f"{found.standing:.0f}")
                              .replace("%3", f"{found.community_level:.1f}" if found.community_level else "—")
                              .replace("%4", str(found.claimed_level)), self)
        summary.setWordWrap(True)
        self.table = QTableWidget(len(found.why), 3, self)
        self.table.setObjectName("whyTable")
        self.table.setHorizontalHeaderLabels([self.tr("Endorser"), self.tr("Share"), self.tr("How you reach them")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, c in enumerate(found.why):
            self._row(row, c, me)
        self.table.resizeColumnsToContents()
        outside = plain_label(self.tr("%n endorsement(s) from outside your network count for nothing.", "",
                                      found.outside), self)
        outside.setObjectName("muted")
        outside.setVisible(found.outside > 0)
        self.outside = outside
        empty = plain_label(self.tr("No one your trust reaches endorses this skill yet."), self)
        empty.setVisible(not found.why)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (summary, self.table, empty, outside, buttons):
            layout.addWidget(widget)
        self.resize(640, 360)

    def path_words(self, path: list[Step], me: str) -> str:
        """'you → Ana (team Atelier) → Ben (endorsed)', in the user's language."""
        how = {"known": self.tr("knows"), "endorsed": self.tr("endorsed"), "exchange": self.tr("exchange")}
        words = []
        for step in path:
            name = step.name or step.person_id[:20]
            if step.person_id == me:
                words.append(self.tr("you"))
            elif step.kind == "team":
                words.append(self.tr("%1 (team %2)").replace("%1", name).replace("%2", step.team))
            else:
                words.append(f"{name} ({how.get(step.kind, step.kind)})")
        return " → ".join(words)

    def _row(self, row: int, c: Contribution, me: str) -> None:
        for column, text in enumerate((c.endorser_name or c.endorser_id[:24], f"{100 * c.share:.1f} %",
                                       self.path_words(c.path, me))):
            item = QTableWidgetItem(text)  # item text is never read as HTML
            item.setToolTip(tooltip(text))  # a tooltip guesses rich text: names others typed, escaped
            self.table.setItem(row, column, item)


class StandingPanel(QWidget):
    """A person's standings from where the user stands, the Why buttons, and the "I know" toggle."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("standingPanel")
        self.ops = ops
        self.person_id = ""
        self.found: list[SkillStanding] = []
        self.me = ""
        self.dialog: WhyDialog | None = None
        self.know = QCheckBox(self.tr("I know this person"), self)
        self.know.setToolTip(self.tr("A public, signed statement in your profile: it syncs like your "
                                     "endorsements, and your trust flows to this person. You can take it back."))
        self.know.toggled.connect(self._know_toggled)
        self.note = QLabel(self.tr("Public and signed: it syncs with your profile, as endorsements do."), self)
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        self.hint = QLabel(self.tr("Your network is empty, so no standing shows yet: endorse people or mark "
                                   "people you know, and their trust makes standings appear."), self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.error = QLabel(self)
        plain(self.error)
        self.error.hide()
        # The bars scroll within a bounded height: a person with many skills left the profile preview
        # above them a few lines high at 1024×680.
        rows = self.rows = QWidget(self)
        self.grid = QGridLayout(rows)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(1, 1)
        self.bars_area = QScrollArea(self)
        self.bars_area.setWidget(rows)
        self.bars_area.setWidgetResizable(True)
        self.bars_area.setFrameShape(QFrame.Shape.NoFrame)
        self.bars_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.bars_area.setMaximumHeight(MAX_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.hint, self.know, self.note, self.error):
            layout.addWidget(widget)
        layout.addWidget(self.bars_area)
        self.bars: list[StandingBar] = []
        self.why_buttons: list[QToolButton] = []
        ops.changed.connect(self._changed)
        self.clear()

    def clear(self) -> None:
        self.person_id = ""
        self._fill([], 1, False, "")
        self.know.hide()
        self.note.hide()

    def show_person(self, person_id: str) -> None:
        self.person_id = person_id
        services = self.ops.services

        def read():
            found = services.skill_standings(person_id, explain=True)
            return found, services.standing.network_size(), services.standing.knows(person_id), services.person_id

        def arrived(result, error) -> None:
            if self.person_id != person_id:
                return
            if error is not None:
                self.error.setText(describe(error))
                self.error.show()
                return
            found, network, known, me = result
            self._fill(found, network, known, me)

        self.ops.read(read, arrived)

    def _fill(self, found: list[SkillStanding], network: int, known: bool, me: str) -> None:
        self.found, self.me = found, me
        self.error.hide()
        self.hint.setVisible(network == 0)
        other = bool(self.person_id) and self.person_id != me
        self.know.setVisible(other)
        self.note.setVisible(other)
        self.know.blockSignals(True)
        self.know.setChecked(known)
        self.know.blockSignals(False)
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.bars, self.why_buttons = [], []
        rows = self.rows
        # Narrow at 1024×680 (the People detail is ~290 px, My profile's ~250): titled columns, the name gives
        # way (its tooltip keeps it), the bar says the standing, the raw count is a number beside it, and Why?
        # is a "?" button named for screen readers.
        if found:  # what the columns are, in words that wrap (column titles did not fit in French)
            caption = QLabel(self.tr("Standing out of 100 in your network; in brackets, every endorsement "
                                     "received."), rows)
            caption.setObjectName("muted")
            caption.setWordWrap(True)
            self.grid.addWidget(caption, 0, 0, 1, 4)
        for row, skill in enumerate(found, start=1):
            name = plain_label(skill.skill, rows)
            name.setToolTip(tooltip(skill.skill))
            name.setMinimumWidth(40)
            name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.grid.addWidget(name, row, 0)
            bar = StandingBar(skill, rows)
            bar.setFixedWidth(52)
            self.grid.addWidget(bar, row, 1)
            count = QLabel(f"({skill.endorsements})", rows)  # the raw count, beside it
            count.setAlignment(Qt.AlignmentFlag.AlignCenter)
            count.setToolTip(self.tr("%n endorsement(s)", "", skill.endorsements))
            self.grid.addWidget(count, row, 2)
            why = QToolButton(rows)
            why.setText("?")
            why.setToolTip(self.tr("Why?"))
            why.setAccessibleName(self.tr("Why this standing in %1").replace("%1", skill.skill))
            why.clicked.connect(lambda _=False, s=skill: self.explain(s))
            self.grid.addWidget(why, row, 3)
            self.bars.append(bar)
            self.why_buttons.append(why)
        shown = min(len(found), 3) + 1  # the caption and at least three rows in view before the bars scroll
        self.bars_area.setMinimumHeight(shown * max(rows.sizeHint().height() // max(len(found), 1), 24))

    def explain(self, found: SkillStanding) -> WhyDialog:
        dialog = WhyDialog(found, self.me, self)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def _know_toggled(self, checked: bool) -> None:
        person_id = self.person_id
        if not person_id:
            return

        def done(_changes, error: BaseException | None) -> None:
            if error is not None:
                self.error.setText(describe(error))
                self.error.show()
                self.show_person(person_id)

        self.ops.run(lambda: self.ops.services.know(person_id, undo=not checked), done)

    def _changed(self, changes: Changes) -> None:
        if self.person_id and changes.any:
            self.show_person(self.person_id)


class StandingDelegate(QStyledItemDelegate):
    """The matched-skill column of search results: a thin standing bar under the skill and level."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        model = index.model()
        row = model.row_at(index.row()) if isinstance(model, PeopleModel) else None
        standing = row.standing if isinstance(row, PersonSummary) else None
        if standing is None:
            return
        rect = option.rect
        bar = QRect(rect.left() + 4, rect.bottom() - 4, max(rect.width() - 8, 0), 3)
        painter.save()
        painter.fillRect(bar, QColor(0, 0, 0, 30))
        painter.fillRect(QRect(bar.left(), bar.top(), round(bar.width() * standing / 100), bar.height()),
                         option.palette.highlight())
        painter.restore()


def bring_standings_up_to_date(ops: Operations) -> None:
    """At start: compute the stored standings on the worker if they are out of date (a new store, another
    user); every screen showing people then hears of it."""

    def done(report, error: BaseException | None) -> None:
        if error is None and report is not None:
            ops.announce(Changes(people=True))

    ops.run(ops.services.standing.ensure_current, done)
