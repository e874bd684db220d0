"""First run: create an identity (and save its recovery phrase), restore one, or import one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .forms import Ask, FieldErrors, error_label
from .operations import Operations


class FirstRunDialog(QDialog):
    """Accepted once this data dir has an identity; the phrase is shown once and confirmed."""

    def __init__(self, ops: Operations, ask: Ask, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops, self.ask = ops, ask
        self.setWindowTitle(self.tr("Welcome to Skiller"))
        self.setMinimumWidth(560)
        self.stack = QStackedWidget(self)
        self.tabs = QTabWidget(self)
        self.tabs.tabBar().setUsesScrollButtons(False)  # every choice visible, never cut
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.addTab(self._create_tab(), self.tr("Create my profile"))
        self.tabs.addTab(self._restore_tab(), self.tr("Restore from phrase"))
        self.tabs.addTab(self._import_tab(), self.tr("Import from another device"))
        intro = QLabel(self.tr("Skiller keeps your skills portfolio on this computer and shares it with "
                               "the people you sync with. Start by creating your profile."), self)
        intro.setWordWrap(True)
        start = QWidget(self)
        layout = QVBoxLayout(start)
        layout.addWidget(intro)
        layout.addWidget(self.tabs)
        self.stack.addWidget(start)
        self.stack.addWidget(self._phrase_page())
        outer = QVBoxLayout(self)
        outer.addWidget(self.stack)

    # -- create ---------------------------------------------------------------
    def _create_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.name = QLineEdit(page)
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("Your name as others will see it"))
        self.headline = QLineEdit(page)
        self.headline.setAccessibleName(self.tr("Headline"))
        self.headline.setPlaceholderText(self.tr("e.g. Freelance web developer"))
        self.create_error = error_label(page)
        name_error, headline_error = error_label(page), error_label(page)
        self.create_errors = FieldErrors(self.create_error, self)
        self.create_errors.add("name", self.name, name_error)
        self.create_errors.add("headline", self.headline, headline_error)
        self.create_button = QPushButton(self.tr("Create my profile"), page)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_identity)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow("", name_error)
        form.addRow(self.tr("&Headline"), self.headline)
        form.addRow("", headline_error)
        form.addRow(self.create_error)
        form.addRow(self.create_button)
        return page

    def create_identity(self) -> None:  # not `create`: that is QWidget's
        name, headline = self.name.text(), self.headline.text()
        self.create_errors.clear()
        self.create_button.setEnabled(False)
        self.ops.run(lambda: self.ops.services.create_identity(name, headline), self._created)

    def _created(self, phrase: str | None, error: BaseException | None) -> None:
        self.create_button.setEnabled(True)
        if error is not None:
            self.create_errors.show(error)
            return
        self.phrase.setPlainText(phrase or "")
        self.stack.setCurrentIndex(1)
        self.saved.setFocus()

    def _phrase_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Your recovery phrase"), page)
        title.setObjectName("title")
        text = QLabel(self.tr("Write these words down and keep them somewhere safe. They are the only way "
                              "to get your profile back if you lose this computer. Skiller will not "
                              "show them again."), page)
        text.setWordWrap(True)
        self.phrase = QPlainTextEdit(page)
        self.phrase.setReadOnly(True)
        self.phrase.setObjectName("phrase")
        self.phrase.setAccessibleName(self.tr("Recovery phrase"))
        self.phrase.setMaximumHeight(110)
        self.saved = QCheckBox(self.tr("I have written down my recovery phrase"), page)
        self.finish_button = QPushButton(self.tr("Continue"), page)
        self.finish_button.setEnabled(False)
        self.saved.toggled.connect(self.finish_button.setEnabled)
        self.finish_button.clicked.connect(self.accept)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(self.phrase)
        layout.addWidget(self.saved)
        layout.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    # -- restore --------------------------------------------------------------
    def _restore_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.restore_phrase = QPlainTextEdit(page)
        self.restore_phrase.setAccessibleName(self.tr("Recovery phrase"))
        self.restore_phrase.setTabChangesFocus(True)
        self.restore_phrase.setMaximumHeight(90)
        self.restore_name = QLineEdit(page)
        self.restore_name.setAccessibleName(self.tr("Name"))
        self.restore_error = error_label(page)
        self.restore_errors = FieldErrors(self.restore_error, self)
        self.restore_button = QPushButton(self.tr("Restore"), page)
        self.restore_button.clicked.connect(self.restore)
        form.addRow(self.tr("Recovery &phrase"), self.restore_phrase)
        form.addRow(self.tr("Na&me (if this device has no copy)"), self.restore_name)
        form.addRow(self.restore_error)
        form.addRow(self.restore_button)
        return page

    def restore(self) -> None:
        phrase, name = self.restore_phrase.toPlainText(), self.restore_name.text()
        self.restore_errors.clear()
        self.ops.run(lambda: self.ops.services.restore_identity(phrase, name), self._finished(self.restore_errors))

    # -- import ----------------------------------------------------------------
    def _import_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        row = QHBoxLayout()
        self.import_path = QLineEdit(page)
        self.import_path.setAccessibleName(self.tr("Identity file"))
        browse = QPushButton(self.tr("Browse…"), page)
        browse.clicked.connect(self._browse)
        row.addWidget(self.import_path)
        row.addWidget(browse)
        self.import_passphrase = QLineEdit(page)
        self.import_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.import_passphrase.setAccessibleName(self.tr("Passphrase"))
        self.import_error = error_label(page)
        self.import_errors = FieldErrors(self.import_error, self)
        self.import_button = QPushButton(self.tr("Import"), page)
        self.import_button.clicked.connect(self.import_identity)
        form.addRow(self.tr("Identity &file"), row)
        form.addRow(self.tr("Pass&phrase"), self.import_passphrase)
        form.addRow(self.import_error)
        form.addRow(self.import_button)
        return page

    def _browse(self) -> None:
        path = self.ask.open_path(self, self.tr("Identity file"), self.tr("Skiller identity (*.skid);;All files (*)"))
        if path:
            self.import_path.setText(path)

    def import_identity(self) -> None:
        path, passphrase = Path(self.import_path.text()), self.import_passphrase.text()
        self.import_errors.clear()
        self.ops.run(lambda: self.ops.services.import_identity(path, passphrase), self._finished(self.import_errors))

    def _finished(self, errors: FieldErrors):
        def done(_result: object, error: BaseException | None) -> None:
            if error is not None:
                errors.show(error)
            else:
                self.accept()

        return done
