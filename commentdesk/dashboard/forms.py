from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from commentdesk.articles.models import Article
from commentdesk.comments.models import Comment
from commentdesk.moderation.guidelines import Guideline
from commentdesk.moderation.models import ModerationJob
from commentdesk.moderation.roles import EDITORS, MODERATORS

ANY = [("", _("Any"))]


class QueueFilterForm(forms.Form):
    article = forms.ModelChoiceField(
        Article.objects.all(), label=_("Article"), required=False, empty_label=_("Any")
    )
    lang = forms.ChoiceField(label=_("Language"), required=False)
    guideline = forms.ChoiceField(
        label=_("Guideline"), choices=ANY + Guideline.choices, required=False
    )
    REPORTED = "reported"
    show = forms.ChoiceField(
        label=_("Show"),
        choices=[("", _("Everything waiting")), (REPORTED, _("Reported by readers"))],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        languages = (
            ModerationJob.objects.exclude(lang="")
            .order_by("lang")
            .values_list("lang", flat=True)
            .distinct()
        )
        names = dict(settings.LANGUAGES)  # Each language in its own name, e.g. ckb: کوردی
        self.fields["lang"].choices = ANY + [(lang, names.get(lang, lang)) for lang in languages]

    def apply(self, comments):
        if not self.is_valid():
            return comments
        data = self.cleaned_data
        if data["article"]:
            comments = comments.filter(article=data["article"])
        if data["lang"]:
            comments = comments.filter(moderation_job__lang=data["lang"])
        if data["guideline"]:
            comments = comments.filter(moderation_job__guideline=data["guideline"])
        if data["show"] == self.REPORTED:
            comments = comments.filter(status=Comment.Status.APPROVED)
        return comments


class RejectForm(forms.Form):
    guideline = forms.ChoiceField(label=_("Guideline"), choices=Guideline.choices)


class BulkDecisionForm(forms.Form):
    APPROVE, REJECT = "approve", "reject"

    action = forms.ChoiceField(
        label=_("Decision"), choices=[(APPROVE, _("Approve")), (REJECT, _("Reject"))]
    )
    comment = forms.TypedMultipleChoiceField(coerce=int, choices=[], label=_("Comments"))
    guideline = forms.ChoiceField(
        label=_("Guideline"), choices=ANY + Guideline.choices, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ids = self.data.getlist("comment") if hasattr(self.data, "getlist") else []
        # Whether each is still pending is checked under a lock when deciding, not here.
        self.fields["comment"].choices = [(value, value) for value in ids if value.isdigit()]

    def clean(self):
        data = super().clean()
        if data.get("action") == self.REJECT and not data.get("guideline"):
            self.add_error("guideline", _("A rejection must cite a guideline."))
        return data


class OverturnForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[("approve", _("Approve")), ("reject", _("Reject"))]
    )
    guideline = forms.ChoiceField(
        label=_("Guideline"), choices=ANY + Guideline.choices, required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("outcome") == "reject" and not data.get("guideline"):
            self.add_error("guideline", _("A rejection must cite a guideline."))
        return data


class AuditFilterForm(forms.Form):
    MACHINE, HUMAN = "machine", "human"

    comment = forms.IntegerField(label=_("Comment id"), required=False, min_value=1)
    moderator = forms.ModelChoiceField(
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(groups__name__in=[MODERATORS, EDITORS]))
        .distinct()
        .order_by("username"),
        label=_("Moderator"),
        required=False,
        empty_label=_("Anyone"),
        to_field_name="username",
    )
    decider = forms.ChoiceField(
        label=_("Decided by"),
        required=False,
        choices=[("", _("Machine or moderator")), (MACHINE, _("Machine")), (HUMAN, _("Moderator"))],
    )

    def apply(self, decisions):
        if not self.is_valid():
            return decisions
        data = self.cleaned_data
        if data["comment"]:
            decisions = decisions.filter(comment_id=data["comment"])
        if data["moderator"]:
            decisions = decisions.filter(moderator=data["moderator"])
        if data["decider"] == self.MACHINE:
            decisions = decisions.exclude(machine="")
        elif data["decider"] == self.HUMAN:
            decisions = decisions.filter(machine="")
        return decisions
