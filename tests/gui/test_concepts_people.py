"""Issue 13 on the People screen, in French: found across languages, the French label shown, endorsed."""

from __future__ import annotations

from skiller_desktop.services import Services

from .conftest import activate

PM = "http://data.europa.eu/esco/skill/7111b95d-0ce3-441a-9d92-4c75d05c4388"


def test_a_french_reader_finds_shows_and_endorses_an_english_skill(qtbot, window, ask, languages, tmp_path):
    ana = Services(tmp_path / "ana")
    ana.create_identity("Ana Lopez")
    ana.add_skill("Project management", 4, concept=PM)
    ana.add_skill("Knitting", 2)
    ana.export_bundle(tmp_path / "ana.skb")
    ana.close()
    ask.paths.append(str(tmp_path / "ana.skb"))
    window.import_bundle()
    languages.switch("fr")
    try:
        window.show_screen(1)
        screen = window.people_screen
        activate(qtbot, window)
        qtbot.keyClicks(screen.text, "gestion de projets")
        qtbot.waitUntil(lambda: [p.name for p in screen.model.rows] == ["Ana Lopez"])
        screen.text.clear()
        qtbot.keyClicks(screen.skill, "gestion de projets")
        qtbot.waitUntil(lambda: [p.name for p in screen.model.rows] == ["Ana Lopez"])
        screen.table.selectRow(0)
        qtbot.waitUntil(lambda: "Project management (gestion de projets)" in screen.detail.toPlainText())
        assert "Knitting (" not in screen.detail.toPlainText()
        screen.endorse()
        dialog = screen.dialog
        dialog.skill.setEditText("Project management (gestion de projets)")
        with qtbot.waitSignal(dialog.finished):
            dialog.endorse_button.click()
        [given] = window.ops.services.queries.endorsements(endorser_id=window.ops.services.person_id)
        assert (given.skill, given.concept) == ("Project management", PM)
    finally:
        languages.switch("en")
