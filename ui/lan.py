"""This device as a peer: serve the sync endpoint, announce it on the LAN, then sync in the background.

Starting the endpoint waits for uvicorn, and announcing waits for mDNS
probes (a second or two), so both run on a thread of their own; the window
opens at once and hears `serving` when the address is known. Closing joins
that thread before stopping the node, so nothing is left half started.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

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


class LanNode(QObject):
    """Owns a `sync.node.NodeSync` for the app: serve, announce, schedule; close on exit."""

    serving = Signal(object, bool)  # addresses (list[str], empty if not serving), announced on the LAN

    def __init__(self, node: Any, host: str = "0.0.0.0", port: int = DEFAULT_PORT, *,
                 announce: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.node, self.host, self.port, self.announce = node, host, port, announce
        self.addresses: list[str] = []
        self.announced = False
        self._thread: threading.Thread | None = None

    @property
    def scheduler(self) -> Any:
        return self.node.scheduler

    def start(self) -> None:
        self._thread = threading.Thread(target=self._start, name="sync start", daemon=True)
        self._thread.start()

    def _start(self) -> None:
        try:
            port = self._serve()
            self.addresses = reachable_addresses(self.host, port)
            if self.announce:
                self.announced = bool(self.node.announce())
                if not self.announced:
                    log.info("multicast is unavailable: this device is not announced on the LAN")
        except Exception:  # serving is optional: peers and relays this device calls still sync
            log.exception("the peer endpoint could not start; syncing outbound only")
        finally:
            self.node.scheduler.start()
        emit(self.serving, list(self.addresses), self.announced)

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
        if self._thread is not None:
            self._thread.join(timeout)
        self.node.close()
