from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from commentdesk.lib.text import clean_single_line, clean_submitted_text


class CommentForm(forms.Form):
    author_name = forms.CharField(
        label=_("Name"),
        max_length=80,
        error_messages={
            "required": _("Please enter your name."),
            "max_length": _("Please keep your name under %(limit_value)d characters."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
    )
    author_email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("Never shown publicly."),
        error_messages={
            "required": _("Please enter your email address."),
            "invalid": _("Please enter a valid email address, like name@example.com."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    text = forms.CharField(
        label=_("Comment"),
        error_messages={"required": _("Please write your comment.")},
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_text_length = settings.COMMENT_MAX_LENGTH
        self.fields["text"].widget.attrs["maxlength"] = self.max_text_length
        self.fields["text"].help_text = _("Up to %(limit)d characters.") % {
            "limit": self.max_text_length
        }

    def clean_author_name(self):
        name = clean_single_line(self.cleaned_data["author_name"])
        if not name:
            raise forms.ValidationError(_("Please enter your name."))
        return name

    def clean_text(self):
        text = clean_submitted_text(self.cleaned_data["text"])
        if not text:
            raise forms.ValidationError(_("Please write your comment."))
        if len(text) > self.max_text_length:
            raise forms.ValidationError(
                _("Your comment is %(length)d characters long; the limit is %(limit)d.")
                % {"length": len(text), "limit": self.max_text_length}
            )
        return text
