import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commentdesk.settings")
application = get_wsgi_application()

from commentdesk.moderation.engine import start_in_process_engine  # noqa: E402 (needs Django set up)

start_in_process_engine()
