"""First run: create an identity (and keep its recovery phrase), restore one, or import one.

The phrase is shown in the interface's language where BIP-39 has a word list
(French), can be printed or saved to an owner-only file, and three of its words
are asked back before going on. Restoring accepts English or French words.
"""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QTextDocument
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

from skiller_desktop.identity import (
    PHRASE_WORDS,
    PhraseError,
    folded_word,
    phrase_words,
    translate_phrase,
    write_private_file,
)

from .forms import Ask, FieldErrors, error_label
from .messages import describe
from .operations import Operations
from .plain import plain

CHECKED_WORDS = 3


class FirstRunDialog(QDialog):
    """Accepted once this data dir has an identity; the phrase is shown once and confirmed."""

    def __init__(self, ops: Operations, ask: Ask, parent: QWidget | None = None, language: str = "") -> None:
        super().__init__(parent)
        self.ops, self.ask = ops, ask
        self.language = language or QLocale().name()  # Languages.switch sets the default locale
        self.phrase_text = ""
        self.check_positions: list[int] = []
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
        self.stack.addWidget(self._check_page())
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
        self.phrase_text = translate_phrase(phrase or "", self.language)
        self.phrase.setPlainText(numbered(self.phrase_text))
        self.stack.setCurrentIndex(1)
        self.saved.setFocus()

    def _phrase_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Your recovery phrase"), page)
        title.setObjectName("title")
        text = QLabel(self.tr("Write these words down, print them or save them to a file, and keep them "
                              "somewhere safe. They are the only way to get your profile back if you lose "
                              "this computer. Anyone who has them can act as you."), page)
        text.setWordWrap(True)
        self.phrase = QPlainTextEdit(page)
        self.phrase.setReadOnly(True)
        self.phrase.setObjectName("phrase")
        self.phrase.setAccessibleName(self.tr("Recovery phrase"))
        self.phrase.setMinimumHeight(130)
        self.print_button = QPushButton(self.tr("&Print…"), page)
        self.print_button.clicked.connect(lambda: self.print_phrase())
        self.save_button = QPushButton(self.tr("Save to a &file…"), page)
        self.save_button.clicked.connect(self.save_phrase)
        self.keep_message = QLabel(page)
        plain(self.keep_message)
        self.keep_message.setWordWrap(True)
        self.keep_message.hide()
        keep = QHBoxLayout()
        keep.addWidget(self.print_button)
        keep.addWidget(self.save_button)
        keep.addStretch(1)
        self.saved = QCheckBox(self.tr("I have written down, printed or saved my recovery phrase"), page)
        self.finish_button = QPushButton(self.tr("Continue"), page)
        self.finish_button.setEnabled(False)
        self.saved.toggled.connect(self.finish_button.setEnabled)
        self.finish_button.clicked.connect(self.ask_words)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(self.phrase)
        layout.addLayout(keep)
        layout.addWidget(self.keep_message)
        layout.addWidget(self.saved)
        layout.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def phrase_sheet(self) -> str:
        """What is printed or saved: the numbered words, whose they are, and a warning."""
        return "\n".join([
            self.tr("Skiller recovery phrase"), "",
            self.tr("Name: %1").replace("%1", self.name.text().strip()),
            self.tr("Person id: %1").replace("%1", self.ops.services.person_id), "",
            numbered(self.phrase_text), "",
            self.tr("Keep this safe and private: these words restore your profile, and anyone who has them "
                    "can act as you."), "",
        ])

    def print_phrase(self, printer=None) -> bool:
        """Print the sheet; without a printer given, the system's print dialog chooses one."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
                return False
        document = QTextDocument(self)
        document.setPlainText(self.phrase_sheet())  # plain: the name is the user's own text
        document.print_(printer)
        self._kept(self.tr("Sent to the printer."))
        return True

    def save_phrase(self) -> None:
        path = self.ask.save_path(self, self.tr("Save the recovery phrase"), "skiller-recovery-phrase.txt",
                                  self.tr("Text files (*.txt)"))
        if not path:
            return
        try:
            write_private_file(Path(path), self.phrase_sheet().encode("utf-8"))  # owner-only where POSIX
        except OSError as exc:
            self._kept(self.tr("Could not save the file: %1").replace("%1", exc.strerror or str(exc)))
            return
        self._kept(self.tr("Saved to %1. Keep the file somewhere only you can reach, "
                           "or print it and delete it.").replace("%1", path))

    def _kept(self, text: str) -> None:
        self.keep_message.setText(text)
        self.keep_message.show()

    # -- check three words ----------------------------------------------------
    def _check_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Check your recovery phrase"), page)
        title.setObjectName("title")
        self.check_intro = QLabel(page)
        self.check_intro.setWordWrap(True)
        form = QFormLayout()
        self.check_labels: list[QLabel] = []
        self.check_words: list[QLineEdit] = []
        for _ in range(CHECKED_WORDS):
            label, field = QLabel(page), QLineEdit(page)
            label.setBuddy(field)
            self.check_labels.append(label)
            self.check_words.append(field)
            form.addRow(label, field)
        self.check_error = error_label(page)
        self.back_button = QPushButton(self.tr("&Back to the phrase"), page)
        self.back_button.clicked.connect(lambda: self.stack.setCurrentIndex(1))
        self.check_button = QPushButton(self.tr("&Finish"), page)
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        layout.addWidget(title)
        layout.addWidget(self.check_intro)
        layout.addLayout(form)
        layout.addWidget(self.check_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def ask_words(self) -> None:
        """Three words picked at random, asked back, so a phrase miscopied is found now, not on restore."""
        self.check_positions = sorted(random.SystemRandom().sample(range(1, PHRASE_WORDS + 1), CHECKED_WORDS))
        self.check_intro.setText(self.tr("To be sure your copy is right, type words %1, %2 and %3 of your "
                                         "phrase.").replace("%1", str(self.check_positions[0]))
                                 .replace("%2", str(self.check_positions[1]))
                                 .replace("%3", str(self.check_positions[2])))
        for position, label, field in zip(self.check_positions, self.check_labels, self.check_words, strict=True):
            label.setText(self.tr("Word %1").replace("%1", str(position)))
            field.setAccessibleName(label.text())
            field.clear()
        self.check_error.hide()
        self.stack.setCurrentIndex(2)
        self.check_words[0].setFocus()

    def check(self) -> None:
        words = phrase_words(self.phrase_text)
        wrong = [str(position) for position, field in zip(self.check_positions, self.check_words, strict=True)
                 if folded(field.text().strip()) != folded(words[position - 1])]
        if not wrong:
            self.accept()
            return
        self.check_error.setText(self.tr("Word %1 does not match your phrase. Look at your copy again, or go "
                                         "back to the phrase.", "", len(wrong)).replace("%1", ", ".join(wrong)))
        self.check_error.show()

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
        # issue 15.5: any BIP-39 word list is read, so a wallet's phrase "works" and must not surprise anyone
        self.restore_note = QLabel(self.tr(
            "Your Skiller recovery phrase is your key itself, in the words of any BIP-39 list (English, French, "
            "Chinese…). Do not type a cryptocurrency wallet's phrase here: it would become the key of another, "
            "new identity, not yours."), page)
        self.restore_note.setObjectName("restoreNote")
        self.restore_note.setWordWrap(True)
        form.addRow(self.restore_note)
        form.addRow(self.tr("Recovery &phrase"), self.restore_phrase)
        form.addRow(self.tr("Na&me (if this device has no copy)"), self.restore_name)
        form.addRow(self.restore_error)
        form.addRow(self.restore_button)
        return page

    def restore(self) -> None:
        phrase, name = self.restore_phrase.toPlainText(), self.restore_name.text()
        self.restore_errors.clear()
        self.ops.run(lambda: self.ops.services.restore_identity(phrase, name), self._restored)

    def _restored(self, _result: object, error: BaseException | None) -> None:
        if isinstance(error, PhraseError):
            self.restore_errors.clear()
            self.restore_error.setText(describe(error))  # in the user's language (its code: phrase.*)
            self.restore_error.show()
            self.restore_phrase.setFocus()
        elif error is not None:
            self.restore_errors.show(error)
        else:
            self.accept()

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


def numbered(phrase: str) -> str:
    """The words in four numbered columns, as they are printed and saved (restoring skips the numbers)."""
    words = phrase.split()
    width = max((len(w) for w in words), default=0) + 2
    rows = (len(words) + 3) // 4
    return "\n".join(
        "".join(f"{i + 1:>2}. {words[i]:<{width}}" for i in range(row, len(words), rows)).rstrip()
        for row in range(rows)
    )


def folded(word: str) -> str:
    return folded_word(word.lower())
