"""A throwaway PostgreSQL cluster for tests (and benchmarks): `initdb` + `pg_ctl` in a temporary directory.

`tests/conftest.py` imports the fixtures once, so every test shares one
cluster (importing them again in a module would start another one):

`postgres_url` (session) starts one cluster for the whole run and gives its
URL (trust authentication, loopback TCP on a free port, superuser `skiller`);
`pg_database` (per test) creates a fresh database on it and gives that URL.
`fresh_database(url)` does the same for module-scoped fixtures of your own.

`initdb` refuses to run as root, so as root the cluster is made and run as
an unprivileged user (`nobody`) that owns its directory. Without any
PostgreSQL binaries the tests are skipped with the reason, except when the
`CI` variable is set: there a missing PostgreSQL fails the run, never
silently skips it.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SUPERUSER = "skiller"
RUN_AS = "nobody"  # the unprivileged account used when the tests run as root
# A throwaway cluster needs no durability: a test never survives an OS crash. (Benchmarks pass their own.)
FAST_SETTINGS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off", "wal_init_zero": "off"}


def find_bin_dir() -> Path | None:
    """Where `initdb` and `pg_ctl` live: $PG_BIN, then PATH, then the newest /usr/lib/postgresql/N/bin."""
    candidates: list[Path] = []
    if os.environ.get("PG_BIN"):
        candidates.append(Path(os.environ["PG_BIN"]))
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                      key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0, reverse=True)
    candidates += versions
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    """One PostgreSQL cluster in a temporary directory, started and stopped with `pg_ctl`."""

    bin_dir: Path
    settings: dict[str, str] = field(default_factory=lambda: dict(FAST_SETTINGS))
    root: Path = field(init=False)
    port: int = 0

    @property
    def url(self) -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/postgres"

    def _as_owner(self, *command: str) -> list[str]:
        if os.geteuid() != 0:
            return list(command)
        return ["runuser", "-u", RUN_AS, "--", *command]

    def _run(self, *command: str, timeout: float = 120) -> None:
        done = subprocess.run(self._as_owner(*command), capture_output=True, text=True, timeout=timeout,
                              cwd=self.root)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr}{done.stdout}")

    def start(self) -> Cluster:
        self.root = Path(tempfile.mkdtemp(prefix="skpg-"))  # short: the socket path must fit 107 bytes
        try:
            return self._start()
        except BaseException:
            self.stop()  # nothing left behind: no server, no directory
            raise

    def _start(self) -> Cluster:
        if os.geteuid() == 0:
            import pwd  # POSIX only, like running as root

            owner = pwd.getpwnam(RUN_AS)
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
        data = self.root / "data"
        self._run(str(self.bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
                  "--encoding=UTF8", "--locale=C", "--no-sync")
        for attempt in range(5):  # a free port can be taken by someone else before the server binds it
            self.port = _free_port()
            options = " ".join([f"-c listen_addresses=127.0.0.1 -p {self.port}",
                                f"-c unix_socket_directories={self.root}", "-c max_connections=200",
                                *(f"-c {k}={v}" for k, v in self.settings.items())])
            try:
                self._run(str(self.bin_dir / "pg_ctl"), "-D", str(data), "-l", str(self.root / "server.log"),
                          "-o", options, "-w", "-t", "60", "start")
                return self
            except RuntimeError:
                if attempt == 4:
                    raise RuntimeError(f"PostgreSQL did not start: {self.log_tail()}") from None
        return self

    def log_tail(self, size: int = 2000) -> str:
        try:
            return (self.root / "server.log").read_text(errors="replace")[-size:]
        except OSError:
            return ""

    def stop(self) -> None:
        try:
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")
        except (RuntimeError, subprocess.TimeoutExpired):
            pass
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def database_url(server_url: str, name: str) -> str:
    return server_url.rsplit("/", 1)[0] + "/" + name


def fresh_database(server_url: str, prefix: str = "t") -> str:
    """Create an empty database on the cluster; its URL."""
    import psycopg

    name = f"{prefix}_{secrets.token_hex(6)}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return database_url(server_url, name)


def drop_database(server_url: str, url: str) -> None:
    """Drop a database made by `fresh_database`, even with connections left open (a killed relay's)."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """The URL of a running throwaway cluster's `postgres` database (superuser, trust auth)."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        _missing("no PostgreSQL binaries (initdb, pg_ctl) on PATH, in $PG_BIN or in /usr/lib/postgresql/*/bin")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _missing("psycopg is not installed")
    cluster = Cluster(bin_dir).start()  # type: ignore[arg-type]
    try:
        yield cluster.url
    finally:
        cluster.stop()


@pytest.fixture
def pg_database(postgres_url: str) -> Iterator[str]:
    """A fresh, empty database for one test; dropped afterwards."""
    url = fresh_database(postgres_url)
    try:
        yield url
    finally:
        for _ in range(3):
            try:
                drop_database(postgres_url, url)
                break
            except Exception:  # a connection still closing: try again shortly
                time.sleep(0.2)
