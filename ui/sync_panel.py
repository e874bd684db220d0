"""Sync: peers and relays with their state, "sync now", add a peer by address.

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

from .forms import Ask, error_label
from .messages import describe
from .plain import plain, tooltip
from .qtcompat import emit
from .resources import icon

STATES = ("offline", "syncing", "up to date", "incomplete", "error")


class PeerStatus(Protocol):
    peer_id: str
    url: str
    kind: str  # "lan", "peer" or "relay"
    state: str  # one of STATES
    last_success: str
    last_error: str
    progress: tuple[int, int | None] | None  # a first sync's documents received and expected


class SyncSource(Protocol):
    """What the Sync screen needs of the scheduler (sync.scheduler.Scheduler has it)."""

    def statuses(self) -> list[Any]: ...
    def add_status_listener(self, callback: Callable[[], Any]) -> None: ...
    def sync_now(self) -> None: ...
    def add_peer(self, url: str, kind: str) -> Any: ...


class StatusBridge(QObject):
    """Status callbacks may come from the scheduler's threads; this brings them to the UI thread."""

    heard = Signal()

    def __call__(self, *_args: Any) -> None:
        emit(self.heard)


def state_label(state: str) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {"offline": QCoreApplication.translate("SyncState", "Offline"),
              "syncing": QCoreApplication.translate("SyncState", "Syncing…"),
              "up to date": QCoreApplication.translate("SyncState", "Up to date"),
              # synced, but some entries were refused or still wait: asked for again next time
              "incomplete": QCoreApplication.translate("SyncState", "Incomplete"),
              "error": QCoreApplication.translate("SyncState", "Error")}
    return labels.get(state.replace("_", " "), state)


def progress_label(done: int, total: int | None) -> str:
    """"Syncing… 3,000 of 10,000 people", numbers in the user's locale."""
    from PySide6.QtCore import QCoreApplication, QLocale

    locale = QLocale()
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
    status_changed = Signal(str, int)  # overall state, peers up to date

    def __init__(self, ops, ask: Ask, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.ask = ask
        self.source: SyncSource | None = None
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
                                              self.tr("Last success"), self.tr("Last error")])
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
        layout.addWidget(self.progress)
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
        for i, s in enumerate(rows):
            progress = getattr(s, "progress", None) if s.state == "syncing" else None
            state = progress_label(*progress) if progress else state_label(s.state)
            cells = (s.url, kind_label(s.kind), state, str(s.last_success or "—"), str(s.last_error or ""))
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip(text))  # a relay's error text is its own words
                self.table.setItem(i, j, item)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not rows)
        self.sync_button.setEnabled(self.source is not None and bool(rows))
        syncing = any(s.state == "syncing" for s in rows)
        self._show_progress([p for s in rows if s.state == "syncing" and (p := getattr(s, "progress", None))])
        self.progress.setVisible(syncing)
        up = sum(1 for s in rows if s.state in ("up to date", "up_to_date", "incomplete", "syncing"))
        overall = "syncing" if syncing else "online" if up else "offline"
        emit(self.status_changed, overall, up)

    def _show_progress(self, counts: list[tuple[int, int | None]]) -> None:
        """A first sync that says how much it expects fills the bar; any other sync makes it pulse."""
        known = [(done, total) for done, total in counts if total]
        if not known:
            self.progress.setRange(0, 0)
            self.progress.setAccessibleDescription("")
            return
        done, total = sum(d for d, _ in known), sum(t for _, t in known)
        self.progress.setRange(0, total)
        self.progress.setValue(min(done, total))
        self.progress.setAccessibleDescription(progress_label(done, total))

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
