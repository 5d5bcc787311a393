"""A throwaway PostgreSQL cluster for the test suite, from Debian's server package.

``initdb`` refuses to run as root, so when the tests run as root the cluster belongs to the
``postgres`` system user (``nobody`` if the package did not create it) and every server command
goes through ``runuser``. The data lives in a
fresh folder under /tmp (the pytest temp folders are private to root, so postgres could not
enter them); the unix socket sits in that folder too and the server listens on 127.0.0.1 at a
free port. Durability is switched off: a test cluster never needs to survive a crash.

Used by ``tests/web/test_postgres.py`` and, from a shell, by
``python tests/web/pgcluster.py run -- COMMAND``, which exports ``DATABASE_URL`` to the command.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SERVER_OPTIONS = (
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
    "-c max_connections=50 -c shared_buffers=32MB"
)


class ClusterError(RuntimeError):
    pass


def postgres_bin_dir() -> Path:
    """The newest Debian PostgreSQL server binaries (15 in the machine image)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_major_version)
    if not found:
        raise ClusterError(
            "PostgreSQL server binaries are not installed; run `bash scripts/system-deps` "
            "(or `apt-get install -y postgresql`)"
        )
    return Path(found[-1]).parent


def _major_version(initdb_path: str) -> int:
    part = Path(initdb_path).parent.parent.name
    return int(part) if part.isdigit() else 0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def cluster_owner() -> str:
    """The system user that owns the cluster when we are root (root itself cannot)."""
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise ClusterError("neither a postgres nor a nobody user exists to own the test cluster")


def _as_cluster_owner(argv: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", cluster_owner(), "--", *argv]
    return argv


@dataclass
class PostgresCluster:
    root: Path
    port: int
    bin_dir: Path
    user: str = "postgres"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "attune") -> str:
        return f"postgres://{self.user}@127.0.0.1:{self.port}/{database}"

    def _run(self, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
        argv = _as_cluster_owner([str(self.bin_dir / tool), *args])
        done = subprocess.run(argv, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise ClusterError(f"{tool} failed: {done.stderr.strip()} {tail}".strip())
        return done

    def start(self) -> PostgresCluster:
        self._run(
            "initdb",
            *("-D", str(self.data_dir), "-U", self.user, "-A", "trust"),
            *("-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions"),
        )
        options = f"-k {self.root} -p {self.port} -c listen_addresses=127.0.0.1 {SERVER_OPTIONS}"
        self._run(
            "pg_ctl",
            *("-D", str(self.data_dir), "-l", str(self.root / "server.log")),
            *("-o", options, "-w", "-t", "30", "start"),
        )
        return self

    def stop(self) -> None:
        if (self.data_dir / "postmaster.pid").exists():
            argv = [str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate"]
            subprocess.run(
                _as_cluster_owner([*argv, "-w", "stop"]), capture_output=True, check=False
            )
        shutil.rmtree(self.root, ignore_errors=True)

    def create_database(self, name: str) -> str:
        self._run("createdb", "-h", str(self.root), "-p", str(self.port), "-U", self.user, name)
        return self.url(name)


def start_cluster() -> PostgresCluster:
    """A new cluster in a fresh folder, started and ready for connections."""
    root = Path(tempfile.mkdtemp(prefix="attune-pg-"))
    if os.geteuid() == 0:
        owner = pwd.getpwnam(cluster_owner())
        os.chown(root, owner.pw_uid, owner.pw_gid)
    cluster = PostgresCluster(root=root, port=free_port(), bin_dir=postgres_bin_dir())
    try:
        return cluster.start()
    except BaseException:
        cluster.stop()
        raise


def _run_with_cluster(command: list[str]) -> int:
    started = time.perf_counter()
    cluster = start_cluster()
    url = cluster.create_database("attune")
    print(f"PostgreSQL test cluster at {url} ({time.perf_counter() - started:.2f} s)", flush=True)
    try:
        return subprocess.run(
            command, env={**os.environ, "DATABASE_URL": url}, check=False
        ).returncode
    finally:
        cluster.stop()


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "run" and argv[1] == "--" and argv[2:]:
        return _run_with_cluster(argv[2:])
    print("usage: python tests/web/pgcluster.py run -- COMMAND [ARGS...]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
