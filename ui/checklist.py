"""Getting started, on My profile: four first steps that tick themselves (issue 12, point 1).

The steps are read by `skiller_desktop.getting_started.steps` on the worker,
each time a change touches them (the screen's `Changes` parts); each open
step has a button that goes where it is done. When all four are done the box
steps aside.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QMenu, QPushButton, QWidget

from skiller_desktop.getting_started import STEPS, Steps

from .plain import plain


class StepActions(Protocol):
    """Where each step is done: the main window has these."""

    def new_skill(self) -> None: ...
    def find_people(self) -> None: ...
    def invite(self) -> Any: ...
    interop: Any


class GettingStarted(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Getting started"))
        self.setObjectName("gettingStarted")
        self.steps: Steps | None = None
        texts = {
            "skills": (self.tr("Add your skills"), self.tr("Add a skill…")),
            "imported": (self.tr("Import your LinkedIn data or a résumé"), self.tr("Import…")),
            "connected": (self.tr("Connect with someone: send your invitation link, or open theirs"),
                          self.tr("Invite…")),
            "endorsed": (self.tr("Endorse someone whose work you know"), self.tr("Find people…")),
        }
        grid = QGridLayout(self)
        self.marks: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        for row, step in enumerate(STEPS):
            text, action = texts[step]
            mark, label = QLabel(self), QLabel(text, self)
            plain(mark, label)
            label.setWordWrap(True)
            button = QPushButton(action, self)
            if step == "imported":  # two sources: a menu
                menu = QMenu(button)
                menu.addAction(self.tr("LinkedIn export…"), lambda: self.act("imported"))
                menu.addAction(self.tr("JSON Resume…"), lambda: self.act("resume"))
                button.setMenu(menu)
            else:
                button.clicked.connect(lambda _c=False, step=step: self.act(step))
            grid.addWidget(mark, row, 0)
            grid.addWidget(label, row, 1)
            grid.addWidget(button, row, 2)
            self.marks[step], self.labels[step], self.buttons[step] = mark, label, button
        grid.setColumnStretch(1, 1)
        self.hide()  # until the steps are read

    def show_steps(self, steps: Steps) -> None:
        self.steps = steps
        for step in STEPS:
            done = bool(getattr(steps, step))
            self.marks[step].setText("✓" if done else "○")
            self.marks[step].setAccessibleName(self.tr("Done") if done else self.tr("To do"))
            self.labels[step].setEnabled(not done)
            self.buttons[step].setVisible(not done)
        self.setVisible(not steps.done)

    def done(self, step: str) -> bool:
        return self.steps is not None and bool(getattr(self.steps, step))

    def act(self, step: str) -> None:
        window: Any = self.window()
        actions: StepActions = window
        if step == "skills":
            actions.new_skill()
        elif step == "imported":
            actions.interop.import_linkedin()
        elif step == "resume":
            actions.interop.import_jsonresume()
        elif step == "connected":
            actions.invite()
        else:
            actions.find_people()
