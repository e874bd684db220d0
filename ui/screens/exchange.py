"""Exchange: the board of offers and requests; post, answer, and close with recognition."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from skiller_desktop.views import Changes, Offer

from ..forms import FieldErrors, FormDialog, error_label, fit_columns
from ..models import OffersModel
from ..operations import on_error
from ..plain import plain
from ..resources import icon
from ..skill_completer import SkillCompleter
from .base import Screen


class PostDialog(FormDialog):
    def __init__(self, screen: ExchangeScreen) -> None:
        super().__init__(screen, QCoreApplication.translate("PostDialog", "Post an offer or a request"))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("I offer help"), "offer")
        self.kind.addItem(self.tr("I am looking for help"), "request")
        self.field("kind", self.tr("&Kind"), self.kind, self.tr("Kind"))
        self.skill = self.field("skill", self.tr("&Skill"), QLineEdit(self), self.tr("Skill"))
        self.completer = SkillCompleter(self.skill, screen.ops)  # issue 13
        self.title = self.field("title", self.tr("&Title"), QLineEdit(self), self.tr("Title"))
        self.description = self.field("description", self.tr("&Description"), QPlainTextEdit(self),
                                      self.tr("Description"))
        self.finish(self.tr("Post"))

    def save(self) -> None:
        kind, skill, title = self.kind.currentData(), self.skill.text(), self.title.text()
        description = self.description.toPlainText()
        concept = self.completer.concept
        self.run(lambda: self.screen.ops.services.add_offer(kind, skill, title, description, concept=concept))


class CompleteDialog(FormDialog):
    """Mark my post done and recognise who helped: it endorses them for the skill used."""

    def __init__(self, screen: ExchangeScreen, offer: Offer) -> None:
        super().__init__(screen, QCoreApplication.translate("CompleteDialog", "Mark as done"))
        self.offer = offer
        intro = QLabel(self.tr("Who helped you? They will be endorsed for “%s”.") % offer.skill, self)
        plain(intro)
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.person = QComboBox(self)
        seen = set()
        for r in offer.responses:
            if r.person_id not in seen:
                seen.add(r.person_id)
                self.person.addItem(r.person_name or r.person_id[:16], r.person_id)
        self.field("person_id", self.tr("&Person"), self.person, self.tr("Person recognised"))
        self.comment = self.field("comment", self.tr("&Recognition"), QPlainTextEdit(self), self.tr("Recognition"))
        self.finish(self.tr("Mark done and recognise"))

    def save(self) -> None:
        pid, comment, oid = self.person.currentData() or "", self.comment.toPlainText(), self.offer.offer_id
        self.run(lambda: self.screen.ops.services.complete_offer(oid, pid, comment))


class ExchangeScreen(Screen):
    parts = Changes(offers=True, people=True)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.model = OffersModel(self.ops, self)
        self.dialog: QDialog | None = None
        self.current: Offer | None = None
        title = QLabel(self.tr("Exchange"), self)
        title.setObjectName("title")
        self.skill_filter = QLineEdit(self)
        self.skill_filter.setPlaceholderText(self.tr("Filter by skill"))
        self.skill_filter.setAccessibleName(self.tr("Filter by skill"))
        self.skill_filter.setClearButtonEnabled(True)
        self.skill_filter.setMinimumWidth(240)
        self.skill_completer = SkillCompleter(self.skill_filter, self.ops)  # issue 13
        self.skill_filter.textChanged.connect(self.refresh)
        self.kind_filter = QComboBox(self)
        self.kind_filter.setAccessibleName(self.tr("Kind"))
        self.kind_filter.addItem(self.tr("Offers and requests"), "")
        self.kind_filter.addItem(self.tr("Offers"), "offer")
        self.kind_filter.addItem(self.tr("Requests"), "request")
        self.kind_filter.currentIndexChanged.connect(self.refresh)
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.status_filter.addItem(self.tr("Open"), "open")
        self.status_filter.addItem(self.tr("Answered"), "answered")
        self.status_filter.addItem(self.tr("Done"), "done")
        self.status_filter.addItem(self.tr("Any status"), "")
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.post_button = QPushButton(icon("add"), self.tr("&Post…"), self)
        self.post_button.clicked.connect(self.post)
        top = QHBoxLayout()
        for w in (self.skill_filter, self.kind_filter, self.status_filter):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.post_button)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Offers and requests"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        fit_columns(self.table, 1, fit=(0, 4, 5), widths={2: 130, 3: 140})  # the title takes what is left
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.model.modelReset.connect(self._reset)
        self.detail = QTextBrowser(self)
        self.detail.setOpenLinks(False)  # posts are others' words, escaped: nothing here is a link to follow
        self.detail.setAccessibleName(self.tr("Post details"))
        self.answer = QPlainTextEdit(self)
        self.answer.setAccessibleName(self.tr("Your answer"))
        self.answer.setPlaceholderText(self.tr("Write an answer…"))
        self.answer.setTabChangesFocus(True)
        self.answer.setMaximumHeight(80)
        self.answer_error = error_label(self)
        self.answer_errors = FieldErrors(self.answer_error, self)
        self.answer_errors.add("comment", self.answer, self.answer_error)
        self.answer_button = QPushButton(self.tr("&Answer"), self)
        self.answer_button.clicked.connect(self.send_answer)
        self.done_button = QPushButton(icon("done"), self.tr("Mark &done…"), self)
        self.done_button.clicked.connect(self.complete)
        self.close_button = QPushButton(self.tr("&Close post"), self)
        self.close_button.clicked.connect(self.close_post)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for b in (self.close_button, self.done_button, self.answer_button):
            actions.addWidget(b)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.detail, 1)
        rl.addWidget(self.answer)
        rl.addWidget(self.answer_error)
        rl.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([330, 270])  # the post and its answers get room to be read at 1024×680 too
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._show_offer(None)

    def refresh(self, *_args) -> None:
        self.model.load(skill=self.skill_filter.text().strip(), kind=self.kind_filter.currentData() or "",
                        status=self.status_filter.currentData() or "")

    def _reset(self) -> None:
        keep = self.current.offer_id if self.current else None
        self.current = None
        for row, offer in enumerate(self.model.rows):
            if offer.offer_id == keep:
                self.table.selectRow(row)
                return
        self._show_offer(None)

    def select_offer(self, offer_id: str) -> bool:
        for row, offer in enumerate(self.model.rows):
            if offer.offer_id == offer_id:
                self.table.selectRow(row)
                return True
        return False

    def _selected(self, current, _previous) -> None:
        self._show_offer(self.model.row_at(current.row()) if current.isValid() else None)

    def _show_offer(self, offer: Offer | None) -> None:
        self.current = offer
        mine = offer is not None and offer.person_id == self.me
        is_open = offer is not None and offer.status in ("open", "answered")
        self.answer.setVisible(offer is not None and not mine and is_open)
        self.answer_button.setVisible(offer is not None and not mine and is_open)
        self.done_button.setVisible(mine and is_open)
        self.done_button.setEnabled(offer is not None and mine and bool(offer.responses))
        self.done_button.setToolTip("" if offer and offer.responses else self.tr("Nobody has answered yet"))
        self.close_button.setVisible(mine and is_open)
        self.answer_errors.clear()
        if offer is None:
            hint = self.tr("Select a post to read it and answer.")
            self.detail.setHtml(f"<p>{html.escape(hint)}</p>")
            return
        esc = html.escape
        kind = self.tr("Offer") if offer.kind == "offer" else self.tr("Request")
        parts = [f"<h2>{esc(offer.title)}</h2>",
                 f"<p><b>{esc(kind)}</b> · {esc(offer.skill)} · {esc(offer.person_name)} · "
                 f"{esc(offer.created_at[:10])}</p>"]
        if offer.description:
            parts.append(f"<p>{esc(offer.description)}</p>")
        answers, no_answers = self.tr("Answers"), self.tr("No answers yet.")
        parts.append(f"<h3>{esc(answers)}</h3>")
        if not offer.responses:
            parts.append(f"<p>{esc(no_answers)}</p>")
        for r in offer.responses:
            parts.append(f"<p><b>{esc(r.person_name)}</b> ({esc(r.date[:10])}): {esc(r.message)}</p>")
        if offer.status == "done" and offer.recognition:
            done = self.tr("Done — recognition given.")
            parts.append(f"<p><i>{esc(done)}</i></p>")
        self.detail.setHtml("".join(parts))

    def post(self) -> None:
        self._open(PostDialog(self))

    def complete(self) -> None:
        if self.current is not None:
            self._open(CompleteDialog(self, self.current))

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    def send_answer(self) -> None:
        if self.current is None:
            return
        oid, owner, message = self.current.offer_id, self.current.person_id, self.answer.toPlainText()
        self.answer_errors.clear()

        def done(_r, error) -> None:
            if error is not None:
                self.answer_errors.show(error)
            else:
                self.answer.clear()

        self.ops.run(lambda: self.ops.services.respond_to_offer(oid, message, owner), done)

    def close_post(self) -> None:
        offer = self.current
        if offer is None or not self.ask.confirm(self, self.tr("Close post"),
                                                 self.tr("Close “%s”? Nobody will be able to answer it.")
                                                 % offer.title):
            return
        self.ops.run(lambda: self.ops.services.set_offer_status(offer.offer_id, "closed"),
                     on_error(self.answer_errors.show))
