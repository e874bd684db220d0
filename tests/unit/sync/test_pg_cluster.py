"""The throwaway cluster fixture itself: it starts, and each test gets its own empty database."""

from __future__ import annotations

import pg_cluster

postgres_url, pg_database = pg_cluster.postgres_url, pg_cluster.pg_database  # the fixtures, used here


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
