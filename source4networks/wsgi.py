"""WSGI entry point for gunicorn: `gunicorn source4networks.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "source4networks.settings.production")

application = get_wsgi_application()
