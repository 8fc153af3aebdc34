"""The digits a site writes dates and numbers in: Latin, Arabic-Indic or Persian."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Digits(models.TextChoices):
    LATIN = "latin", _("Latin (0123456789)")
    ARABIC_INDIC = "arabic-indic", _("Arabic-Indic (٠١٢٣٤٥٦٧٨٩)")
    PERSIAN = "persian", _("Persian (۰۱۲۳۴۵۶۷۸۹)")


_TABLES = {
    Digits.LATIN: {},
    Digits.ARABIC_INDIC: str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"),
    Digits.PERSIAN: str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"),
}


def localize_digits(value, digits: str) -> str:
    """The value as text with its ASCII digits written in the given digits; other text unchanged."""
    return str(value).translate(_TABLES.get(digits, {}))
