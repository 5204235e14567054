"""WSGI entry for gunicorn: ``gunicorn socialprotocol.web.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialprotocol.web.settings")
application = get_wsgi_application()
