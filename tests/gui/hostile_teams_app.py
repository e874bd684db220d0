"""Open the Teams screen on a team named NAME, paint it, print what its name label holds (the old code aborted)."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["SKILLER_NO_KEYRING"] = "1"

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from skiller_desktop.services import Services
from ui.app import setup
from ui.forms import Ask
from ui.i18n import Languages
from ui.main_window import SCREENS, MainWindow
from ui.operations import Operations
from ui.runner import SyncRunner


def main(name: str) -> None:
    app = QApplication([])
    setup(app)
    with tempfile.TemporaryDirectory() as folder:
        services = Services(Path(folder) / "data")
        services.create_identity("Alice")
        services.teams.create(name, name)
        settings = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(Operations(services, SyncRunner()), settings, Languages(), ask=Ask(), debounce_ms=0)
        window.show()
        window.show_screen(SCREENS.index("teams"))
        app.processEvents()
        window.grab()  # paint everything, as the screen would
        screen = window.teams_screen
        print(json.dumps({"name": screen.name.text(), "format": screen.name.textFormat().name}))
        services.close()


if __name__ == "__main__":
    main(sys.argv[1])
