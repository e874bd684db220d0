"""Opening an invitation link: check its relay, add it, sync, then show the person and offer to endorse them.

However the link arrives (File › Open an invitation link, Ctrl+V on the
window, a drop, or the app started with it), it ends here. The relay is
checked on the network pool before anything is saved; the sync is the
scheduler's, whose progress this dialog shows; the person appears as soon
as their signed profile is stored (heard through `Operations.changed`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData, Signal, SignalInstance
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skiller_desktop.invitations import Invitation, InvitationError, decode, looks_like_link
from skiller_desktop.views import Changes

from .forms import Ask, error_label
from .messages import describe
from .operations import Operations
from .person_view import PersonView
from .plain import plain
from .qtcompat import emit
from .relay_check import check_words, network


def link_in(text: str) -> str | None:
    text = text.strip()
    return text if looks_like_link(text) else None


def link_in_mime(mime: QMimeData) -> str | None:
    """The `skiller:` link in dragged or pasted data: as a URL or as text."""
    for url in mime.urls() if mime.hasUrls() else []:
        found = link_in(url.toString())
        if found:
            return found
    return link_in(mime.text()) if mime.hasText() else None


class PasteLinkDialog(QDialog):
    """A field to paste a link into (File › Open an invitation link…)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open an invitation link"))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Paste the link someone sent you:"), self)
        self.field = QLineEdit(self)
        self.field.setAccessibleName(self.tr("Invitation link"))
        self.field.setPlaceholderText("skiller:invite?v=1&id=did:key:…")
        label.setBuddy(self.field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(buttons)


class OpenLinkDialog(QDialog):
    """Checking the relay, syncing (with progress), then the person, with Endorse… and Join the team."""

    endorse_requested = Signal(str)

    def __init__(self, ops: Operations, ask: Ask, source: Any, status_heard: SignalInstance | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops, self.ask, self.source = ops, ask, source
        self.invitation: Invitation | None = None
        self.relay_id: str | None = None  # the peer id of the relay added
        self.before: tuple[str, str, str] | None = None  # its state when added: a sync ended once it differs
        self.saw_sync = False
        self.found = False
        self.setWindowTitle(self.tr("Invitation"))
        self.setObjectName("openLinkDialog")
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        plain(self.heading)
        self.heading.setObjectName("subtitle")
        self.heading.setWordWrap(True)
        self.step = QLabel(self)
        plain(self.step)
        self.step.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.error = error_label(self)
        self.person = PersonView(self)
        self.person.hide()
        self.done_label = QLabel(self)
        plain(self.done_label)
        self.done_label.setWordWrap(True)
        self.done_label.setObjectName("muted")
        self.done_label.hide()
        actions = QHBoxLayout()
        self.endorse_button = QPushButton(self.tr("&Endorse a skill…"), self)
        self.endorse_button.clicked.connect(self._endorse)
        self.join_button = QPushButton(self.tr("&Join their team"), self)
        self.join_button.clicked.connect(self._join)
        actions.addWidget(self.endorse_button)
        actions.addWidget(self.join_button)
        actions.addStretch(1)
        for button in (self.endorse_button, self.join_button):
            button.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        for widget in (self.heading, self.step, self.progress, self.error, self.person, self.done_label):
            layout.addWidget(widget)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        ops.changed.connect(self._changed)
        if status_heard is not None:
            status_heard.connect(self._status_changed)

    # -- the steps ----------------------------------------------------------------
    def open_link(self, text: str) -> bool:
        """Start opening `text`; False (and the reason shown) when the link cannot be used."""
        try:
            invitation = decode(text)
        except InvitationError as exc:
            return self._stop(describe(exc))
        self.invitation = invitation
        shown = invitation.name or invitation.person_id
        self.heading.setText(self.tr("Invitation from %1").replace("%1", shown))
        if invitation.person_id == self.ops.services.person_id:
            return self._stop(self.tr("This is your own invitation link: send it to someone else."))
        if self.source is None:
            return self._stop(self.tr("Sync is not available in this version, so the link cannot be opened."))
        self.step.setText(self.tr("Checking the relay…"))
        relays = invitation.relays
        network().submit(lambda: self._first_relay(relays), self._relay_checked)
        return True

    @staticmethod
    def _first_relay(relays: tuple[str, ...]) -> Any:
        from sync.relay_probe import check_relay

        checks = []
        for url in relays:
            check = check_relay(url)
            if check.ok:
                return check
            checks.append(check)
        return checks[0]

    def _relay_checked(self, check: Any, error: BaseException | None) -> None:
        if error is not None or not check.ok:
            code = "unreachable" if error is not None else check.code
            self._stop(self.tr("The relay in this link cannot be used, so nothing was saved. %1")
                       .replace("%1", check_words(code)))
            return
        source, url = self.source, check.url
        self.step.setText(self.tr("Syncing with the relay…"))
        self.ops.read(lambda: source.add_peer(url, "relay"), self._relay_added)

    def _relay_added(self, status: Any, error: BaseException | None) -> None:
        if error is not None:
            self._stop(describe(error))
            return
        self.relay_id = status.peer_id
        self.before = _snapshot(status)
        self.source.sync_now(status.peer_id)
        self._look()

    def _status_changed(self) -> None:
        if self.found or self.relay_id is None or self.source is None:
            return
        status = next((s for s in self.source.statuses() if s.peer_id == self.relay_id), None)
        if status is None:
            return
        from .sync_panel import progress_label

        state = str(status.state)
        self.saw_sync = self.saw_sync or state == "syncing"
        progress = getattr(status, "progress", None) if state == "syncing" else None
        if progress:
            done, total = progress
            self.progress.setRange(0, total or 0)
            self.progress.setValue(min(done, total or done))
            self.step.setText(progress_label(done, total))
        elif state != "syncing" and (self.saw_sync or _snapshot(status) != self.before):
            self._look(finished=state)  # this sync ended (a status heard before it began says nothing)

    def _changed(self, changes: Changes) -> None:
        if not self.found and self.invitation is not None and changes.people:
            self._look()

    def _look(self, finished: str = "") -> None:
        invitation = self.invitation
        if invitation is None or self.found:
            return
        q, pid = self.ops.services.queries, invitation.person_id

        def read():
            profile = q.profile(pid)
            return (profile, q.skills(pid), q.endorsements(subject_id=pid)) if profile is not None else None

        self.ops.read(read, lambda result, error: self._looked(result, error, finished))

    def _looked(self, result: Any, error: BaseException | None, finished: str) -> None:
        if self.found:
            return
        if error is not None:
            self._stop(describe(error))
            return
        if result is None:
            if finished:
                self.progress.setRange(0, 1)
                self.progress.setValue(0)
                self.step.setText(self.tr("The relay is added, but this person is not on it yet: they may not "
                                          "have synced since. Skiller keeps syncing; they will appear in People."))
            return
        self.found = True
        profile, skills, received = result
        self.heading.setText(profile.name)
        self.person.show_person(profile, skills, received)
        self.person.show()
        self.progress.hide()
        self.step.setText(self.tr("Found. You can endorse what you know of their work."))
        self.endorse_button.setVisible(bool(skills))
        self.join_button.setVisible(bool(self.invitation and self.invitation.team_code))

    def _stop(self, text: str) -> bool:
        self.progress.hide()
        self.step.hide()
        self.error.setText(text)
        self.error.show()
        return False

    # -- the offers ----------------------------------------------------------------
    def _endorse(self) -> None:
        if self.invitation is not None:
            emit(self.endorse_requested, self.invitation.person_id)
            self.accept()

    def _join(self) -> None:
        invitation = self.invitation
        if invitation is None or not invitation.team_code:
            return
        teams, code = self.ops.services.teams, invitation.team_code

        def done(_team: Any, error: BaseException | None) -> None:
            self.done_label.setText(describe(error) if error is not None else self.tr(
                "Accepted. An admin’s device adds you when your answer reaches it."))
            self.done_label.show()
            self.join_button.setEnabled(error is not None)

        self.ops.run(lambda: teams.accept(code), done)


def _snapshot(status: Any) -> tuple[str, str, str]:
    return str(status.state), str(status.last_success or ""), str(status.last_error or "")
