from django import template

from commentdesk.articles.digits import localize_digits

register = template.Library()


@register.filter(is_safe=True)
def digits(value, system):
    """{{ date_text|digits:site.digits }}: the text's digits in the site's digits."""
    return localize_digits(value, system)
