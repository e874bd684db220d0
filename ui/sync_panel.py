"""Sync: peers and relays with their state, "sync now", add a peer by address.

States, problems and times are the CLI's vocabulary (`sync.words`), said in the
user's language by code (`ui/messages.py`): one sentence and what to try per
problem, "3 minutes ago" rather than a timestamp; the peer's own words (its
technical error) stay in the tooltip.

The screen talks to a `SyncSource`, the scheduler's plain-Python status API.
Wiring the real scheduler is: `window.set_sync_source(scheduler)`;
with no source the screen says there are no peers and the app is offline.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sync.words import say_status

from .forms import Ask, error_label
from .messages import advice, describe, local_time, state_words, when
from .plain import plain, tooltip
from .qtcompat import emit
from .resources import icon

STATES = ("offline", "syncing", "up to date", "incomplete", "error")


class PeerStatus(Protocol):
    peer_id: str
    url: str
    kind: str  # "lan", "peer" or "relay"
    state: str  # one of STATES
    last_success: str  # ISO UTC, "" if never
    last_error: str  # technical words, for the tooltip
    problem: str  # the ADVICE code of the last error (sync.words), "" if none known
    progress: tuple[int, int | None] | None  # received and expected: a first sync's documents, a later one's changes
    progress_unit: str  # "documents" or "changes"


class SyncSource(Protocol):
    """What the Sync screen needs of the scheduler (sync.scheduler.Scheduler has it)."""

    def statuses(self) -> list[Any]: ...
    def add_status_listener(self, callback: Callable[[], Any]) -> None: ...
    def sync_now(self) -> None: ...
    def cancel(self) -> None: ...
    def add_peer(self, url: str, kind: str) -> Any: ...


class StatusBridge(QObject):
    """Status callbacks may come from the scheduler's threads; this brings them to the UI thread."""

    heard = Signal()

    def __call__(self, *_args: Any) -> None:
        emit(self.heard)


def state_label(state: str) -> str:
    """A bare state's words (no error known): see `status_words` for a peer's."""
    return status_words(state, "", "", "")[0]


def status_words(state: str, last_error: str, problem: str, last_success: str) -> tuple[str, str, str]:
    """A peer's state, what went wrong and what to try (or ""), and when it last synced, in the user's
    language: the same vocabulary as `skiller sync` and `skiller peers` (sync.words)."""
    said = say_status(state.replace("_", " "), last_error, problem, last_success)
    what = advice().get(said.advice, "") if said.advice else ""
    if said.advice and not problem and last_error:
        what = last_error  # recorded before problems had codes, or a source that gives only words
    return state_words()[said.state], what, when(*said.last_success)


def status_label(status: Any) -> str:
    """The state column's words for a status (scheduler's or demo's)."""
    return status_words(status.state, status.last_error, status.problem, status.last_success)[0]


def progress_label(done: int, total: int | None, unit: str = "documents") -> str:
    """"Syncing… 3,000 of 10,000 people" (a first sync's documents) or "… changes", in the user's locale."""
    from PySide6.QtCore import QCoreApplication, QLocale

    locale = QLocale()
    if unit == "changes" and total:
        return (QCoreApplication.translate("SyncState", "Syncing… %1 of %2 changes")
                .replace("%1", locale.toString(done)).replace("%2", locale.toString(total)))
    if total:
        return (QCoreApplication.translate("SyncState", "Syncing… %1 of %2 people")
                .replace("%1", locale.toString(done)).replace("%2", locale.toString(total)))
    return QCoreApplication.translate("SyncState", "Syncing… %1 people").replace("%1", locale.toString(done))


