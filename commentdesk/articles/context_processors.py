from django.utils.functional import SimpleLazyObject

from commentdesk.articles.models import Site


def current_site(request):
    # Looked up only when a template names it, so a page shown while the database is down
    # (commentdesk/comments/outage.py) renders without a query.
    return {"site": SimpleLazyObject(Site.objects.get_current)}
