"""One sync with every relay and peer a node knows, for `skiller verify --online` (issue 15.1).

A credential's revocation lives in its endorser's signed document; a node that has an old copy, or
none, learns the current one by syncing. The composition root hands `refresh` to the core
(skiller_desktop/interop/online.py), which never imports sync.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from skiller_desktop.services import Services

VERIFY_TIMEOUT = 10.0  # per request: a verification waits for the network, not for ever
VERIFY_DEADLINE = 60.0  # per peer


def refresh(services: Services) -> tuple[int, int]:
    """(peers that ended up to date, peers asked); nothing is asked when the node knows none."""
    from .node import NodeSync
    from .scheduler import PeerState, SchedulerConfig

    node = NodeSync(services, SchedulerConfig(timeout=VERIFY_TIMEOUT, sync_deadline=VERIFY_DEADLINE))
    try:
        peers = [record.peer_id for record in node.book.all()]
        answered = sum(node.scheduler.sync_once(peer).state is PeerState.UP_TO_DATE for peer in peers)
    finally:
        node.close()
    return answered, len(peers)
