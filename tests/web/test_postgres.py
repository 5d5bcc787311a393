"""The web app on PostgreSQL: a throwaway cluster from Debian's server package runs the web tests.

Django's settings are fixed for the life of a process, so the PostgreSQL run is a child pytest
with ``DATABASE_URL`` pointing at a fresh cluster (see ``pgcluster.py``). It runs every web test
module except the browser ones (which drive the same views through a live server, already
covered here): on this 2-core machine the whole set takes about 50 s on PostgreSQL, against
about 70 s on SQLite, so there is no reason to pick a subset.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

HERE = Path(__file__).parent


def web_test_modules() -> list[Path]:
    """Every web test module but the browser ones; new modules join the PostgreSQL run."""
    return sorted(p for p in HERE.glob("test_*.py") if "browser" not in p.name)


def test_database_is_the_one_the_run_asked_for(db):
    """Runs everywhere; inside the PostgreSQL run it proves the tests really hit PostgreSQL."""
    wanted = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == wanted


@pytest.fixture(scope="module")
def cluster():
    from pgcluster import ClusterError, postgres_bin_dir, start_cluster

    try:
        postgres_bin_dir()
    except ClusterError as error:
        pytest.skip(str(error))
    started = time.perf_counter()
    running = start_cluster()
    running.started_in = time.perf_counter() - started
    yield running
    running.stop()


@pytest.mark.postgres
@pytest.mark.xdist_group("postgres")
def test_throwaway_cluster_starts_in_a_few_seconds_and_accepts_connections(cluster):
    import psycopg

    url = cluster.create_database("probe")
    with psycopg.connect(url) as conn:
        assert conn.execute("select 1 + 1").fetchone() == (2,)
    assert cluster.started_in < 10


@pytest.mark.postgres
@pytest.mark.xdist_group("postgres")
def test_every_web_test_module_but_the_browser_ones_passes_on_postgresql(cluster):
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_XDIST", "DATABASE_URL"))
    }
    env["DATABASE_URL"] = cluster.create_database("attune")
    files = [str(path) for path in web_test_modules()]
    argv = [sys.executable, "-m", "pytest", *files, "-q", "-n", "0", "-p", "no:cacheprovider"]
    done = subprocess.run(
        [*argv, "-m", "not postgres and not browser"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        cwd=HERE.parent.parent,
    )
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert " passed" in summary and "failed" not in summary
