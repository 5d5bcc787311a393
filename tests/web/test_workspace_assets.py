"""HTMX comes from an installed package and is served by the app itself, never from a CDN."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from workspace_factories import make_coach

HTMX = "django_htmx/htmx-2.min.js"


def test_the_htmx_script_is_a_static_file_of_the_django_htmx_package():
    import django_htmx

    found = finders.find(HTMX)

    assert found is not None
    assert Path(django_htmx.__file__).parent in Path(found).parents
    with open(found, "rb") as script:
        assert b"htmx" in script.read(4096)


@pytest.mark.django_db
def test_every_page_loads_htmx_from_the_apps_own_static_folder(client):
    client.force_login(make_coach("sam"))

    page = client.get(reverse("dashboard")).content.decode()

    assert f'src="/static/{HTMX}"' in page


def _django(data_dir: Path, *command: str) -> subprocess.CompletedProcess[str]:
    """A Django management command in a fresh process, so settings are read for ``data_dir``."""
    env = {**os.environ, "ATTUNE_DATA_DIR": str(data_dir), "PYTHONWARNINGS": "default"}
    return subprocess.run(
        [sys.executable, "-m", "django", *command, "--settings", "attunement.web.settings"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_collectstatic_works_in_a_new_data_folder_and_nothing_warns_before_it(tmp_path):
    # Building the web application loads whitenoise, which looks for the collected folder.
    before = _django(
        tmp_path, "shell", "-c", "import django.core.wsgi as w; w.get_wsgi_application()"
    )
    collected = _django(tmp_path, "collectstatic", "--noinput")

    assert before.returncode == 0 and "No directory at" not in before.stderr
    assert collected.returncode == 0, collected.stderr
    assert (tmp_path / "static" / HTMX).is_file()
