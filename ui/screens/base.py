"""What every screen shares: the operations, the questions, and redraw-on-change."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from skiller_desktop.views import Changes

from ..forms import Ask
from ..operations import Operations


class Screen(QWidget):
    """A page of the main window; `parts` says which changes make it redraw.

    A hidden screen only notes that it is stale and redraws when shown, so
    one change never makes seven screens query at once. A screen that can
    redraw less than all of itself for some changes overrides `changed`.
    """

    parts: Changes = Changes()

    def __init__(self, ops: Operations, ask: Ask, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops, self.ask = ops, ask
        self._stale = True
        ops.changed.connect(self._on_changed)

    @property
    def me(self) -> str:
        return self.ops.services.person_id

    def _on_changed(self, changes: Changes) -> None:
        self.changed(changes)

    def changed(self, changes: Changes) -> None:
        """Redraw (now if shown, else when shown) if the change touches what this screen shows."""
        if changes.touches(self.parts):
            self.mark_stale()

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh_now()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh_now()

    def refresh_now(self) -> None:
        self._stale = False
        self.refresh()

    def refresh(self) -> None:
        """Read what this screen shows, on the worker."""
