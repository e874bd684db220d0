"""A second launch on the same data dir hands its `.skb` file or `skiller:` link to the running window.

In-process: the local server and a client in another thread (the client's calls block, as a second
launch's do). Two processes: the real app on a data dir whose path has spaces and non-ASCII letters,
then second launches with a bundle and with an invitation link; the test waits for what the running
app did (the bundle's person in its store, the link's person fetched from a loopback relay), never
for time, and the second launches exit at once without opening the store.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from support import publish, wait_until

from skiller_desktop.invitations import Invitation, encode
from skiller_desktop.launch import openable
from skiller_desktop.services import Services
from ui.single_instance import Instance, decode_request, encode_request, hand_off, open_items, server_name

ROOT = Path(__file__).resolve().parents[2]


class Handed:
    """`hand_off` run by another process, as a second launch runs it (in a thread of this one, its blocking
    waits would hold the GIL that the listening side's slots need)."""

    def __init__(self, data_dir: Path, items: list[str]) -> None:
        code = ("import sys, json; from pathlib import Path; from PySide6.QtCore import QCoreApplication; "
                "from ui.single_instance import hand_off; app = QCoreApplication([]); "
                "print(json.dumps(hand_off(Path(sys.argv[1]), json.loads(sys.argv[2]))))")
        env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
                   QT_QPA_PLATFORM="offscreen")
        self.process = subprocess.Popen([sys.executable, "-c", code, str(data_dir), json.dumps(items)], env=env,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def done(self) -> bool:
        return self.process.poll() is not None

    def answer(self) -> bool:
        out, err = self.process.communicate(timeout=30)
        assert self.process.returncode == 0, err
        return bool(json.loads(out))


def test_a_second_launch_hands_its_items_to_the_listening_instance(qtbot, tmp_path: Path) -> None:
    data_dir = tmp_path / "Élodie Müller" / "mes données"
    first = Instance(data_dir)
    assert first.listen()
    got: list[list[str]] = []
    first.attach(got.append)
    bundle = tmp_path / "ana lúcia.skb"
    link = "skiller:invite?v=1&id=did:key:z6Mk&relay=http%3A%2F%2F127.0.0.1%3A1"
    second = Handed(data_dir, [str(bundle), link, "/etc/passwd", "https://example.org"])
    qtbot.waitUntil(second.done, timeout=20_000)
    assert second.answer() is True
    assert got == [[str(bundle), link]]  # only what the window accepts from a click: a bundle, a link
    first.close()


def test_items_handed_before_the_window_exists_wait_for_it(qtbot, tmp_path: Path) -> None:
    first = Instance(tmp_path)
    assert first.listen()
    second = Handed(tmp_path, [str(tmp_path / "a.skb")])
    qtbot.waitUntil(lambda: bool(first.pending), timeout=20_000)
    got: list[list[str]] = []
    first.attach(got.append)  # the window, once the first run or the demo's generation is over
    assert got == [[str(tmp_path / "a.skb")]] and first.pending == []
    qtbot.waitUntil(second.done, timeout=20_000)
    assert second.answer() is True
    first.close()


def test_another_data_dir_is_another_instance(qtbot, tmp_path: Path) -> None:
    first = Instance(tmp_path / "one")
    assert first.listen()
    assert server_name(tmp_path / "one") != server_name(tmp_path / "two")
    assert hand_off(tmp_path / "two", []) is False
    first.close()


@pytest.mark.skipif(os.name == "nt", reason="a Unix socket file left behind by a crash")
def test_a_crashed_apps_socket_is_replaced_not_answered(qtbot, tmp_path: Path) -> None:
    path = Path(tempfile.gettempdir()) / server_name(tmp_path)
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(path))  # bound and closed without listening: what a killed app leaves
    stale.close()
    try:
        started = time.monotonic()
        assert hand_off(tmp_path, ["x.skb"]) is False
        assert time.monotonic() - started < 2
        first = Instance(tmp_path)
        assert first.listen()
        second = Handed(tmp_path, [])
        qtbot.waitUntil(second.done, timeout=20_000)
        assert second.answer() is True
        first.close()
    finally:
        path.unlink(missing_ok=True)


@pytest.mark.skipif(os.name == "nt", reason="a Unix socket stands in for the hung app")
def test_a_hung_first_app_is_neither_replaced_nor_joined(qtbot, tmp_path: Path) -> None:
    from ui.single_instance import BUSY, ask_running

    path = Path(tempfile.gettempdir()) / server_name(tmp_path)
    hung = socket.socket(socket.AF_UNIX)
    hung.bind(str(path))
    hung.listen(1)  # accepts connections (the kernel does) and never answers
    try:
        assert ask_running(tmp_path, ["x.skb"]) == BUSY
        assert path.exists()  # its name was left alone
    finally:
        hung.close()
        path.unlink(missing_ok=True)


def test_malformed_requests_open_nothing() -> None:
    assert decode_request(b"\xff\xfe") == []
    assert decode_request(b'{"open": "a.skb"}') == []
    assert decode_request(b"[1, 2]") == []
    assert decode_request(encode_request(["a.SKB", "skiller:invite?v=1", 3]))[1] == "skiller:invite?v=1"  # type: ignore[list-item]


