"""Team read models, rebuilt for one document inside the transaction that stores it."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from .. import doc_schema
from ..readmodel import _text, level
from ..text import fold, skill_group, skill_key

log = logging.getLogger("skiller.readmodel")


def _dicts(section: Any) -> list[tuple[str, dict]]:
    return [(k, v) for k, v in (section or {}).items() if isinstance(v, dict)] if isinstance(section, dict) else []


def project_team(conn: sqlite3.Connection, team_id: str, data: dict[str, Any]) -> None:
    """Replace the team's rows; a document that breaks the schema (stored before the check) gets none.

    Never raises on the document's content: one bad team must not stop a commit.
    """
    why = doc_schema.problem(team_id, data)
    if why is None:
        try:
            _project(conn, team_id, data)
            return
        except (TypeError, ValueError, AttributeError) as exc:
            why = f"cannot be projected ({type(exc).__name__}: {str(exc)[:200]})"
    log.warning("team document %s skipped in the read models: %s", team_id[:60], why)
    conn.execute("DELETE FROM teams WHERE team_id = ?", (team_id,))
    for table in ("team_members", "team_needs", "team_invitations"):
        conn.execute(f"DELETE FROM {table} WHERE team_id = ?", (team_id,))


def _project(conn: sqlite3.Connection, team_id: str, data: dict[str, Any]) -> None:
    members = _dicts(data.get("members"))
    needs = _dicts(data.get("needs"))
    name = _text(data.get("name"))
    conn.execute(
        """INSERT OR REPLACE INTO teams (team_id, name, name_fold, description, created_by, created_at,
               updated_at, member_count, open_needs) VALUES (?,?,?,?,?,?,?,?,?)""",
        (
            team_id,
            name,
            fold(name),
            _text(data.get("description")),
            _text(data.get("created_by")),
            _text(data.get("created_at")),
            _text(data.get("updated_at")),
            sum(1 for _, m in members if not m.get("removed_at")),
            sum(1 for _, n in needs if n.get("status", "open") == "open"),
        ),
    )
    _replace(
        conn,
        "team_members",
        team_id,
        [
            (
                team_id,
                pid,
                _text(m.get("role")) or "member",
                _text(m.get("added_by")),
                _text(m.get("added_at")),
                _text(m.get("removed_at")),
            )
            for pid, m in members
        ],
    )
    _replace(
        conn,
        "team_needs",
        team_id,
        [
            (
                team_id,
                nid,
                skill_key(_text(n.get("skill"))),
                _text(n.get("skill")),
                level(n.get("level")),
                _text(n.get("note")),
                _text(n.get("status")) or "open",
                _text(n.get("created_by")),
                _text(n.get("created_at")),
                _text(n.get("filled_at")),
                _text(n.get("filled_by")),
                _text(n.get("concept")),
                skill_group(_text(n.get("skill")), _text(n.get("concept"))),
                _text(n.get("role")),
                _text(n.get("role_label")),
            )
            for nid, n in needs
        ],
    )
    _replace(
        conn,
        "team_invitations",
        team_id,
        [
            (
                team_id,
                iid,
                _text(i.get("person_id")),
                _text(i.get("code_key")),
                _text(i.get("role")) or "member",
                _text(i.get("created_by")),
                _text(i.get("created_at")),
                _text(i.get("accepted_at")),
                _text(i.get("accepted_by")),
                _text(i.get("revoked_at")),
                _text(i.get("revoked_by")),
                _text(i.get("expires_at")),
            )
            for iid, i in _dicts(data.get("invitations"))
        ],
    )


def _replace(conn: sqlite3.Connection, table: str, team_id: str, rows: list[tuple]) -> None:
    conn.execute(f"DELETE FROM {table} WHERE team_id = ?", (team_id,))
    if rows:
        marks = ",".join("?" * len(rows[0]))
        conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
