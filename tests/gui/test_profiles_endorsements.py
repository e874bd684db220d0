"""Endorsements received (issue 12.4, 12.6): the level observed beside the comment, what is new since the
last look, Thank (a signed section the endorser sees on their side) and Endorse back; dates in the user's
locale. Real windows, real stores, documents carried by bundles as a sync would carry them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from support import hand_over

from skiller_desktop.services import Services
from tests.gui.conftest import activate, person
from ui.screens.endorsements import COMMENT, DATE, LEVEL, NAME, NEW_ROLE, STATUS
from ui.unseen_badge import UNSEEN_ROLE

WORDS = {
    "en": {"level": "●●●●○ advanced", "new": "1 new", "thanked": "Shown · Thanked", "given_thanks": "Thanked on",
           "legend": "Levels: 1 beginner · 2 elementary · 3 intermediate · 4 advanced · 5 expert",
           "nothing": "has no skills in their portfolio yet", "sidebar": "Endorsements",
           "every": "You already endorse every skill Dana lists.",
           "sidebar_new": "1 new endorsement since you last looked"},
    "fr": {"level": "●●●●○ avancé", "new": "1 nouvelle", "thanked": "Affichée · Remerciée",
           "given_thanks": "Remerciée le",
           "legend": "Niveaux : 1 débutant · 2 élémentaire · 3 intermédiaire · 4 avancé · 5 expert",
           "nothing": "n’a pas encore de compétences", "sidebar": "Recommandations",
           "every": "Vous recommandez déjà toutes les compétences que Dana indique.",
           "sidebar_new": "1 nouvelle recommandation depuis votre dernière visite"},
}


def swap_through_the_window(me: Services, other: Services, tmp_path, window, ask) -> None:
    """My document to them; theirs to me through File › Import (what a sync brings)."""
    hand_over(me, other, tmp_path / "mine.skb")
    theirs = tmp_path / "theirs.skb"
    other.export_bundle(theirs)
    ask.paths.append(str(theirs))
    window.import_bundle()


def endorsements(qtbot, window):
    """The Endorsements screen, shown (after a change of language the rebuilt window shows it a turn later)."""
    window.show_screen(2)
    screen = window.endorsements_screen
    qtbot.waitUntil(screen.isVisible)
    return screen


def received_rows(screen) -> list:
    group = screen.received.topLevelItem(0)
    return [group.child(i) for i in range(group.childCount())]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_received_endorsements_show_level_new_marks_and_thanks_reach_the_endorser(
        qtbot, window, ask, tmp_path, language):
    window.set_language(language)
    words = WORDS[language]
    me = window.ops.services
    me.add_skill("Python", 3)
    bob = person(tmp_path, "Bob", [("SQL", 4)])
    hand_over(me, bob, tmp_path / "mine0.skb")
    endorsement_id = bob.endorse(me.person_id, "Python", "<b>Great</b> code", level=4)
    swap_through_the_window(me, bob, tmp_path, window, ask)
    entry = window.sidebar.item(2)  # while elsewhere, the sidebar says something new came
    qtbot.waitUntil(lambda: entry.data(UNSEEN_ROLE) == 1)
    assert entry.text() == words["sidebar"]  # the label unchanged (it fills the sidebar in French) …
    assert entry.data(Qt.ItemDataRole.AccessibleTextRole) == f"{words['sidebar']}, {words['sidebar_new']}"
    assert words["sidebar_new"] in entry.toolTip()  # … the count in a badge, its tooltip and its accessible text

    screen = endorsements(qtbot, window)
    [row] = received_rows(screen)
    assert row.text(NAME) == "Bob"
    assert row.text(LEVEL) == words["level"]  # the level the endorser observed, beside the comment
    assert row.text(COMMENT) == "<b>Great</b> code"  # their words, as typed
    stored = bob.queries.endorsements(endorser_id=bob.person_id)[0].date
    assert row.text(DATE) == QLocale().toString(QDate.fromString(stored[:10], Qt.DateFormat.ISODate),
                                                QLocale.FormatType.ShortFormat)
    assert not row.text(DATE).startswith(stored[:4] + "-")  # not the raw ISO date
    assert row.data(0, NEW_ROLE) is True and row.font(NAME).bold()  # new since the last look
    assert row.data(NAME, Qt.ItemDataRole.AccessibleTextRole).startswith("Bob, ")  # said to screen readers too
    assert words["new"] in screen.tabs.tabText(0)
    assert screen.new_label.isVisible()
    assert words["legend"] in [w.text() for w in screen.findChildren(type(screen.new_label))]
    qtbot.waitUntil(lambda: me.queries.unseen_endorsements(me.person_id) == set())  # looked at now
    qtbot.waitUntil(lambda: entry.data(UNSEEN_ROLE) == 0)
    assert words["sidebar_new"] not in entry.toolTip()

    window.show_screen(0)  # leave and come back: no longer new
    endorsements(qtbot, window)
    [row] = received_rows(screen)
    assert row.data(0, NEW_ROLE) is False and not row.font(NAME).bold()
    assert words["new"] not in screen.tabs.tabText(0) and not screen.new_label.isVisible()

    # Thank, with a message; then the button says it is done.
    screen.select_received(endorsement_id)
    assert screen.thank_button.isEnabled()
    ask.texts.append("Merci Bob !")
    activate(qtbot, window)
    screen.received.setFocus()
    qtbot.keyClick(screen.received, Qt.Key.Key_Return)  # Enter on an endorsement thanks its endorser
    [row] = received_rows(screen)
    assert row.text(STATUS) == words["thanked"]  # shown on my profile, and thanked
    screen.select_received(endorsement_id)
    assert not screen.thank_button.isEnabled()
    menu = {a.text(): a.isEnabled() for a in screen.received.actions()}  # the right-click menu says the same
    assert menu[screen.thank_button.text()] is False and menu[screen.hide_button.text()] is True
    with pytest.raises(Exception, match="already thanked"):
        me.thank(bob.person_id, endorsement_id, "again")

    # The endorser's side: the thanks arrived with my document, signed by me, beside what they gave.
    hand_over(me, bob, tmp_path / "mine2.skb")
    [thanks] = bob.queries.thanks_for(endorser_id=bob.person_id)
    assert (thanks.thanker_id, thanks.endorsement_id, thanks.message) == (me.person_id, endorsement_id, "Merci Bob !")
    bob.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_endorser_sees_thanks_in_the_given_tab(qtbot, window, ask, tmp_path, language):
    window.set_language(language)
    me = window.ops.services
    carol = person(tmp_path, "Carol", [("Design", 5)])
    hand_over(carol, me, tmp_path / "carol0.skb")
    endorsement_id = me.endorse(carol.person_id, "Design", "Clean work", level=5)
    hand_over(me, carol, tmp_path / "mine.skb")
    carol.thank(me.person_id, endorsement_id, "Thank you!")
    theirs = tmp_path / "carol.skb"
    carol.export_bundle(theirs)
    ask.paths.append(str(theirs))
    window.import_bundle()
    screen = endorsements(qtbot, window)
    screen.tabs.setCurrentIndex(1)
    model = screen.given_model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    thanks = model.index(0, 6).data()
    assert thanks.startswith(WORDS[language]["given_thanks"]) and thanks.endswith("“Thank you!”")
    assert model.index(0, 4).data().startswith("●●●●●") and model.index(0, 5).data() == "Clean work"
    carol.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_endorse_back_opens_the_endorse_dialog_for_the_endorser(qtbot, window, ask, tmp_path, language):
    window.set_language(language)
    me = window.ops.services
    me.add_skill("Python", 3)
    dana = person(tmp_path, "Dana", [("Comptabilité", 5), ("Fiscalité", 3)])
    hand_over(me, dana, tmp_path / "mine0.skb")
    endorsement_id = dana.endorse(me.person_id, "Python", "Solide")
    swap_through_the_window(me, dana, tmp_path, window, ask)
    screen = endorsements(qtbot, window)
    screen.select_received(endorsement_id)
    [back] = [a for a in screen.received.actions() if a.text() == screen.endorse_back_button.text()]
    back.trigger()  # from the right-click menu
    dialog = screen.endorse_dialog
    assert dialog is not None and dialog.isVisible()
    assert [dialog.skill.itemText(i) for i in range(dialog.skill.count())] == ["Comptabilité", "Fiscalité"]
    dialog.level.setValue(5)
    with qtbot.waitSignal(dialog.finished):
        dialog.endorse_button.click()
    [given] = me.queries.endorsements(endorser_id=me.person_id)
    assert (given.subject_id, given.skill, given.level) == (dana.person_id, "Comptabilité", 5)
    screen.select_received(endorsement_id)  # again: only what I do not endorse yet is offered
    qtbot.mouseClick(screen.endorse_back_button, Qt.MouseButton.LeftButton)
    dialog = screen.endorse_dialog
    assert [dialog.skill.itemText(i) for i in range(dialog.skill.count())] == ["Fiscalité"]
    with qtbot.waitSignal(dialog.finished):
        dialog.endorse_button.click()
    screen.select_received(endorsement_id)  # and once every skill is endorsed, it says so
    qtbot.mouseClick(screen.endorse_back_button, Qt.MouseButton.LeftButton)
    assert screen.error.isVisible() and WORDS[language]["every"] in screen.error.text()
    dana.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_endorse_back_says_so_when_the_endorser_has_no_skills(qtbot, window, ask, tmp_path, language):
    window.set_language(language)
    me = window.ops.services
    me.add_skill("Python", 3)
    eve = person(tmp_path, "Eve")
    hand_over(me, eve, tmp_path / "mine0.skb")
    endorsement_id = eve.endorse(me.person_id, "Python")
    swap_through_the_window(me, eve, tmp_path, window, ask)
    screen = endorsements(qtbot, window)
    screen.select_received(endorsement_id)
    qtbot.mouseClick(screen.endorse_back_button, Qt.MouseButton.LeftButton)
    assert screen.endorse_dialog is None
    assert screen.error.isVisible() and WORDS[language]["nothing"] in screen.error.text()
    assert screen.error.text().startswith("Eve")
    eve.close()


def test_a_thanks_for_someone_elses_endorsement_reads_as_nothing(tmp_path):
    """Anyone can sign a thanks in their own document; only the endorsement's subject's counts."""
    ana, bob, mallory = (person(tmp_path, n, [("Python", 3)]) for n in ("Ana", "Bob", "Mallory"))
    hand_over(ana, bob, tmp_path / "ana.skb")
    endorsement_id = bob.endorse(ana.person_id, "Python")
    hand_over(bob, mallory, tmp_path / "bob.skb")
    from skiller_desktop import person_doc as pd

    forged = {"endorser": bob.person_id, "endorsement_id": endorsement_id, "message": "fake", "date": pd.now_iso()}
    mallory.edit(pd.put_entry("thanks", "t1", forged), mallory_changes())
    hand_over(mallory, bob, tmp_path / "mallory.skb")
    assert bob.queries.thanks_for(endorser_id=bob.person_id) == []
    with pytest.raises(Exception, match="received no endorsement"):
        mallory.thank(bob.person_id, endorsement_id)
    for s in (ana, bob, mallory):
        s.close()


def mallory_changes():
    from skiller_desktop.views import Changes

    return Changes(endorsements=True)


def test_a_thanks_out_of_bounds_is_refused_by_the_schema():
    from skiller_desktop import doc_schema

    good = {"kind": "person", "thanks": {"t": {"endorser": "did:key:z", "endorsement_id": "e", "message": "ok",
                                              "date": "2026-11-29T10:00:00Z"}}}
    doc_schema.check("did:key:zA", good)
    for bad in ({"message": "x" * 1001}, {"date": "yesterday"}, {"endorser": 7}):
        data = {"kind": "person", "thanks": {"t": {**good["thanks"]["t"], **bad}}}
        with pytest.raises(doc_schema.SchemaError, match="thanks"):
            doc_schema.check("did:key:zA", data)


def test_the_thank_question_shows_a_hostile_name_as_typed(qtbot, window, ask, tmp_path, monkeypatch):
    from PySide6.QtGui import QTextDocument

    me = window.ops.services
    me.add_skill("Python", 3)
    mallory = person(tmp_path, "<img src='/dev/zero'>Mallory")
    hand_over(me, mallory, tmp_path / "mine0.skb")
    endorsement_id = mallory.endorse(me.person_id, "Python")
    swap_through_the_window(me, mallory, tmp_path, window, ask)
    screen = endorsements(qtbot, window)
    screen.select_received(endorsement_id)
    asked: list[str] = []
    monkeypatch.setattr(ask, "text", lambda parent, title, label, secret=False: asked.append(label))
    qtbot.mouseClick(screen.thank_button, Qt.MouseButton.LeftButton)
    shown = QTextDocument()
    shown.setHtml(asked[0])  # how the dialog's label (rich text, since it holds a paragraph) draws it
    assert "<img src='/dev/zero'>Mallory" in shown.toPlainText()
    assert me.queries.thanks_for(thanker_id=me.person_id) == []  # cancelled: nothing sent
    mallory.close()
