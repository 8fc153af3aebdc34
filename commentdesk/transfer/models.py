from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedComment(models.Model):
    """Where an imported comment came from, so importing the same file twice adds nothing.

    The row outlives its comment (erased at its author's request): a later import of the same
    file must not bring an erased comment back.
    """

    site = models.ForeignKey("articles.Site", on_delete=models.CASCADE, related_name="+")
    source = models.CharField(
        _("source"),
        max_length=200,
        help_text=_("e.g. disqus:forum-name or wordpress:https://blog.example.org"),
    )
    source_id = models.CharField(_("id in the source"), max_length=100)
    comment = models.OneToOneField(
        "comments.Comment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="imported_from",
        verbose_name=_("comment"),
    )
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["site", "source", "source_id"], name="imported_comment_once_per_site"
            )
        ]
        verbose_name = _("imported comment")
        verbose_name_plural = _("imported comments")

    def __str__(self):
        return f"{self.source} #{self.source_id}"
