from django.core.management.base import CommandError

from commentdesk.articles.models import Site


def find_site(value: str) -> Site:
    """--site: the site's id or its exact name."""
    sites = Site.objects.filter(**({"pk": int(value)} if value.isdigit() else {"name": value}))
    found = list(sites[:2])
    if len(found) != 1:
        names = ", ".join(f"{s.pk} ({s.name})" for s in Site.objects.order_by("pk"))
        problem = "several sites have" if found else "no site has"
        raise CommandError(f"{problem} the id or name {value!r}; sites: {names or 'none'}")
    return found[0]
