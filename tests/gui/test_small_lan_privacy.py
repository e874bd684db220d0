"""LAN privacy: the Settings switch closes the port and withdraws the mDNS record, live, in both languages."""

from __future__ import annotations

import socket

import pytest

from sync.discovery import SERVICE
from ui.app import start_sync
from ui.lan import PORT_SETTING, SERVE_SETTING

STATUS = {"en": ("LAN: visible", "LAN: hidden"), "fr": ("Réseau local : visible", "Réseau local : masqué")}


def connects(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture
def browser():
    """A real mDNS browser on loopback, apart from the app's own zeroconf."""
    from zeroconf import IPVersion, Zeroconf

    zc = Zeroconf(interfaces=["127.0.0.1"], ip_version=IPVersion.V4Only)
    yield zc
    zc.close()


def resolves(browser, name: str) -> bool:
    return browser.get_service_info(SERVICE, name, timeout=1500) is not None


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_switch_closes_the_port_and_stops_the_record_then_opens_them_again(
        qtbot, window, settings, browser, language):
    settings.setValue(PORT_SETTING, 0)
    source, close, lan = start_sync(window.ops.services, False, settings, host="127.0.0.1")
    window.set_sync_source(source)
    window.set_lan(lan)
    with qtbot.waitSignal(lan.serving, timeout=30000) as heard:
        lan.start()
    [address] = heard.args[0]
    port = int(address.rsplit(":", 1)[1])
    assert connects(port)
    announcer = lan.node.announcer
    assert lan.announced, "multicast on loopback is needed for this test"
    name = announcer.info.name
    qtbot.waitUntil(lambda: resolves(browser, name), timeout=15000)

    window.set_language(language)
    visible, hidden = STATUS[language]
    box = window.settings_screen.lan_box
    assert box.switch.isChecked()
    assert window.lan_label.text() == visible and address in box.state.text()

    with qtbot.waitSignal(lan.serving, timeout=30000) as heard:
        box.switch.click()  # off
    assert heard.args[0] == []
    assert not connects(port)  # the port is closed
    qtbot.waitUntil(lambda: not resolves(browser, name), timeout=15000)  # the record is withdrawn
    assert lan.node.server is None and lan.node.announcer is None and announcer.zeroconf is None
    assert str(settings.value(SERVE_SETTING)) == "false"  # kept for the next start
    assert window.lan_label.text() == hidden
    assert not box.switch.isChecked() and address not in box.state.text()

    window.show_screen(0)  # the status bar and the switch survive a rebuild in the other language
    window.set_language("fr" if language == "en" else "en")
    window.set_language(language)
    assert window.lan_label.text() == hidden and not window.settings_screen.lan_box.switch.isChecked()

    with qtbot.waitSignal(lan.serving, timeout=30000) as heard:
        window.settings_screen.lan_box.switch.click()  # on again, without a restart
    [address] = heard.args[0]
    assert connects(int(address.rsplit(":", 1)[1]))
    assert lan.announced and lan.node.announcer is not None
    qtbot.waitUntil(lambda: resolves(browser, lan.node.announcer.info.name), timeout=15000)
    assert window.lan_label.text() == visible
    assert str(settings.value(SERVE_SETTING)) == "true"
    window.set_language("en")
    window.close()
    close()


def test_a_device_hidden_before_stays_hidden_at_the_next_start(qtbot, window, settings):
    settings.setValue(PORT_SETTING, 0)
    settings.setValue(SERVE_SETTING, "false")
    _source, close, lan = start_sync(window.ops.services, False, settings, host="127.0.0.1")
    window.set_lan(lan)
    with qtbot.waitSignal(lan.serving, timeout=30000) as heard:
        lan.start()
    assert heard.args == [[], False]
    assert lan.node.server is None and lan.node.announcer is None
    assert not lan.scheduler.stopping.is_set()  # outbound sync still runs
    assert window.lan_label.text() == "LAN: hidden"
    assert not window.settings_screen.lan_box.switch.isChecked()
    close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_hiding_closes_the_team_relay_too_and_showing_brings_it_back(qtbot, window, settings, language):
    """Off means no open port: the relay run for the team included. It is not forgotten: it comes back on."""
    window.set_language(language)
    host = window.relay_host
    host.port = 0
    host.start()
    qtbot.waitUntil(lambda: host.running, timeout=15000)
    port = host.relay.port
    assert connects(port)
    box = window.settings_screen.lan_box
    box.switch.click()  # hide
    assert not host.running and not connects(port) and host.wanted()
    window.settings_screen.hosted_button.click()  # asked again while hidden: refused, saying why
    assert not host.running and not host.starting
    said = window.settings_screen.hosted_label.text()
    assert ("Visible on my local network" if language == "en" else "Visible sur mon réseau local") in said
    box.switch.click()  # visible again: the team relay is back, on a fresh port
    qtbot.waitUntil(lambda: host.running, timeout=15000)
    assert connects(host.relay.port) and not host.error
    window.set_language("en")
    host.stop()
