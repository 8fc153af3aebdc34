from django.urls import path

from commentdesk.comments import views

urlpatterns = [
    path("articles/<slug:slug>/comments/", views.post_comment, name="post_comment"),
]
