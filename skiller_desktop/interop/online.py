"""A way for `skiller verify --online` to ask relays and peers, without the core importing sync.

The composition root (skiller_desktop/__main__.py) hands over a refresher when sync is there; the
core only calls it. Kept apart from the interop service so importing it costs nothing at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# services -> (peers that answered, peers asked): one sync with every relay and peer the node knows
Refresher = Callable[[Any], tuple[int, int]]
_refresher: Refresher | None = None


def set_refresher(refresher: Refresher) -> None:
    """The one refresher (a second call replaces the first)."""
    global _refresher
    _refresher = refresher


def refresh(services: Any) -> tuple[int, int] | None:
    """Bring this node up to date with the network; None when this install has no sync."""
    return _refresher(services) if _refresher is not None else None
