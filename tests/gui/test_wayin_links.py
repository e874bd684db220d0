"""The way in (issue 12, point 1), through real widgets and a real relay on loopback started by the test.

A `skiller:` link opened on a fresh profile (pasted with Ctrl+V, dropped, or
typed in File › Open an invitation link) leads to the person appearing after
a sync through the relay; a bad relay address is refused before saving; the
team relay runs from Settings in one click and goes into the Invite dialog's
link and QR code. In English and in French.
"""

from __future__ import annotations

import socket
from urllib.parse import quote

import pytest
import support
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent, QGuiApplication

from skiller_desktop.invitations import Invitation, decode, encode
from skiller_desktop.services import Services
from sync.hosted_relay import HostedRelay
from sync.node import NodeSync
from ui.main_window import SCREENS, MainWindow

from .conftest import activate

WORDS = {
    "en": {"found": "Found.", "not_saved": "Not saved", "is_relay": "Skiller relay", "nothing": "Nothing answers"},
    "fr": {"found": "Trouvé", "not_saved": "Non enregistré", "is_relay": "relais Skiller", "nothing": "Rien ne répond"},
}


@pytest.fixture
def relay(tmp_path):
    folder = tmp_path / "relay"
    folder.mkdir()
    started = HostedRelay(folder, host="127.0.0.1", port=0)
    started.start()
    yield started
    started.stop()


@pytest.fixture
def fresh(qtbot, ops, settings, languages, ask):
    """A fresh profile (it knows nobody) with real sync running, and its window."""
    ops.services.create_identity("Newcomer")
    node = NodeSync(ops.services)
    node.scheduler.start()
    window = MainWindow(ops, settings, languages, ask=ask, sync_source=node.scheduler, debounce_ms=0)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    node.close()


def publish(tmp_path, relay: HostedRelay, name: str) -> str:
    """Someone else, synced to the relay: their invitation link."""
    other = Services(tmp_path / f"other-{len(name)}")
    try:
        other.create_identity(name, "Tisserande")
        other.add_skill("Weaving", 4)
        status = support.publish(other, relay.local_url)
        assert status.state.value == "up to date", status.last_error
        return encode(Invitation(other.person_id, (relay.local_url,), name=name))
    finally:
        other.close()


