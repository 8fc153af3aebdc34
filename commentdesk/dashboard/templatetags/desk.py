from django import template

from commentdesk.dashboard.access import is_editor

register = template.Library()

register.filter("is_editor", is_editor)
