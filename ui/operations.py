"""Operations: every change runs on the worker and ends in one `changed(Changes)` signal.

The services tell their listeners after each commit (local edit, import, or
documents a sync brought, when `sync.node.NodeSync` runs);
`Operations` turns that into a Qt signal on the main thread, so every screen
hears about every change, whoever made it, and redraws only what it shows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from skiller_desktop.errors import SkillerError
from skiller_desktop.services import Services
from skiller_desktop.views import Changes

from .qtcompat import emit
from .runner import Done, Runner, SyncRunner

log = logging.getLogger(__name__)


def on_error(say: Callable[[BaseException], None]) -> Done:
    """A `done` that only says the error, if there is one (the change itself redraws the screens)."""

    def done(_result: Any, error: BaseException | None) -> None:
        if error is not None:
            say(error)

    return done


class Operations(QObject):
    changed = Signal(object)  # Changes
    busy_changed = Signal(bool)

    def __init__(self, services: Services, runner: Runner | SyncRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        services.add_listener(self._heard)

    def _heard(self, changes: Changes) -> None:
        # Called on whatever thread committed; emitting queues it to the main thread.
        emit(self.changed, changes)

    def read(self, fn: Callable[[], Any], done: Done) -> None:
        """A query on the worker; `done(result, error)` runs on the main thread."""
        self.runner.submit(fn, done)

    def run(self, fn: Callable[[], Any], done: Done | None = None) -> None:
        """A change on the worker; the listeners' `changed` signal follows it."""
        emit(self.busy_changed, True)

        def finished(result: Any, error: BaseException | None) -> None:
            emit(self.busy_changed, False)
            if error is not None and not isinstance(error, SkillerError):
                log.error("operation failed", exc_info=error)  # our bug: keep the trace
            if done is not None:
                done(result, error)

        self.runner.submit(fn, finished)

    def announce(self, changes: Changes) -> None:
        """Tell every screen about changes made behind the services' back (demo generation)."""
        emit(self.changed, changes)
