"""The served OpenAPI document describes every route, and schemathesis finds no server error."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from commentdesk.articles.models import Site
from commentdesk.embed.openapi import openapi_document
from commentdesk.embed.tests.base import HOST, STORY_URL
from commentdesk.embed.urls import api_v1
from commentdesk.test import make_article

# Django's handler, as commentdesk.wsgi builds it, without the moderation thread that module
# starts: begun at collection, it would outlive every test and contend for the test database.
application = get_wsgi_application()

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


def api_routes():
    for route in api_v1:
        if getattr(route.callback, "views", None):
            path = "/api/v1/" + str(route.pattern).replace("<int:", "{").replace(">", "}")
            yield path, {method.lower() for method in route.callback.views}


def test_every_route_is_documented_and_only_those():
    paths = openapi_document()["paths"]
    routes = dict(api_routes())
    assert routes == {path: set(operations) for path, operations in paths.items()}
    for operations in paths.values():
        for operation in operations.values():
            assert operation["summary"] and operation["responses"]


@pytest.fixture
def embedded_site(db):
    site = Site.objects.get_current()
    site.allowed_origins = HOST
    site.save()
    make_article(canonical_url=STORY_URL)
    # Called directly, the WSGI app would close the test's database connection after each
    # request, as it does between real requests; Django's test client disconnects this too.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield site
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_request_makes_a_server_error(case, embedded_site):
    case.call_and_validate(headers={"Origin": HOST}, checks=[not_a_server_error])
