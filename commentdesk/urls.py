from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "commentdesk moderation"
admin.site.site_title = "commentdesk"
admin.site.index_title = "Moderation and editing"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("desk/", include("commentdesk.dashboard.urls")),
    path("", include("commentdesk.ops.urls")),
    path("", include("commentdesk.embed.urls")),
    path("", include("commentdesk.identity.urls")),
    path("", include("commentdesk.comments.urls")),
    path("", include("commentdesk.notifications.urls")),
    path("", include("commentdesk.articles.urls")),
]

# A database outage gets a 503 the reader can act on; anything else the usual 500.
handler500 = "commentdesk.comments.outage.server_error"
