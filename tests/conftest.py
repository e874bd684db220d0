"""Shared fixtures: real data dirs in tmp_path, never the user's key store."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from pg_cluster import pg_database, postgres_url  # one throwaway PostgreSQL for the whole run

os.environ["SKILLER_NO_KEYRING"] = "1"
__all__ = ["pg_database", "postgres_url"]  # fixtures, found by pytest through this module

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "samples"


@pytest.fixture
def node(tmp_path: Path) -> Callable[..., object]:
    """Make a Services over a fresh data dir, with an identity if a name is given."""
    from skiller_desktop.services import Services

    opened = []

    def make(name: str | None = None, headline: str = "", folder: str | None = None) -> Services:
        services = Services(tmp_path / (folder or f"node{len(opened)}"))
        if name is not None:
            services.create_identity(name, headline)
        opened.append(services)
        return services

    yield make
    for services in opened:
        services.close()
