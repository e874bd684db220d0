"""Portfolio (issue 12.4, 12.5), in English and French: every level named and the legend under the table;
evidence links checked as they are typed, a bad one said under the table and never saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from ui.level_legend import LevelLegend

from .conftest import activate

WORDS = {
    "en": {"legend": "Levels: 1 beginner · 2 elementary · 3 intermediate · 4 advanced · 5 expert",
           "expert": "5 – expert", "cell": "●●●●●  5/5 · expert", "bad": "is not a web address"},
    "fr": {"legend": "Niveaux : 1 débutant · 2 élémentaire · 3 intermédiaire · 4 avancé · 5 expert",
           "expert": "5 – expert", "cell": "●●●●●  5/5 · expert", "bad": "n’est pas une adresse web"},
}


def type_link(qtbot, dialog, row: int, text: str) -> None:
    """Type into the Link cell as a user does: select it, type (which opens the editor), press Enter."""
    table = dialog.evidence
    activate(qtbot, dialog)
    table.setFocus()
    table.setCurrentCell(row, 2)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.parent().parent() is table
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)  # Qt commits a turn later


@pytest.mark.parametrize("language", ["en", "fr"])
def test_levels_are_named_and_evidence_links_are_checked_as_typed(qtbot, window, language):
    window.set_language(language)
    words = WORDS[language]
    screen = window.portfolio_screen
    window.show_screen(1)
    qtbot.waitUntil(screen.isVisible)
    legends = [w.text() for w in screen.findChildren(LevelLegend) if w.isVisible()]
    assert legends == [words["legend"]]  # under the table that shows dots
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = screen.dialog
    dialog.name.setText("Rust")
    dialog.level.setFocus()
    dialog.level.lineEdit().selectAll()
    qtbot.keyClicks(dialog.level, "4")  # typed as a number …
    assert dialog.level.value() == 4
    qtbot.keyClick(dialog.level, Qt.Key.Key_Up)  # … stepped with the arrow keys, and shown with its name
    assert dialog.level.value() == 5 and dialog.level.text() == words["expert"]

    dialog.add_evidence("project", "Compilateur")
    type_link(qtbot, dialog, 0, "example.org/compilateur")
    assert dialog.evidence.item(0, 2).text() == "https://example.org/compilateur"  # made an address
    dialog.add_evidence("link", "Mon disque")
    type_link(qtbot, dialog, 1, "C:/mes documents")
    label = dialog.errors.fields["evidence"][1]
    assert label.isVisible() and words["bad"] in label.text() and "C:/mes documents" in label.text()
    save = dialog.ok_button
    save.click()
    assert dialog.isVisible()  # not saved with a link that leads nowhere
    assert window.ops.services.queries.skill(window.ops.services.person_id, "Rust") is None
    type_link(qtbot, dialog, 1, "mailto:moi@example.org")
    assert not label.isVisible()
    with qtbot.waitSignal(dialog.finished):
        save.click()
    rust = window.ops.services.queries.skill(window.ops.services.person_id, "Rust")
    assert [e["url"] for e in rust.evidence] == ["https://example.org/compilateur", "mailto:moi@example.org"]
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert screen.model.index(0, 1).data() == words["cell"]


@pytest.mark.parametrize("text, saved", [
    ("", ""), ("https://example.org/a b", None), ("javascript:alert(1)", None), ("example", None),
    ("www.example.org", "https://www.example.org"), ("http://example.org", "http://example.org"),
    ("file:///etc/passwd", None), ("mailto:a@example.org", "mailto:a@example.org"),
])
def test_what_counts_as_a_web_address(qapp, text, saved):
    from ui.screens.portfolio import web_address

    assert web_address(text) == saved


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_skill_rows_right_click_menu_edits_removes_and_undo_brings_back(qtbot, window, language):
    window.set_language(language)
    me = window.ops.services
    me.add_skill("Python", 4)
    me.add_skill("SQL", 3)
    screen = window.portfolio_screen
    window.show_screen(1)
    qtbot.waitUntil(lambda: screen.isVisible() and screen.model.rowCount() == 2)
    menu = {a.text(): a for a in screen.table.actions()}
    assert not menu[screen.remove_button.text()].isEnabled()  # nothing selected yet
    screen.table.selectRow(1)
    assert menu[screen.remove_button.text()].isEnabled() and not menu[screen.down_button.property("label")].isEnabled()
    menu[screen.remove_button.text()].trigger()
    qtbot.waitUntil(lambda: [s.name for s in screen.model.rows] == ["Python"])
    assert screen.undo_bar.isVisible()
    screen.undo_button.click()
    qtbot.waitUntil(lambda: [s.name for s in screen.model.rows] == ["Python", "SQL"])
