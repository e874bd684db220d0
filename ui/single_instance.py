"""One window per data dir: a second launch hands its `.skb` files and `skiller:` links to the first.

The first app on a data dir listens on a local socket (QLocalServer: a Unix
socket in the temp dir, a named pipe on Windows) whose name is derived from
the user and the data dir. A second launch on the same data dir connects,
sends what it was started with as one line of JSON, waits for "ok", and
exits: it never opens the store, so there is only ever one writer. Nothing
answering (the first app crashed and left its socket file behind): the
stale name is removed and this launch becomes the first.

The server accepts only the current user's connections (UserAccessOption)
and acts only on what the window would accept from a click: an invitation
link (decoded and checked by the link dialog) or a path ending in `.skb`
(imported as File › Import would, with every signature checked).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from skiller_desktop import safe_json
from skiller_desktop.launch import BUNDLE_SUFFIX, is_link, openable

log = logging.getLogger(__name__)

CONNECT_MS = 1500  # a live first app answers within a few ms; a hung one is treated as gone after this
ANSWER_MS = 5000  # the UI thread never blocks longer than a frame; a modal dialog still answers
MAX_MESSAGE = 64 * 1024  # at most a handful of paths and links (each link ≤ 2,048 characters)


def server_name(data_dir: Path) -> str:
    """Short (a Unix socket path is limited to ~100 bytes), per user and per data dir, ASCII only."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment (a service account): the home folder says who
        user = str(Path.home())
    key = f"{user}\0{Path(data_dir).expanduser().resolve()}".encode("utf-8", "surrogatepass")
    return "skiller-" + hashlib.sha256(key).hexdigest()[:24]


def encode_request(items: Sequence[str]) -> bytes:
    return json.dumps({"open": list(items)}, ensure_ascii=True).encode("ascii") + b"\n"


def decode_request(data: bytes) -> list[str]:
    """The items of a request, or [] for anything malformed (a stray client, a truncated line)."""
    try:
        message = safe_json.loads(data.decode("utf-8"))
    except ValueError:  # UnicodeDecodeError and safe_json's TooDeepError are ValueErrors
        return []
    items = message.get("open") if isinstance(message, dict) else None
    if not isinstance(items, list):
        return []
    return [found for item in items if isinstance(item, str) and (found := openable(item)) is not None]


def hand_off(data_dir: Path, items: Sequence[str]) -> bool:
    """True when an app already runs on `data_dir` and took `items` (possibly none: it comes to the front)."""
    return ask_running(data_dir, items) == TAKEN


TAKEN, ABSENT, BUSY = "taken", "absent", "busy"


def ask_running(data_dir: Path, items: Sequence[str]) -> str:
    """TAKEN: the running app took `items`; ABSENT: none runs (or a crashed one left its name behind);
    BUSY: one accepted the connection but never answered (hung): starting a second writer beside it
    would be wrong, and so would deleting its name."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(CONNECT_MS):
        return ABSENT
    socket.write(encode_request(items))
    socket.flush()
    socket.waitForBytesWritten(ANSWER_MS)
    answered = b""
    while b"\n" not in answered:
        ready = socket.waitForReadyRead(ANSWER_MS)
        answered += bytes(socket.readAll().data())  # the answer may come with the server's hang-up
        if not ready:
            break
    socket.abort()
    return TAKEN if answered.startswith(b"ok") else BUSY


class Instance(QObject):
    """The first app's listening side: each request's items go to the window's opener (`attach`)."""

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connected)
        self._buffers: dict[QLocalSocket, bytes] = {}
        self.pending: list[str] = []  # what arrived before the window existed (first run, the demo's generation)
        self._target: Callable[[list[str]], None] | None = None

    def attach(self, target: Callable[[list[str]], None]) -> None:
        """From now on hand items to `target` (the window's opener), starting with those that waited."""
        self._target = target
        waiting, self.pending = self.pending, []
        if waiting:
            target(waiting)

    def listen(self) -> bool:
        """Listen, replacing a stale name left by a crashed app (hand_off found nobody answering)."""
        if self.server.listen(self.name):
            return True
        if self.server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            QLocalServer.removeServer(self.name)
            if self.server.listen(self.name):
                return True
        log.warning("second launches will not reach this window: %s", self.server.errorString())
        return False

    def close(self) -> None:
        self.server.close()

    def _connected(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if len(data) > MAX_MESSAGE:
            socket.abort()
            return
        self._buffers[socket] = data
        if b"\n" not in data:
            return
        socket.write(b"ok\n")
        socket.flush()
        socket.disconnectFromServer()
        items = decode_request(data.split(b"\n", 1)[0])
        if self._target is not None:
            self._target(items)
        else:
            self.pending.extend(items)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()


def open_items(window: object, items: Sequence[str], bring_to_front: bool = True) -> None:
    """What the window does with handed items: links through the link dialog, bundles through the import."""
    if bring_to_front:
        _front(window)
    for item in items:
        if is_link(item):
            _call(window, "open_link", item)
        elif item.lower().endswith(BUNDLE_SUFFIX):
            _call(window, "import_bundle_file", Path(item))


def _call(window: object, name: str, argument: object) -> None:
    method: Callable[[object], object] = getattr(window, name)
    method(argument)


def _front(window: object) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QWidget

    if isinstance(window, QWidget):
        window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
        window.show()
        if QGuiApplication.platformName() != "offscreen":  # which has no stacking order (and warns)
            window.raise_()
        window.activateWindow()
