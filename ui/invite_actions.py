"""The main window's ways in: Invite…, Open an invitation link…, Ctrl+V, drag-and-drop.

Kept out of ui/main_window.py so that file only wires it: MainWindow derives
from `InviteActions` (a QMainWindow), calls `setup_invitations()`, adds
`invitation_actions` to its File menu and tells it the sync source.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QFileOpenEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from .invite import InviteDialog, RelayHost, invitation_relays
from .invite_open import OpenLinkDialog, PasteLinkDialog, link_in, link_in_mime


class InviteActions(QMainWindow):
    """What it needs of the main window is declared here; MainWindow sets it."""

    ops: Any
    ask: Any
    settings: QSettings
    sync_source: Any
    _bridge: Any
    people_screen: Any
    sidebar: Any
    relay_host: RelayHost
    link_dialog: OpenLinkDialog | None = None

    def setup_invitations(self) -> None:
        self.relay_host = RelayHost(self.ops, self.settings, self)
        self.setAcceptDrops(True)
        paste = QAction(self)
        paste.setShortcut(QKeySequence(QKeySequence.StandardKey.Paste))  # a text field's own paste comes first
        paste.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        paste.triggered.connect(self.paste_link)
        self.addAction(paste)

    def invitation_actions(self, menu: QMenu) -> None:
        for text, slot, keys in ((self.tr("&Invite someone…"), self.invite, "Ctrl+Shift+I"),
                                 (self.tr("&Open an invitation link…"), self.ask_for_link, "Ctrl+Shift+O")):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            menu.addAction(action)

    def invitation_source_changed(self, source: Any) -> None:
        self.relay_host.source = source
        if source is not None and self.relay_host.wanted():
            self.relay_host.start()  # it ran when the app last quit: back on

    def invite(self) -> InviteDialog:
        statuses = list(self.sync_source.statuses()) if self.sync_source is not None else []
        dialog = InviteDialog(self.ops, self.ask, invitation_relays(self.relay_host, statuses), self.relay_host,
                              self)
        self.invite_dialog = dialog
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def ask_for_link(self) -> None:
        dialog = PasteLinkDialog(self)
        self.paste_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.field.text().strip():
            self.open_link(dialog.field.text())

    def paste_link(self) -> None:
        link = link_in_mime(QGuiApplication.clipboard().mimeData())
        if link is None:
            self.statusBar().showMessage(self.tr("The clipboard holds no Skiller invitation link."),
                                         5000)
            return
        self.open_link(link)

    def open_link(self, text: str) -> OpenLinkDialog:
        dialog = OpenLinkDialog(self.ops, self.ask, self.sync_source, self._bridge.heard, self)
        self.link_dialog = dialog
        dialog.endorse_requested.connect(self.endorse_person)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open_link(text)
        dialog.open()
        return dialog

    def endorse_person(self, person_id: str) -> None:
        from .main_window import SCREENS

        self.sidebar.setCurrentRow(SCREENS.index("people"))
        people = self.people_screen
        people.select_person(person_id)
        people.endorse()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if link_in_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        link = link_in_mime(event.mimeData())
        if link:
            event.acceptProposedAction()
            self.open_link(link)


class LinkOpener(QObject):
    """macOS hands a clicked `skiller:` link to the running app as a QFileOpenEvent; open it in the window."""

    def __init__(self, window: InviteActions) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            link = link_in(event.url().toString())
            if link:
                self.window.open_link(link)
                return True
            if event.file().lower().endswith(".skb"):  # package: a bundle double-clicked in the Finder
                from .single_instance import open_items

                open_items(self.window, [event.file()])
                return True
        return super().eventFilter(watched, event)
