"""ASGI entry point (``attunement.web.asgi:application``)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "attunement.web.settings")
application = get_asgi_application()
