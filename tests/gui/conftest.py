"""GUI tests: offscreen Qt, no keyring, a synchronous worker, answers instead of modal dialogs."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["SKILLER_NO_KEYRING"] = "1"

from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from skiller_desktop.services import Services
from ui.forms import Ask
from ui.i18n import Languages
from ui.operations import Operations
from ui.runner import SyncRunner


class Answers(Ask):
    """The user's answers to the app's questions, set by each test."""

    def __init__(self) -> None:
        self.confirmations: list[str] = []
        self.confirm_answer = True
        self.texts: list[str | None] = []
        self.paths: list[str | None] = []
        self.warnings: list[str] = []

    def confirm(self, parent, title, text) -> bool:
        self.confirmations.append(text)
        return self.confirm_answer

    def inform(self, parent, title, text) -> None:
        self.confirmations.append(text)

    def warn(self, parent, title, text) -> None:
        self.warnings.append(text)

    def text(self, parent, title, label, secret=False):
        return self.texts.pop(0) if self.texts else None

    def save_path(self, parent, title, name, filters):
        return self.paths.pop(0) if self.paths else None

    def open_path(self, parent, title, filters):
        return self.paths.pop(0) if self.paths else None

    def open_folder(self, parent, title):
        return self.paths.pop(0) if self.paths else None


def pytest_collection_modifyitems(items) -> None:
    # The offscreen platform cannot resize native windows to a dialog's size hint and says so
    # ("This plugin does not support propagateSizeHints()") each time a dialog opens; harmless.
    for item in items:
        if "tests/gui" in str(item.fspath).replace("\\", "/"):
            # A completer's popup (ui/skill_completer.py) raises itself and grabs the keyboard; offscreen cannot.
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise",
                                                      "does not support grabbing"))


def activate(qtbot, widget) -> None:
    """Give the window keyboard focus back (a closed dialog leaves none offscreen)."""
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


@pytest.fixture
def ask() -> Answers:
    return Answers()


@pytest.fixture
def services(tmp_path: Path):
    s = Services(tmp_path / "data")
    yield s
    s.close()


@pytest.fixture
def ops(qapp, services) -> Operations:
    from ui.app import setup

    if not qapp.property("skiller_setup"):  # once: a style sheet set again re-polishes every live widget
        setup(qapp)
        qapp.setProperty("skiller_setup", True)
    return Operations(services, SyncRunner())


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def languages(qapp):
    langs = Languages()
    langs.switch("en")
    yield langs
    langs.switch("en")


def person(tmp_path: Path, name: str, skills: Sequence[tuple[str, int]] = ()) -> Services:
    """Another person, on their own data dir (left open: the test hands bundles to and from it)."""
    other = Services(tmp_path / f"node-{name}")
    other.create_identity(name)
    for skill, level in skills:
        other.add_skill(skill, level)
    return other


def make_person(tmp_path: Path, name: str, skills: list[tuple[str, int]], *, headline: str = "") -> Path:
    """Another person, on their own data dir, exported as a bundle we can import."""
    other = Services(tmp_path / f"other-{name}")
    other.create_identity(name, headline)
    for skill, level in skills:
        other.add_skill(skill, level)
    bundle = tmp_path / f"{name}.skb"
    other.export_bundle(bundle)
    other.close()
    return bundle


@pytest.fixture
def window(qtbot, ops, settings, languages, ask):
    from ui.main_window import MainWindow

    ops.services.create_identity("Alice Martin", "Freelance developer")
    win = MainWindow(ops, settings, languages, ask=ask, debounce_ms=0)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
