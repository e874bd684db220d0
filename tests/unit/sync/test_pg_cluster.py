"""The throwaway cluster fixture itself: it starts, and each test gets its own empty database."""

from __future__ import annotations

import pg_cluster


def test_a_fresh_database_is_empty_and_writable(pg_database: str) -> None:
    import psycopg

    with psycopg.connect(pg_database) as conn:
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()
        conn.execute("CREATE TABLE t (x int)")
        conn.execute("INSERT INTO t VALUES (1)")
        assert tables == (0,)


def test_each_test_gets_its_own_database(pg_database: str) -> None:
    import psycopg

    with psycopg.connect(pg_database) as conn:
        assert conn.execute("SELECT to_regclass('t')").fetchone() == (None,)


def test_without_postgresql_a_run_skips_with_the_reason_but_ci_fails(monkeypatch) -> None:
    import pytest

    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no PostgreSQL"):
        pg_cluster._missing("no PostgreSQL binaries")
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match="required in CI"):
        pg_cluster._missing("no PostgreSQL binaries")
