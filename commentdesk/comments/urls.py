from django.urls import path

from commentdesk.comments import views

urlpatterns = [
    path("articles/<slug:slug>/comments/", views.post_comment, name="post_comment"),
    path("privacy/", views.privacy_request, name="privacy"),
    path("privacy/<str:action>/<str:token>/", views.privacy_confirm, name="privacy_confirm"),
]
