"""Helpers shared by test modules (importable thanks to pytest's pythonpath)."""

from __future__ import annotations

from pathlib import Path


def snapshot(services) -> dict:
    """Everything a user could see or sync, to prove a refusal changed nothing."""
    tables = ("docs", "log", "persons", "skills", "endorsements", "hidden_endorsements", "offers")
    return {t: [tuple(r) for r in services.db.query(f"SELECT * FROM {t} ORDER BY 1")] for t in tables}


def hand_over(sender, receiver, path: Path, people=()):
    """Sender exports a bundle file, receiver imports it: sync by hand."""
    sender.export_bundle(path, people)
    return receiver.import_bundle(path)