def kind_label(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {"relay": QCoreApplication.translate("SyncState", "Relay"),
              "lan": QCoreApplication.translate("SyncState", "LAN peer"),
              "peer": QCoreApplication.translate("SyncState", "Peer")}
    return labels.get(kind, kind)


class SyncScreen(QWidget):
    status_changed = Signal(str, int, int)  # overall: online/syncing/problem/offline; peers failing; peers in all

    def __init__(self, ops, ask: Ask, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.ask = ask
        self.source: SyncSource | None = None
        self.problems: list[str] = []  # "<address>: what to try", for the status bar's tooltip
        title = QLabel(self.tr("Sync"), self)
        title.setObjectName("title")
        intro = QLabel(self.tr("Skiller syncs with people on your local network and with the relays you add. "
                               "Everything keeps working offline."), self)
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        self.serving = QLabel(self)
        plain(self.serving)
        self.serving.setObjectName("servingAddress")
        self.serving.setWordWrap(True)
        self.serving.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.serving.hide()
        self.table = QTableWidget(0, 5, self)
        self.table.setAccessibleName(self.tr("Peers and relays"))
        self.table.setHorizontalHeaderLabels([self.tr("Address"), self.tr("Kind"), self.tr("State"),
                                              self.tr("Last synced"), self.tr("What to do")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("No peers yet. Add a relay or a peer by its address below."), self)
        self.empty.setObjectName("muted")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Sync in progress"))
        self.progress.setMaximumHeight(8)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.progress_text = QLabel(self)
        self.progress_text.setObjectName("muted")
        self.progress_text.hide()
        self.stop_button = QPushButton(self.tr("&Stop"), self)
        self.stop_button.setToolTip(self.tr("Stop the syncs under way; what arrived is kept and they go on later."))
        self.stop_button.clicked.connect(self.cancel)
        self.stop_button.hide()
        self.sync_button = QPushButton(icon("sync"), self.tr("Sync &now"), self)
        self.sync_button.setShortcut("F5")
        self.sync_button.clicked.connect(self.sync_now)
        self.address = QLineEdit(self)
        self.address.setPlaceholderText(self.tr("https://relay.example.org or 192.168.1.20:8765"))
        self.address.setAccessibleName(self.tr("Peer or relay address"))
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind"))
        self.kind.addItem(kind_label("relay"), "relay")
        self.kind.addItem(kind_label("peer"), "peer")
        self.add_button = QPushButton(icon("add"), self.tr("&Add"), self)
        self.add_button.clicked.connect(self.add_peer)
        self.address.returnPressed.connect(self.add_peer)
        self.error = error_label(self)
        add_row = QHBoxLayout()
        add_row.addWidget(self.address, 1)
        add_row.addWidget(self.kind)
        add_row.addWidget(self.add_button)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.sync_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addWidget(self.serving)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.progress_text)
        progress_row.addWidget(self.stop_button)
        layout.addLayout(progress_row)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(add_row)
        layout.addWidget(self.error)
        self.refresh()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.table.resizeRowsToContents()  # long errors wrap to the column's new width

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def set_source(self, source: SyncSource | None) -> None:
        self.source = source
        self.refresh()

    def set_serving(self, addresses: list[str], announced: bool) -> None:
        """Where other devices reach this one; empty when it does not serve."""
        if not addresses:
            self.serving.setText(self.tr("This device does not accept connections from peers right now."))
        else:
            text = self.tr("Peers reach this device at %1.").replace("%1", ", ".join(addresses))
            if announced:
                text += " " + self.tr("It is announced on your local network.")
            else:
                text += " " + self.tr("It could not be announced on your local network: add it on the other "
                                      "device by its address.")
            self.serving.setText(text)
        self.serving.show()

    def statuses(self) -> list[Any]:
        return list(self.source.statuses()) if self.source is not None else []

    def refresh(self) -> None:
        rows = self.statuses()
        self.table.setRowCount(len(rows))
        problems: list[str] = []
        for i, s in enumerate(rows):
            state, what, since = status_words(s.state, s.last_error, s.problem, s.last_success)
            progress = s.progress if s.state == "syncing" else None
            if progress:
                state = progress_label(progress[0], progress[1], s.progress_unit)
            if what and s.state != "syncing":
                problems.append(f"{s.url}: {what}")
            cells = (s.url, kind_label(s.kind), state, since, what)
            details = ("", "", s.last_error if s.state != "up to date" else "", local_time(s.last_success), what)
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip(details[j] or text))  # a relay's error text is its own words
                self.table.setItem(i, j, item)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not rows)
        self.sync_button.setEnabled(self.source is not None and bool(rows))
        syncing = any(s.state == "syncing" for s in rows)
        self._show_progress([(*p, s.progress_unit) for s in rows if s.state == "syncing" and (p := s.progress)])
        self.progress.setVisible(syncing)
        self.progress_text.setVisible(syncing and bool(self.progress_text.text()))
        self.stop_button.setVisible(syncing)
        self.problems = problems
        failing = sum(1 for s in rows if s.state in ("error", "offline") and s.last_error)
        up = sum(1 for s in rows if s.state in ("up to date", "up_to_date", "incomplete"))
        unreachable = sum(1 for s in rows if s.state == "offline" and s.last_error)
        overall = ("syncing" if syncing else "problem" if failing and (up or failing > unreachable)
                   else "offline" if not up else "online")
        emit(self.status_changed, overall, failing, len(rows))

    def _show_progress(self, counts: list[tuple[int, int | None, str]]) -> None:
        """A sync that says how much it expects fills the bar and says the count; any other pulses."""
        known = [(done, total) for done, total, _ in counts if total]
        units = {u for _, total, u in counts if total}
        unit = next(iter(units)) if len(units) == 1 else "documents"
        if not known:
            self.progress.setRange(0, 0)
            self.progress.setAccessibleDescription("")
            self.progress_text.setText("")
            return
        done, total = sum(d for d, _ in known), sum(t for _, t in known)
        self.progress.setRange(0, total)
        self.progress.setValue(min(done, total))
        self.progress.setAccessibleDescription(progress_label(done, total, unit))
        self.progress_text.setText(progress_label(done, total, unit))

    def cancel(self) -> None:
        """Stop the syncs under way (Stop button): each keeps what it committed and goes on later."""
        if self.source is not None:
            self.source.cancel()

    def sync_now(self) -> None:
        if self.source is not None:
            self.source.sync_now()
            self.refresh()

    def add_peer(self) -> None:
        self.error.hide()

        def added(problem: str) -> None:
            if problem:
                self._error(problem)
            else:
                self.address.clear()

        self.add(self.address.text(), self.kind.currentData(), added)

    def add(self, url: str, kind: str, done: Callable[[str], None]) -> None:
        """Add a peer or relay (it writes to the peer book: on the worker); `done` gets the problem, or ""."""
        url = url.strip()
        if not url:
            done(self.tr("Type the address of a relay or a peer."))
            return
        if self.source is None:
            done(self.tr("Sync is not available in this version; the address was not saved."))
            return
        source = self.source

        def finished(_result, error: BaseException | None) -> None:
            if error is None:
                self.refresh()
            done(describe(error) if error is not None else "")

        self.ops.read(lambda: source.add_peer(url, kind), finished)

    def _error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.address.setFocus()
