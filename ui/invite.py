"""Inviting someone: your `skiller:` link and its QR code, and a relay for your team run in one click.

`RelayHost` owns the relay this app may run (sync/hosted_relay.py): started
off the UI thread, this device added as its first peer, stopped when the app
quits, started again at the next launch while the setting is on.
`InviteDialog` shows the link (docs/invitations.md), copies it, shows and
saves its QR code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from skiller_desktop.invitations import (
    MAX_NAME_CHARS,
    MAX_RELAYS,
    Invitation,
    InvitationError,
    check_name,
    encode,
    is_loopback,
    qr_png,
    save_qr,
)

from .forms import Ask, error_label
from .lan import serving_chosen
from .messages import describe
from .operations import Operations
from .plain import plain
from .qtcompat import emit
from .relay_check import network

HOSTED_SETTING = "relay/hosted"


class RelayHost(QObject):
    """The relay for your team, in this app; `changed` after it started, failed or stopped."""

    changed = Signal()

    def __init__(self, ops: Operations, settings: QSettings, parent: QObject | None = None,
                 port: int | None = None) -> None:
        super().__init__(parent)
        self.ops, self.settings = ops, settings
        self.port = port
        self.relay: Any = None  # sync.hosted_relay.HostedRelay, imported when started
        self.error = ""
        self.starting = False
        self.source: Any = None  # the sync source this device syncs through

    @property
    def running(self) -> bool:
        return self.relay is not None and self.relay.running

    @property
    def urls(self) -> list[str]:
        return list(self.relay.urls) if self.running else []

    def wanted(self) -> bool:
        return str(self.settings.value(HOSTED_SETTING, "false")).lower() in ("true", "1")

    def start(self) -> None:
        if self.running or self.starting:
            return
        if not serving_chosen(self.settings):  # hidden from the LAN means no open port, the relay's included
            self.error = self.tr("this device is hidden from your local network. Turn on “Visible on my local "
                                 "network” in Settings first.")
            emit(self.changed)
            return
        from sync.hosted_relay import DEFAULT_PORT, HostedRelay

        relay = HostedRelay(self.ops.services.data_dir, port=DEFAULT_PORT if self.port is None else self.port)
        self.starting, self.error = True, ""
        emit(self.changed)
        network().submit(relay.start, lambda _urls, error: self._started(relay, error))

    def _started(self, relay: Any, error: BaseException | None) -> None:
        self.starting = False
        if error is not None:
            self.error = describe(error) if not isinstance(error, OSError) else str(error.strerror or error)
            emit(self.changed)
            return
        if not serving_chosen(self.settings):  # hidden while it was starting
            relay.stop()
            emit(self.changed)
            return
        self.relay = relay
        self.settings.setValue(HOSTED_SETTING, True)
        source = self.source
        if source is not None:  # this device syncs with it, so its own profile is there for the people invited
            self.ops.read(lambda: source.add_peer(relay.local_url, "relay"), lambda _r, _e: emit(self.changed))
        emit(self.changed)

    def lan_switched(self, visible: bool) -> None:
        """The Settings switch: hiding closes the relay's port too; showing again brings it back if it ran."""
        if not visible and (self.running or self.starting):
            self.stop(forget=False)
        elif visible and self.wanted():
            self.error = ""
            self.start()

    def stop(self, forget: bool = True) -> None:
        """Stop serving (the quitting app keeps the setting, so the relay comes back at the next launch)."""
        relay, self.relay = self.relay, None
        if relay is not None:
            relay.stop()
        if forget:
            self.settings.setValue(HOSTED_SETTING, False)
        emit(self.changed)


def invitation_relays(host: RelayHost | None, statuses: list[Any]) -> list[str]:
    """The relays a link carries: the team relay's LAN address first, then the relays this device syncs with."""
    found: list[str] = []
    local = ""
    if host is not None and host.running:
        local = host.relay.local_url
        found += [u for u in host.urls if u != local] or [local]  # loopback only when there is no LAN address
    found += [s.url for s in statuses if s.kind == "relay" and s.url != local]
    return list(dict.fromkeys(found))[:MAX_RELAYS]


