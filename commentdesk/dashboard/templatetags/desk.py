from django import template

from commentdesk.dashboard.access import is_editor

register = template.Library()

register.filter("is_editor", is_editor)


@register.filter
def is_featured(comment) -> bool:
    """Whether the comment is featured; load it with select_related("featured")."""
    return hasattr(comment, "featured")
