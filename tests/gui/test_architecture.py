"""ui/ reaches data only through the services: no SQL, no sqlite, no store."""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
FORBIDDEN = re.compile(r"import sqlite3|sqlite_utils|\.execute\(|\bSELECT\b|\bINSERT\b|\bUPDATE\s+\w+\s+SET|"
                       r"from skiller_desktop\.(db|store|readmodel|schema)")


def test_ui_never_runs_sql():
    offenders = [f"{p.name}:{n}" for p in UI.rglob("*.py")
                 for n, line in enumerate(p.read_text("utf-8").splitlines(), 1) if FORBIDDEN.search(line)]
    assert offenders == []