def test_open_items_sends_links_to_the_link_dialog_and_bundles_to_the_import(tmp_path: Path) -> None:
    class Window:
        def __init__(self) -> None:
            self.calls: list[tuple[str, object]] = []

        def open_link(self, link: str) -> None:
            self.calls.append(("link", link))

        def import_bundle_file(self, path: Path) -> None:
            self.calls.append(("bundle", path))

    window = Window()
    open_items(window, [str(tmp_path / "a.skb"), "skiller:invite?v=1"], bring_to_front=False)
    assert window.calls == [("bundle", tmp_path / "a.skb"), ("link", "skiller:invite?v=1")]


def test_what_a_launcher_passes_is_read_as_the_window_opens_it(tmp_path: Path) -> None:
    assert openable("SKILLER:invite?v=1") == "SKILLER:invite?v=1"
    assert openable("file:///home/%C3%A9lodie/mes%20paquets/ana.skb") == "/home/élodie/mes paquets/ana.skb"
    assert openable(str(tmp_path / "x.SKB")) == str(tmp_path / "x.SKB")
    assert openable("notes.txt") is None and openable("https://example.org/a.skb.html") is None


# -- two processes ------------------------------------------------------------------------------------


def app_env(home: Path) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", SKILLER_NO_KEYRING="1", SKILLER_UI_SAY_READY="1",
                XDG_CONFIG_HOME=str(home / "config"), HOME=str(home), PYTHONIOENCODING="utf-8",
                PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def launch(data_dir: Path, home: Path, *args: str) -> subprocess.Popen:
    code = "import sys; from skiller_desktop.__main__ import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.Popen([sys.executable, "-c", code, "--data-dir", str(data_dir), *args], env=app_env(home),
                            cwd=home, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")


def person_in(data_dir: Path, person_id: str, app: subprocess.Popen) -> bool:
    assert app.poll() is None, app.communicate()[1]
    reader = Services(data_dir)
    try:
        return reader.queries.person_exists(person_id)
    finally:
        reader.close()


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="SIGTERM is not a polite request on Windows")
def test_a_second_launch_with_a_bundle_or_a_link_is_acted_on_by_the_running_app(tmp_path: Path) -> None:
    from sync.hosted_relay import HostedRelay

    (tmp_path / "relay").mkdir()
    relay = HostedRelay(tmp_path / "relay", host="127.0.0.1", port=0)
    relay.start()
    mine = tmp_path / "Élodie Müller" / "mes données"
    first = None
    try:
        ana = Services(tmp_path / "ana")
        ana.create_identity("Ana Lúcia", "Weaver")
        bundle = tmp_path / "ana lúcia.skb"
        ana.export_bundle(bundle)
        ana_id = ana.person_id
        ana.close()
        dan = Services(tmp_path / "dan")
        dan.create_identity("Dan")
        publish(dan, relay.local_url)
        link = encode(Invitation(dan.person_id, (relay.local_url,), name="Dan"))
        dan_id = dan.person_id
        dan.close()
        me = Services(mine)
        me.create_identity("Élodie Müller")
        me.close()

        first = launch(mine, tmp_path)
        assert first.stdout is not None and first.stdout.readline().strip() == "ui-ready"

        second = launch(mine, tmp_path, str(bundle))
        out, err = second.communicate(timeout=60)
        assert second.returncode == 0 and "ui-handed-off" in out, out + err
        wait_until(lambda: person_in(mine, ana_id, first), timeout=60, interval=0.3,
                   message="the bundle imported by the running app")

        third = launch(mine, tmp_path, link)
        out, err = third.communicate(timeout=60)
        assert third.returncode == 0 and "ui-handed-off" in out, out + err
        wait_until(lambda: person_in(mine, dan_id, first), timeout=90, interval=0.3,
                   message="the person of the link fetched by the running app")

        first.send_signal(signal.SIGTERM)
        _, err = first.communicate(timeout=60)
        assert first.returncode == 0, err
        assert "Traceback" not in err, err
    finally:
        if first is not None and first.poll() is None:
            first.kill()
            first.communicate()
        relay.stop()


def test_a_bundle_opened_from_the_finder_is_imported(qtbot, tmp_path: Path) -> None:
    """macOS hands a double-clicked .skb to the running app as a QFileOpenEvent."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QMainWindow

    from ui.invite_actions import LinkOpener

    class Window(QMainWindow):
        def __init__(self) -> None:
            super().__init__()
            self.imported: list[Path] = []

        def import_bundle_file(self, path: Path) -> None:
            self.imported.append(path)

    window = Window()
    qtbot.addWidget(window)
    opener = LinkOpener(window)  # type: ignore[arg-type]
    bundle = tmp_path / "Ana Lúcia.skb"
    assert opener.eventFilter(window, QFileOpenEvent(str(bundle))) is True
    assert window.imported == [bundle]
    assert opener.eventFilter(window, QFileOpenEvent(str(tmp_path / "notes.txt"))) is False
    QCoreApplication.processEvents()
