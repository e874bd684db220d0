"""People at 1024×680, in French and English: a headline is read whole, not "Développeuse …" (issue 12.7)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.main_window import SCREENS

from .conftest import make_person

HEADLINE = "Développeuse Python indépendante"


def headline_room(table, row: int) -> int:
    """The width the list gives a headline: its own column if shown, else the name's (drawn under it)."""
    return table.columnWidth(0 if table.isColumnHidden(1) else 1)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("by_skill", [False, True])
def test_headlines_fit_at_1024(qtbot, window, tmp_path, language, by_skill) -> None:
    services = window.ops.services
    services.import_bundle(make_person(tmp_path, "Camille Dupré", [("Python", 4)], headline=HEADLINE))
    services.import_bundle(make_person(tmp_path, "Léa Martin", [("Python", 3)], headline="Chef de projet"))
    window.resize(1024, 680)
    window.set_language(language)
    window.show_screen(SCREENS.index("people"))
    screen = window.people_screen
    if by_skill:  # the matched skill's column joins the list
        screen.skill.setText("Python")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    QApplication.processEvents()
    table = screen.table
    row = [p.name for p in screen.model.rows].index("Camille Dupré")
    index = screen.model.index(row, 0)
    needed = table.fontMetrics().horizontalAdvance(HEADLINE) + 8
    assert headline_room(table, row) >= needed, (headline_room(table, row), needed)
    assert HEADLINE in index.data(Qt.ItemDataRole.ToolTipRole)  # should a longer one be cut, it is said in full
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == f"Camille Dupré, {HEADLINE}"
    assert table.rowHeight(row) >= 2 * table.fontMetrics().height()  # two lines: name, then headline
    window.set_language("en")
