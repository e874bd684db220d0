"""The main window: a sidebar of screens, menus with shortcuts, and an online/offline status."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressDialog,
    QStackedWidget,
    QWidget,
)

from .forms import Ask
from .i18n import SETTING, Languages
from .interop import Interop
from .invite_actions import InviteActions
from .lan import SERVE_SETTING, LanNode, serving_chosen
from .messages import describe
from .operations import Operations
from .plain import plain, tooltip
from .resources import icon
from .screens.endorsements import EndorsementsScreen
from .screens.exchange import ExchangeScreen
from .screens.people import PeopleScreen
from .screens.portfolio import PortfolioScreen
from .screens.profile import ProfileScreen
from .screens.settings import SettingsScreen
from .screens.teams import TeamsScreen
from .standing_view import bring_standings_up_to_date
from .sync_panel import StatusBridge, SyncScreen, SyncSource
from .unseen_badge import show_unseen_in

SCREENS = ("profile", "portfolio", "endorsements", "people", "exchange", "teams", "sync", "settings")


class MainWindow(InviteActions):  # invitations: Invite…, open a link, paste, drop
    def __init__(self, ops: Operations, settings: QSettings, languages: Languages, *,
                 ask: Ask | None = None, sync_source: SyncSource | None = None, debounce_ms: int = 200) -> None:
        super().__init__()
        self.ops, self.settings, self.languages = ops, settings, languages
        self.ask = ask or Ask()
        self.sync_source = sync_source
        self.debounce_ms = debounce_ms
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("skiller"))
        self.setMinimumSize(QSize(760, 520))
        self.status_label = QLabel(self)
        self.status_label.setObjectName("onlineIndicator")
        self.busy_label = QLabel(self)
        plain(self.status_label, self.busy_label)
        self.busy_label.setObjectName("muted")
        self.statusBar().addPermanentWidget(self.busy_label)
        self.lan_label = QLabel(self)  # LAN privacy: visible or hidden on the local network
        self.lan_label.setObjectName("lanIndicator")
        self.statusBar().addPermanentWidget(self.lan_label)
        self.statusBar().addPermanentWidget(self.status_label)
        ops.busy_changed.connect(self._busy)
        self._online = ("offline", 0, 0)
        self._serving: tuple[list[str], bool] | None = None
        self.lan: LanNode | None = None
        self._lan_enabled, self._lan_pending = serving_chosen(settings), False
        self.interop = Interop(self, ops, self.ask, lambda: self.languages.current)
        self._bridge = StatusBridge(self)
        self._bridge.heard.connect(lambda: self.sync_screen.refresh(), Qt.ConnectionType.QueuedConnection)
        self.setup_invitations()
        self.build()
        self.set_sync_source(sync_source)
        self._restore_geometry()
        bring_standings_up_to_date(ops)  # standing (issue 14): computed on the worker if out of date

    # -- building (again on a language switch) ----------------------------------
    def build(self, current: int = 0) -> None:
        old = self.centralWidget()
        self.setWindowTitle(self.tr("Skiller"))
        self.menuBar().clear()
        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Screens"))
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(190)
        self.sidebar.setUniformItemSizes(True)
        self.stack = QStackedWidget(self)
        self.sync_screen = SyncScreen(self.ops, self.ask, self)
        self.sync_screen.status_changed.connect(self._online_changed)
        self.profile_screen = ProfileScreen(self.ops, self.ask, self)
        self.portfolio_screen = PortfolioScreen(self.ops, self.ask, self)
        self.endorsements_screen = EndorsementsScreen(self.ops, self.ask, self)
        self.people_screen = PeopleScreen(self.ops, self.ask, self)
        self.people_screen.debounce_ms = self.debounce_ms
        self.people_screen.pdf_requested.connect(self.interop.export_pdf)
        self.exchange_screen = ExchangeScreen(self.ops, self.ask, self)
        self.teams_screen = TeamsScreen(self.ops, self.ask, self)
        self.teams_screen.debounce_ms = self.debounce_ms
        self.settings_screen = SettingsScreen(self.ops, self.ask, self.sync_screen, self.languages.current, self)
        self.settings_screen.language_chosen.connect(self.set_language)
        self.settings_screen.lan_box.switched.connect(self.set_lan_enabled)
        self.settings_screen.set_relay_host(self.relay_host, self.invite)
        labels = (self.tr("My profile"), self.tr("Portfolio"), self.tr("Endorsements"), self.tr("People"),
                  self.tr("Exchange"), self.tr("Teams"), self.tr("Sync"), self.tr("Settings"))
        screens = (self.profile_screen, self.portfolio_screen, self.endorsements_screen, self.people_screen,
                   self.exchange_screen, self.teams_screen, self.sync_screen, self.settings_screen)
        for i, (key, label, screen) in enumerate(zip(SCREENS, labels, screens, strict=True)):
            item = QListWidgetItem(icon(key), label, self.sidebar)
            item.setSizeHint(QSize(170, 38))
            item.setToolTip(f"{label} (Ctrl+{i + 1})")
            self.stack.addWidget(screen)
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        show_unseen_in(self.sidebar.item(SCREENS.index("endorsements")), self.endorsements_screen)  # profiles
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        if old is not None:
            old.deleteLater()
        self._menus()
        self.sync_screen.set_source(self.sync_source)
        if self._serving is not None:
            self.sync_screen.set_serving(*self._serving)
        self.sidebar.setCurrentRow(current)
        self.setTabOrder(self.sidebar, self.stack)
        self._show_online()
        self._show_lan()

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&Import profiles…"), self.import_bundle, "Ctrl+I", "import")
        self._action(file_menu, self.tr("&Export my profile…"), self.export_bundle, "Ctrl+Shift+E", "export")
        file_menu.addSeparator()
        interop = self.interop
        self._action(file_menu, self.tr("Import &JSON Resume…"), interop.import_jsonresume)
        self._action(file_menu, self.tr("Import &LinkedIn export…"), interop.import_linkedin)
        self._action(file_menu, self.tr("Export as JSON &Resume…"), interop.export_jsonresume)
        self._action(file_menu, self.tr("Export as &PDF…"), lambda: interop.export_pdf(), "Ctrl+P")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Export &credentials…"), interop.export_credentials)
        self._action(file_menu, self.tr("&Verify a credential…"), interop.verify)
        file_menu.addSeparator()
        self.invitation_actions(file_menu)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self._action(edit_menu, self.tr("&New skill…"), self.new_skill, QKeySequence.StandardKey.New, "add")
        self._action(edit_menu, self.tr("&Find people"), self.find_people, QKeySequence.StandardKey.Find, "search")
        self._action(edit_menu, self.tr("&Post an offer or request…"), self.new_post, "Ctrl+Shift+N")
        self._action(edit_menu, self.tr("New &team…"), self.new_team, "Ctrl+Shift+T", "teams")
        self._action(edit_menu, self.tr("&Join a team…"), self.join_team, "Ctrl+Shift+J")
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for i in range(self.sidebar.count()):
            self._action(go_menu, self.sidebar.item(i).text(), lambda _c=False, i=i: self.show_screen(i),
                         f"Ctrl+{i + 1}")
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("User &guide"), self.show_guide, "F1")
        self._action(help_menu, self.tr("&Keyboard shortcuts"), self.show_shortcuts, "Ctrl+/")
        help_menu.addSeparator()
        self._action(help_menu, self.tr("&About Skiller"), self.show_about)

    def _action(self, menu, text: str, slot, shortcut=None, icon_name: str = "") -> QAction:
        action = QAction(icon(icon_name) if icon_name else QIcon(), text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def set_sync_source(self, source: SyncSource | None) -> None:
        """Wire the sync scheduler (or anything with its status API) to the Sync screen."""
        self.sync_source = source
        if source is not None:
            source.add_status_listener(self._bridge)
            # Documents a sync accepted arrive as Changes through the services' listeners
            # (sync.node.NodeSync tells them), like local edits: no second channel here.
        self.sync_screen.set_source(source)
        self.invitation_source_changed(source)

    def set_serving(self, addresses: list[str], announced: bool) -> None:
        """Where this device answers other peers; shown on the Sync screen."""
        self._serving = (list(addresses), announced)
        self.sync_screen.set_serving(*self._serving)
        self._lan_pending = False
        self._show_lan()

    # -- LAN privacy ------------------------------------------------------------------
    def set_lan(self, lan: LanNode) -> None:
        """The LAN node this window shows and hides; it tells where it serves."""
        self.lan = lan
        self._lan_enabled = lan.enabled
        lan.serving.connect(self.set_serving)
        self._show_lan()

    def set_lan_enabled(self, enabled: bool) -> None:
        """The Settings switch: kept for the next start, applied now (off the UI thread)."""
        self.settings.setValue(SERVE_SETTING, "true" if enabled else "false")
        self._lan_enabled = enabled
        if self.lan is not None:
            self._lan_pending = True
            self.lan.set_enabled(enabled)
        self.relay_host.lan_switched(enabled)  # the team relay's port closes with the rest
        self._show_lan()

    def _show_lan(self) -> None:
        addresses, announced = self._serving or ([], False)
        if not self._lan_enabled:
            addresses, announced = [], False
        self.settings_screen.lan_box.show_state(self._lan_enabled, addresses, announced, self._lan_pending)
        if self._lan_pending:
            text, tip = self.tr("LAN: …"), ""
        elif not self._lan_enabled:
            text, tip = self.tr("LAN: hidden"), self.tr("Not visible on your local network (Settings)")
        else:
            text, tip = self.tr("LAN: visible"), ", ".join(addresses)
        self.lan_label.setText(text)
        self.lan_label.setToolTip(tip)
        self.lan_label.setAccessibleName(self.tr("Local network"))
        self.lan_label.setVisible(self.lan is not None or not self._lan_enabled)

    def set_language(self, language: str) -> None:
        if language == self.languages.current:
            return
        self.settings.setValue(SETTING, language)
        self.languages.switch(language)
        self.build(self.sidebar.currentRow())

    # -- actions ----------------------------------------------------------------
    def show_screen(self, index: int) -> None:
        self.sidebar.setCurrentRow(index)

    def new_skill(self) -> None:
        self.show_screen(SCREENS.index("portfolio"))
        self.portfolio_screen.add_skill()

    def find_people(self) -> None:  # not `find`: that is QWidget's
        self.show_screen(SCREENS.index("people"))
        self.people_screen.focus_search()

    def new_post(self) -> None:
        self.show_screen(SCREENS.index("exchange"))
        self.exchange_screen.post()

    def new_team(self) -> None:
        self.show_screen(SCREENS.index("teams"))
        self.teams_screen.new_team()

    def join_team(self) -> None:
        self.show_screen(SCREENS.index("teams"))
        self.teams_screen.focus_join()

    def import_bundle(self) -> None:
        path = self.ask.open_path(self, self.tr("Import profiles"), self.tr("Skiller bundles (*.skb);;All files (*)"))
        if path:
            self.import_bundle_file(Path(path))

    def import_bundle_file(self, path: Path) -> None:
        """Import a bundle: one picked in File › Import, opened from the desktop, or handed by a second launch."""
        progress = QProgressDialog(self.tr("Importing and checking signatures…"), "", 0, 0, self)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self.progress = progress

        def done(report, error) -> None:
            progress.close()
            if error is not None:
                self.statusBar().showMessage(describe(error), 10000)
            else:
                self.statusBar().showMessage(
                    self.tr("Imported %1 profile(s), %2 new or updated.")
                    .replace("%1", str(report.documents)).replace("%2", str(report.changed)), 10000)

        self.ops.run(lambda: self.ops.services.import_bundle(Path(path)), done)

    def export_bundle(self) -> None:
        path = self.ask.save_path(self, self.tr("Export my profile"), "my-profile.skb",
                                  self.tr("Skiller bundles (*.skb)"))
        if path:
            self.ops.run(lambda: self.ops.services.export_bundle(Path(path)),
                         lambda _n, e: self.statusBar().showMessage(
                             describe(e) if e else self.tr("Your profile was exported."), 10000))

    # -- help -----------------------------------------------------------------------
    def show_guide(self) -> None:
        from .help import GuideDialog, show

        self.help_dialog = show(GuideDialog(self.languages.current, self))

    def show_shortcuts(self) -> None:
        from .help import ShortcutsDialog, show

        menus = [top.menu() for top in self.menuBar().actions()]
        actions = [a for menu in menus if isinstance(menu, QMenu) for a in menu.actions()]
        self.help_dialog = show(ShortcutsDialog(actions, self))

    def show_about(self) -> None:
        from .help import AboutDialog, show

        self.help_dialog = show(AboutDialog(self))

    # -- status -------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Saving…") if busy else "")

    def _online_changed(self, state: str, failing: int, total: int) -> None:
        self._online = (state, failing, total)
        self._show_online()

    def _show_online(self) -> None:
        """Never "Online" while a relay fails: then it says how many of them, each one's words in the tooltip."""
        state, failing, total = self._online
        text = {"online": self.tr("● Online"), "syncing": self.tr("● Syncing…"),
                "problem": self.tr("▲ %1 of %2 not syncing").replace("%1", str(failing)).replace("%2", str(total)),
                }.get(state, self.tr("○ Offline"))
        self.status_label.setText(text)
        self.status_label.setProperty("state", state)
        self.status_label.setAccessibleName(self.tr("Connection status"))
        problems = self.sync_screen.problems if state in ("problem", "offline") else []
        # a peer's words may be anyone's: shown literally (ui/plain.py)
        reachable = self.tr("%n peer(s) reachable", "", total - failing)
        self.status_label.setToolTip(tooltip("\n".join(problems)) or reachable)
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)

    # -- geometry -------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        self.resize(1180, 760)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()
        self.relay_host.stop(forget=False)  # the team relay comes back at the next launch
        super().closeEvent(event)
