"""Language: French or English, following the system locale unless the user chose one.

Switching replaces the installed translators (ours and Qt's own, for the
standard buttons); the main window then rebuilds its screens in the new
language, so no restart or reinstall is needed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from .resources import TRANSLATIONS

LANGUAGES = ("en", "fr")
SETTING = "language"


def system_language() -> str:
    name = QLocale.system().name().split("_")[0]
    return name if name in LANGUAGES else "en"


def chosen_language(settings: QSettings) -> str:
    """The language to show: the user's choice, else the system's."""
    value = str(settings.value(SETTING, "") or "")
    return value if value in LANGUAGES else system_language()


class Languages:
    """Owns the installed translators; `switch` changes the language of the running app."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.current = "en"

    def switch(self, language: str) -> None:
        app = QCoreApplication.instance()
        assert app is not None, "switch the language of a running app"
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        self.current = language if language in LANGUAGES else "en"
        QLocale.setDefault(QLocale(self.current))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        catalogues = [(str(TRANSLATIONS), f"skiller_{self.current}")]  # English: its plural forms only
        if self.current != "en":
            catalogues.insert(0, (qt_dir, f"qtbase_{self.current}"))
        for directory, name in catalogues:
            translator = QTranslator(app)
            if translator.load(name, directory):
                app.installTranslator(translator)
                self._installed.append(translator)
