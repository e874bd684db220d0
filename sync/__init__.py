"""Replication of signed logs between nodes and relays (DESIGN.md §6). Never imports Qt.

The seams, each a small `typing.Protocol` that every implementation passes
the same contract suite for (tests/contract):
- `storage.SyncStorage`: where a node or a relay keeps its log, documents,
  pending queue and nonces (SQLite here; PostgreSQL for relays).
- `transport.Transport`: how a peer is reached, picked by URL scheme
  (`transport.TRANSPORTS`: HTTP in client.py, in-process ASGI in local.py).
- `teams.TeamGate`: which peer may see which team document, injected where
  it is used (a node's `NodeTeamGate`; `NoTeams` otherwise).
One sync with one peer is a `replicator.SyncSession`; what to accept is
engine.py (planning in causal.py, one verification path in verify.py).
"""

PROTOCOL_VERSION = 1
