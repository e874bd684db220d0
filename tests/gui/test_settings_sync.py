"""Settings and Sync: switch language live, add a relay, peers' states, geometry remembered."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from ui.demo_sync import DemoSyncSource
from ui.main_window import MainWindow


def test_switch_language_without_restart(qtbot, window, settings):
    window.show_screen(6)
    combo = window.settings_screen.language
    combo.setCurrentIndex(combo.findData("fr"))
    combo.activated.emit(combo.currentIndex())
    assert window.languages.current == "fr"
    assert settings.value("language") == "fr"
    assert window.sidebar.item(0).text() == "Mon profil"
    assert window.stack.currentWidget() is window.settings_screen  # still on Settings
    assert window.people_screen.model.headerData(0, 1) == "Nom"
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
    window.show_screen(6)
    window.settings_screen.relay_address.setText("https://relay.example.org")
    window.settings_screen.add_relay()
    assert window.settings_screen.relay_error.isVisibleTo(window.settings_screen)

    source = DemoSyncSource()
    window.set_sync_source(source)
    assert window.status_label.text() == "● Online"
    window.settings_screen.relay_address.setText("https://relay.example.org")
    window.settings_screen.add_relay()
    assert not window.settings_screen.relay_error.isVisibleTo(window.settings_screen)
    urls = [window.sync_screen.table.item(r, 0).text() for r in range(window.sync_screen.table.rowCount())]
    assert "https://relay.example.org" in urls
    relays = [window.settings_screen.relays.item(r, 0).text() for r in range(window.settings_screen.relays.rowCount())]
    assert "https://relay.example.org" in relays

    # a peer by address, from the Sync screen; then "sync now"
    window.show_screen(5)
    window.sync_screen.kind.setCurrentIndex(window.sync_screen.kind.findData("peer"))
    window.sync_screen.address.setText("192.168.1.7:8765")
    window.sync_screen.add_button.click()
    states = {s.url: s.state for s in source.statuses()}
    assert states["192.168.1.7:8765"] == "offline"
    window.sync_screen.sync_button.click()
    qtbot.waitUntil(lambda: window.sync_screen.table.item(0, 2).text() == "Up to date")


def test_window_geometry_is_remembered(qtbot, window, settings, ops, languages, ask):
    window.resize(1000, 700)
    window.move(40, 30)
    window.close()
    assert settings.value("window/geometry") is not None
    again = MainWindow(ops, settings, languages, ask=ask, debounce_ms=0)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (1000, 700)


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
    for _ in range(3):
        order.append(order[-1].nextInFocusChain())
    assert order[1:4] == [profile.headline, profile.location, profile.availability]


def test_settings_file_is_not_the_users(settings):
    assert isinstance(QApplication.instance(), QApplication)
    assert settings.format() == QSettings.Format.IniFormat
