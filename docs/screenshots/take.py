"""Take the README's screenshots offscreen, from the demo community, in English and in French.

    QT_QPA_PLATFORM=offscreen SKILLER_NO_KEYRING=1 python docs/screenshots/take.py [OUT_DIR]

Every screen (and the first-run and skill dialogs) is saved, at 1280×800 as
`<lang>-<name>.png` and at 1024×680 as `<lang>-<name>-1024x680.png`.
`tests/gui/test_layouts_every_screen.py` walks the same `scenes`, so what is
photographed here is what the layout test checks.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SKILLER_NO_KEYRING", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from skiller_desktop import demo
from skiller_desktop.services import Services
from ui.app import application
from ui.demo_sync import DemoSyncSource
from ui.first_run import FirstRunDialog
from ui.forms import Ask
from ui.i18n import Languages
from ui.main_window import SCREENS, MainWindow
from ui.operations import Operations
from ui.runner import SyncRunner

SIZES = {"": (1280, 800), "-1024x680": (1024, 680)}  # file name suffix: window size
LANGUAGES = ("en", "fr")


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def save(widget: QWidget, out: Path, name: str) -> None:
    settle()
    widget.grab().save(str(out / name))
    print(out / name)


def first_run(out: Path, lang: str, work: Path) -> None:
    services = Services(work / f"first-{lang}")
    ops = Operations(services, SyncRunner())
    dialog = FirstRunDialog(ops, Ask())
    dialog.resize(max(620, dialog.minimumSizeHint().width()), 360)
    dialog.show()
    dialog.name.setText("Camille Dupré")
    dialog.headline.setText("Développeuse Python indépendante")
    save(dialog, out, f"{lang}-first-run.png")
    dialog.create()
    dialog.saved.setChecked(True)
    save(dialog, out, f"{lang}-recovery-phrase.png")
    dialog.close()
    services.close()


def open_window(services: Services, languages: Languages, work: Path, size: tuple[int, int]) -> MainWindow:
    """The main window on the demo, in the language switched to, at `size`, as a user sees it (sync pretended)."""
    settings = QSettings(str(work / f"{languages.current}-{size[0]}.ini"), QSettings.Format.IniFormat)
    ops = Operations(services, SyncRunner())
    window = MainWindow(ops, settings, languages, sync_source=DemoSyncSource(), debounce_ms=0)
    window.resize(*size)
    window.show()
    window.set_serving(["http://192.168.1.20:8766"], True)  # what a real node says once it serves
    return window


def scenes(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Every screen and tab, brought to a state worth looking at: (name, widget to look at)."""
    window.show_screen(0)
    yield "profile", window
    window.show_screen(1)
    window.portfolio_screen.table.selectRow(0)
    yield "portfolio", window
    window.portfolio_screen.edit_skill()
    dialog = window.portfolio_screen.dialog
    dialog.add_evidence("project", "Outil de facturation libre", "https://example.org/factures")
    dialog.add_evidence("link", "PyCon FR talk", "https://example.org/talk")
    yield "skill-dialog", dialog
    dialog.reject()
    window.show_screen(2)
    screen = window.endorsements_screen
    screen.tabs.setCurrentIndex(0)
    group = screen.received.topLevelItem(0)
    if group is not None and group.childCount():
        screen.received.setCurrentItem(group.child(0))
    yield "endorsements-received", window
    screen.tabs.setCurrentIndex(1)
    screen.given.selectRow(0)
    yield "endorsements-given", window
    window.show_screen(3)
    people = window.people_screen
    people.skill.setText("Python")
    people.min_level.setValue(3)
    people.table.selectRow(0)
    yield "people", window
    window.show_screen(4)
    exchange = window.exchange_screen
    exchange.table.selectRow(0)
    yield "exchange", window
    window.show_screen(SCREENS.index("teams"))
    teams = window.teams_screen
    teams.tabs.setCurrentWidget(teams.members_tab)
    teams.members_tab.table.selectRow(2)
    yield "teams", window
    teams.tabs.setCurrentWidget(teams.invite_tab)
    teams.members_tab.results.selectRow(0)
    yield "teams-invite", window
    teams.tabs.setCurrentWidget(teams.needs_tab)
    teams.needs_tab.table.selectRow(0)
    yield "teams-needs", window
    teams.tabs.setCurrentWidget(teams.matrix_tab)
    yield "teams-matrix", window
    bar = teams.matrix_tab.table.horizontalScrollBar()
    bar.setValue(bar.maximum())  # the member column stays pinned while the skills scroll
    yield "teams-matrix-scrolled", window
    bar.setValue(0)
    teams.tabs.setCurrentWidget(teams.matching_tab)
    teams.matching_tab.table.selectRow(1)
    yield "teams-matching", window
    window.show_screen(SCREENS.index("sync"))
    yield "sync", window
    window.show_screen(SCREENS.index("settings"))
    yield "settings", window


def endorse_a_few(services: Services) -> None:
    """The demo user has given nothing yet; give the "Given" tab something to show."""
    comments = ("Travail soigné, livré à temps.", "Great teacher, very patient.", "", "Très bonne pédagogue.")
    given = []
    for person in services.queries.people(limit=12, offset=20):
        skills = services.queries.skills(person.person_id)
        if skills and person.person_id != services.person_id:
            given.append(services.endorse(person.person_id, skills[0].name, comments[len(given) % 4]))
        if len(given) == 5:
            break
    services.revoke_endorsement(given[-1])


def a_team(services: Services) -> None:
    """The demo user runs a small team: a few people who share her skills, two needs, one of them a gap."""
    teams = services.teams
    mine = [s.name for s in services.queries.skills(services.person_id)]
    people: list[str] = []
    for skill in mine[:3]:
        for person in services.queries.search("", skill=skill, min_level=2, limit=4).people:
            if person.person_id not in people and person.person_id != services.person_id:
                people.append(person.person_id)
    team_id = teams.create("Atelier numérique", "Sites et outils pour les associations du quartier.")
    teams.add_members(team_id, people[:5])
    teams.set_role(team_id, people[0], "admin")
    teams.create_invite_code(team_id)
    teams.invite(team_id, people[5])
    teams.add_need(team_id, mine[0], 5, "Lead technique du projet")
    teams.add_need(team_id, "Accessibilité numérique", 3, "Audit RGAA avant la mise en ligne")
    teams.add_need(team_id, mine[1], 3)
    teams.create("Chorale du lundi")


def prepare(data_dir: Path, people: int = 300) -> Services:
    """The demo community, with endorsements given and a team: every screen has something to show."""
    services = Services(data_dir)
    demo.prepare_demo(services, people)
    endorse_a_few(services)
    a_team(services)
    return services


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent).resolve()
    out.mkdir(parents=True, exist_ok=True)
    application()
    work = Path(tempfile.mkdtemp(prefix="skiller-shots-"))
    services = prepare(work / "demo")
    languages = Languages()
    for lang in LANGUAGES:
        languages.switch(lang)
        first_run(out, lang, work)
        for suffix, size in SIZES.items():
            window = open_window(services, languages, work, size)
            for name, widget in scenes(window):
                save(widget, out, f"{lang}-{name}{suffix}.png")
            window.close()
    languages.switch("en")
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
