"""The staff roles and what each may do in the moderation screens."""

from django.contrib.auth.models import Group, Permission

MODERATORS = "Moderators"
EDITORS = "Editors"

# Both roles feature comments, as Coral lets moderators: they read every comment anyway.
FEATURING = [
    "comments.view_featuredcomment",
    "comments.add_featuredcomment",
    "comments.delete_featuredcomment",
]

ROLE_PERMISSIONS = {
    MODERATORS: [
        "comments.view_comment",
        "comments.change_comment",
        *FEATURING,
        "moderation.view_decision",
        "articles.view_article",
    ],
    EDITORS: [
        "comments.view_comment",
        "comments.change_comment",
        *FEATURING,
        "moderation.view_decision",
        "articles.view_article",
        "articles.add_article",
        "articles.change_article",
        "articles.view_site",
        "articles.change_site",
    ],
}


def ensure_roles(**kwargs):
    """Create or update the role groups; run after every migrate."""
    for name, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set([_permission(codename) for codename in codenames])


def _permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)
