"""ASGI entry for uvicorn: ``uvicorn socialprotocol.web.asgi:application``."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialprotocol.web.settings")
application = get_asgi_application()
