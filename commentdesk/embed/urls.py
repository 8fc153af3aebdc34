"""The API's routes, one line each; each view's docstring documents its endpoint."""

from django.urls import include, path, re_path

from commentdesk.embed.api import endpoint, not_found
from commentdesk.embed.views import assets, moderation, public, schema

api_v1 = [
    path("openapi.json", endpoint(GET=schema.openapi), name="openapi"),
    path("comments/", endpoint(GET=public.list_comments, POST=public.post_comment), name="comments"),
    path("comments/<int:comment_id>/status/", endpoint(GET=public.comment_status), name="status"),
    path(
        "comments/<int:comment_id>/reports/",
        endpoint(POST=public.report_comment),
        name="reports",
    ),
    path("counts/", endpoint(GET=public.comment_counts), name="counts"),
    path("moderation/queue/", endpoint(GET=moderation.queue), name="queue"),
    path(
        "moderation/comments/<int:comment_id>/decision/",
        endpoint(POST=moderation.decide),
        name="decision",
    ),
    re_path(r"^.*$", not_found),
]

urlpatterns = [
    path("embed.js", assets.script, {"name": "embed.js"}, name="embed_js"),
    path("count.js", assets.script, {"name": "count.js"}, name="count_js"),
    path("api/v1/", include((api_v1, "embed"))),
]
