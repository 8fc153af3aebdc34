from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

from commentdesk.notifications.actions import do_unsubscribe
from commentdesk.notifications.emails import read_unsubscribe_token
from commentdesk.notifications.models import Subscription


# The signed token is the credential, so no CSRF token is needed; mail programs that offer
# one-click unsubscribe (List-Unsubscribe-Post, RFC 8058) POST here without a session.
@csrf_exempt
def unsubscribe(request, token):
    """The link in every commenter's email: GET asks, POST (a button) stops the emails, so a
    mail scanner that opens links unsubscribes no one."""
    subscription_id = read_unsubscribe_token(token)
    subscription = (
        Subscription.objects.select_related("comment").filter(pk=subscription_id).first()
        if subscription_id
        else None
    )
    if subscription is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    email = subscription.comment.author_email
    if request.method != "POST":
        return render(request, "notifications/unsubscribe.html", {"email": email})
    do_unsubscribe(email)
    return render(request, "notifications/unsubscribed.html", {"email": email})
