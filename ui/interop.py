"""Import and export from the File menu: JSON Resume, LinkedIn, PDF, credentials, verification.

Each action asks for a path, runs the service call on the worker and shows
what happened in a dialog: counts in the user's language, and the core's own
line-by-line report (what was skipped and why) underneath as details.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from skiller_desktop.errors import RejectedError
from skiller_desktop.interop import service

from .dates import local_date
from .forms import Ask
from .messages import describe, field_label, say_line
from .operations import Operations
from .plain import plain
from .qtcompat import emit


class ReportDialog(QDialog):
    """A summary in a few translated lines, and the details below it."""

    def __init__(self, parent: QWidget, title: str, summary: list[str], details: list[str],
                 details_title: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(title)
        self.summary = QLabel("\n".join(summary), self)
        plain(self.summary)
        self.summary.setObjectName("reportSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        self.details = QPlainTextEdit("\n".join(details), self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(details_title or self.tr("Details"))
        if details:
            heading = QLabel(details_title or self.tr("Details"), self)
            heading.setObjectName("subtitle")
            layout.addWidget(heading)
            layout.addWidget(self.details, 1)
        else:
            self.details.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420 if details else 160)

    def text(self) -> str:
        return self.summary.text() + "\n" + self.details.toPlainText()


class _Told(QObject):
    """An import's progress, told from the worker: the signal brings it to the UI thread."""

    heard = Signal(int, int)

    def __call__(self, done: int, total: int) -> None:
        emit(self.heard, done, total)


