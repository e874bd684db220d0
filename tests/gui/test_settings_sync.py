"""Settings and Sync: switch language live, add a relay, peers' states, geometry remembered."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from ui.demo_sync import DemoSyncSource
from ui.main_window import SCREENS, MainWindow


def relay_is_there(window) -> None:
    """No network in these tests: the relay check answers "a relay" at once."""
    from sync.relay_probe import RelayCheck

    window.settings_screen.relay_check.probe = lambda url: RelayCheck("ok", url)


def test_switch_language_without_restart(qtbot, window, settings):
    window.show_screen(SCREENS.index("settings"))
    combo = window.settings_screen.language
    combo.setCurrentIndex(combo.findData("fr"))
    combo.activated.emit(combo.currentIndex())
    assert window.languages.current == "fr"
    assert settings.value("language") == "fr"
    assert window.sidebar.item(0).text() == "Mon profil"
    assert window.stack.currentWidget() is window.settings_screen  # still on Settings
    assert window.people_screen.model.headerData(0, Qt.Orientation.Horizontal) == "Nom"
    window.show_screen(1)
    assert window.portfolio_screen.add_button.text().startswith("&Nouvelle")
    combo = window.settings_screen.language
    combo.setCurrentIndex(combo.findData("en"))
    combo.activated.emit(combo.currentIndex())
    assert window.sidebar.item(0).text() == "My profile"


def test_add_a_relay(qtbot, window):
    # without a scheduler: no peers, offline, and adding says why it cannot
    assert window.sync_screen.empty.isVisibleTo(window.sync_screen)
    assert window.status_label.text() == "○ Offline"
    window.show_screen(SCREENS.index("settings"))
    relay_is_there(window)  # the address check itself: tests/gui/test_wayin_links.py
    window.settings_screen.relay_address.setText("https://relay.example.org")
    window.settings_screen.add_relay()
    qtbot.waitUntil(lambda: window.settings_screen.relay_error.isVisibleTo(window.settings_screen))

    source = DemoSyncSource()
    window.set_sync_source(source)
    assert window.status_label.text() == "▲ 1 of 3 not syncing"  # the demo's second relay fails: not "Online"
    window.settings_screen.relay_address.setText("https://relay.example.org")
    window.settings_screen.add_relay()
    qtbot.waitUntil(lambda: window.settings_screen.relay_address.text() == "")
    assert not window.settings_screen.relay_error.isVisibleTo(window.settings_screen)
    urls = [window.sync_screen.table.item(r, 0).text() for r in range(window.sync_screen.table.rowCount())]
    assert "https://relay.example.org" in urls
    relays = [window.settings_screen.relays.item(r, 0).text() for r in range(window.settings_screen.relays.rowCount())]
    assert "https://relay.example.org" in relays

    # a peer by address, from the Sync screen; then "sync now"
    window.show_screen(SCREENS.index("sync"))
    window.sync_screen.kind.setCurrentIndex(window.sync_screen.kind.findData("peer"))
    window.sync_screen.address.setText("192.168.1.7:8765")
    window.sync_screen.add_button.click()
    states = {s.url: s.state for s in source.statuses()}
    assert states["192.168.1.7:8765"] == "offline"
    window.sync_screen.sync_button.click()
    qtbot.waitUntil(lambda: window.sync_screen.table.item(0, 2).text() == "Up to date")


def test_window_geometry_is_remembered(qtbot, window, settings, ops, languages, ask):
    window.resize(780, 560)  # the offscreen screen is 800×600
    window.move(10, 20)
    window.close()
    assert settings.value("window/geometry") is not None
    again = MainWindow(ops, settings, languages, ask=ask, debounce_ms=0)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (780, 560)


def test_accessible_names_and_tab_order(window):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

    for screen in (window.profile_screen, window.portfolio_screen, window.people_screen,
                   window.exchange_screen, window.sync_screen, window.settings_screen):
        for widget in screen.findChildren(QLineEdit) + screen.findChildren(QComboBox) + \
                screen.findChildren(QSpinBox) + screen.findChildren(QPlainTextEdit):
            if widget.parent() is not None and isinstance(widget.parent(), (QComboBox, QSpinBox)):
                continue
            assert widget.accessibleName(), f"{type(screen).__name__}: {widget!r} has no accessible name"
        for button in screen.findChildren(QAbstractButton):
            assert button.text() or button.accessibleName() or button.toolTip() or not button.isVisible()
    window.show_screen(0)
    profile = window.profile_screen
    profile.name.setFocus()
    order = [profile.name]
    while len(order) < 4:
        widget = order[-1].nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert order[1:4] == [profile.headline, profile.location, profile.availability]


def test_settings_file_is_not_the_users(settings):
    assert isinstance(QApplication.instance(), QApplication)
    assert settings.format() == QSettings.Format.IniFormat


def test_export_identity_and_revoke_a_device(qtbot, window, ask, tmp_path):
    from skiller_desktop.services import Services

    window.show_screen(SCREENS.index("settings"))
    screen = window.settings_screen
    ask.paths.append(str(tmp_path / "me.skid"))
    ask.texts.append("a long passphrase")
    screen.export_button.click()
    assert (tmp_path / "me.skid").exists()
    assert "other device" in screen.identity_message.text()
    laptop = Services(tmp_path / "laptop")
    laptop.import_identity(tmp_path / "me.skid", "a long passphrase", "laptop")
    laptop.export_bundle(tmp_path / "laptop.skb")
    laptop.close()
    ask.paths.append(str(tmp_path / "laptop.skb"))
    window.import_bundle()
    names = [screen.device_table.item(r, 0).text() for r in range(screen.device_table.rowCount())]
    assert "laptop" in names
    screen.device_table.selectRow([d.current for d in screen.devices].index(True))
    assert not screen.revoke_button.isEnabled()  # never the device in use
    screen.device_table.selectRow(names.index("laptop"))
    assert screen.revoke_button.isEnabled()
    screen.revoke_button.click()
    assert "laptop" in ask.confirmations[-1]
    status = [screen.device_table.item(r, 2).text() for r in range(screen.device_table.rowCount())]
    assert status[names.index("laptop")] == "Revoked"


def test_the_real_scheduler_plugs_into_the_sync_screen(qtbot, window):
    from sync.node import NodeSync

    node = NodeSync(window.ops.services)  # not started: nothing goes on the network
    try:
        window.set_sync_source(node.scheduler)
        assert window.sync_screen.empty.isVisibleTo(window.sync_screen)
        window.show_screen(SCREENS.index("settings"))
        relay_is_there(window)
        window.settings_screen.relay_address.setText("https://relay.example.org")
        window.settings_screen.add_relay()
        qtbot.waitUntil(lambda: node.scheduler.statuses() != [])
        assert not window.settings_screen.relay_error.isVisibleTo(window.settings_screen)
        assert [s.kind for s in node.scheduler.statuses()] == ["relay"]
        assert window.settings_screen.relays.item(0, 1).text() == "Waiting to sync"  # never synced yet
        assert window.status_label.text() == "○ Offline"
    finally:
        node.close()


def test_a_first_sync_fills_the_progress_bar_then_it_goes(qtbot, window):
    from dataclasses import replace

    source = DemoSyncSource()
    window.set_sync_source(source)
    window.show_screen(SCREENS.index("sync"))
    screen = window.sync_screen
    relay = source.statuses()[1]
    source._statuses[1] = replace(relay, state="syncing", progress=(3000, 10000))
    source._tell()  # as from a scheduler thread: the screen hears it on the UI thread's next turn
    qtbot.waitUntil(lambda: screen.progress.isVisibleTo(screen))
    assert (screen.progress.minimum(), screen.progress.maximum(), screen.progress.value()) == (0, 10000, 3000)
    assert screen.table.item(1, 2).text() == "Syncing… 3,000 of 10,000 people"
    assert screen.progress.accessibleDescription() == "Syncing… 3,000 of 10,000 people"
    source._statuses[1] = replace(relay, state="syncing", progress=None)  # a later sync: no count, it pulses
    source._tell()
    qtbot.waitUntil(lambda: screen.table.item(1, 2).text() == "Syncing…")
    assert screen.progress.maximum() == 0
    source.sync_now()
    qtbot.waitUntil(lambda: not screen.progress.isVisibleTo(screen))
    assert screen.table.item(1, 2).text() == "Up to date"
