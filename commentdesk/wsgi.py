import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commentdesk.settings")
application = get_wsgi_application()

from commentdesk.moderation.engine import warm_up_in_process_engine  # noqa: E402 (needs Django set up)

warm_up_in_process_engine()
