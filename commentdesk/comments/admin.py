"""Featured comments in the Django admin: pick one by its number, or stop featuring it.

Both go through the actions, so the checks (published, not a reply) and the embed's cache
are the same as from the workspace.
"""

from django import forms
from django.contrib import admin

from commentdesk.comments.actions import (
    NOT_FEATURABLE,
    do_feature_comment,
    do_unfeature_comment,
)
from commentdesk.comments.models import Comment, FeaturedComment


class FeaturedCommentForm(forms.ModelForm):
    class Meta:
        model = FeaturedComment
        fields = ["comment"]

    def clean_comment(self):
        comment = self.cleaned_data["comment"]
        if comment.status != Comment.Status.APPROVED or comment.parent_id is not None:
            raise forms.ValidationError(NOT_FEATURABLE)
        return comment


@admin.register(FeaturedComment)
class FeaturedCommentAdmin(admin.ModelAdmin):
    form = FeaturedCommentForm
    list_display = ["comment", "featured_by", "featured_at"]
    list_select_related = ["comment", "featured_by"]
    raw_id_fields = ["comment"]

    def has_change_permission(self, request, obj=None):
        return False  # A pick is made or taken back, never edited.

    def save_model(self, request, obj, form, change):
        saved = do_feature_comment(obj.comment_id, editor=request.user)
        obj.pk, obj.featured_by, obj.featured_at = saved.pk, saved.featured_by, saved.featured_at

    def delete_model(self, request, obj):
        do_unfeature_comment(obj.comment_id)

    def delete_queryset(self, request, queryset):
        for comment_id in queryset.values_list("comment_id", flat=True):
            do_unfeature_comment(comment_id)
