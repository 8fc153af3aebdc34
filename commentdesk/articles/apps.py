from django.apps import AppConfig
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

# Django knows Sorani (ckb) but not Kurmanji, the Kurdish written in Latin script.
KURMANJI = {"bidi": False, "code": "kmr", "name": "Northern Kurdish (Kurmanji)", "name_local": "Kurmancî"}


class ArticlesConfig(AppConfig):
    name = "commentdesk.articles"
    verbose_name = _("Articles and sites")

    def ready(self):
        LANG_INFO.setdefault("kmr", KURMANJI)
