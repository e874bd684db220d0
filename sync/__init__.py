"""Replication of signed logs between nodes and relays (DESIGN.md §6). Never imports Qt."""

PROTOCOL_VERSION = 1
