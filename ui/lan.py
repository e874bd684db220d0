"""This device as a peer: serve the sync endpoint, announce it on the LAN, then sync in the background.

Starting the endpoint waits for uvicorn, and announcing waits for mDNS
probes (a second or two), so both run on a thread of their own; the window
opens at once and hears `serving` when the address is known. Closing joins
that thread before stopping the node, so nothing is left half started.

The user may hide this device from the local network (Settings): then no
port is open and no mDNS record is announced, live, without a restart;
syncing with the peers and relays this device calls goes on.
"""

from __future__ import annotations

import concurrent.futures
import logging
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from .plain import plain
from .qtcompat import emit

log = logging.getLogger(__name__)
DEFAULT_PORT = 8766  # `skiller serve`'s default too
PORT_SETTING, SERVE_SETTING = "sync/port", "sync/serve"


def reachable_addresses(host: str, port: int) -> list[str]:
    """The URLs other devices can use: the LAN addresses, loopback only when there is nothing else."""
    from sync.discovery import local_addresses

    found = local_addresses(host)
    outside = [a for a in found if not a.startswith("127.")]
    return [f"http://{a}:{port}" for a in (outside or found)]


def serving_chosen(settings: QSettings | None) -> bool:
    """Whether the user lets this device serve and be announced on the LAN (yes unless they said no)."""
    if settings is None:
        return True
    return str(settings.value(SERVE_SETTING, "true")).lower() not in ("false", "0")


class LanNode(QObject):
    """Owns a `sync.node.NodeSync` for the app: serve, announce, schedule; hide or show live; close on exit."""

    serving = Signal(object, bool)  # addresses (list[str], empty if not serving), announced on the LAN

    def __init__(self, node: Any, host: str = "0.0.0.0", port: int = DEFAULT_PORT, *,
                 announce: bool = True, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.node, self.host, self.port, self.announce = node, host, port, announce
        self.enabled = enabled
        self.addresses: list[str] = []
        self.announced = False
        # One worker: starting, hiding and showing again happen in the order asked, never two at once.
        self._worker = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync lan")
        self._pending: list[concurrent.futures.Future] = []

    @property
    def scheduler(self) -> Any:
        return self.node.scheduler

    def start(self) -> None:
        self._submit(self._start)

    def set_enabled(self, enabled: bool) -> None:
        """Serve and announce (True), or close the port and withdraw the mDNS record (False)."""
        self.enabled = enabled
        self._submit(self._apply)

    def _submit(self, job) -> None:
        self._pending = [f for f in self._pending if not f.done()]
        self._pending.append(self._worker.submit(job))

    def wait(self, timeout: float = 15.0) -> None:
        """Until what was asked is done (tests; closing)."""
        concurrent.futures.wait(list(self._pending), timeout)

    def _start(self) -> None:
        try:
            if self.enabled:
                self._open()
        finally:
            self.node.scheduler.start()
        emit(self.serving, list(self.addresses), self.announced)

    def _apply(self) -> None:
        if self.enabled and self.node.server is None:
            self._open()
        elif not self.enabled:
            self._shut()
        emit(self.serving, list(self.addresses), self.announced)

    def _open(self) -> None:
        try:
            port = self._serve()
            self.addresses = reachable_addresses(self.host, port)
            if self.announce:
                self.announced = bool(self.node.announce())
                if not self.announced:
                    log.info("multicast is unavailable: this device is not announced on the LAN")
        except Exception:  # serving is optional: peers and relays this device calls still sync
            log.exception("the peer endpoint could not start; syncing outbound only")

    def _shut(self) -> None:
        """Withdraw the mDNS record, then close the port."""
        self.node.unserve()
        self.addresses, self.announced = [], False

    def _serve(self) -> int:
        """Serve on the chosen port, or on any free one if it is taken."""
        try:
            server = self.node.serve(self.host, self.port)
        except OSError as exc:
            if self.port == 0:
                raise
            log.warning("port %s is unavailable (%s): serving on a free port", self.port, exc)
            server = self.node.serve(self.host, 0)
        if not server.server.started:
            raise RuntimeError("the sync endpoint did not start")
        return server.port

    def close(self, timeout: float = 15.0) -> None:
        self.wait(timeout)
        self._worker.shutdown(wait=True)
        self.node.close()


class LanBox(QGroupBox):
    """Settings: the switch to be found on the local network, and what it does now."""

    switched = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Local network"), parent)
        layout = QVBoxLayout(self)
        self.switch = QCheckBox(self.tr("&Visible on my local network"), self)
        self.switch.setAccessibleName(self.tr("Visible on my local network"))
        self.switch.toggled.connect(self._toggled)
        self.state = QLabel(self)
        plain(self.state)
        self.state.setObjectName("muted")
        self.state.setWordWrap(True)
        hint = QLabel(self.tr("Announces this device and accepts connections from peers on your local network. "
                              "When it is off, no port is open and nothing is announced; you still sync "
                              "with the peers and relays you added."), self)
        hint.setWordWrap(True)
        layout.addWidget(self.switch)
        layout.addWidget(self.state)
        layout.addWidget(hint)

    def _toggled(self, on: bool) -> None:
        emit(self.switched, on)

    def show_state(self, enabled: bool, addresses: list[str], announced: bool, pending: bool = False) -> None:
        self.switch.blockSignals(True)
        self.switch.setChecked(enabled)
        self.switch.blockSignals(False)
        self.state.setText(self.state_text(enabled, addresses, announced, pending))

    def state_text(self, enabled: bool, addresses: list[str], announced: bool, pending: bool) -> str:
        if pending:
            return self.tr("Applying…")
        if not enabled:
            return self.tr("Hidden: this device is not announced and accepts no connections.")
        if not addresses:
            return self.tr("Visible, but not serving right now: see the Sync screen.")
        text = self.tr("Visible at %1.").replace("%1", ", ".join(addresses))
        return text + (" " + self.tr("Announced on your local network.") if announced else "")

