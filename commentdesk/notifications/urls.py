from django.urls import path

from commentdesk.notifications import views

urlpatterns = [
    path("emails/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
