"""How the protocol's app is served so that slow or idle sockets cannot hold it (issue 10, point 6).

uvicorn times out idle keep-alive connections but not a request whose
headers never finish; `header_deadline` adds that. A body's deadline is the
app's (`AppConfig.body_timeout`), requests in flight per address are bounded
by `api.PerClientLimit`, and `SERVER_OPTIONS` bound the rest.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from typing import Any, cast

from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT_SECONDS = 10.0

SERVER_OPTIONS: dict[str, Any] = {
    "timeout_keep_alive": 5,           # an idle connection between requests
    "limit_concurrency": 1000,         # connections and tasks in all; past it uvicorn answers 503 at once
    "h11_max_incomplete_event_size": 16 * 1024,  # request line and headers
    "timeout_graceful_shutdown": 3,    # SIGTERM does not wait on stalled clients
}


def header_deadline(seconds: float = HEADER_TIMEOUT_SECONDS) -> type[H11Protocol]:
    """uvicorn's h11 protocol, closing a connection whose next request's headers take over `seconds`."""

    class HeaderDeadline(H11Protocol):
        _timer: asyncio.TimerHandle | None = None
        _armed_for: object = None

        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            super().connection_made(cast(asyncio.Transport, transport))  # uvicorn narrows asyncio's type
            self._arm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _arm(self) -> None:
            self._disarm()
            self._armed_for = self.cycle  # a new cycle object means the next request's headers came
            self._timer = self.loop.call_later(seconds, self._headers_late)

        def _disarm(self) -> None:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

        def _headers_late(self) -> None:
            self._timer = None
            waiting = self.cycle is self._armed_for and (self.cycle is None or self.cycle.response_complete)
            if waiting and not self.transport.is_closing():
                self.transport.close()

    return HeaderDeadline


def raise_open_files_limit(wanted: int = 8192) -> None:
    """Let the server hold `limit_concurrency` sockets (the soft limit is often 1024)."""
    if sys.platform == "win32":
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        with contextlib.suppress(ValueError, OSError):  # not allowed here: keep the system's
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
