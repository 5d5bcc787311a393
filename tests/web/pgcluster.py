"""A throwaway PostgreSQL cluster for the test suite, from Debian's server package.

``initdb`` refuses to run as root, so when the tests run as root the cluster belongs to the
``postgres`` system user (``nobody`` if the package did not create it) and every server command
goes through ``runuser``. The data lives in a fresh folder under /dev/shm (or /tmp; the pytest
temp folders are private to root, so postgres could not enter them), copied from a template
that initdb makes once per boot; the unix socket sits in that folder too and the server listens
on 127.0.0.1 at a free port. Durability is switched off: a test cluster never needs to survive
a crash.

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
    files_seconds: float = 0.0
    start_seconds: float = 0.0

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "attune") -> str:
        return f"postgres://{self.user}@127.0.0.1:{self.port}/{database}"

    def _run(self, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
        return self._exec(str(self.bin_dir / tool), *args)

    def _exec(self, *argv: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(_as_cluster_owner(list(argv)), capture_output=True, text=True)
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            name = Path(argv[0]).name
            raise ClusterError(f"{name} failed: {done.stderr.strip()} {tail}".strip())
        return done

    def initdb(self) -> None:
        self._run(
            "initdb",
            *("-D", str(self.data_dir), "-U", self.user, "-A", "trust"),
            *("-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions"),
        )

    def start(self) -> PostgresCluster:
        began = time.perf_counter()
        template = template_data_dir(self.bin_dir, self.user)
        if template is None:
            self.initdb()
        else:
            self._exec("cp", "-a", str(template), str(self.data_dir))
        initialised = time.perf_counter()
        options = f"-k {self.root} -p {self.port} -c listen_addresses=127.0.0.1 {SERVER_OPTIONS}"
        self._run(
            "pg_ctl",
            *("-D", str(self.data_dir), "-l", str(self.root / "server.log")),
            *("-o", options, "-w", "-t", "30", "start"),
        )
        # Making the cluster's files (a copy of the template) and starting its server are
        # timed apart, to show where a slow start comes from.
        self.files_seconds = initialised - began
        self.start_seconds = time.perf_counter() - initialised
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


def _owner_uid() -> int:
    return pwd.getpwnam(cluster_owner()).pw_uid if os.geteuid() == 0 else os.geteuid()


def scratch_dir() -> str:
    """Memory-backed /dev/shm when there is one: copying and writing a cluster there is several
    times faster than on disk, and a test cluster never needs to outlive the machine."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else tempfile.gettempdir()


def _fresh_root(prefix: str) -> Path:
    """A new private scratch folder that the cluster owner may write in."""
    root = Path(tempfile.mkdtemp(prefix=prefix, dir=scratch_dir()))
    if os.geteuid() == 0:
        owner = pwd.getpwnam(cluster_owner())
        os.chown(root, owner.pw_uid, owner.pw_gid)
    return root


def _usable_template(path: Path, uid: int) -> bool:
    # Only a folder the cluster owner made is trusted: scratch space is shared by local users.
    return path.is_dir() and path.stat().st_uid == uid and (path / "PG_VERSION").is_file()


def template_data_dir(bin_dir: Path, user: str) -> Path | None:
    """The data folder initdb made once for this machine and PostgreSQL version, to copy.

    initdb is most of a new cluster's cost (about 0.7 s of 1 s on a busy 2-core machine) and
    its result never changes, so it runs once per boot; each throwaway cluster starts from a copy.
    None when no template can be kept (the caller then runs initdb itself).
    """
    uid = _owner_uid()
    path = Path(scratch_dir()) / f"attune-pg-template-{bin_dir.parent.name}-{uid}"
    if _usable_template(path, uid):
        return path
    build = PostgresCluster(root=_fresh_root("attune-pg-template-"), port=0, bin_dir=bin_dir)
    build.user = user
    try:
        build.initdb()
        os.rename(build.data_dir, path)  # atomic: a parallel run sees all of it or nothing
    except OSError:
        pass  # another run made it first, or /tmp holds something else under that name
    finally:
        shutil.rmtree(build.root, ignore_errors=True)
    return path if _usable_template(path, uid) else None


def start_cluster() -> PostgresCluster:
    """A new cluster in a fresh folder, started and ready for connections."""
    root = _fresh_root("attune-pg-")
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
    print(
        f"PostgreSQL test cluster at {url} ({time.perf_counter() - started:.2f} s: files "
        f"{cluster.files_seconds:.2f} s, server start {cluster.start_seconds:.2f} s)",
        flush=True,
    )
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
