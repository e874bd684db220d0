"""Issue 10, point 8: other people's words are shown as words, and their links open only to the web or mail.

Qt reads text that looks like HTML as HTML in a QLabel, a QMessageBox or a
tooltip: a team named `<img src="/dev/zero">` made the app read /dev/zero
until it aborted, and a profile's `file://` link was one click away.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # Qt.mightBeRichText lives in QtGui
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from skiller_desktop.services import Services
from ui.demo_sync import DemoSyncSource
from ui.main_window import SCREENS

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ['<img src="/dev/zero">', "<b>bold</b>", '<a href="file:///etc/passwd">x</a>']


def shows_literally(label: QLabel, text: str) -> bool:
    """The label shows `text` as typed: plain text, or auto text that Qt would not take for HTML."""
    if label.text() != text:
        return False
    plain = label.textFormat() == Qt.TextFormat.PlainText
    return plain or (label.textFormat() == Qt.TextFormat.AutoText and not GuiQt.mightBeRichText(text))


def tooltip_words(tip: str) -> str:
    """What a tooltip shows: Qt renders it as HTML when it might be rich text."""
    if not GuiQt.mightBeRichText(tip):
        return tip
    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText()


def test_a_team_named_like_an_image_does_not_abort_the_app():
    """Run in a process of its own, memory capped: the old code read /dev/zero until it aborted."""

    def capped() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))

    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("hostile_teams_app.py")), HOSTILE[0]],
        capture_output=True, text=True, timeout=180, cwd=ROOT, preexec_fn=capped if os.name == "posix" else None,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "SKILLER_NO_KEYRING": "1"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown == {"name": HOSTILE[0], "format": "PlainText"}


@pytest.mark.parametrize("name", HOSTILE[1:])
def test_team_names_and_descriptions_show_literally(qtbot, window, name):
    team_id = window.ops.services.teams.create(name, name)
    window.show_screen(SCREENS.index("teams"))
    screen = window.teams_screen
    qtbot.waitUntil(lambda: screen.current_id == team_id)
    assert shows_literally(screen.name, name)
    assert screen.about.textFormat() == Qt.TextFormat.PlainText and screen.about.text().startswith(name)
    tip = screen.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip_words(tip) == name
    window.grab()  # painted, and alive


@pytest.mark.parametrize("name", HOSTILE)
def test_a_question_quoting_a_team_name_is_plain_text(qtbot, window, name):
    from PySide6.QtWidgets import QMessageBox

    from ui.plain import message_box

    box = message_box(window, QMessageBox.Icon.Question, "Leave team", f"Leave “{name}”?")
    assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == f"Leave “{name}”?"


def test_only_web_and_mail_links_of_a_profile_are_clickable(qtbot, window, ask, tmp_path, monkeypatch):
    # The document schema refuses these schemes before anything is stored; the view must hold
    # on its own all the same (a store written before the schema, a scheme it lets through).
    from skiller_desktop import doc_schema

    monkeypatch.setattr(doc_schema, "check", lambda doc_id, data: None)
    monkeypatch.setattr(doc_schema, "problem", lambda doc_id, data: None)
    other = Services(tmp_path / "other")
    other.create_identity("Mallory <b>Bold</b>")
    links = ["file:///etc/passwd", "smb://x/y", "https://example.org/me", "mailto:m@example.org", "javascript:alert(1)"]
    other.update_profile(links=links)
    other.export_bundle(tmp_path / "m.skb")
    other.close()
    ask.paths.append(str(tmp_path / "m.skb"))
    window.import_bundle()
    window.show_screen(SCREENS.index("people"))
    screen = window.people_screen
    screen.select_person(next(p.person_id for p in screen.model.rows if p.name.startswith("Mallory")))
    view = screen.detail
    shown = view.toHtml()
    for link in links:
        assert link in view.toPlainText()  # every link is shown as text
    assert 'href="https://example.org/me"' in shown and 'href="mailto:m@example.org"' in shown
    for refused in ("file:", "smb:", "javascript:"):
        assert f'href="{refused}' not in shown
    assert not view.openExternalLinks() and not view.openLinks()  # a click goes through ui.links.open_url
    assert "Mallory <b>Bold</b>" in view.toPlainText()
    tip = screen.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip_words(tip) in {p.name for p in screen.model.rows}


@pytest.mark.parametrize("url", ["file:///etc/passwd", "smb://x/y", "javascript:alert(1)", "https://", "ftp://x/y"])
def test_links_other_than_web_and_mail_are_text(url):
    from ui.links import is_openable, link_html

    assert not is_openable(url) and "<a" not in link_html(url)


def test_a_relays_error_text_shows_literally_in_the_sync_screen(qtbot, window):
    source = DemoSyncSource()
    hostile = '<img src="/dev/zero"><a href="file:///etc/passwd">log in again</a>'
    source._statuses[1] = replace(source.statuses()[1], state="error", last_error=hostile)
    window.set_sync_source(source)
    window.show_screen(SCREENS.index("sync"))
    table = window.sync_screen.table
    error = next(table.item(1, c) for c in range(table.columnCount()) if table.item(1, c).text() == hostile)
    assert tooltip_words(error.toolTip()) == hostile
    window.grab()
