from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from commentdesk.articles.digits import Digits
from commentdesk.articles.guidelines import DEFAULT_GUIDELINES, DEFAULT_GUIDELINES_EN

# "auto": the interface follows each reader's browser (Accept-Language).
AUTO_LANGUAGE = "auto"


def validate_origins(value: str) -> None:
    """Each line must be an origin: scheme and host (and port), no path, e.g. https://a.org."""
    for origin in value.split():
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or not parts.netloc or origin.rstrip("/") != (
            f"{parts.scheme}://{parts.netloc}"
        ):
            raise ValidationError(
                _("%(origin)s is not an origin like https://news.example.org (no path)."),
                params={"origin": origin},
            )


class SiteManager(models.Manager):
    def get_current(self) -> "Site":
        """The site this desk serves: the first one, created by a migration if need be."""
        return self.order_by("pk").first() or self.create(name="commentdesk")


class Site(models.Model):
    """A publication (an edition of a newsroom) with its own guidelines and formats."""

    name = models.CharField(_("name"), max_length=120)
    language = models.CharField(
        _("language"),
        max_length=12,
        default="en",
        blank=True,
        choices=[(AUTO_LANGUAGE, _("Each reader's browser language"))] + list(settings.LANGUAGES),
        help_text=_("The language of the site's pages and embedded comment sections."),
    )
    digits = models.CharField(
        _("digits"),
        max_length=16,
        choices=Digits.choices,
        default=Digits.LATIN,
        help_text=_("The digits of dates and times, e.g. 22-11-2023 or ٢٢-١١-٢٠٢٣."),
    )
    date_format = models.CharField(
        _("date format"),
        max_length=40,
        default="d-m-Y",
        help_text=_("Django date format for articles and comments, e.g. d-m-Y shows 22-11-2023."),
    )
    guidelines = models.TextField(
        _("community guidelines"),
        default=DEFAULT_GUIDELINES_EN,
        help_text=_("Shown above every comment form. Separate paragraphs with a blank line."),
    )

    allowed_origins = models.TextField(
        _("embedding origins"),
        blank=True,
        validators=[validate_origins],
        help_text=_(
            "Where this site's comment section may be embedded: one origin per line, "
            "e.g. https://news.example.org. Any other page gets a refusal."
        ),
    )

    objects = SiteManager()

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")

    def __str__(self):
        return self.name

    def origins(self) -> list[str]:
        """The allowed origins, lower-cased and without a trailing slash."""
        return [o.strip().rstrip("/").lower() for o in self.allowed_origins.split() if o.strip()]

    def interface_language(self) -> str:
        """The language code of the site's pages, or "" to follow the reader's browser."""
        return "" if self.language in ("", AUTO_LANGUAGE) else self.language

    def guideline_paragraphs(self) -> list[str]:
        guidelines = str(self.guidelines)
        # Untouched default guidelines are shown in the interface language.
        if _normalized(guidelines) == _normalized(DEFAULT_GUIDELINES_EN):
            guidelines = str(DEFAULT_GUIDELINES)
        return [p.strip() for p in guidelines.split("\n\n") if p.strip()]


class Article(models.Model):
    """A story; its comment section is the thread every comment hangs on."""

    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="articles")
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    headline = models.CharField(_("headline"), max_length=300)
    published_on = models.DateField(_("publication date"))
    author_name = models.CharField(_("author"), max_length=120)
    author_handle = models.CharField(
        _("author's social handle"), max_length=80, blank=True, help_text=_("e.g. @reporter")
    )
    author_url = models.URLField(_("author's profile link"), blank=True)
    dateline = models.CharField(
        _("dateline"), max_length=120, blank=True, help_text=_("e.g. ERBIL, Kurdistan Region")
    )
    body = models.TextField(_("story"), help_text=_("Separate paragraphs with a blank line."))
    language = models.CharField(
        _("language"),
        max_length=12,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("Leave empty to use the site's language."),
    )
    comments_open = models.BooleanField(_("open for comments"), default=True)
    canonical_url = models.URLField(
        _("canonical URL"),
        max_length=500,
        blank=True,
        help_text=_("The article's address on the publisher's site, for the embedded section."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "canonical_url"],
                condition=~models.Q(canonical_url=""),
                name="article_canonical_url_unique_per_site",
            )
        ]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return reverse("article", args=[self.slug])

    def interface_language(self) -> str:
        """The article's language, else its site's; "" follows the reader's browser."""
        return self.language or self.site.interface_language()

    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]


def _normalized(text: str) -> str:
    return " ".join(text.split())
