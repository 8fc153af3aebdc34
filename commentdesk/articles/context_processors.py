from commentdesk.articles.models import Site


def current_site(request):
    return {"site": Site.objects.get_current()}
