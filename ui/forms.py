"""Form helpers: an error label under each field, and the user's questions (confirm, ask).

A ValidationError names its field; `FieldErrors` shows its message right
under that field and moves the focus there. The dialogs that ask the user
something go through `Ask`, so tests answer them without a modal loop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from skiller_desktop.errors import ValidationError

from .messages import describe
from .plain import message_box, plain

if TYPE_CHECKING:
    from .screens.base import Screen

W = TypeVar("W", bound=QWidget)  # a field is handed back as the widget it is


def error_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    plain(label)  # errors quote what others typed (names, skills, a relay's words)
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


class FieldErrors(QObject):
    """Maps field names to (widget, label); shows each error beside its cause."""

    def __init__(self, general: QLabel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.general = general
        self.fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add(self, field: str, widget: QWidget, label: QLabel) -> None:
        self.fields[field] = (widget, label)
        label.setAccessibleName(widget.accessibleName() + " error")

    def clear(self) -> None:
        for _widget, label in self.fields.values():
            label.clear()
            label.hide()
        self.general.clear()
        self.general.hide()

    def show(self, error: BaseException) -> None:
        self.clear()
        text = describe(error)
        field = error.field if isinstance(error, ValidationError) else None
        target = self.fields.get(field or "")
        if target is None:
            self.general.setText(text)
            self.general.show()
            return
        widget, label = target
        label.setText(text)
        label.show()
        widget.setFocus()

    def message_for(self, field: str) -> str:
        target = self.fields.get(field)
        return target[1].text() if target and target[1].isVisible() else ""


class FormDialog(QDialog):
    """A form of fields, each with its error label under it, and Cancel / an action button.

    `screen` is the screen that opened it: its `ops` runs the save off the UI
    thread, and a ValidationError lands under the field it names.
    """

    screen: Screen  # type: ignore[assignment]  # shadows QWidget.screen(), which nothing here calls

    def __init__(self, screen: Screen, title: str, min_width: int = 460) -> None:
        super().__init__(screen)
        self.screen = screen
        self.setWindowTitle(title)
        self.setMinimumWidth(min_width)
        self.form = QFormLayout(self)
        self.general = error_label(self)
        self.errors = FieldErrors(self.general, self)

    def field(self, name: str, label: str, widget: W, accessible: str = "") -> W:
        if accessible:
            widget.setAccessibleName(accessible)
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)
            widget.setMaximumHeight(110)
        err = error_label(self)
        self.form.addRow(label, widget)
        self.form.addRow("", err)
        self.errors.add(name, widget, err)
        return widget

    def finish(self, ok_text: str) -> QPushButton:
        self.form.addRow(self.general)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.form.addRow(self.buttons)
        return self.ok_button

    def run(self, call, done=None) -> None:
        """Run the service call on the worker; errors under their fields, else `done` (default: close)."""
        self.errors.clear()
        self.screen.ops.run(call, done or (lambda _r, e: self.errors.show(e) if e else self.accept()))

    def save(self) -> None:
        raise NotImplementedError


class Ask:
    """The questions the app asks; tests replace the methods with answers."""

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        return message_box(parent, QMessageBox.Icon.Question, title, text, yes | no, no).exec() == yes

    def inform(self, parent: QWidget, title: str, text: str) -> None:
        message_box(parent, QMessageBox.Icon.Information, title, text).exec()

    def warn(self, parent: QWidget, title: str, text: str) -> None:
        message_box(parent, QMessageBox.Icon.Warning, title, text).exec()

    def text(self, parent: QWidget, title: str, label: str, secret: bool = False) -> str | None:
        mode = QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal
        value, ok = QInputDialog.getText(parent, title, label, mode)
        return value if ok else None

    def save_path(self, parent: QWidget, title: str, name: str, filters: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, name, filters)
        return path or None

    def open_path(self, parent: QWidget, title: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return path or None

    def open_folder(self, parent: QWidget, title: str) -> str | None:
        return QFileDialog.getExistingDirectory(parent, title) or None


def fit_columns(view: QTableView, stretch: int, fit: tuple[int, ...] = (), widths: dict | None = None) -> None:
    """One column takes the spare width, `fit` columns size to their contents, the rest are set widths."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(40)
    model = view.model()
    for column, width in (widths or {}).items():
        label = str(model.headerData(column, Qt.Orientation.Horizontal) or "") if model else ""
        needed = header.fontMetrics().horizontalAdvance(label) + 28  # never cut a column's title
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, max(width, needed))
    for column in fit:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
