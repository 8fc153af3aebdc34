from django.urls import path

from commentdesk.comments import views

urlpatterns = [
    path("articles/<slug:slug>/comments/", views.post_comment, name="post_comment"),
    path("comments/<int:comment_id>/reports/", views.report_comment, name="report_comment"),
    path("privacy/", views.privacy_request, name="privacy"),
    path("privacy/<str:action>/<str:token>/", views.privacy_confirm, name="privacy_confirm"),
]
