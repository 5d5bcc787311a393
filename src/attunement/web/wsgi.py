"""WSGI entry point (``attunement.web.wsgi:application``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "attunement.web.settings")
application = get_wsgi_application()

if os.environ.pop("ATTUNE_RESUME_ANALYSES", "") == "1":
    # `attune serve` with one worker: analyses a stopped server left unfinished start again.
    from attunement.practice.services import requeue_interrupted

    requeue_interrupted()
