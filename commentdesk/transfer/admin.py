from django.contrib import admin

from commentdesk.transfer.models import ImportedComment


@admin.register(ImportedComment)
class ImportedCommentAdmin(admin.ModelAdmin):
    """Read-only: rows are written by `manage.py import_comments`."""

    list_display = ["source_id", "source", "site", "comment", "imported_at"]
    list_filter = ["site", "source"]
    search_fields = ["source_id"]
    list_select_related = ["site", "comment"]
    raw_id_fields = ["comment"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
