"""A relay address field that checks as you type: a URL, reachable, really a Skiller relay (issue 12, point 1).

Typing restarts a short timer; when it fires, `sync.relay_probe.check_relay`
(one bounded `GET /v1/info`) runs on the network pool, never on the UI
thread nor on the database worker. Only the answer for the text still in the
field is shown; an address can be saved only once it was found to be a relay.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QLineEdit

from .qtcompat import emit
from .runner import Runner

Done = Callable[[Any, BaseException | None], None]


class NetworkRunner(Runner):
    """Network calls on their own small pool (a slow relay never holds the database worker); `done` on the UI thread."""

    def __init__(self, parent: QObject | None = None, workers: int = 2) -> None:
        super().__init__(parent, workers, "skiller-net")

    @Slot(object, object, object)
    def _deliver(self, done: Done | None, result: Any, error: BaseException | None) -> None:
        try:
            super()._deliver(done, result, error)
        except RuntimeError as exc:  # the widget that asked was closed meanwhile (a dialog, a language switch)
            if "already deleted" not in str(exc):
                raise

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


_shared: list[NetworkRunner] = []


def network() -> NetworkRunner:
    """The app's one network pool, parented to the application so it lives as long as it."""
    if not _shared:
        app = QCoreApplication.instance()
        runner = NetworkRunner(app)
        if app is not None:
            app.aboutToQuit.connect(runner.shutdown)
        _shared.append(runner)
    return _shared[0]


def check_words(code: str) -> str:
    """A relay check's result in the user's words."""
    words = {
        "ok": QCoreApplication.translate("RelayCheck", "✓ This is a Skiller relay."),
        "bad_address": QCoreApplication.translate(
            "RelayCheck", "This is not a relay address: one looks like https://relay.example.org."),
        "unreachable": QCoreApplication.translate(
            "RelayCheck", "Nothing answers at this address. Check it, and that the relay is running."),
        "timeout": QCoreApplication.translate(
            "RelayCheck", "This address did not answer in time. Check your connection and try again."),
        "not_skiller": QCoreApplication.translate(
            "RelayCheck", "Something answers at this address, but it is not a Skiller relay."),
        "is_device": QCoreApplication.translate(
            "RelayCheck", "This is a Skiller device, not a relay: add it as a peer on the Sync screen."),
        "newer_protocol": QCoreApplication.translate("RelayCheck", "This relay needs a newer version of Skiller."),
        "checking": QCoreApplication.translate("RelayCheck", "Checking this address…"),
    }
    return words.get(code, words["not_skiller"])


def default_probe(url: str) -> Any:
    from sync.relay_probe import check_relay

    return check_relay(url)


class RelayAddressCheck(QObject):
    """Watches a line edit; `checked(ok)` says whether the text in it now is a relay that may be saved."""

    checked = Signal(bool)

    def __init__(self, field: QLineEdit, label: QLabel, debounce_ms: int = 400,
                 probe: Callable[[str], Any] | None = None) -> None:
        super().__init__(field)
        self.field, self.label = field, label
        self.probe = probe or default_probe
        self.result: Any = None       # the last RelayCheck for `self.checked_text`
        self.checked_text = ""
        self._asked = ""              # the text whose check is under way
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(debounce_ms)
        self.timer.timeout.connect(self.check_now)
        field.textChanged.connect(self._typed)

    def _typed(self, _text: str) -> None:
        self.result, self.checked_text = None, ""
        self.label.hide()
        emit(self.checked, False)
        self.timer.start()

    @property
    def pending(self) -> bool:
        return self.timer.isActive() or bool(self._asked)

    def usable(self) -> str | None:
        """The address to save, if the text in the field was found to be a relay."""
        text = self.field.text().strip()
        ok = self.result is not None and self.result.ok and self.checked_text == text
        return self.result.url if ok else None

    def check_now(self) -> None:
        self.timer.stop()
        text = self.field.text().strip()
        if not text:
            return
        self._asked = text
        self._say("checking", error=False)
        probe = self.probe
        # A check still queued when the user has typed on is skipped: it would hold the pool for nothing.
        network().submit(lambda: probe(text) if self._asked == text else None,
                         lambda result, error: self._answered(text, result, error))

    def _answered(self, text: str, result: Any, error: BaseException | None) -> None:
        if self._asked == text:
            self._asked = ""
        if text != self.field.text().strip() or (result is None and error is None):
            return  # the user typed on: this answer is for an older text, or was skipped
        if error is not None:
            from sync.relay_probe import RelayCheck

            result = RelayCheck("unreachable", text)
        self.result, self.checked_text = result, text
        self._say(result.code, error=not result.ok)
        emit(self.checked, bool(result.ok))

    def _say(self, code: str, error: bool) -> None:
        self.label.setText(check_words(code))
        self.label.setProperty("ok", not error and code == "ok")
        self.label.setObjectName("fieldError" if error else "muted")
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)
        self.label.show()
