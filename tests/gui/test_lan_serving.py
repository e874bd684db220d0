"""The app serves its peer endpoint and announces it on the LAN, then closes cleanly."""

from __future__ import annotations

import json
import urllib.request

from ui.app import start_sync
from ui.lan import PORT_SETTING


def test_the_window_serves_on_loopback_and_closes_cleanly(qtbot, window, settings):
    settings.setValue(PORT_SETTING, 0)
    source, close, lan = start_sync(window.ops.services, False, settings, host="127.0.0.1")
    assert lan is not None and source is lan.scheduler
    window.set_sync_source(source)
    lan.serving.connect(window.set_serving)
    with qtbot.waitSignal(lan.serving, timeout=30000) as heard:
        lan.start()  # serve, announce, schedule: off the UI thread
    [address] = heard.args[0]
    assert address.startswith("http://127.0.0.1:")
    assert address in window.sync_screen.serving.text()
    with urllib.request.urlopen(f"{address}/v1/info", timeout=10) as answer:
        info = json.loads(answer.read())
    assert info  # the peer endpoint answers
    window.set_language("fr")  # the Sync screen is rebuilt and still says where it serves
    assert address in window.sync_screen.serving.text()
    window.set_language("en")

    window.close()
    close()
    node = lan.node
    assert not node.server.thread.is_alive()
    assert node.scheduler.stopping.is_set()
    assert node.announcer is None or node.announcer.zeroconf is None  # unregistered from the LAN


def test_a_taken_port_falls_back_to_a_free_one(qtbot, window, settings):
    import socket

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    try:
        settings.setValue(PORT_SETTING, taken.getsockname()[1])
        _source, close, lan = start_sync(window.ops.services, False, settings, host="127.0.0.1")
        lan.announce = False
        with qtbot.waitSignal(lan.serving, timeout=30000) as heard:
            lan.start()
        [address] = heard.args[0]
        assert not address.endswith(f":{taken.getsockname()[1]}")
        close()
    finally:
        taken.close()
