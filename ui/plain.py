"""Other people's words are shown as words: Qt never reads them as HTML.

A QLabel or a QMessageBox guesses: text that `Qt.mightBeRichText` takes for
HTML is rendered as HTML, images and links included (a team named
`<img src="/dev/zero">` made the app read /dev/zero until it aborted). So a
label fed by others, peers or relays is set to plain text. A tooltip guesses
the same way and cannot be told otherwise, so its text is escaped inside an
explicit paragraph: rich text that says exactly the words, nothing more.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain(*labels: QLabel) -> None:
    """Show these labels' text as typed, whatever it looks like."""
    for label in labels:
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    plain(label)
    return label


def as_html(text: str) -> str:
    """The words of `text`, escaped, as a paragraph of rich text (line breaks kept)."""
    return f"<p>{html.escape(text).replace(chr(10), '<br>')}</p>"


def tooltip(text: str) -> str:
    """A tooltip that shows `text` literally; empty stays empty (no tooltip)."""
    return as_html(text) if text else ""


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
                default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton) -> QMessageBox:
    """A message box whose text is plain: questions quote names others chose."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != QMessageBox.StandardButton.NoButton:
        box.setDefaultButton(default)
    return box