class InviteDialog(QDialog):
    """Your link, a Copy button, its QR code, Save QR…; or, with no relay yet, how to get one."""

    def __init__(self, ops: Operations, ask: Ask, relays: list[str], host: RelayHost | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops, self.ask, self.host = ops, ask, host
        self.relays = relays
        self.setWindowTitle(self.tr("Invite someone"))
        self.setObjectName("inviteDialog")
        self.setMinimumWidth(560)  # the link field shows a useful part of the link
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Send this link, or let them scan the code. When they open it in Skiller, "
                               "their app finds you through the relay and shows your profile."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.no_relay = QLabel(self.tr("To invite someone, you both need a relay to reach. Run one for your "
                                       "team here, or add one in Settings › Relays."), self)
        self.no_relay.setWordWrap(True)
        self.run_relay = QPushButton(self.tr("&Run a relay for my team"), self)
        self.run_relay.clicked.connect(self._run_relay)
        layout.addWidget(self.no_relay)
        layout.addWidget(self.run_relay)
        form = QFormLayout()
        self.link = QLineEdit(self)
        self.link.setReadOnly(True)
        self.link.setAccessibleName(self.tr("Invitation link"))
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addWidget(self.link, 1)
        row.addWidget(self.copy_button)
        form.addRow(self.tr("Link"), row)
        self.team = QComboBox(self)  # your teams where you are an admin: the link then carries a fresh code
        self.team.setAccessibleName(self.tr("Also invite to a team"))
        self.team.addItem(self.tr("No team"), "")
        self.team.activated.connect(self._team_chosen)
        self.team_code = ""
        self.team_label = QLabel(self.tr("Also invite to"), self)
        self.team_label.setBuddy(self.team)
        form.addRow(self.team_label, self.team)
        self.team.hide()  # until your teams are read: shown only if you admin one
        self.team_label.hide()
        layout.addLayout(form)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.local_only = QLabel(self.tr("This link only reaches this computer: the relay has no address on "
                                         "your network. Connect to a network, or add a relay in Settings."), self)
        self.local_only.setWordWrap(True)
        self.local_only.setObjectName("muted")
        self.local_only.hide()
        layout.addWidget(self.local_only)
        self.qr = QLabel(self)
        self.qr.setAccessibleName(self.tr("QR code of the link"))
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.qr, 1)
        self.said = QLabel(self)
        plain(self.said)
        self.said.setObjectName("muted")
        layout.addWidget(self.said)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = buttons.addButton(self.tr("&Save QR code…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_qr)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if host is not None:
            host.changed.connect(self._host_changed)
        self.name = ""  # your name as the link's display hint, read off the UI thread
        self.make_link()
        services = ops.services
        ops.read(lambda: services.queries.person_name(services.person_id), self._name_read)
        teams = ops.services.teams
        ops.read(lambda: [(t.team_id, t.name) for t in teams.teams() if teams.role(t.team_id) == "admin"],
                 self._fill_teams)

    def _name_read(self, name: str | None, error: BaseException | None) -> None:
        self.name = (name or "")[:MAX_NAME_CHARS].strip()
        self.make_link()

    def _fill_teams(self, found: list[tuple[str, str]] | None, error: BaseException | None) -> None:
        for team_id, name in found or []:
            self.team.addItem(name, team_id)
        self.team.setVisible(self.team.count() > 1)
        self.team_label.setVisible(self.team.count() > 1)

    def _team_chosen(self, _index: int) -> None:
        team_id = self.team.currentData()
        if not team_id:
            self.team_code = ""
            self.make_link()
            return
        teams = self.ops.services.teams
        self.team.setEnabled(False)

        def made(code: str | None, error: BaseException | None) -> None:
            self.team.setEnabled(True)
            if error is not None:
                self._error(describe(error))
                return
            self.team_code = code or ""
            self.make_link()

        self.ops.run(lambda: teams.create_invite_code(team_id), made)  # a code for this link, valid 7 days

    def _run_relay(self) -> None:
        if self.host is not None:
            self.host.start()

    def _host_changed(self) -> None:
        host = self.host
        if host is None:
            return
        if host.error:
            self._error(self.tr("The relay could not start: %1").replace("%1", host.error))
        if host.running:
            self.relays = invitation_relays(host, []) + [r for r in self.relays if r not in host.urls]
            self.relays = self.relays[:MAX_RELAYS]
            self.make_link()

    def make_link(self) -> str:
        has_relay = bool(self.relays)
        self.no_relay.setVisible(not has_relay)
        self.run_relay.setVisible(not has_relay)
        self.run_relay.setEnabled(self.host is not None and not self.host.starting)
        widgets: tuple[QWidget, ...] = (self.link, self.copy_button, self.team, self.qr, self.save_button)
        for widget in widgets:
            widget.setEnabled(has_relay)
        self.error.hide()
        if not has_relay:
            self.link.clear()
            self.qr.clear()
            return ""
        me = self.ops.services.person_id
        try:
            uri = encode(Invitation(me, tuple(self.relays), self.team_code, self._name_hint()))
        except InvitationError as exc:
            self._error(describe(exc))
            return ""
        self.link.setText(uri)
        self.link.setCursorPosition(0)
        # a link carrying only relays this computer alone can reach invites no one else
        self.local_only.setVisible(all(is_loopback(url) for url in self.relays))
        pixmap = QPixmap()
        pixmap.loadFromData(qr_png(uri, scale=5))
        self.qr.setPixmap(pixmap)
        return uri

    def _error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.link.text())
        self.said.setText(self.tr("The link is copied."))

    def _name_hint(self) -> str:
        """Your name when a link may carry it; none rather than no link (the profile arrives with the sync)."""
        try:
            return check_name(self.name)
        except InvitationError:
            return ""

    def save_qr(self) -> None:
        uri = self.link.text()
        if not uri:
            return
        path = self.ask.save_path(self, self.tr("Save the QR code"), "skiller-invitation.png",
                                  self.tr("PNG image (*.png);;SVG image (*.svg)"))
        if not path:
            return
        try:
            save_qr(uri, Path(path if path.lower().endswith((".png", ".svg")) else path + ".png"))
        except (OSError, InvitationError, ValueError) as exc:
            self._error(describe(exc) if not isinstance(exc, OSError) else str(exc.strerror or exc))
            return
        self.said.setText(self.tr("The QR code is saved."))
