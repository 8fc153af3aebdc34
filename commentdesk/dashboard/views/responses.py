"""A desk form answers the queue's script in JSON and a browser without it with a redirect."""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


def wants_json(request) -> bool:
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


def back(request, fallback="dashboard:queue"):
    """Where the form came from (its `next` field), when that is on this site."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(fallback)


def done(request, message, **payload):
    if wants_json(request):
        return JsonResponse({"message": str(message), **payload})
    messages.success(request, message)
    return back(request)


def refused(request, message, status=409):
    if wants_json(request):
        return JsonResponse({"error": str(message)}, status=status)
    messages.error(request, message)
    return back(request)