def free_port_url() -> str:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{free.getsockname()[1]}"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_pasted_link_on_a_fresh_profile_shows_the_person_after_sync(qtbot, tmp_path, relay, languages, fresh,
                                                                       language):
    languages.switch(language)
    fresh.build()
    link = publish(tmp_path, relay, "Zoë Ångström")
    assert not fresh.ops.services.queries.person_exists(decode(link).person_id)
    QGuiApplication.clipboard().setText(link)
    activate(qtbot, fresh)
    fresh.sidebar.setFocus()
    qtbot.keyClick(fresh.sidebar, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    # the app remembers the last modifiers seen: let go of Ctrl, or the next test's clicks select with Ctrl held
    qtbot.keyRelease(fresh.sidebar, Qt.Key.Key_Control)
    dialog = fresh.link_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.person.isVisible(), timeout=30000)
    assert dialog.heading.text() == "Zoë Ångström"
    assert WORDS[language]["found"] in dialog.step.text()
    assert dialog.endorse_button.isVisible() and not dialog.join_button.isVisible()
    relays = [s.url for s in fresh.sync_source.statuses() if s.kind == "relay"]
    assert relays == [relay.local_url]
    dialog.endorse_button.click()  # the offer: the People screen, on them, with the endorse dialog
    assert fresh.stack.currentWidget() is fresh.people_screen
    assert fresh.people_screen.current is not None and fresh.people_screen.current.name == "Zoë Ångström"
    fresh.people_screen.dialog.reject()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_dropped_link_with_a_dead_relay_is_refused_and_nothing_saved(qtbot, tmp_path, relay, languages, fresh,
                                                                      language):
    languages.switch(language)
    fresh.build()
    link = publish(tmp_path, relay, "Ana").replace(quote(relay.local_url, safe=""), quote(free_port_url(), safe=""))
    mime = QMimeData()
    mime.setText(link)
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    fresh.dropEvent(drop)
    dialog = fresh.link_dialog
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=15000)
    assert WORDS[language]["nothing"] in dialog.error.text()
    assert fresh.sync_source.statuses() == []  # refused before saving
    dialog.reject()

    fresh.open_link("skiller:invite?v=1&id=did:key:zBAD&relay=http%3A%2F%2Fx")
    assert fresh.link_dialog.error.isVisible()
    assert fresh.link_dialog.error.text() != ""
    fresh.link_dialog.reject()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_relay_field_checks_as_you_type_and_refuses_before_saving(qtbot, relay, languages, fresh, language):
    languages.switch(language)
    fresh.build()
    fresh.show_screen(SCREENS.index("settings"))
    screen = fresh.settings_screen
    screen.relay_check.timer.setInterval(0)
    words = WORDS[language]

    screen.relay_address.setText(free_port_url())  # a URL, but nothing there
    qtbot.waitUntil(lambda: words["nothing"] in screen.relay_checked.text(), timeout=15000)
    screen.add_relay_button.click()
    assert screen.relay_error.isVisibleTo(screen) and words["not_saved"] in screen.relay_error.text()

    sync_screen = fresh.sync_screen
    sync_screen.kind.setCurrentIndex(sync_screen.kind.findData("peer"))
    device = NodeSync(fresh.ops.services.__class__(fresh.ops.services.data_dir.parent / "device"))
    try:
        server = device.serve()
        screen.relay_address.setText(server.url)  # a Skiller device, not a relay
        qtbot.waitUntil(lambda: screen.relay_check.result is not None, timeout=15000)
        assert screen.relay_check.result.code == "is_device"
    finally:
        device.close()
        device.services.close()

    screen.relay_address.setText("ftp://relay.example.org")  # pressing Enter before the check: refused when it ends
    screen.relay_address.returnPressed.emit()
    qtbot.waitUntil(lambda: screen.relay_error.isVisibleTo(screen), timeout=15000)
    assert fresh.sync_source.statuses() == []

    screen.relay_address.setText(relay.local_url)  # a real relay: accepted, then saved
    qtbot.waitUntil(lambda: words["is_relay"] in screen.relay_checked.text(), timeout=15000)
    screen.add_relay_button.click()
    qtbot.waitUntil(lambda: [s.url for s in fresh.sync_source.statuses()] == [relay.local_url], timeout=15000)
    assert not screen.relay_error.isVisibleTo(screen)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_run_a_team_relay_in_one_click_and_invite_with_it(qtbot, tmp_path, languages, fresh, ask, language):
    languages.switch(language)
    fresh.build()
    fresh.relay_host.port = 0
    fresh.show_screen(SCREENS.index("settings"))
    screen = fresh.settings_screen
    assert not screen.hosted_invite.isEnabled()
    screen.hosted_button.click()
    qtbot.waitUntil(lambda: fresh.relay_host.running, timeout=15000)
    qtbot.waitUntil(lambda: screen.hosted_invite.isEnabled())
    host = fresh.relay_host
    assert host.urls[0] in screen.hosted_label.text()
    assert (fresh.ops.services.data_dir / "hosted-relay.sqlite3").exists()
    qtbot.waitUntil(lambda: host.relay.local_url in [s.url for s in fresh.sync_source.statuses()])
    screen.hosted_invite.click()
    dialog = fresh.invite_dialog
    qtbot.waitUntil(lambda: decode(dialog.link.text()).name == "Newcomer")  # the name is read off the UI thread
    invitation = decode(dialog.link.text())
    assert invitation.person_id == fresh.ops.services.person_id
    assert invitation.relays[0] == host.urls[0]
    assert not dialog.qr.pixmap().isNull()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.link.text()
    ask.paths.append(str(tmp_path / "invite.svg"))
    dialog.save_button.click()
    assert (tmp_path / "invite.svg").read_text().lstrip().startswith("<?xml")
    dialog.reject()

    port = host.relay.port
    fresh.close()  # quitting stops it (the port closes) and keeps the setting for the next launch
    assert not host.running and host.wanted()
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_emoji_name_goes_into_the_link_and_a_loopback_relay_is_said(qtbot, ops, ask, languages, language):
    """A name with joiners ("👩‍💻") used to fail the whole link; a link whose only relay is this computer's
    loopback reaches nobody else, and the dialog says so."""
    from ui.invite import InviteDialog

    languages.switch(language)
    ops.services.create_identity("👩\u200d💻 Ana")
    local = InviteDialog(ops, ask, ["http://127.0.0.1:8767"])
    qtbot.addWidget(local)
    local.show()
    qtbot.waitUntil(lambda: decode(local.link.text()).name == "👩\u200d💻 Ana")
    assert local.local_only.isVisible() and not local.error.isVisible()
    assert ("only reaches this computer" if language == "en" else "qu’à cet ordinateur") in local.local_only.text()
    reachable = InviteDialog(ops, ask, ["https://relay.example.org"])
    qtbot.addWidget(reachable)
    reachable.show()
    qtbot.waitUntil(lambda: decode(reachable.link.text()).name == "👩\u200d💻 Ana")
    assert not reachable.local_only.isVisible()


