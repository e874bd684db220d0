"""The File menu's import and export: JSON Resume, LinkedIn, PDF, credentials, verification."""

from __future__ import annotations

import json

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QTreeWidget

from .conftest import make_person

RESUME = {
    "basics": {"name": "Alice Martin", "label": "Freelance developer", "summary": "I write Python for small shops.",
               "email": "alice@example.org"},
    "skills": [{"name": "Python", "level": "Advanced", "keywords": ["Django"]}, {"name": "SQL"}],
    "work": [{"name": "Atelier Numérique", "position": "Developer", "startDate": "2021-03-01"}],
}
ENDORSEMENTS = (
    "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\r\n"
    "2025/02/01 09:00:00 UTC,Python,Léa,Roux,https://www.linkedin.com/in/lroux,ACCEPTED\r\n"
)


def menu_actions(window) -> dict[str, object]:
    file_menu = window.menuBar().actions()[0].menu()
    return {a.text().replace("&", ""): a for a in file_menu.actions() if a.text()}


def items(tree: QTreeWidget) -> list[list[str]]:
    return [[tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
            for i in range(tree.topLevelItemCount())]


def test_file_menu_offers_every_import_and_export(window):
    assert {"Import JSON Resume…", "Import LinkedIn export…", "Export as JSON Resume…", "Export as PDF…",
            "Export credentials…", "Verify a credential…"} <= set(menu_actions(window))


def test_import_a_json_resume_shows_the_report(qtbot, window, ask, tmp_path):
    resume = tmp_path / "resume.json"
    resume.write_text(json.dumps(RESUME), encoding="utf-8")
    ask.paths.append(str(resume))
    menu_actions(window)["Import JSON Resume…"].trigger()
    qtbot.waitUntil(lambda: window.interop.report is not None)
    report = window.interop.report
    assert "New skills: 2" in report.summary.text()
    assert "Positions: 1" in report.summary.text()
    assert "stays on this device only" in report.details.toPlainText()  # the email: kept, not synced
    assert {s.name for s in window.ops.services.queries.skills(window.ops.services.person_id)} >= {"Python", "SQL"}
    window.show_screen(1)
    qtbot.waitUntil(lambda: window.portfolio_screen.model.rowCount() == 2)
    report.close()
    qtbot.waitUntil(lambda: window.interop.report is None)


def test_a_file_that_is_not_a_resume_is_refused_in_words(qtbot, window, ask, tmp_path):
    bad = tmp_path / "notes.json"
    bad.write_text("this is not JSON", encoding="utf-8")
    ask.paths.append(str(bad))
    menu_actions(window)["Import JSON Resume…"].trigger()
    qtbot.waitUntil(lambda: bool(ask.warnings))
    assert ask.warnings[0].startswith("Nothing was imported.")
    assert "Traceback" not in ask.warnings[0]
    assert window.interop.report is None


def test_export_as_pdf_in_the_ui_language(qtbot, window, ask, tmp_path):
    window.ops.services.add_skill("Python", 4)
    target = tmp_path / "me.pdf"
    ask.paths.append(str(target))
    menu_actions(window)["Export as PDF…"].trigger()
    qtbot.waitUntil(target.exists)
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in window.statusBar().currentMessage()


def test_export_someone_else_as_pdf_from_people(qtbot, window, ask, tmp_path):
    window.ops.services.import_bundle(make_person(tmp_path, "Bruno", [("Go", 3)]))
    window.show_screen(3)
    people = window.people_screen
    qtbot.waitUntil(lambda: any(p.name == "Bruno" for p in people.model.rows))
    people.select_person(next(p.person_id for p in people.model.rows if p.name == "Bruno"))
    qtbot.waitUntil(people.pdf_button.isEnabled)
    target = tmp_path / "bruno.pdf"
    ask.paths.append(str(target))
    people.pdf_button.click()
    qtbot.waitUntil(target.exists)
    assert target.read_bytes().startswith(b"%PDF")


def test_linkedin_endorsements_are_shown_apart_as_unverified(qtbot, window, ask, tmp_path):
    export = tmp_path / "linkedin"
    export.mkdir()
    (export / "Skills.csv").write_text("Name\r\nPython\r\n", encoding="utf-8")
    (export / "Endorsement_Received_Info.csv").write_text(ENDORSEMENTS, encoding="utf-8")
    ask.paths.append(str(export / "Skills.csv"))  # any CSV of the unpacked folder stands for the folder
    menu_actions(window)["Import LinkedIn export…"].trigger()
    qtbot.waitUntil(lambda: window.interop.report is not None)
    assert "Endorsements copied, shown as unverified and never counted: 1." in window.interop.report.summary.text()
    window.interop.report.close()

    window.show_screen(2)
    screen = window.endorsements_screen
    qtbot.waitUntil(lambda: screen.imported.topLevelItemCount() == 1)
    date = QLocale().toString(QDate(2025, 2, 1), QLocale.FormatType.ShortFormat)  # dates in the user's locale
    assert items(screen.imported) == [["Python", "Léa Roux", date, "Unverified"]]
    assert screen.imported_box.isVisibleTo(screen)
    assert screen.received.topLevelItemCount() == 0  # not among the signed ones
    assert screen.received_empty.isVisibleTo(screen)
    me = window.ops.services.person_id
    assert [s.endorsement_count for s in window.ops.services.queries.skills(me)] == [0]  # never counted


def test_export_credentials_and_verify_one(qtbot, window, ask, tmp_path):
    services = window.ops.services
    services.add_skill("Python", 4)
    # Bruno endorses Alice on his own device; his signed document reaches hers as a bundle.
    from skiller_desktop.services import Services

    bruno = Services(tmp_path / "bruno")
    bruno.create_identity("Bruno Keller")
    alice_bundle = tmp_path / "alice.skb"
    services.export_bundle(alice_bundle)
    bruno.import_bundle(alice_bundle)
    bruno.endorse(services.person_id, "Python", "Clean code.")
    bruno.export_bundle(tmp_path / "bruno.skb")
    bruno.close()
    services.import_bundle(tmp_path / "bruno.skb")

    folder = tmp_path / "credentials"
    ask.paths.append(str(folder))
    menu_actions(window)["Export credentials…"].trigger()
    qtbot.waitUntil(lambda: window.interop.report is not None)
    assert "Credentials written: 1" in window.interop.report.summary.text()
    window.interop.report.close()
    [credential] = list(folder.glob("*.jwt"))

    ask.paths.append(str(credential))
    menu_actions(window)["Verify a credential…"].trigger()
    qtbot.waitUntil(lambda: window.interop.report is not None)
    text = window.interop.report.summary.text()
    assert "The signature is valid." in text and "Bruno Keller" in text and "Alice Martin" in text
    assert "Not revoked, as far as this device knows." in text
    window.interop.report.close()

    tampered = tmp_path / "tampered.jwt"
    head, body, signature = credential.read_text().strip().split(".")
    tampered.write_text(f"{head}.{body[:-4]}AAAA.{signature}")
    ask.paths.append(str(tampered))
    menu_actions(window)["Verify a credential…"].trigger()
    qtbot.waitUntil(lambda: bool(ask.warnings))
    assert ask.warnings[0].startswith("This file is not a valid credential")


def test_reports_are_translated(qtbot, window, ask, tmp_path):
    window.set_language("fr")
    resume = tmp_path / "resume.json"
    resume.write_text(json.dumps(RESUME), encoding="utf-8")
    ask.paths.append(str(resume))
    window.interop.import_jsonresume()
    qtbot.waitUntil(lambda: window.interop.report is not None)
    assert "Nouvelles compétences : 2" in window.interop.report.summary.text()
    window.interop.report.close()
    target = tmp_path / "moi.pdf"
    ask.paths.append(str(target))
    window.interop.export_pdf()
    qtbot.waitUntil(target.exists)
    assert target.read_bytes().startswith(b"%PDF")
    window.set_language("en")
