"""One database worker: service calls run off the UI thread, results come back as (result, error).

Like Anki's taskman and Picard's thread helper: all database work is serialised
on a single thread, and the callback runs on the main thread. Tests use
`SyncRunner`, which calls everything at once, so nothing waits for time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from .qtcompat import emit

log = logging.getLogger(__name__)
Done = Callable[[Any, BaseException | None], None]


class Runner(QObject):
    """Run `fn` on the database worker and hand `(result, error)` to `done` on the main thread."""

    _finished = Signal(object, object, object)

    def __init__(self, parent: QObject | None = None, workers: int = 1, name: str = "skiller-db") -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=name)
        self._finished.connect(self._deliver)

    def submit(self, fn: Callable[[], Any], done: Done | None = None) -> None:
        self._pool.submit(self._call, fn, done)

    def _call(self, fn: Callable[[], Any], done: Done | None) -> None:
        try:
            result, error = fn(), None
        except Exception as exc:  # handed to the caller, which says it to the user
            result, error = None, exc
        emit(self._finished, done, result, error)

    @Slot(object, object, object)
    def _deliver(self, done: Done | None, result: Any, error: BaseException | None) -> None:
        if done is not None:
            done(result, error)
        elif error is not None:
            log.error("background call failed", exc_info=error)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class SyncRunner(QObject):
    """The same interface, run at once on the calling thread: for tests and screenshots."""

    def submit(self, fn: Callable[[], Any], done: Done | None = None) -> None:
        try:
            result, error = fn(), None
        except Exception as exc:
            result, error = None, exc
        if done is not None:
            done(result, error)
        elif error is not None:
            log.error("call failed", exc_info=error)

    def shutdown(self) -> None:
        pass
