"""HTMX comes from an installed package and is served by the app itself, never from a CDN."""

from __future__ import annotations

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
