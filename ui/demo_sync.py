"""A pretend sync source for `skiller --demo`: a LAN peer and a relay, so the Sync screen has life.

It follows the scheduler's status API exactly; nothing goes on the network.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")  # as the scheduler's: the screen says "just now"


@dataclass(frozen=True)
class DemoStatus:
    peer_id: str
    url: str
    kind: str
    state: str
    last_success: str
    last_error: str
    progress: tuple[int, int | None] | None = None
    problem: str = ""  # an ADVICE code (sync.words), as the scheduler's statuses carry
    progress_unit: str = "documents"


class DemoSyncSource:
    def __init__(self) -> None:
        stamp = _now()
        self._statuses = [
            DemoStatus("lan-1", "192.168.1.42:8765", "lan", "up to date", stamp, ""),
            DemoStatus("relay-1", "https://relay.skiller.example", "relay", "up to date", stamp, ""),
            DemoStatus("relay-2", "https://relais.coop.example", "relay", "error", "",
                       "https://relais.coop.example did not finish answering within 10 s", problem="sync.timeout"),
        ]
        self._listeners: list[Callable[[], None]] = []

    def statuses(self) -> list[DemoStatus]:
        return list(self._statuses)

    def add_status_listener(self, callback: Callable[[], None]) -> None:
        self._listeners.append(callback)

    def sync_now(self) -> None:
        stamp = _now()
        self._statuses = [replace(s, state="up to date", last_success=stamp) if s.state != "error" else s
                          for s in self._statuses]
        self._tell()

    def cancel(self) -> None:
        self._statuses = [replace(s, state="incomplete", last_error="the sync was stopped", problem="sync.cancelled")
                          if s.state == "syncing" else s for s in self._statuses]
        self._tell()

    def add_peer(self, url: str, kind: str) -> DemoStatus:
        status = DemoStatus(f"{kind}-{len(self._statuses) + 1}", url, kind, "offline", "", "")
        self._statuses.append(status)
        self._tell()
        return status

    def _tell(self) -> None:
        for callback in list(self._listeners):
            callback()