class Interop(QObject):
    """The File menu's import/export actions, for the main window."""

    def __init__(self, window: QMainWindow, ops: Operations, ask: Ask, language) -> None:
        super().__init__(window)
        self.window, self.ops, self.ask = window, ops, ask
        self.language = language  # () -> "en" | "fr": the UI's language, for the PDF
        self.progress: QProgressDialog | None = None
        self.report: ReportDialog | None = None

    # -- imports ------------------------------------------------------------------
    def import_jsonresume(self) -> None:
        path = self.ask.open_path(self.window, self.tr("Import JSON Resume"),
                                  self.tr("JSON Resume (*.json);;All files (*)"))
        if path:
            source = Path(path)
            self._import(self.tr("Importing your résumé…"),
                         lambda told, stop: service.import_jsonresume(self.services, source, told, stop))

    def import_linkedin(self) -> None:
        """The export's ZIP, or any CSV of its unpacked folder (which stands for the folder)."""
        path = self.ask.open_path(self.window, self.tr("Import LinkedIn export"),
                                  self.tr("LinkedIn export (*.zip *.csv);;All files (*)"))
        if not path:
            return
        source = Path(path)
        if source.suffix.lower() == ".csv":
            source = source.parent
        self._import(self.tr("Importing your LinkedIn data…"),
                     lambda told, stop: service.import_linkedin(self.services, source, told, stop))

    def _import(self, label: str, call) -> None:
        """`call(told, cancelled)` runs on the worker; past a second a dialog shows the count and can cancel
        (the import stores in one commit at its end: a cancel before leaves nothing)."""
        progress = QProgressDialog(label, self.tr("Cancel"), 0, 0, self.window)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(1000)
        self.progress = progress
        stop = threading.Event()
        progress.canceled.connect(stop.set)
        told = _Told(progress)
        told.heard.connect(lambda done_, total: self._told(progress, label, done_, total))

        def done(summary: service.ImportSummary | None, error: BaseException | None) -> None:
            progress.close()
            told.deleteLater()
            if isinstance(error, service.ImportCancelled):
                self.window.statusBar().showMessage(describe(error), 10000)
            elif error is not None:
                self._fail(self.tr("Import failed"), self.tr("Nothing was imported."), error)
            elif summary is not None:  # an import without an error has a summary
                self._show(self.tr("Import report"), self.import_summary(summary), list(summary.report))

        self.ops.run(lambda: call(told, stop.is_set), done)

    def _told(self, progress: QProgressDialog, label: str, done: int, total: int) -> None:
        progress.setRange(0, total)
        progress.setValue(min(done, total))
        progress.setLabelText(label + "\n" + self.tr("%1 of %2 items").replace("%1", QLocale().toString(done))
                              .replace("%2", QLocale().toString(total)))

    def import_summary(self, s: service.ImportSummary) -> list[str]:
        if not s.changed:
            return [self.tr("Nothing new: everything in this file is already in Skiller.")]
        lines = [
            self.tr("New skills: %1; skills with new keywords: %2.")
            .replace("%1", str(s.skills_added)).replace("%2", str(s.skills_merged)),
            self.tr("Positions: %1; projects: %2; certificates: %3.")
            .replace("%1", str(s.positions)).replace("%2", str(s.projects)).replace("%3", str(s.certificates)),
        ]
        if s.endorsements:
            lines.append(self.tr("Endorsements copied, shown as unverified and never counted: %1.")
                         .replace("%1", str(s.endorsements)))
        if s.profile_filled:
            names = ", ".join(field_label(f) for f in s.profile_filled)
            lines.append(self.tr("Empty profile fields filled: %1.").replace("%1", names))
        if s.clipped:
            lines.append(self.tr("Texts shortened to fit: %1.").replace("%1", str(s.clipped)))
        return lines

    # -- exports ------------------------------------------------------------------
    def export_jsonresume(self) -> None:
        path = self.ask.save_path(self.window, self.tr("Export as JSON Resume"), "resume.json",
                                  self.tr("JSON Resume (*.json)"))
        if path:
            self.ops.run(lambda: service.export_jsonresume(self.services, Path(path)),
                         lambda p, e: self._exported(p, e, self.tr("Export failed")))

    def export_pdf(self, person_id: str | None = None, name: str = "") -> None:
        suggested = f"{_file_name(name)}.pdf" if name else "portfolio.pdf"
        path = self.ask.save_path(self.window, self.tr("Export as PDF"), suggested, self.tr("PDF documents (*.pdf)"))
        if path:
            language = self.language()
            self.ops.run(lambda: service.export_pdf(self.services, Path(path), language, person_id),
                         lambda p, e: self._exported(p, e, self.tr("Export failed")))

    def export_credentials(self) -> None:
        folder = self.ask.open_folder(self.window, self.tr("Export credentials into a folder"))
        if folder:
            self.ops.run(lambda: service.export_credentials_report(self.services, Path(folder)),
                         lambda result, e: self._credentials_exported(result, e, folder))

    def _credentials_exported(self, result, error: BaseException | None, folder: str) -> None:
        if error is not None:
            self._fail(self.tr("Export failed"), self.tr("No credential was exported."), error)
            return
        paths, skipped = result
        if not paths and not skipped:
            summary = [self.tr("You have not received any endorsement yet: there is nothing to export.")]
        else:
            summary = [self.tr("Credentials written: %1, into %2.").replace("%1", str(len(paths)))
                       .replace("%2", folder)]
            if skipped:
                summary.append(self.tr("Left out: %1 (see below why).").replace("%1", str(len(skipped))))
        self._show(self.tr("Credentials exported"), summary, list(skipped), self.tr("Left out"))

    def _exported(self, path: Path | None, error: BaseException | None, title: str) -> None:
        if error is not None:
            self._fail(title, self.tr("The file was not written."), error)
        else:
            self.window.statusBar().showMessage(self.tr("Exported to %1").replace("%1", str(path)), 10000)

    # -- verification -----------------------------------------------------------------
    def verify(self) -> None:
        path = self.ask.open_path(self.window, self.tr("Verify a credential"),
                                  self.tr("Credentials (*.jwt);;All files (*)"))
        if not path:
            return
        services = self.services

        def check() -> tuple[dict, str]:
            result = service.verify_file(services, Path(path))
            subject = services.queries.profile(result["subject"])
            return result, subject.name if subject else ""

        self.ops.read(check, self._verified)

    def _verified(self, result, error: BaseException | None) -> None:
        if error is not None:
            lead = (self.tr("This file is not a valid credential: its signature does not match its contents.")
                    if isinstance(error, RejectedError) else self.tr("The file could not be checked."))
            self._fail(self.tr("Verify a credential"), lead, error)
            return
        found, subject_name = result
        self._show(self.tr("Credential verified"), self.verification_lines(found, subject_name), [])

    def verification_lines(self, r: dict, subject_name: str = "") -> list[str]:
        """What the credential says, each part only when it is there; what an endorsement would say
        and this one lacks is named, never shown empty (issue 15.6)."""
        lines = [self.tr("The signature is valid."),
                 self.tr("Endorsed by: %1").replace("%1", r["issuer_name"] or r["issuer"]),
                 self.tr("Endorsed person: %1").replace("%1", subject_name or r["subject"])]
        if r.get("skill"):
            lines.append(self.tr("Skill: %1").replace("%1", r["skill"]))
        if r.get("concept"):
            lines.append(self.tr("Vocabulary concept: %1").replace("%1", r["concept"]))
        if r.get("level"):
            lines.append(self.tr("Level observed: %1/5").replace("%1", str(r["level"])))
        if r.get("issued"):
            lines.append(self.tr("Issued: %1").replace("%1", local_date(r["issued"])))
        if r.get("comment"):
            lines.append(self.tr("Comment: %1").replace("%1", r["comment"]))
        missing = [self._missing_name(name) for name in r.get("missing") or ()]
        if missing:
            lines.append(self.tr("Not in this credential: %1").replace("%1", ", ".join(missing)))
        lines.append(self._revocation_line(r))
        return lines

    def _missing_name(self, name: str) -> str:
        names = {"issuer_name": self.tr("the endorser's name"), "skill": self.tr("the skill"),
                 "comment": self.tr("a comment"), "issued": self.tr("the date of issue")}
        return names.get(name, name)

    def _revocation_line(self, r: dict) -> str:
        state = r["revocation"]  # verified_summary always says it
        if state == "revoked":
            return (self.tr("Revoked by the endorser on %1: do not rely on it.")
                    .replace("%1", local_date(str(r.get("revoked_at") or "")) or "?"))
        if state == "not_revoked":
            return self.tr("Not revoked, as far as this device knows.")
        if state == "not_in_document":
            return self.tr("Revocation not checked: the endorser's document on this device does not hold this "
                           "endorsement yet. Sync, then verify again.")
        return self.tr("Revocation not checked (offline): this device has not seen the endorser's document. "
                       "Sync, then verify again.")

    # -- showing ------------------------------------------------------------------------
    @property
    def services(self) -> Any:
        return self.ops.services

    def _show(self, title: str, summary: list[str], details: list[str], details_title: str = "") -> None:
        if self.report is not None:
            self.report.close()
        details = [say_line(line) for line in details]  # the core's report lines, by their codes
        dialog = ReportDialog(self.window, title, summary, details, details_title)
        self.report = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: ReportDialog) -> None:
        if self.report is dialog:
            self.report = None
        dialog.deleteLater()

    def _fail(self, title: str, lead: str, error: BaseException) -> None:
        self.ask.warn(self.window, title, f"{lead}\n\n{describe(error)}")


def _file_name(name: str) -> str:
    """A person's name as a file name: letters, digits and dashes."""
    return re.sub(r"[^\w]+", "-", name, flags=re.UNICODE).strip("-").lower() or "portfolio"
