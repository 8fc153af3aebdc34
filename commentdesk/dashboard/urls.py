from django.contrib.auth import views as auth_views
from django.urls import path

from commentdesk.dashboard.views import (
    agreement,
    audit,
    decide,
    feature,
    machine,
    policy,
    queue,
    tokens,
    undo,
)
from commentdesk.moderation.models import Decision

app_name = "dashboard"

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="dashboard/login.html",
            redirect_authenticated_user=True,
            next_page="dashboard:queue",
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(next_page="dashboard:login"), name="logout"),
    path("", queue.queue, name="queue"),
    path("comments/<int:comment_id>/approve/", decide.approve, name="approve"),
    path("comments/<int:comment_id>/reject/", decide.reject, name="reject"),
    path("comments/bulk/", decide.bulk, name="bulk"),
    path("comments/<int:comment_id>/overturn/", machine.overturn, name="overturn"),
    path("comments/<int:comment_id>/feature/", feature.feature, name="feature"),
    path("comments/<int:comment_id>/unfeature/", feature.unfeature, name="unfeature"),
    path("decisions/<int:decision_id>/undo/", undo.undo, name="undo"),
    path(
        "machine/approved/",
        machine.machine_list,
        {"outcome": Decision.Outcome.APPROVED},
        name="machine_approved",
    ),
    path(
        "machine/rejected/",
        machine.machine_list,
        {"outcome": Decision.Outcome.REJECTED},
        name="machine_rejected",
    ),
    path("audit/", audit.audit, name="audit"),
    path("policy/", policy.policy, name="policy"),
    path("policy/preview/", policy.policy_preview, name="policy_preview"),
    path("agreement/", agreement.agreement, name="agreement"),
    path("tokens/", tokens.tokens, name="tokens"),
    path("tokens/<int:token_id>/revoke/", tokens.revoke, name="revoke_token"),
]
