"""Settings: language, relays, where the data lives, identity export, devices, blocked people."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from skiller_desktop.views import Changes, Device

from ..blocked_people import BlockedPeopleBox
from ..forms import error_label
from ..lan import LanBox
from ..messages import describe
from ..plain import plain, tooltip
from ..qtcompat import emit
from ..relay_check import RelayAddressCheck, check_words
from ..sync_panel import SyncScreen
from .base import Screen


class SettingsScreen(Screen):
    parts = Changes(devices=True, profile=True, blocked=True)  # an imported copy of my document may add devices
    language_chosen = Signal(str)

    def __init__(self, ops, ask, sync: SyncScreen, language: str, parent=None) -> None:
        super().__init__(ops, ask, parent)
        self.sync = sync
        self.devices: list[Device] = []
        content = QWidget(self)
        layout = QVBoxLayout(content)
        title = QLabel(self.tr("Settings"), content)
        title.setObjectName("title")
        layout.addWidget(title)
        layout.addWidget(self._language_box(language))
        layout.addWidget(self._relays_box())
        self.lan_box = LanBox(content)  # visible on the local network or not (ui/lan.py)
        layout.addWidget(self.lan_box)
        layout.addWidget(self._data_box())
        layout.addWidget(self._identity_box())
        self.blocked_box = BlockedPeopleBox(ops, content)
        layout.addWidget(self.blocked_box)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        sync.status_changed.connect(lambda *_a: self._fill_relays())

    def _language_box(self, language: str) -> QGroupBox:
        box = QGroupBox(self.tr("Language"), self)
        form = QFormLayout(box)
        self.language = QComboBox(box)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.activated.connect(self._language_activated)
        form.addRow(self.tr("&Interface language"), self.language)
        return box

    def _language_activated(self, _index: int) -> None:
        # A slot returns None: PySide6 mishandles a bool returned by a lambda slot (crash at exit).
        emit(self.language_chosen, self.language.currentData())

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ops.services.data_dir)))

    def _relays_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Relays"), self)
        layout = QVBoxLayout(box)
        self.relays = QTableWidget(0, 2, box)
        self.relays.setAccessibleName(self.tr("Relays"))
        self.relays.setHorizontalHeaderLabels([self.tr("Address"), self.tr("State")])
        self.relays.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.relays.verticalHeader().hide()
        self.relays.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.relays.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.relays.horizontalHeader().setStretchLastSection(False)
        row = QHBoxLayout()
        self.relay_address = QLineEdit(box)
        self.relay_address.setPlaceholderText("https://relay.example.org")
        self.relay_address.setAccessibleName(self.tr("Relay address"))
        self.add_relay_button = QPushButton(self.tr("Add &relay"), box)
        self.add_relay_button.clicked.connect(self.add_relay)
        self.relay_address.returnPressed.connect(self.add_relay)
        row.addWidget(self.relay_address, 1)
        row.addWidget(self.add_relay_button)
        self.relay_error = error_label(box)
        self.relay_checked = QLabel(box)  # what the address typed is, checked as you type (ui/relay_check.py)
        plain(self.relay_checked)
        self.relay_checked.setWordWrap(True)
        self.relay_checked.hide()
        self.relay_check = RelayAddressCheck(self.relay_address, self.relay_checked)
        self.relay_check.checked.connect(self._relay_checked)
        self.relay_address.textChanged.connect(self._address_typed)
        self._save_when_checked = False
        layout.addWidget(self.relays)
        layout.addLayout(row)
        layout.addWidget(self.relay_checked)
        layout.addWidget(self.relay_error)
        layout.addLayout(self._hosted_relay_row(box))
        self._fill_relays()
        return box

    # -- the relay address, checked before it is saved; the team relay (wayin) --------------
    def _hosted_relay_row(self, box: QWidget) -> QVBoxLayout:
        self.relay_host = None
        self.hosted_button = QPushButton(self.tr("Run a relay for my &team"), box)
        self.hosted_button.clicked.connect(self._toggle_hosted)
        self.hosted_invite = QPushButton(self.tr("&Invite someone…"), box)
        self.hosted_label = QLabel(box)
        plain(self.hosted_label)
        self.hosted_label.setWordWrap(True)
        self.hosted_label.setObjectName("muted")
        self.hosted_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hosted_button)
        buttons.addWidget(self.hosted_invite)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addLayout(buttons)
        column.addWidget(self.hosted_label)
        return column

    def set_relay_host(self, host, invite) -> None:
        """The window's `RelayHost` (it outlives this screen across a language switch) and its Invite action."""
        self.relay_host = host
        host.changed.connect(self._show_hosted)

        def open_invite() -> None:  # a slot returns None (see _language_activated)
            invite()

        self.hosted_invite.clicked.connect(open_invite)
        self._show_hosted()

    def _toggle_hosted(self) -> None:
        host = self.relay_host
        if host is None:
            return
        if host.running:
            host.stop()
        else:
            host.start()

    def _show_hosted(self) -> None:
        host = self.relay_host
        running = host is not None and host.running
        self.hosted_button.setText(self.tr("Stop the team &relay") if running else
                                   self.tr("Run a relay for my &team"))
        self.hosted_button.setEnabled(host is not None and not host.starting)
        self.hosted_invite.setEnabled(running)
        if host is not None and host.starting:
            text = self.tr("Starting the relay…")
        elif host is not None and running:
            text = self.tr("Your team relay runs at %1. Devices on your network reach it there; it goes into "
                           "your invitation links and stops when Skiller quits.").replace("%1", host.urls[0])
        elif host is not None and host.error:
            text = self.tr("The relay could not start: %1").replace("%1", host.error)
        else:
            text = self.tr("No server? Run a relay on this computer for the people on your network.")
        self.hosted_label.setText(text)
        self._fill_relays()

    def _address_typed(self, _text: str) -> None:
        self.relay_error.hide()
        self._save_when_checked = False  # Enter was for the address before: this one waits for its own

    def _relay_checked(self, ok: bool) -> None:
        if self._save_when_checked and self.relay_check.result is not None:
            self._save_when_checked = False
            self.add_relay()

    def _fill_relays(self) -> None:
        from ..sync_panel import status_words

        relays = [s for s in self.sync.statuses() if s.kind == "relay"]
        self.relays.setRowCount(len(relays))
        for i, s in enumerate(relays):
            address = QTableWidgetItem(s.url)
            address.setToolTip(tooltip(s.url))
            state, what, _when = status_words(s.state, s.last_error, s.problem, s.last_success)
            said = QTableWidgetItem(state)
            said.setToolTip(tooltip(f"{state}: {what}" if what else state))
            self.relays.setItem(i, 0, address)
            self.relays.setItem(i, 1, said)
        # as tall as its rows, three at least (issue 12.7: at 1024×680 it showed two), six at most, then it scrolls
        shown = max(3, min(len(relays), 6))
        header = self.relays.horizontalHeader()
        self.relays.setFixedHeight(header.sizeHint().height() + shown * self.relays.verticalHeader()
                                   .defaultSectionSize() + 2 * self.relays.frameWidth())

    def add_relay(self) -> None:
        """Save the address only once it was found to be a relay; a check under way saves when it ends."""
        text = self.relay_address.text().strip()
        usable = self.relay_check.usable()
        if text and usable is None:
            check = self.relay_check
            if check.result is None or check.checked_text != text:
                self._save_when_checked = True
                if not check.pending or check.timer.isActive():
                    check.check_now()
                return
            self.relay_error.setText(self.tr("Not saved: %1").replace("%1", check_words(check.result.code)))
            self.relay_error.show()
            return

        def added(problem: str) -> None:
            self.relay_error.setText(problem)
            self.relay_error.setVisible(bool(problem))
            if not problem:
                self.relay_address.clear()
                self._fill_relays()

        self.sync.add(usable or text, "relay", added)

    def _data_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Where your data lives"), self)
        form = QFormLayout(box)
        path = str(self.ops.services.data_dir)
        self.data_dir = QLineEdit(path, box)
        self.data_dir.setReadOnly(True)
        self.data_dir.setAccessibleName(self.tr("Data folder"))
        open_button = QPushButton(self.tr("&Open folder"), box)
        open_button.clicked.connect(self.open_data_folder)
        row = QHBoxLayout()
        row.addWidget(self.data_dir, 1)
        row.addWidget(open_button)
        form.addRow(self.tr("Data folder"), row)
        return box

    def _identity_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Identity and devices"), self)
        layout = QVBoxLayout(box)
        self.person_id = QLineEdit(box)
        self.person_id.setReadOnly(True)
        self.person_id.setAccessibleName(self.tr("Your person id"))
        self.export_button = QPushButton(self.tr("E&xport identity for another device…"), box)
        self.export_button.clicked.connect(self.export_identity)
        self.identity_message = QLabel(box)
        plain(self.identity_message)
        self.identity_message.setWordWrap(True)
        self.identity_message.hide()
        self.device_table = QTableWidget(0, 3, box)
        self.device_table.setAccessibleName(self.tr("Devices"))
        self.device_table.setHorizontalHeaderLabels([self.tr("Device"), self.tr("Added"), self.tr("Status")])
        self.device_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.device_table.verticalHeader().hide()
        self.device_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.device_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.device_table.setMaximumHeight(130)
        self.revoke_button = QPushButton(self.tr("Re&voke device…"), box)
        self.revoke_button.clicked.connect(self.revoke_device)
        self.revoke_button.setEnabled(False)
        self.device_table.itemSelectionChanged.connect(self._update_revoke)
        form = QFormLayout()
        form.addRow(self.tr("Your person id"), self.person_id)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.identity_message)
        layout.addWidget(self.device_table)
        revoke_row = QHBoxLayout()
        revoke_row.addWidget(self.revoke_button)
        revoke_row.addStretch(1)
        layout.addLayout(revoke_row)
        return box

    def refresh(self) -> None:
        services = self.ops.services
        self.person_id.setText(services.person_id)
        self.ops.read(services.devices, lambda devices, e: self._say(e) if e else self._fill_devices(devices))
        self.blocked_box.refresh()

    def _fill_devices(self, devices: list[Device]) -> None:
        self.devices = devices
        self.device_table.setRowCount(len(devices))
        for i, d in enumerate(devices):
            status = (self.tr("This device") if d.current else
                      self.tr("Revoked") if d.revoked_at else self.tr("Active"))
            for j, text in enumerate((d.name, d.added_at[:10], status)):
                self.device_table.setItem(i, j, QTableWidgetItem(text))
        self._update_revoke()

    def selected_device(self) -> Device | None:
        rows = self.device_table.selectionModel().selectedRows()
        return self.devices[rows[0].row()] if rows and rows[0].row() < len(self.devices) else None

    def _update_revoke(self) -> None:
        device = self.selected_device()
        self.revoke_button.setEnabled(device is not None and not device.current and not device.revoked_at)

    def export_identity(self) -> None:
        path = self.ask.save_path(self, self.tr("Export identity"), "skiller-identity.skid",
                                  self.tr("Skiller identity (*.skid)"))
        if not path:
            return
        passphrase = self.ask.text(self, self.tr("Export identity"),
                                   self.tr("Choose a passphrase to protect the file:"), secret=True)
        if not passphrase:
            return
        self.ops.run(lambda: self.ops.services.export_identity(Path(path), passphrase),
                     lambda _r, e: self._say(e) if e else self._say_text(
                         self.tr("Saved. Open this file on your other device, in “Import from another device”.")))

    def revoke_device(self) -> None:
        device = self.selected_device()
        if device is None:
            return
        if not self.ask.confirm(self, self.tr("Revoke device"),
                                self.tr("Revoke “%s”? Its later changes will be refused.") % device.name):
            return
        self.ops.run(lambda: self.ops.services.revoke_device(device.device_id),
                     lambda _r, e: self._say(e) if e else self.refresh())

    def _say(self, error: BaseException) -> None:
        self._say_text(describe(error))

    def _say_text(self, text: str) -> None:
        self.identity_message.setText(text)
        self.identity_message.show()
