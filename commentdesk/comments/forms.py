from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _

from commentdesk.comments.models import Report
from commentdesk.lib.text import clean_single_line, clean_submitted_text


class SubmittedTextField(forms.CharField):
    """Cleans invisible and control characters before any validation sees the text."""

    def __init__(self, *, clean=clean_submitted_text, **kwargs):
        self.clean_text = clean
        super().__init__(strip=False, **kwargs)

    def to_python(self, value):
        return self.clean_text(super().to_python(value))


HONEYPOT = "website"
PARENT = "parent_id"
NOTIFY = "notify"


def commenter_email_field(help_text):
    return forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=help_text,
        error_messages={
            "required": _("Please enter your email address."),
            "invalid": _("Please enter a valid email address, like name@example.com."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class CommentForm(forms.Form):
    author_name = SubmittedTextField(
        label=_("Name"),
        clean=clean_single_line,
        max_length=80,
        error_messages={
            "required": _("Please enter your name."),
            "max_length": _("Please keep your name under %(limit_value)d characters."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
    )
    author_email = commenter_email_field(help_text=_("Never shown publicly."))
    text = SubmittedTextField(
        label=_("Comment"),
        error_messages={"required": _("Please write your comment.")},
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
    )
    # The honeypot: rendered in a hidden block, so people never see it and leave it empty;
    # programs that fill in every field fill it. See docs/operators/security.md.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        strip=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    # Opt-in, so unticked by default (commentdesk/notifications). The API sends a JSON boolean.
    notify = forms.BooleanField(
        label=_("Email me when my comment is published or rejected, and when someone replies"),
        required=False,
    )

    # The comment this one replies to: set by the page's Reply link (?reply_to=), kept hidden.
    parent_id = forms.IntegerField(
        required=False, min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput
    )

    def __init__(self, *args, identity=None, **kwargs):
        """With identity (a reader signed in through the publisher, see identity/tokens.py),
        the name and email are theirs: the form neither asks for nor accepts them."""
        super().__init__(*args, **kwargs)
        self.identity = identity
        if identity is not None:
            del self.fields["author_name"], self.fields["author_email"]
        self.max_text_length = settings.COMMENT_MAX_LENGTH
        self.fields["text"].widget.attrs["maxlength"] = self.max_text_length
        self.fields["text"].help_text = _("Up to %(limit)d characters.") % {
            "limit": self.max_text_length
        }

    @property
    def reader_fields(self):
        """The required fields a person fills in, in order: not the honeypot, the hidden parent
        or the optional notify box."""
        return [field for field in self if field.name not in (HONEYPOT, PARENT, NOTIFY)]

    @property
    def honeypot(self):
        return self[HONEYPOT]

    @property
    def notify_box(self):
        return self[NOTIFY]

    @property
    def has_field_errors(self) -> bool:
        return any(name != NON_FIELD_ERRORS for name in self.errors)

    def caught_by_honeypot(self) -> bool:
        return self.has_error(NON_FIELD_ERRORS, code="honeypot")

    def clean_author_email(self):
        # One commenter, one address: their history is looked up by it, case-blind.
        return self.cleaned_data["author_email"].lower()

    def clean_text(self):
        text = self.cleaned_data["text"]
        if len(text) > self.max_text_length:
            raise forms.ValidationError(
                _("Your comment is %(length)d characters long; the limit is %(limit)d.")
                % {"length": len(text), "limit": self.max_text_length}
            )
        return text

    def clean(self):
        cleaned = super().clean()
        if cleaned.pop(HONEYPOT, ""):
            raise forms.ValidationError(HONEYPOT_MESSAGE, code="honeypot")
        if self.identity is not None:
            cleaned["author_name"] = self.identity.name
            cleaned["author_email"] = self.identity.email
        return cleaned


HONEYPOT_MESSAGE = _(
    "Your comment was not posted: a hidden field that only automated programs fill in was "
    "filled in. If you are a person, your browser may have filled it in for you; turn off "
    "autofill for this page and post again."
)


class PrivacyRequestForm(forms.Form):
    email = commenter_email_field(
        help_text=_("The address you post comments with. We send the link there.")
    )
    action = forms.ChoiceField(
        label=_("What you would like"),
        choices=[
            ("export", _("A copy of my comments and the decisions on them (JSON)")),
            ("erase", _("Erase my comments")),
        ],
        initial="export",
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose export or erase.")},
    )

    def clean_email(self):
        return self.cleaned_data["email"].lower()


class ReportForm(forms.Form):
    """A reader's report of a published comment: a reason and an optional short note."""

    reason = forms.ChoiceField(
        label=_("Why are you reporting this comment?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose a reason."),
            "invalid_choice": _("Please choose one of the reasons."),
        },
    )
    note = SubmittedTextField(
        label=_("Note for the moderators (optional)"),
        clean=clean_single_line,
        required=False,
        max_length=Report.NOTE_LENGTH,
        error_messages={"max_length": _("Please keep your note under %(limit_value)d characters.")},
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
