"""Profiles (issue 12.4, 12.5, 12.7): what a profile shows — yours and others' — in English and French:
skill descriptions, evidence links (clickable only when safe), positions, the level legend, the level an
endorser observed beside their comment, localised dates; and a narrow preview never cuts a word."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QDate, QLocale
from support import hand_over

from skiller_desktop.interop import service
from skiller_desktop.services import Services
from tests.gui.conftest import person

RESUME = {"basics": {"name": "Alice Martin"},
          "work": [{"name": "Atelier Coop", "position": "Développeuse", "startDate": "2019-03-01",
                    "summary": "Outils hors ligne pour des artisans."},
                   {"name": "Banque Sud", "position": "Stagiaire", "startDate": "2016-09-01",
                    "endDate": "2017-02-28"}]}
WORDS = {
    "en": {"positions": "Positions", "today": "today", "evidence": "Evidence:",
           "legend": "Levels: 1 beginner · 2 elementary · 3 intermediate · 4 advanced · 5 expert",
           "observed": "observed level: ●●●●○ advanced", "count": "2 endorsements", "years": "6 years",
           "level": "advanced"},
    "fr": {"positions": "Postes", "today": "aujourd’hui", "evidence": "Preuves :",
           "legend": "Niveaux : 1 débutant · 2 élémentaire · 3 intermédiaire · 4 avancé · 5 expert",
           "observed": "niveau constaté : ●●●●○ avancé", "count": "2 recommandations", "years": "6 ans",
           "level": "avancé"},
}
EVIDENCE = [{"kind": "project", "title": "Outil de facturation", "url": "https://example.org/factures"},
            {"kind": "link", "title": "Mes fichiers", "url": "intranet/mes-fichiers"}]


def endorsed_by_two(me: Services, tmp_path) -> None:
    for name, comment, level in (("Bob", "Du <i>très</i> bon travail", 4), ("Chloé", "", 0)):
        other = person(tmp_path, name)
        hand_over(me, other, tmp_path / f"me-{name}.skb")
        other.endorse(me.person_id, "Python", comment, level=level or None)
        hand_over(other, me, tmp_path / f"{name}.skb")
        other.close()


def shown(qtbot, window, index: int, screen):
    window.show_screen(index)
    qtbot.waitUntil(screen.isVisible)  # a window rebuilt in another language shows its screens a turn later
    return screen


def unbroken_words(view) -> list[str]:
    """The lines of the laid-out preview that start inside a word (what the user saw as "endorsemen/ts")."""
    doc = view.document()
    doc.setTextWidth(view.viewport().width())
    broken = []
    block = doc.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for i in range(1, layout.lineCount()):
            start = layout.lineAt(i).textStart()
            if 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
                broken.append(text[max(0, start - 12):start] + "/" + text[start:start + 12])
        block = block.next()
    return broken


@pytest.mark.parametrize("language", ["en", "fr"])
def test_my_profile_shows_descriptions_evidence_positions_and_observed_levels(
        qtbot, window, ask, tmp_path, language):
    window.set_language(language)
    words = WORDS[language]
    me = window.ops.services
    me.add_skill("Python", 4, 6, "Services et tests automatisés.", EVIDENCE)
    resume = tmp_path / "resume.json"
    resume.write_text(json.dumps(RESUME), encoding="utf-8")
    ask.paths.append(str(resume))
    window.interop.import_jsonresume()  # File › Import JSON Resume, as the user would
    qtbot.waitUntil(lambda: len(me.positions()) == 2)
    endorsed_by_two(me, tmp_path)
    screen = window.profile_screen
    window.show_screen(1)
    shown(qtbot, window, 0, screen)
    preview = screen.preview
    qtbot.waitUntil(lambda: words["positions"] in preview.toPlainText())
    text = preview.toPlainText()
    for expected in ("Services et tests automatisés.", words["evidence"], "Outil de facturation",
                     words["legend"], words["observed"], "“Du <i>très</i> bon travail”", words["count"],
                     words["years"], "Développeuse — Atelier Coop", "Outils hors ligne pour des artisans.",
                     "Stagiaire — Banque Sud"):
        assert expected in text, expected
    started = QLocale().toString(QDate(2019, 3, 1), QLocale.FormatType.ShortFormat)
    assert f"{started} – {words['today']}" in text  # the current position first, its date in the locale
    assert text.index("Atelier Coop") < text.index("Banque Sud")
    assert "2019-03" not in text
    rich = preview.toHtml()
    assert 'href="https://example.org/factures"' in rich  # evidence is clickable …
    assert 'href="intranet' not in rich and "intranet/mes-fichiers" in text  # … only when it is safe to open
    assert "<i>très</i>" not in rich.replace("&lt;i&gt;très&lt;/i&gt;", "")  # their words, never markup
    [chloe] = [line for line in text.splitlines() if "Chloé" in line]
    assert words["observed"].split(":")[0] not in chloe  # she gave no level: none is made up


@pytest.mark.parametrize("language", ["en", "fr"])
def test_another_persons_profile_in_people_shows_their_positions_and_evidence(
        qtbot, window, ask, tmp_path, language):
    window.set_language(language)
    words = WORDS[language]
    dana = person(tmp_path, "Dana")
    dana.add_skill("Comptabilité", 4, 0, "Bilans de petites entreprises.", EVIDENCE[:1])
    resume = tmp_path / "dana.json"
    resume.write_text(json.dumps({"work": RESUME["work"][:1]}), encoding="utf-8")
    service.import_jsonresume(dana, resume)
    bundle = tmp_path / "dana.skb"
    dana.export_bundle(bundle)
    ask.paths.append(str(bundle))
    window.import_bundle()
    people = shown(qtbot, window, 3, window.people_screen)
    qtbot.waitUntil(lambda: people.model.rowCount() == 1)
    people.select_person(dana.person_id)
    qtbot.waitUntil(lambda: "Bilans" in people.detail.toPlainText())
    text = people.detail.toPlainText()
    for expected in (words["positions"], "Développeuse — Atelier Coop", "Outil de facturation", words["legend"],
                     f"Comptabilité ●●●●○ {words['level']}"):
        assert expected in text.replace("\u00a0", " "), expected
    assert 'href="https://example.org/factures"' in people.detail.toHtml()
    dana.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_preview_at_1024_by_680_cuts_no_word(qtbot, window, tmp_path, language):
    """The preview was a table whose narrow cells broke "endorsements" in two; now it wraps between words."""
    window.set_language(language)
    me = window.ops.services
    me.add_skill("Gestion de projets informatiques complexes", 5, 12, "Planification.")
    me.add_skill("Python", 4, 6)
    endorsed_by_two(me, tmp_path)
    window.resize(1024, 680)
    screen = shown(qtbot, window, 0, window.profile_screen)
    qtbot.waitUntil(lambda: WORDS[language]["count"] in screen.preview.toPlainText().replace("\u00a0", " "))
    assert screen.preview.viewport().width() < 420  # narrow indeed
    assert unbroken_words(screen.preview) == []
    assert screen.preview.horizontalScrollBar().maximum() == 0  # nothing hidden to the right either


def test_a_profile_with_nothing_yet_says_so(qtbot, window):
    screen = shown(qtbot, window, 0, window.profile_screen)
    qtbot.waitUntil(lambda: "No skills yet." in screen.preview.toPlainText())
    text = screen.preview.toPlainText()
    assert "No endorsements yet." in text and "Positions" not in text and "Levels:" not in text
