"""Help: the user guide (shipped, in the user's language), keyboard shortcuts, and About.

The guide is Markdown written by us (docs/guide.<language>.md), so it may be
rendered as rich text; About quotes the licences of what the app ships: the
DejaVu fonts of PDF exports and the ESCO vocabulary, whose attribution and
"adapted version" notice must be shown as ESCO's terms word them.
"""

from __future__ import annotations

import html
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import skiller_desktop
from skiller_desktop.vocabulary import ADAPTED_NOTICE, ATTRIBUTION, ATTRIBUTION_URL

from .dates import local_date
from .resources import RESOURCES

GUIDES = RESOURCES.parent / "docs"
FONT_LICENCE = RESOURCES / "fonts" / "LICENSE"


def guide_path(language: str) -> Path:
    """The guide in `language`, else the English one."""
    path = GUIDES / f"guide.{language}.md"
    return path if path.exists() else GUIDES / "guide.en.md"


class _Dialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None, size: tuple[int, int]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(*size)
        self.layout_ = QVBoxLayout(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

    def finish(self, body: QWidget) -> None:
        self.layout_.addWidget(body, 1)
        self.layout_.addWidget(self.buttons)


class GuideDialog(_Dialog):
    """The short user guide, read from the file shipped with the app."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Skiller user guide"), parent, (720, 640))
        self.text = QTextBrowser(self)
        self.text.setObjectName("guide")
        self.text.setAccessibleName(self.tr("User guide"))
        self.text.setOpenExternalLinks(True)
        try:
            self.text.setMarkdown(guide_path(language).read_text(encoding="utf-8"))
        except OSError:
            self.text.setPlainText(self.tr("The user guide is missing from this installation."))
        self.finish(self.text)


class ShortcutsDialog(_Dialog):
    """Every menu action that has a shortcut, read from the menus themselves: never out of date."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Keyboard shortcuts"), parent, (560, 600))
        rows = [(a.text().replace("&", ""), a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
                for a in actions if not a.shortcut().isEmpty()]
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for i, (text, keys) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(text.rstrip("…")))
            self.table.setItem(i, 1, QTableWidgetItem(keys))
        self.finish(self.table)

    def shortcuts(self) -> dict[str, str]:
        cells = [(self.table.item(i, 0), self.table.item(i, 1)) for i in range(self.table.rowCount())]
        return {a.text(): k.text() for a, k in cells if a is not None and k is not None}


class AboutDialog(_Dialog):
    """Version, and the licences of the fonts and data shipped with the app."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("About Skiller"), parent, (680, 640))
        self.text = QTextBrowser(self)
        self.text.setObjectName("about")
        self.text.setAccessibleName(self.tr("About Skiller"))
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(self.page())
        self.finish(self.text)

    def page(self) -> str:
        intro = self.tr("Your skills portfolio, endorsed by people who know your work, kept on your computer.")
        built = self.tr("Built with Qt %1 and PySide6 %2.").replace("%1", qVersion())
        fonts = self.tr("Fonts")
        dejavu = self.tr("DejaVu Sans and DejaVu Sans Bold (DejaVu fonts 2.37), embedded in PDF exports. "
                         "Bitstream Vera licence; the DejaVu changes are in the public domain.")
        cjk = self.tr("Droid Sans Fallback (a subset: Chinese and Japanese characters), shown where the system "
                      "has no font for them. © Google, Apache License 2.0 "
                      "(resources/fonts/DroidSansFallback-LICENSE.txt).")
        vocabulary = self.tr("Skills vocabulary")
        esco_here = self.tr("This service uses the ESCO classification of the European Commission.")
        e = html.escape
        parts = [
            f"<h2>Skiller {e(skiller_desktop.__version__)}</h2>",
            f"<p>{e(self.build_line())}</p>",
            f"<p>{e(intro)}</p>",
            f"<p>{e(built.replace('%2', PySide6.__version__))}</p>",
            f"<h3>{e(fonts)}</h3>",
            f"<p>{e(dejavu)}</p>",
            f"<pre>{e(_read(FONT_LICENCE))}</pre>",
            f"<p>{e(cjk)}</p>",  # layouts (issue 12.7): the CJK fallback of ui/app.py
            f"<h3>{e(vocabulary)}</h3>",
        ]
        if esco_here != ATTRIBUTION:  # the user's language first; ESCO's own words always
            parts.append(f"<p>{e(esco_here)}</p>")
        parts += [
            f"<p>{e(ATTRIBUTION)} <a href=\"{e(ATTRIBUTION_URL)}\">{e(ATTRIBUTION_URL)}</a></p>",
            f"<p>{e(ADAPTED_NOTICE)}</p>",
        ]
        return "".join(parts)

    def build_line(self) -> str:
        """Which build this is (package): its commit and build date, or that it runs from source."""
        from skiller_desktop.build_info import build_info

        info = build_info()
        commit = info.commit or self.tr("unknown")
        if info.packaged:
            date = local_date(info.date, long=True) or "?"
            return self.tr("Commit %1, built on %2.").replace("%1", commit).replace("%2", date)
        return self.tr("Commit %1, run from source.").replace("%1", commit)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return str(path)


def show(dialog: QDialog) -> QDialog:
    """Open `dialog` beside the window (not modal: the guide can stay open while you work)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