def test_a_team_link_offers_to_join_and_the_invite_dialog_makes_one(qtbot, tmp_path, relay, fresh):
    other = Services(tmp_path / "admin")
    try:
        other.create_identity("Atelier Admin", "Coop")
        other.add_skill("Weaving", 4)
        team_id = other.teams.create("Atelier Coop")
        code = other.teams.create_invite_code(team_id)
        support.publish(other, relay.local_url)
        link = encode(Invitation(other.person_id, (relay.local_url,), code, "Atelier Admin"))
    finally:
        other.close()
    dialog = fresh.open_link(link)
    qtbot.waitUntil(lambda: dialog.join_button.isVisible(), timeout=30000)
    dialog.join_button.click()
    qtbot.waitUntil(lambda: dialog.done_label.isVisible())
    assert dialog.done_label.text().startswith("Accepted")
    dialog.reject()

    # the newcomer's own team: the Invite dialog puts a fresh code for it in the link
    mine = fresh.ops.services.teams.create("Newcomers")
    fresh.sync_source.add_peer(relay.local_url, "relay")
    invite = fresh.invite()
    assert invite.team.isVisibleTo(invite) and invite.team.count() == 2
    invite.team.setCurrentIndex(1)
    invite.team.activated.emit(1)
    qtbot.waitUntil(lambda: decode(invite.link.text()).team_code != "")
    from skiller_desktop.teams.document import parse_code

    assert parse_code(decode(invite.link.text()).team_code)[0] == mine
    invite.reject()


def test_a_link_handed_by_the_system_while_running_opens(qtbot, fresh, qapp):
    from PySide6.QtCore import QCoreApplication, QUrl
    from PySide6.QtGui import QFileOpenEvent

    from ui.invite_actions import LinkOpener

    opener = LinkOpener(fresh)
    qapp.installEventFilter(opener)
    try:
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(QUrl("skiller:invite?v=1&id=did:key:zBAD&relay=x")))
        assert fresh.link_dialog is not None and fresh.link_dialog.error.isVisible()
        fresh.link_dialog.reject()
    finally:
        qapp.removeEventFilter(opener)


def test_a_person_not_on_the_relay_yet_is_said_after_the_sync_and_appears_later(qtbot, tmp_path, relay, fresh):
    other = Services(tmp_path / "late")
    other.create_identity("Late Lucie", "Potière")
    link = encode(Invitation(other.person_id, (relay.local_url,), name="Late Lucie"))
    try:
        dialog = fresh.open_link(link)
        qtbot.waitUntil(lambda: "not on it yet" in dialog.step.text(), timeout=30000)
        assert not dialog.person.isVisible()
        support.publish(other, relay.local_url)  # they sync at last; the next sync brings them
    finally:
        other.close()
    fresh.sync_source.sync_now()
    qtbot.waitUntil(lambda: dialog.person.isVisible(), timeout=30000)
    assert dialog.heading.text() == "Late Lucie"
    dialog.reject()
