"""The Sync screen and the status bar in plain words, both languages, through the real widgets.

One sentence per state and problem with what to try, "3 minutes ago" instead of a timestamp, never
"Online" while a relay fails, no exception class names; a first sync's count and a Stop button.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from ui.demo_sync import DemoSyncSource
from ui.main_window import SCREENS

WORDS = {
    "en": {"offline": "Not reachable", "advice": "It did not answer. Check your internet connection",
           "bar_offline": "○ Offline", "problem": "▲ 1 of 3 not syncing", "ago": "3 minutes ago",
           "just_now": "just now", "count": "Syncing… 3,000 of 10,000 people", "stopped": "Partly synced",
           "stopped_advice": "You stopped the sync; it goes on by itself next time.", "timeout": "answered too slowly"},
    "fr": {"offline": "Injoignable", "advice": "Il ne répond pas. Vérifiez votre connexion à Internet",
           "bar_offline": "○ Hors ligne", "problem": "▲ Synchro en échec : 1 sur 3", "ago": "il y a 3 minutes",
           "just_now": "à l’instant", "count": "Synchronisation… 3 000 personnes sur 10 000",
           "stopped": "Synchronisé en partie",
           "stopped_advice": "Vous avez arrêté la synchronisation ; elle reprendra d’elle-même la prochaine fois.",
           "timeout": "répondu trop lentement"},
}
RAW = re.compile(r"\d{4}-\d\d-\d\dT|\w+Error\)|\(Invalid\w+\)")


def _cells(screen, row: int) -> list[str]:
    return [screen.table.item(row, c).text() for c in range(screen.table.columnCount())]


def _spaces(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")  # the locale's thousands separator


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_unreachable_relay_is_said_in_plain_words_and_the_bar_is_not_online(qtbot, window, language):
    from sync.node import NodeSync

    window.set_language(language)
    words = WORDS[language]
    node = NodeSync(window.ops.services)  # not started: the test runs the one sync
    try:
        window.set_sync_source(node.scheduler)
        window.show_screen(SCREENS.index("sync"))
        screen = window.sync_screen
        screen.address.setText("http://127.0.0.1:9")
        screen.add_button.click()
        qtbot.waitUntil(lambda: screen.table.rowCount() == 1)
        node.scheduler.sync_once(node.scheduler.statuses()[0].peer_id)
        qtbot.waitUntil(lambda: _cells(screen, 0)[2] == words["offline"])
        cells = _cells(screen, 0)
        assert cells[4].startswith(words["advice"]), cells
        assert not any(RAW.search(text) for text in cells), cells
        assert "unreachable" in screen.table.item(0, 2).toolTip()  # the technical words stay at hand
        assert window.status_label.text() == words["bar_offline"]
        assert words["advice"] in window.status_label.toolTip()
    finally:
        node.close()
        window.set_language("en")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_failing_relay_beside_working_ones_is_never_online_and_times_are_relative(qtbot, window, language):
    window.set_language(language)
    words = WORDS[language]
    source = DemoSyncSource()
    three_minutes_ago = (datetime.now(UTC) - timedelta(minutes=3, seconds=5)).isoformat()
    source._statuses[0] = replace(source._statuses[0], last_success=three_minutes_ago)
    window.set_sync_source(source)
    window.show_screen(SCREENS.index("sync"))
    screen = window.sync_screen
    assert window.status_label.text() == words["problem"]
    assert [_cells(screen, row)[3] for row in range(2)] == [words["ago"], words["just_now"]]
    exact = screen.table.item(0, 3).toolTip()  # the local date and time, in the locale's words
    assert exact and not RAW.search(exact), exact
    failing = _cells(screen, 2)
    assert words["timeout"] in failing[4] and not RAW.search(" ".join(failing))
    assert "https://relais.coop.example" in window.status_label.toolTip()
    window.set_language("en")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_long_sync_shows_its_count_and_can_be_stopped(qtbot, window, language):
    window.set_language(language)
    words = WORDS[language]
    source = DemoSyncSource()
    window.set_sync_source(source)
    window.show_screen(SCREENS.index("sync"))
    screen = window.sync_screen
    assert not screen.stop_button.isVisibleTo(screen)
    source._statuses[1] = replace(source._statuses[1], state="syncing", progress=(3000, 10000))
    source._tell()
    qtbot.waitUntil(lambda: screen.stop_button.isVisibleTo(screen))
    assert _spaces(screen.progress_text.text()) == words["count"] and screen.progress_text.isVisibleTo(screen)
    screen.stop_button.click()
    qtbot.waitUntil(lambda: not screen.stop_button.isVisibleTo(screen))
    assert _cells(screen, 1)[2] == words["stopped"]
    assert _cells(screen, 1)[4] == words["stopped_advice"]
    window.set_language("en")


@pytest.mark.parametrize(("language", "expected"), [("en", "Syncing… 1,200 of 5,000 changes"),
                                                    ("fr", "Synchronisation… 1 200 modifications sur 5 000")])
def test_a_later_sync_counts_changes(qtbot, window, language, expected):
    window.set_language(language)
    source = DemoSyncSource()
    window.set_sync_source(source)
    window.show_screen(SCREENS.index("sync"))
    screen = window.sync_screen
    source._statuses[1] = replace(source._statuses[1], state="syncing", progress=(1200, 5000), progress_unit="changes")
    source._tell()
    qtbot.waitUntil(lambda: screen.stop_button.isVisibleTo(screen))
    assert _spaces(screen.progress_text.text()) == expected
    assert _spaces(_cells(screen, 1)[2]) == expected
    window.set_language("en")
