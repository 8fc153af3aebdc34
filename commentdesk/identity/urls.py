from django.urls import path

from commentdesk.identity import views

urlpatterns = [
    path("sso/", views.callback, name="sso_callback"),
    path("sso/start/", views.start, name="sso_start"),
    path("sso/sign-out/", views.sign_out, name="sso_sign_out"),
]
