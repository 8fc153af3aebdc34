"""The editors' policy form: the Policy model's fields, and two number inputs per guideline."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from commentdesk.dashboard.thresholds import (
    PREVIEW_SAMPLE,
    PREVIEW_SAMPLE_MAX,
    effective_thresholds,
    overrides_from,
)
from commentdesk.moderation.guidelines import Guideline
from commentdesk.moderation.models import Policy

APPROVE, REJECT = "approve_below", "reject_above"


def threshold_field(label, guideline):
    return forms.FloatField(
        label=label,
        min_value=0,
        max_value=1,
        widget=forms.NumberInput(
            attrs={
                "step": "0.001",
                "min": "0",
                "max": "1",
                "aria-label": f"{guideline.label}: {label}",
            }
        ),
    )


class PolicyForm(forms.ModelForm):
    class Meta:
        model = Policy
        fields = [
            "mode",
            "banned_words",
            "suspect_words",
            "links",
            "new_commenter_approvals",
            "history_window",
            "history_rejected_share",
            "report_threshold",
        ]
        widgets = {
            "banned_words": forms.Textarea(attrs={"rows": 4}),
            "suspect_words": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["history_rejected_share"].validators += [
            MinValueValidator(0),
            MaxValueValidator(1),
        ]
        effective = effective_thresholds(self.instance.thresholds)
        for guideline in Guideline:
            approve, reject = effective[guideline.value]
            self.fields[f"{guideline.value}_{APPROVE}"] = threshold_field(
                _("Approve below"), guideline
            )
            self.fields[f"{guideline.value}_{REJECT}"] = threshold_field(
                _("Reject above"), guideline
            )
            self.initial.setdefault(f"{guideline.value}_{APPROVE}", approve)
            self.initial.setdefault(f"{guideline.value}_{REJECT}", reject)

    def threshold_rows(self):
        """(guideline label, approve field, reject field), in the guidelines' order."""
        return [
            (g.label, self[f"{g.value}_{APPROVE}"], self[f"{g.value}_{REJECT}"]) for g in Guideline
        ]

    def clean(self):
        data = super().clean()
        for guideline in Guideline:
            approve = data.get(f"{guideline.value}_{APPROVE}")
            reject = data.get(f"{guideline.value}_{REJECT}")
            if approve is not None and reject is not None and approve > reject:
                self.add_error(
                    f"{guideline.value}_{APPROVE}",
                    _("Must not be above the reject threshold (%(reject)s).") % {"reject": reject},
                )
        return data

    def proposed_thresholds(self) -> dict:
        """{guideline: (approve_below, reject_above)} as entered; call once the form is valid."""
        data = self.cleaned_data
        return {
            g.value: (data[f"{g.value}_{APPROVE}"], data[f"{g.value}_{REJECT}"]) for g in Guideline
        }

    def save(self, commit=True):
        self.instance.thresholds = overrides_from(self.proposed_thresholds())
        return super().save(commit)


class PreviewSampleForm(forms.Form):
    sample = forms.IntegerField(
        label=_("Comments replayed"),
        min_value=1,
        max_value=PREVIEW_SAMPLE_MAX,
        initial=PREVIEW_SAMPLE,
        required=False,
    )

    def size(self):
        if self.is_valid() and self.cleaned_data["sample"]:
            return self.cleaned_data["sample"]
        return PREVIEW_SAMPLE
