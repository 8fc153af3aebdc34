"""What readers get while the database is down: a clear 503, never a bare 500.

Code that cannot reach the database raises OperationalError (no connection) or InterfaceError
(a connection that broke), in a view or in a middleware that looks something up first. Django
hands any uncaught exception to the 500 handler, `server_error` below (see commentdesk/urls.py),
which answers those two without touching the database again:

- a comment posted from an article page gets the form back, filled with what the reader typed
  and a fresh CSRF token (a cookie, no session), so "Post comment" tries again;
- the JSON API gets a JSON error its callers can show;
- any other page gets a short "temporarily unavailable" page.

Django logs the exception ("Service Unavailable: <path>"); the reader sees no detail of it.
With DEBUG on, Django shows its own error page instead.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django.views import defaults

from commentdesk.comments.forms import CommentForm
from commentdesk.embed.api import json_error

RETRY_AFTER = "30"


def server_error(request):
    if not isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        return defaults.server_error(request)
    response = outage_response(request)
    response["Retry-After"] = RETRY_AFTER
    return response


def outage_response(request):
    match = _route(request)
    if match and match.namespace == "embed":
        if request.method == "POST":
            message = _("We could not save your comment right now; nothing was published. Please try again in a few minutes.")
        else:
            message = _("Comments are temporarily unavailable. Please try again in a few minutes.")
        return json_error(503, message)
    # Rendered without the request, so no context processor can query the database.
    if match and match.url_name == "post_comment" and request.method == "POST":
        # Unbound, so nothing is validated: the reader's words go back exactly as they came.
        context = {
            "form": CommentForm(initial=request.POST.dict()),
            "article": {"slug": match.kwargs["slug"]},
            "csrf_token": get_token(request),
        }
        return HttpResponse(render_to_string("comments/unavailable.html", context), status=503)
    return HttpResponse(render_to_string("unavailable.html"), status=503)


def _route(request):
    if request.resolver_match is not None:
        return request.resolver_match
    try:
        return resolve(request.path_info)
    except Resolver404:
        return None
